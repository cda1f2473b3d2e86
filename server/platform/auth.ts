// Authentication of every request: a session cookie (with a CSRF token for changes) or a personal API token.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { apiTokens, organizations, sessions, users } from '../db/schema';
import type { Actor, RequestContext } from './actor';
import { AppError, unauthorized } from './errors';
import { sha256 } from './passwords';
import type { Clock } from './clock';

export const SESSION_COOKIE = 'otklik_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Logging in replaces the session, so it needs no token of the old one. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

declare module 'fastify' {
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

async function actorFromToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  const [row] = await db
    .select({ user: users, org: organizations, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || !row.user.active || !row.org.active) return null;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  return toActor(row.user, row.org, true);
}

export function toActor(user: typeof users.$inferSelect, org: typeof organizations.$inferSelect, viaToken: boolean): Actor {
  return {
    userId: user.id,
    login: user.login,
    fullName: user.fullName,
    role: user.role,
    organizationId: org.id,
    organizationKind: org.kind,
    viaToken,
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
      const actor = await actorFromToken(db, header.slice(7).trim(), clock.now());
      if (!actor) throw unauthorized('invalid_token', 'Токен доступа недействителен или отозван');
      request.actor = actor;
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
