// Authentication of every request: a session cookie (with a CSRF token for changes) or a personal API token
// (within its scope and expiry).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { tokenScopeAllows, type TokenScope } from '../../domain/tokens';
import type { Db } from '../db';
import { apiTokens, organizations, sessions, users } from '../db/schema';
import type { Actor, RequestContext } from './actor';
import { AppError, forbidden, unauthorized } from './errors';
import { sha256 } from './passwords';
import type { Clock } from './clock';

export const SESSION_COOKIE = 'otklik_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Logging in replaces the session, so it needs no token of the old one. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The narrowest token scope that may call the route; by default `read` for GET and HEAD, `full` otherwise. */
    tokenScope?: TokenScope;
    /** Only a person signed in with a session may call the route, never a personal API token. */
    sessionOnly?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** Session id (hash) when authenticated by cookie. */
    sessionId: string | null;
  }
}

async function actorFromSession(db: Db, token: string, now: Date): Promise<{ actor: Actor; sessionId: string; csrfToken: string } | null> {
  const sessionId = sha256(token);
  const [row] = await db
    .select({ user: users, org: organizations, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row || !row.user.active || !row.org.active) return null;
  return { actor: toActor(row.user, row.org, false), sessionId, csrfToken: row.csrfToken };
}

async function actorFromToken(db: Db, token: string, now: Date): Promise<{ actor: Actor; scope: TokenScope } | null> {
  const [row] = await db
    .select({ user: users, org: organizations, tokenId: apiTokens.id, scope: apiTokens.scope, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || !row.user.active || !row.org.active) return null;
  if (row.expiresAt && row.expiresAt <= now) throw unauthorized('token_expired', 'Срок действия токена истёк. Выпустите новый токен в профиле');
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  return { actor: toActor(row.user, row.org, true, row.scope), scope: row.scope };
}

const SCOPE_NAMES: Record<TokenScope, string> = { read: 'только чтение', intake: 'приём обращений', full: 'полный доступ' };

/** What a personal token may not reach: routes for a signed-in person only, and anything beyond its scope. */
function checkTokenAccess(request: FastifyRequest, scope: TokenScope): void {
  const config = request.routeOptions.config;
  if (config?.sessionOnly) {
    throw forbidden('session_required', 'Это действие доступно только после входа в систему, а не по API-токену');
  }
  const needed = config?.tokenScope ?? (SAFE_METHODS.has(request.method) ? 'read' : 'full');
  if (!tokenScopeAllows(scope, needed)) {
    throw forbidden('token_scope', `Токен с правами «${SCOPE_NAMES[scope]}» не позволяет это действие: нужны права «${SCOPE_NAMES[needed]}»`);
  }
}

export function toActor(user: typeof users.$inferSelect, org: typeof organizations.$inferSelect, viaToken: boolean, tokenScope: TokenScope | null = null): Actor {
  return {
    userId: user.id,
    login: user.login,
    fullName: user.fullName,
    role: user.role,
    organizationId: org.id,
    organizationKind: org.kind,
    timeZone: org.timeZone,
    viaToken,
    tokenScope,
  };
}

/** Resolves the actor of every request and enforces CSRF on cookie-authenticated changes. */
export function registerAuthentication(app: FastifyInstance, db: Db, clock: Clock): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const found = await actorFromToken(db, header.slice(7).trim(), clock.now());
      if (!found) throw unauthorized('invalid_token', 'Токен доступа недействителен или отозван');
      checkTokenAccess(request, found.scope);
      request.actor = found.actor;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const found = await actorFromSession(db, cookie, clock.now());
    if (!found) return;
    request.actor = found.actor;
    request.sessionId = found.sessionId;
    if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(request.routeOptions.url ?? '') && request.headers[CSRF_HEADER] !== found.csrfToken) {
      throw new AppError(403, 'csrf_failed', 'Запрос отклонён: отсутствует или неверен CSRF-токен. Обновите страницу');
    }
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: requireActor(request), requestId: String(request.id) };
}
