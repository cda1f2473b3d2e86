// The typed client of the Otklik API: JSON over fetch with the session cookie and the CSRF token.
import type { Static } from 'typebox';
import type { SessionInfo as SessionInfoSchema, ApiToken as ApiTokenSchema, CreatedToken as CreatedTokenSchema } from '../../server/modules/auth/schema';
import type { Organization as OrganizationSchema, CreateOrganization as CreateOrganizationSchema, UpdateOrganization as UpdateOrganizationSchema } from '../../server/modules/organizations/schema';
import type { User as UserSchema, CreateUser as CreateUserSchema, UpdateUser as UpdateUserSchema, UserFilter as UserFilterSchema, UserWithPassword as UserWithPasswordSchema } from '../../server/modules/users/schema';
import type { OrganizationKind } from '../../domain/roles';

export type SessionInfo = Static<typeof SessionInfoSchema>;
export type SessionUser = SessionInfo['user'];
export type ApiToken = Static<typeof ApiTokenSchema>;
export type CreatedToken = Static<typeof CreatedTokenSchema>;
export type Organization = Static<typeof OrganizationSchema>;
export type CreateOrganization = Static<typeof CreateOrganizationSchema>;
export type UpdateOrganization = Static<typeof UpdateOrganizationSchema>;
export type User = Static<typeof UserSchema>;
export type CreateUser = Static<typeof CreateUserSchema>;
export type UpdateUser = Static<typeof UpdateUserSchema>;
export type UserFilter = Static<typeof UserFilterSchema>;
export type UserWithPassword = Static<typeof UserWithPasswordSchema>;

/** An entry of GET /api/audit (its schema lives in the route file, so it is restated here). */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorLogin: string | null;
  organizationId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditFilter {
  action?: string;
  entityType?: string;
  organizationId?: string;
  from?: string;
  to?: string;
  before?: number;
  limit?: number;
}

export interface Health {
  status: string;
  engine: string;
  version: string;
  demo?: boolean;
}

export interface FieldError {
  field: string;
  message: string;
}

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

async function request<T>(method: string, path: string, options: { body?: unknown; query?: Query; quiet401?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Сервер недоступен. Проверьте подключение и повторите попытку');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(response.status, 'invalid_response', 'Сервер вернул неожиданный ответ');
  }
  if (!response.ok) {
    const body = (data ?? {}) as { code?: string; message?: string; details?: FieldError[]; requestId?: string };
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    throw new ApiError(response.status, body.code ?? 'http_error', body.message ?? `HTTP ${response.status}`, body.details ?? [], body.requestId);
  }
  return data as T;
}

export const api = {
  health: () => request<Health>('GET', '/api/health'),

  auth: {
    me: () => request<SessionInfo>('GET', '/api/auth/me', { quiet401: true }),
    login: (login: string, password: string) => request<SessionInfo>('POST', '/api/auth/login', { body: { login, password }, quiet401: true }),
    logout: () => request<void>('POST', '/api/auth/logout', { quiet401: true }),
    changePassword: (currentPassword: string, newPassword: string) => request<void>('POST', '/api/auth/password', { body: { currentPassword, newPassword } }),
    tokens: () => request<{ items: ApiToken[] }>('GET', '/api/auth/tokens'),
    createToken: (name: string) => request<CreatedToken>('POST', '/api/auth/tokens', { body: { name } }),
    revokeToken: (id: string) => request<ApiToken>('DELETE', `/api/auth/tokens/${encodeURIComponent(id)}`),
  },

  organizations: {
    list: (filter: { kind?: OrganizationKind; active?: boolean } = {}) => request<{ items: Organization[] }>('GET', '/api/organizations', { query: filter }),
    create: (body: CreateOrganization) => request<Organization>('POST', '/api/organizations', { body }),
    update: (id: string, body: UpdateOrganization) => request<Organization>('PATCH', `/api/organizations/${encodeURIComponent(id)}`, { body }),
  },

  users: {
    list: (filter: UserFilter = {}) => request<{ items: User[] }>('GET', '/api/users', { query: filter }),
    create: (body: CreateUser) => request<UserWithPassword>('POST', '/api/users', { body }),
    update: (id: string, body: UpdateUser) => request<User>('PATCH', `/api/users/${encodeURIComponent(id)}`, { body }),
    resetPassword: (id: string) => request<UserWithPassword>('POST', `/api/users/${encodeURIComponent(id)}/reset-password`),
  },

  audit: {
    list: (filter: AuditFilter = {}) => request<{ items: AuditEntry[]; nextCursor: number | null }>('GET', '/api/audit', { query: { ...filter } }),
  },
};
