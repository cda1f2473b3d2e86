// The client of the contact officials registry (§9) and of ЦУР's requests for information (§10.4–10.5).
import { request, queryString } from './api';

export interface ContactOfficial {
  id: string;
  municipality: string;
  municipalityName: string;
  userId: string | null;
  fullName: string;
  position: string;
  email: string;
  phone: string;
  active: boolean;
  updatedAt: string;
  /** What the signed-in user may do with this contact, decided by the server. */
  can: { edit: boolean };
}

export interface ContactInput {
  municipality?: string;
  fullName?: string;
  position?: string;
  email?: string;
  phone?: string;
  active?: boolean;
}

export interface ContactChange {
  id: number;
  contactId: string;
  municipality: string;
  at: string;
  change: 'create' | 'update' | 'deactivate' | 'activate';
  actor: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export type AddresseeStatus = 'sent' | 'read' | 'answered' | 'overdue';

export interface RequestFile { id: string; filename: string; mimeType: string; size: number }

export interface InfoRequest {
  id: string;
  number: string;
  subject: string;
  text: string;
  dueAt: string;
  createdAt: string;
  files: RequestFile[];
  addressees: {
    municipality: string;
    municipalityName: string;
    status: AddresseeStatus;
    readAt: string | null;
    answeredAt: string | null;
    answerText: string | null;
    files: RequestFile[];
  }[];
  /** What the signed-in user may do with this request, decided by the server. */
  can: { answer: boolean };
}

export interface InfoRequestSummary {
  id: string;
  number: string;
  subject: string;
  dueAt: string;
  createdAt: string;
  addressees: { municipality: string; status: AddresseeStatus }[];
}

export interface ContactFilter { municipality?: string; q?: string; active?: boolean }

export const directoryApi = {
  contacts: (filter: ContactFilter = {}) => request<{ items: ContactOfficial[] }>('GET', '/api/contacts', { query: { ...filter } }),
  exportUrl: (filter: ContactFilter = {}) => `/api/contacts/export?${queryString({ ...filter })}`,
  history: (municipality?: string) => request<{ items: ContactChange[] }>('GET', '/api/contacts/history', { query: { municipality } }),
  createContact: (input: ContactInput) => request<ContactOfficial>('POST', '/api/contacts', { body: input }),
  updateContact: (id: string, input: ContactInput) => request<ContactOfficial>('PATCH', `/api/contacts/${id}`, { body: input }),

  requests: () => request<{ items: InfoRequestSummary[] }>('GET', '/api/requests'),
  request: (id: string) => request<InfoRequest>('GET', `/api/requests/${id}`),
  createRequest: (form: FormData) => request<InfoRequest>('POST', '/api/requests', { body: form }),
  answer: (id: string, form: FormData) => request<InfoRequest>('POST', `/api/requests/${id}/answer`, { body: form }),
  fileUrl: (id: string, fileId: string) => `/api/requests/${id}/files/${fileId}`,
};
