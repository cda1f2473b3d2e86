// The client of the contact officials registry (§9) and of ЦУР's requests for information (§10.4–10.5).
import type { Static } from 'typebox';
import type {
  Contact, ContactChange as ContactChangeSchema, ContactFilter as ContactFilterSchema, CreateContact, UpdateContact,
} from '../../server/modules/contacts/schema';
import type { InfoRequest, InfoRequestList } from '../../server/modules/requests/schema';
import { request, queryString } from './api';

export type ContactOfficial = Static<typeof Contact>;
export type ContactInput = Partial<Static<typeof CreateContact> & Static<typeof UpdateContact>>;
export type ContactFilter = Static<typeof ContactFilterSchema>;
/** The server stores the kind of change and the record's snapshots as free JSON; the web reads them as these. */
export type ContactChange = Omit<Static<typeof ContactChangeSchema>, 'change' | 'before' | 'after'> & {
  change: 'create' | 'update' | 'deactivate' | 'activate';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type { AddresseeStatus, InfoRequest, InfoRequestSummary, RequestFile } from '../../server/modules/requests/schema';

export const directoryApi = {
  contacts: (filter: ContactFilter = {}) => request<{ items: ContactOfficial[] }>('GET', '/api/contacts', { query: { ...filter } }),
  exportUrl: (filter: ContactFilter = {}) => `/api/contacts/export?${queryString({ ...filter })}`,
  history: (municipality?: string) => request<{ items: ContactChange[] }>('GET', '/api/contacts/history', { query: { municipality } }),
  createContact: (input: ContactInput) => request<ContactOfficial>('POST', '/api/contacts', { body: input }),
  updateContact: (id: string, input: ContactInput) => request<ContactOfficial>('PATCH', `/api/contacts/${id}`, { body: input }),

  requests: () => request<Static<typeof InfoRequestList>>('GET', '/api/requests'),
  request: (id: string) => request<InfoRequest>('GET', `/api/requests/${id}`),
  createRequest: (form: FormData) => request<InfoRequest>('POST', '/api/requests', { body: form }),
  answer: (id: string, form: FormData) => request<InfoRequest>('POST', `/api/requests/${id}/answer`, { body: form }),
  fileUrl: (id: string, fileId: string) => `/api/requests/${id}/files/${fileId}`,
};
