// The client of the monitoring of publications (the ЦУР's sources and triage queue) and of official pages.
import type { Static } from 'typebox';
import type {
  CreateSource, FetchOutcome as FetchOutcomeSchema, ItemFilter, ItemList as ItemListSchema, MonitoringItem as MonitoringItemSchema,
  MonitoringSource as MonitoringSourceSchema, RegisterItem, UpdateSource,
} from '../../server/modules/monitoring/schema';
import type { CreatePage, OfficialPage as OfficialPageSchema, UpdatePage } from '../../server/modules/official-pages/schema';
import { request } from './api';

export type MonitoringSource = Static<typeof MonitoringSourceSchema>;
export type MonitoringItem = Static<typeof MonitoringItemSchema>;
export type ItemList = Static<typeof ItemListSchema>;
export type FetchOutcome = Static<typeof FetchOutcomeSchema>;
export type OfficialPage = Static<typeof OfficialPageSchema>;

const id = (value: string) => encodeURIComponent(value);
const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const monitoringApi = {
  sources: (municipality?: string) => request<{ items: MonitoringSource[] }>('GET', `/api/monitoring/sources${query({ municipality })}`),
  createSource: (body: Static<typeof CreateSource>) => request<MonitoringSource>('POST', '/api/monitoring/sources', { body }),
  updateSource: (sourceId: string, body: Static<typeof UpdateSource>) => request<MonitoringSource>('PATCH', `/api/monitoring/sources/${id(sourceId)}`, { body }),
  deleteSource: (sourceId: string) => request<void>('DELETE', `/api/monitoring/sources/${id(sourceId)}`),
  fetchNow: (sourceId: string) => request<FetchOutcome>('POST', `/api/monitoring/sources/${id(sourceId)}/fetch`),
  items: (filter: Static<typeof ItemFilter>) => request<ItemList>('GET', `/api/monitoring/items${query(filter)}`),
  register: (itemId: string, body: Static<typeof RegisterItem>) => request<MonitoringItem>('POST', `/api/monitoring/items/${id(itemId)}/register`, { body }),
  reject: (itemId: string, reason: string) => request<MonitoringItem>('POST', `/api/monitoring/items/${id(itemId)}/reject`, { body: { reason } }),
};

export const officialPagesApi = {
  list: (municipality?: string) => request<{ items: OfficialPage[] }>('GET', `/api/official-pages${query({ municipality })}`),
  create: (body: Static<typeof CreatePage>) => request<OfficialPage>('POST', '/api/official-pages', { body }),
  update: (pageId: string, body: Static<typeof UpdatePage>) => request<OfficialPage>('PATCH', `/api/official-pages/${id(pageId)}`, { body }),
  remove: (pageId: string) => request<void>('DELETE', `/api/official-pages/${id(pageId)}`),
  check: (pageId: string) => request<OfficialPage>('POST', `/api/official-pages/${id(pageId)}/check`),
};
