// The client of the quarterly reports (§10.1–10.2): the matrix of municipalities × quarters, opening a
// quarter's report, the report with its figures, the analytical part, the steps and the exports.
// The routes declare their answers in the route file, which the web app does not compile; their
// shapes are restated here.
import { request } from './api';

/** What a cell of the matrix shows. */
export type ReportCellStatus = 'pending' | 'on_time' | 'late' | 'missing' | 'returned' | 'accepted_on_time' | 'accepted_late';
export type ReportStatus = 'draft' | 'signed' | 'submitted' | 'accepted' | 'returned';
export type ReportAction = 'sign' | 'submit' | 'accept' | 'return';
export const REPORT_ACTIONS: readonly ReportAction[] = ['sign', 'submit', 'accept', 'return'];
export const REPORT_CELL_STATUSES: readonly ReportCellStatus[] = ['on_time', 'late', 'missing', 'returned', 'accepted_on_time', 'accepted_late', 'pending'];

export interface ReportCell {
  quarter: number;
  status: ReportCellStatus;
  reportId: string | null;
  submittedAt: string | null;
}

export interface ReportMatrix {
  year: number;
  quarters: { quarter: number; dueDate: string; started: boolean }[];
  rows: { municipality: string; municipalityName: string; cells: ReportCell[] }[];
}

/** One number of the report and the registry filter that lists exactly the appeals it counts. */
export interface ReportFigure {
  key: string;
  label: string;
  value: number;
  filter: string;
}

export interface ReportFigures {
  period: { from: string; to: string };
  total: ReportFigure;
  byChannel: ReportFigure[];
  bySection: ReportFigure[];
  byTheme: ReportFigure[];
  byKind: ReportFigure[];
  byResult: ReportFigure[];
  collective: ReportFigure;
  repeated: ReportFigure;
  extended: ReportFigure;
  answeredLate: ReportFigure;
  stillOverdue: ReportFigure;
  answerDays: { average: number | null; median: number | null; answered: number };
  satisfaction: { rated: number; average: number | null; positiveShare: number | null; filter: string };
  topProblems: { topic: string; title: string; count: number; results: Record<string, number>; filter: string }[];
  risks: { total: number; byKind: Record<string, number>; byLevel: Record<string, number>; curProposalOnTime: number | null; draftOnTime: number | null };
}

export interface ReportAnalytics {
  mainProblems: string;
  measures: string;
  proposals: string;
}

export interface ReportPerson {
  id: string;
  fullName: string;
}

export interface Report {
  id: string;
  municipality: string;
  municipalityName: string;
  year: number;
  quarter: number;
  status: ReportStatus;
  dueDate: string;
  timeliness: ReportCellStatus;
  analytics: Partial<Record<keyof ReportAnalytics, string | null>> | null;
  figures: ReportFigures;
  figuresFrozen: boolean;
  signed: { at: string; by: ReportPerson | null } | null;
  submitted: { at: string; by: ReportPerson | null } | null;
  reviewed: { at: string; by: ReportPerson | null; remarks: string | null } | null;
  actions: string[];
  /** What the signed-in user may do with this report besides its steps, decided by the server. */
  can: { read: boolean; edit: boolean; export: boolean };
}

export const ANALYTICS_FIELDS = ['mainProblems', 'measures', 'proposals'] as const;

/** The analytical part with every field a string. */
export function analyticsOf(report: Report): ReportAnalytics {
  const a = report.analytics ?? {};
  return { mainProblems: a.mainProblems ?? '', measures: a.measures ?? '', proposals: a.proposals ?? '' };
}

export function isReportAction(action: string): action is ReportAction {
  return (REPORT_ACTIONS as readonly string[]).includes(action);
}

/** The registry page listing exactly the appeals of a figure. */
export function registryLink(filter: string): string {
  return `/appeals?${filter}`;
}

const id = (value: string) => encodeURIComponent(value);

export const reportApi = {
  matrix: (year: number) => request<ReportMatrix>('GET', '/api/reports', { query: { year } }),
  open: (body: { municipality?: string; year: number; quarter: number }) => request<Report>('POST', '/api/reports', { body }),
  get: (reportId: string) => request<Report>('GET', `/api/reports/${id(reportId)}`),
  saveAnalytics: (reportId: string, analytics: Partial<ReportAnalytics>) => request<Report>('PATCH', `/api/reports/${id(reportId)}`, { body: { analytics } }),
  act: (reportId: string, action: ReportAction, remarks?: string) =>
    request<Report>('POST', `/api/reports/${id(reportId)}/actions/${id(action)}`, { body: remarks === undefined ? {} : { remarks } }),
  exportUrl: (reportId: string, format: 'xlsx' | 'pdf') => `/api/reports/${id(reportId)}/export.${format}`,
};
