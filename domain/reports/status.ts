// The statuses, steps and matrix cells of a quarterly report (§10.1–10.2), shared by the server and the web.

export const REPORT_STATUSES = ['draft', 'signed', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = ['sign', 'submit', 'accept', 'return'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** What a cell of the matrix shows: the timeliness of the quarter, or what ЦУР decided. */
export const REPORT_CELL_STATUSES = ['on_time', 'late', 'missing', 'returned', 'accepted_on_time', 'accepted_late', 'pending'] as const;
export type ReportCellStatus = (typeof REPORT_CELL_STATUSES)[number];

export function isReportAction(action: string): action is ReportAction {
  return (REPORT_ACTIONS as readonly string[]).includes(action);
}
