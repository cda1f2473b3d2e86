// The client of the quarterly reports (§10.1–10.2): the matrix of municipalities × quarters, opening a
// quarter's report, the report with its figures, the analytical part, the steps and the exports.
// The answers' types come from the server's schemas (server/modules/reports/schema.ts).
import type { Static } from 'typebox';
import type {
  Report as ReportSchema, ReportCell as ReportCellSchema, ReportFigure as ReportFigureSchema, ReportFigures as ReportFiguresSchema,
  ReportMatrix as ReportMatrixSchema, OpenReport, Analytics, ReportActionBody,
} from '../../server/modules/reports/schema';
import { request } from './api';

export {
  isReportAction, REPORT_ACTIONS, REPORT_CELL_STATUSES, type ReportAction, type ReportCellStatus, type ReportStatus,
} from '../../domain/reports/status';
import type { ReportAction } from '../../domain/reports/status';

export type ReportCell = Static<typeof ReportCellSchema>;
export type ReportMatrix = Static<typeof ReportMatrixSchema>;
/** One number of the report and the registry filter that lists exactly the appeals it counts. */
export type ReportFigure = Static<typeof ReportFigureSchema>;
export type ReportFigures = Static<typeof ReportFiguresSchema>;
export type Report = Static<typeof ReportSchema>;

/** The analytical part as the form edits it: every field present. */
export type ReportAnalytics = Required<Static<typeof Analytics>>;

export const ANALYTICS_FIELDS = ['mainProblems', 'measures', 'proposals'] as const;

/** The analytical part with every field a string. */
export function analyticsOf(report: Report): ReportAnalytics {
  const a = report.analytics ?? {};
  return { mainProblems: a.mainProblems ?? '', measures: a.measures ?? '', proposals: a.proposals ?? '' };
}

/** The registry page listing exactly the appeals of a figure. */
export function registryLink(filter: string): string {
  return `/appeals?${filter}`;
}

const id = (value: string) => encodeURIComponent(value);

export const reportApi = {
  matrix: (year: number) => request<ReportMatrix>('GET', '/api/reports', { query: { year } }),
  open: (body: Static<typeof OpenReport>) => request<Report>('POST', '/api/reports', { body }),
  get: (reportId: string) => request<Report>('GET', `/api/reports/${id(reportId)}`),
  saveAnalytics: (reportId: string, analytics: Partial<ReportAnalytics>) => request<Report>('PATCH', `/api/reports/${id(reportId)}`, { body: { analytics } }),
  act: (reportId: string, action: ReportAction, remarks?: string) =>
    request<Report>('POST', `/api/reports/${id(reportId)}/actions/${id(action)}`, { body: (remarks === undefined ? {} : { remarks }) satisfies ReportActionBody }),
  exportUrl: (reportId: string, format: 'xlsx' | 'pdf') => `/api/reports/${id(reportId)}/export.${format}`,
};
