// The client of the information-risk routes (§7): the board and inbox, the card and its steps,
// screenshots, the official comment as DOCX/PDF, statistics and the public refutations.
import type { Static } from 'typebox';
import type {
  CreateRisk as CreateRiskSchema, Risk as RiskSchema, RiskFilter as RiskFilterSchema, RiskListItem as RiskListItemSchema,
  ActionBody as ActionBodySchema, RiskStatisticsRow as RiskStatisticsRowSchema, Statistics as StatisticsSchema, Refutations as RefutationsSchema,
} from '../../server/modules/risks/schema';
import { request } from './api';

export type Risk = Static<typeof RiskSchema>;
export type RiskListItem = Static<typeof RiskListItemSchema>;
export type CreateRisk = Static<typeof CreateRiskSchema>;
export type RiskFilter = Static<typeof RiskFilterSchema>;
export type RiskActionBody = Static<typeof ActionBodySchema>;
export type RiskClockInfo = Risk['clocks']['draft'];
export type RiskVersion = Risk['versions'][number];

export type RiskStatisticsRow = Static<typeof RiskStatisticsRowSchema>;
export type RiskStatistics = Static<typeof StatisticsSchema>;
export type Refutations = Static<typeof RefutationsSchema>;
export type Refutation = Refutations['items'][number];

/** What a screenshot of a risk shows: the publication or its refutation. */
export const RISK_FILE_PURPOSES = ['publication', 'refutation'] as const;
export type RiskFilePurpose = (typeof RISK_FILE_PURPOSES)[number];

const id = (value: string) => encodeURIComponent(value);

export const riskApi = {
  list: (filter: RiskFilter) => request<{ items: RiskListItem[] }>('GET', '/api/risks', { query: { ...filter } }),
  get: (riskId: string) => request<Risk>('GET', `/api/risks/${id(riskId)}`),
  create: (body: CreateRisk) => request<Risk>('POST', '/api/risks', { body }),
  act: (riskId: string, action: string, body: RiskActionBody) => request<Risk>('POST', `/api/risks/${id(riskId)}/actions/${id(action)}`, { body }),
  attach: (riskId: string, files: File[], purpose: RiskFilePurpose) => {
    const form = new FormData();
    form.set('purpose', purpose);
    for (const file of files) form.append('files', file);
    return request<Risk>('POST', `/api/risks/${id(riskId)}/files`, { body: form });
  },
  fileUrl: (riskId: string, fileId: string) => `/api/risks/${id(riskId)}/files/${id(fileId)}`,
  commentUrl: (riskId: string, format: 'docx' | 'pdf') => `/api/risks/${id(riskId)}/comment.${format}`,
  statistics: (from: string, to: string) => request<RiskStatistics>('GET', '/api/risks/statistics', { query: { from, to } }),
  refutations: (slug: string) => request<Refutations>('GET', '/api/public/refutations', { query: { municipality: slug } }),
  feedUrl: (slug: string) => `/api/public/refutations.atom?municipality=${encodeURIComponent(slug)}`,
};
