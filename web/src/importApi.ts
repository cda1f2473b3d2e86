// The client of channel imports (ПОС, Инцидент-менеджмент), the category-to-topic map and the Open311 keys.
import type { Static } from 'typebox';
import type { CategoryMap as CategoryMapSchema, CategoryMapping as CategoryMappingSchema, ImportRun as ImportRunSchema } from '../../server/modules/imports/schema';
import type { IssuedKey as IssuedKeySchema, IssueKeyBody, Open311Key as Open311KeySchema } from '../../server/modules/open311/schema';
import type { ImportSource } from '../../domain/imports/columns';
import { request } from './api';

export type ImportRun = Static<typeof ImportRunSchema>;
export type CategoryMap = Static<typeof CategoryMapSchema>;
export type CategoryMapping = Static<typeof CategoryMappingSchema>;
export type Open311Key = Static<typeof Open311KeySchema>;
export type IssuedKey = Static<typeof IssuedKeySchema>;

const id = (value: string) => encodeURIComponent(value);

export const importApi = {
  start: (input: { source: ImportSource; municipality?: string; dryRun: boolean; file: File }) => {
    const form = new FormData();
    form.append('source', input.source);
    if (input.municipality) form.append('municipality', input.municipality);
    form.append('dryRun', String(input.dryRun));
    form.append('file', input.file, input.file.name);
    return request<ImportRun>('POST', '/api/imports', { body: form });
  },
  get: (runId: string) => request<ImportRun>('GET', `/api/imports/${id(runId)}`),
  list: () => request<{ items: ImportRun[] }>('GET', '/api/imports'),
  rejectionsUrl: (runId: string) => `/api/imports/${id(runId)}/rejections.csv`,
  categories: (source: ImportSource) => request<CategoryMap>('GET', `/api/import-categories/${id(source)}`),
  saveCategories: (source: ImportSource, items: CategoryMapping[]) => request<CategoryMap>('PUT', `/api/import-categories/${id(source)}`, { body: { items } }),
  keys: () => request<{ items: Open311Key[] }>('GET', '/api/open311/keys'),
  issueKey: (body: Static<typeof IssueKeyBody>) => request<IssuedKey>('POST', '/api/open311/keys', { body }),
  revokeKey: (keyId: string) => request<void>('DELETE', `/api/open311/keys/${id(keyId)}`),
};
