// The typed client of the Otklik API: JSON over fetch with the session cookie and the CSRF token.
import type { Static } from 'typebox';
import type { SessionInfo as SessionInfoSchema, ApiToken as ApiTokenSchema, CreatedToken as CreatedTokenSchema, CreateTokenBody } from '../../server/modules/auth/schema';
import type { Organization as OrganizationSchema, CreateOrganization as CreateOrganizationSchema, UpdateOrganization as UpdateOrganizationSchema } from '../../server/modules/organizations/schema';
import type { User as UserSchema, CreateUser as CreateUserSchema, UpdateUser as UpdateUserSchema, UserFilter as UserFilterSchema, UserList, UserWithPassword as UserWithPasswordSchema } from '../../server/modules/users/schema';
import type { Appeal as AppealSchema, AppealFilter as AppealFilterSchema, AppealList as AppealListSchema, CreateAppeal as CreateAppealSchema, TimelineEntry as TimelineEntrySchema, UpdateAppeal as UpdateAppealSchema } from '../../server/modules/appeals/schema';
import type { Mailbox as MailboxSchema, SaveMailbox as SaveMailboxSchema } from '../../server/modules/mailboxes/schema';
import type { OrganizationKind } from '../../domain/roles';
import type { AuditEntry as AuditEntrySchema, AuditPage, AuditQuery } from '../../server/modules/audit/schema';
import type { Topic as TopicSchema, TopicList } from '../../server/modules/topics/schema';
import type { TopicSuggestion as TopicSuggestionSchema } from '../../server/modules/text/schema';
import type { Notification as NotificationSchema, NotificationList, ReadResult } from '../../server/modules/notifications/schema';
import type {
  PublicAppealBody, PublicMunicipalities, PublicMunicipality as PublicMunicipalitySchema, PublicStatus as PublicStatusSchema, RatingBody, SubmittedAppeal,
} from '../../server/modules/public/schema';
import type { Health as HealthSchema } from '../../server/modules/health/schema';
import type { Department as DepartmentSchema, DepartmentList } from '../../server/modules/departments/schema';
import type { ErrorBody } from '../../server/platform/http';
import type { Today as TodaySchema } from '../../server/modules/today/schema';
import type { BulkActionBody as BulkActionBodySchema, BulkActionResult as BulkActionResultSchema } from '../../server/modules/appeals/schema';

export type SessionInfo = Static<typeof SessionInfoSchema>;
export type SessionUser = SessionInfo['user'];
export type ApiToken = Static<typeof ApiTokenSchema>;
export type CreatedToken = Static<typeof CreatedTokenSchema>;
export type NewApiToken = Static<typeof CreateTokenBody>;
export type Organization = Static<typeof OrganizationSchema>;
export type CreateOrganization = Static<typeof CreateOrganizationSchema>;
export type UpdateOrganization = Static<typeof UpdateOrganizationSchema>;
export type Mailbox = Static<typeof MailboxSchema>;
export type SaveMailbox = Static<typeof SaveMailboxSchema>;
export type User = Static<typeof UserSchema>;
export type CreateUser = Static<typeof CreateUserSchema>;
export type UpdateUser = Static<typeof UpdateUserSchema>;
export type UserFilter = Static<typeof UserFilterSchema>;
export type UserWithPassword = Static<typeof UserWithPasswordSchema>;
export type Appeal = Static<typeof AppealSchema>;
export type AppealFilter = Static<typeof AppealFilterSchema>;
export type UpdateAppeal = Static<typeof UpdateAppealSchema>;
export type AppealList = Static<typeof AppealListSchema>;
export type AppealListItem = AppealList['items'][number];
export type CreateAppeal = Static<typeof CreateAppealSchema>;
export type TimelineEntry = Static<typeof TimelineEntrySchema>;

export type AuditEntry = Static<typeof AuditEntrySchema>;
export type AuditFilter = Static<typeof AuditQuery>;
export type Topic = Static<typeof TopicSchema>;
export type TopicSuggestion = Static<typeof TopicSuggestionSchema>;
export type AppNotification = Static<typeof NotificationSchema>;
export type PublicMunicipality = Static<typeof PublicMunicipalitySchema>;
export type PublicAppealInput = Static<typeof PublicAppealBody>;
/** GET /api/public/appeals/:number — what the author sees of the appeal. */
export type PublicStatus = Static<typeof PublicStatusSchema>;
export type Health = Static<typeof HealthSchema>;

export type Department = Static<typeof DepartmentSchema>;
/** GET /api/me/today — the home page's counts with their links. */
export type Today = Static<typeof TodaySchema>;
export type BulkAction = Static<typeof BulkActionBodySchema>;
export type BulkActionResult = Static<typeof BulkActionResultSchema>;

/** What a file of an appeal is attached to: the appeal itself or the answer. */
export const APPEAL_FILE_PURPOSES = ['appeal', 'answer'] as const;
export type AppealFilePurpose = (typeof APPEAL_FILE_PURPOSES)[number];

/** The server's message for one field of a refused request. */
export type FieldError = NonNullable<Static<typeof ErrorBody>['details']>[number];

/** An error answer of the server: `{code, message, requestId, details}`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Message of the field, if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.field === field)?.message;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated request answers 401: the session has ended. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A query string of the filter, without empty values: the same filter for the API and for export links. */
export function queryString(query: Query): string {
  return withQuery('', query).replace(/^\?/, '');
}

interface RequestOptions {
  body?: unknown;
  query?: Query;
  quiet401?: boolean;
}

/** A request of the API; a FormData body goes as multipart, anything else as JSON. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return (await send<T>(method, path, options)).data;
}

/** The answer with its HTTP status, for routes whose success statuses mean different things. */
async function send<T>(method: string, path: string, options: RequestOptions = {}): Promise<{ data: T; status: number }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Сервер недоступен. Проверьте подключение и повторите попытку');
  }
  if (response.status === 204) return { data: undefined as T, status: 204 };
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(response.status, 'invalid_response', 'Сервер вернул неожиданный ответ');
  }
  if (!response.ok) {
    const body = (data ?? {}) as Partial<Static<typeof ErrorBody>>;
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    throw new ApiError(response.status, body.code ?? 'http_error', body.message ?? `HTTP ${response.status}`, body.details ?? [], body.requestId);
  }
  return { data: data as T, status: response.status };
}

export const api = {
  health: () => request<Health>('GET', '/api/health'),

  auth: {
    me: () => request<SessionInfo>('GET', '/api/auth/me', { quiet401: true }),
    login: (login: string, password: string) => request<SessionInfo>('POST', '/api/auth/login', { body: { login, password }, quiet401: true }),
    logout: () => request<void>('POST', '/api/auth/logout', { quiet401: true }),
    changePassword: (currentPassword: string, newPassword: string) => request<void>('POST', '/api/auth/password', { body: { currentPassword, newPassword } }),
    tokens: () => request<{ items: ApiToken[] }>('GET', '/api/auth/tokens'),
    createToken: (body: NewApiToken) => request<CreatedToken>('POST', '/api/auth/tokens', { body }),
    revokeToken: (id: string) => request<ApiToken>('DELETE', `/api/auth/tokens/${encodeURIComponent(id)}`),
  },

  me: {
    today: () => request<Today>('GET', '/api/me/today'),
  },

  organizations: {
    list: (filter: { kind?: OrganizationKind; active?: boolean } = {}) => request<{ items: Organization[] }>('GET', '/api/organizations', { query: filter }),
    create: (body: CreateOrganization) => request<Organization>('POST', '/api/organizations', { body }),
    update: (id: string, body: UpdateOrganization) => request<Organization>('PATCH', `/api/organizations/${encodeURIComponent(id)}`, { body }),
    mailbox: (id: string) => request<Mailbox>('GET', `/api/organizations/${encodeURIComponent(id)}/mailbox`),
    saveMailbox: (id: string, body: SaveMailbox) => request<Mailbox>('PUT', `/api/organizations/${encodeURIComponent(id)}/mailbox`, { body }),
    deleteMailbox: (id: string) => request<void>('DELETE', `/api/organizations/${encodeURIComponent(id)}/mailbox`),
  },

  users: {
    list: (filter: UserFilter = {}) => request<Static<typeof UserList>>('GET', '/api/users', { query: filter }),
    create: (body: CreateUser) => request<UserWithPassword>('POST', '/api/users', { body }),
    update: (id: string, body: UpdateUser) => request<User>('PATCH', `/api/users/${encodeURIComponent(id)}`, { body }),
    resetPassword: (id: string) => request<UserWithPassword>('POST', `/api/users/${encodeURIComponent(id)}/reset-password`),
  },

  audit: {
    list: (filter: AuditFilter = {}) => request<Static<typeof AuditPage>>('GET', '/api/audit', { query: { ...filter } }),
  },

  appeals: {
    list: (filter: AppealFilter) => request<AppealList>('GET', '/api/appeals', { query: { ...filter } }),
    get: (id: string) => request<Appeal>('GET', `/api/appeals/${encodeURIComponent(id)}`),
    /** `created` is false when the channel's external id was already known: the existing appeal comes back. */
    create: async (body: CreateAppeal) => {
      const { data, status } = await send<Appeal>('POST', '/api/appeals', { body });
      return { appeal: data, created: status === 201 };
    },
    update: (id: string, body: UpdateAppeal) => request<Appeal>('PATCH', `/api/appeals/${encodeURIComponent(id)}`, { body }),
    act: (id: string, action: string, body: Record<string, unknown>) =>
      request<Appeal>('POST', `/api/appeals/${encodeURIComponent(id)}/actions/${encodeURIComponent(action)}`, { body }),
    timeline: (id: string) => request<{ items: TimelineEntry[] }>('GET', `/api/appeals/${encodeURIComponent(id)}/timeline`),
    comment: (id: string, text: string) => request<{ items: TimelineEntry[] }>('POST', `/api/appeals/${encodeURIComponent(id)}/comments`, { body: { text } }),
    attach: (id: string, files: File[], purpose: AppealFilePurpose) => {
      const form = new FormData();
      form.set('purpose', purpose);
      for (const file of files) form.append('files', file);
      return request<Appeal>('POST', `/api/appeals/${encodeURIComponent(id)}/attachments`, { body: form });
    },
    bulk: (body: BulkAction) => request<BulkActionResult>('POST', '/api/appeals/bulk', { body }),
    /** The answer as an official letter on the letterhead. */
    answerUrl: (id: string, format: 'docx' | 'pdf') => `/api/appeals/${encodeURIComponent(id)}/answer.${format}`,
    attachmentUrl: (id: string, attachmentId: string) => `/api/appeals/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`,
    /** `mask` hides personal data: e-mails, phones, flats and the author's names; the author by initials. */
    exportUrl: (format: 'xlsx' | 'csv', filter: AppealFilter, mask = false) => {
      const { cursor: _cursor, limit: _limit, ...rest } = filter;
      return `/api/appeals/export?${queryString({ format, ...rest, mask: mask || undefined })}`;
    },
  },

  text: {
    suggest: (text: string) => request<{ suggestions: TopicSuggestion[] }>('POST', '/api/text/suggest', { body: { text } }),
  },

  departments: {
    list: (municipality?: string) => request<Static<typeof DepartmentList>>('GET', '/api/departments', { query: { municipality } }),
  },

  topics: {
    list: () => request<Static<typeof TopicList>>('GET', '/api/topics'),
  },

  notifications: {
    list: (limit = 30) => request<Static<typeof NotificationList>>('GET', '/api/notifications', { query: { limit } }),
    read: (id: string | 'all') => request<Static<typeof ReadResult>>('POST', `/api/notifications/${encodeURIComponent(id)}/read`),
    streamUrl: '/api/notifications/stream',
  },

  public: {
    municipalities: () => request<Static<typeof PublicMunicipalities>>('GET', '/api/public/municipalities'),
    submit: (body: PublicAppealInput | FormData) => request<Static<typeof SubmittedAppeal>>('POST', '/api/public/appeals', { body }),
    status: (number: string, code: string) => request<PublicStatus>('GET', `/api/public/appeals/${encodeURIComponent(number)}`, { query: { code } }),
    rate: (number: string, body: Static<typeof RatingBody>) =>
      request<PublicStatus>('POST', `/api/public/appeals/${encodeURIComponent(number)}/rating`, { body }),
  },
};
