// The client of the information-risk routes (§7): the board and inbox, the card and its steps,
// screenshots, the official comment as DOCX/PDF, statistics and the public refutations.
import type { Static } from 'typebox';
import type {
  CreateRisk as CreateRiskSchema, Risk as RiskSchema, RiskFilter as RiskFilterSchema, RiskListItem as RiskListItemSchema,
  ActionBody as ActionBodySchema,
} from '../../server/modules/risks/schema';
import { request } from './api';

export type Risk = Static<typeof RiskSchema>;
export type RiskListItem = Static<typeof RiskListItemSchema>;
export type CreateRisk = Static<typeof CreateRiskSchema>;
export type RiskFilter = Static<typeof RiskFilterSchema>;
export type RiskActionBody = Static<typeof ActionBodySchema>;
export type RiskClockInfo = Risk['clocks']['draft'];
export type RiskVersion = Risk['versions'][number];

// Statistics and the public refutations declare their schemas in route files, which the web app does
// not compile; their shapes are restated here.

export interface RiskStatisticsRow {
  municipality: string;
  municipalityName: string;
  total: number;
  byKind: Record<string, number>;
  byLevel: Record<string, number>;
  medianMinutes: { acknowledge: number | null; curProposal: number | null; draft: number | null; publication: number | null };
  onTime: { curProposal: number | null; draft: number | null };
  overdue: { curProposal: number; draft: number };
}

export interface RiskStatistics {
  from: string;
  to: string;
  rows: RiskStatisticsRow[];
  region: RiskStatisticsRow;
}

export interface Refutation {
  number: string;
  municipality: string;
  claim: string;
  claimLink: string | null;
  comment: string;
  publishedAt: string;
  place: string | null;
  link: string | null;
}

const id = (value: string) => encodeURIComponent(value);

export const riskApi = {
  list: (filter: RiskFilter) => request<{ items: RiskListItem[] }>('GET', '/api/risks', { query: { ...filter } }),
  get: (riskId: string) => request<Risk>('GET', `/api/risks/${id(riskId)}`),
  create: (body: CreateRisk) => request<Risk>('POST', '/api/risks', { body }),
  act: (riskId: string, action: string, body: RiskActionBody) => request<Risk>('POST', `/api/risks/${id(riskId)}/actions/${id(action)}`, { body }),
  attach: (riskId: string, files: File[], purpose: 'publication' | 'refutation') => {
    const form = new FormData();
    form.set('purpose', purpose);
    for (const file of files) form.append('files', file);
    return request<Risk>('POST', `/api/risks/${id(riskId)}/files`, { body: form });
  },
  fileUrl: (riskId: string, fileId: string) => `/api/risks/${id(riskId)}/files/${id(fileId)}`,
  commentUrl: (riskId: string, format: 'docx' | 'pdf') => `/api/risks/${id(riskId)}/comment.${format}`,
  statistics: (from: string, to: string) => request<RiskStatistics>('GET', '/api/risks/statistics', { query: { from, to } }),
  refutations: (slug: string) => request<{ municipality: string; municipalityName: string; items: Refutation[] }>('GET', '/api/public/refutations', { query: { municipality: slug } }),
  feedUrl: (slug: string) => `/api/public/refutations.atom?municipality=${encodeURIComponent(slug)}`,
};
