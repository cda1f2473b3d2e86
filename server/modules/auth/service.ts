// Use cases of sessions, passwords and personal API tokens.
import type { Db } from '../../db';
import { NAVIGATION } from '../../../domain/roles';
import { DEFAULT_TOKEN_SCOPE, type TokenScope } from '../../../domain/tokens';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited, writeAudit } from '../../platform/audit';
import { toActor } from '../../platform/auth';
import { AppError, notFound, tooManyRequests, unauthorized, validationFailed } from '../../platform/errors';
import { policiesFor } from '../../platform/policy';
import { dummyPasswordHash, hashPassword, passwordProblem, randomToken, sha256, verifyPassword } from '../../platform/passwords';
import { findUser, findUserByLogin, updateUser, type UserWithOrg } from '../users/repository';
import type { LoginThrottle, RefusalReason } from './throttle';
import * as repo from './repository';

const invalidCredentials = () => unauthorized('invalid_credentials', 'Неверный логин или пароль');

const REFUSAL_TEXT: Record<RefusalReason, string> = {
  ip: 'Слишком много неудачных попыток входа с вашего адреса',
  login_ip: 'Слишком много неудачных попыток входа под этим логином с вашего адреса',
  login: 'Под этим логином только что было много неудачных попыток входа',
};

export function sessionInfo(row: UserWithOrg, csrfToken: string | null) {
  const actor = toActor(row.user, row.org, csrfToken === null);
  return {
    user: {
      id: row.user.id, login: row.user.login, fullName: row.user.fullName, role: row.user.role, mustChangePassword: row.user.mustChangePassword,
      organization: { id: row.org.id, name: row.org.name, shortName: row.org.shortName, kind: row.org.kind, slug: row.org.slug, timeZone: row.org.timeZone },
    },
    csrfToken,
    navigation: NAVIGATION[row.user.role],
    policies: policiesFor(actor),
  };
}

export interface LoginAttempt {
  login: string;
  password: string;
  /** The address the attempt came from. */
  ip: string;
  requestId: string;
}

type LoginFailure = 'invalid_credentials' | 'account_disabled' | 'rate_limited';

/** A failed attempt leaves an audit row with the login tried, never the password. */
async function auditFailure(db: Db, attempt: LoginAttempt, found: UserWithOrg | null, reason: LoginFailure): Promise<void> {
  await writeAudit(db, { actor: null, requestId: attempt.requestId }, {
    action: 'auth.login_failed', entityType: 'user', entityId: found?.user.id ?? null, organizationId: found?.org.id ?? null,
    after: { login: attempt.login, ip: attempt.ip, reason },
  });
}

/** Returns the new session's cookie token and the session info; throws 401, 403 or 429 otherwise. */
export async function login(db: Db, throttle: LoginThrottle, attempt: LoginAttempt, now: Date, ttlHours: number) {
  const refusal = throttle.check(attempt.login, attempt.ip, now);
  if (refusal) {
    // One audit row per block, not one per refused request: a flood does not fill the log.
    if (refusal.first) await auditFailure(db, attempt, await findUserByLogin(db, attempt.login.trim()), 'rate_limited');
    throw tooManyRequests(refusal.retryAfterSeconds, REFUSAL_TEXT[refusal.reason]);
  }
  const found = await findUserByLogin(db, attempt.login.trim());
  // An unknown login costs the same hash as a known one, so timing does not tell which logins exist.
  if (!(await verifyPassword(attempt.password, found?.user.passwordHash ?? (await dummyPasswordHash()))) || !found) {
    throttle.recordFailure(attempt.login, attempt.ip, now);
    await auditFailure(db, attempt, found, 'invalid_credentials');
    throw invalidCredentials();
  }
  if (!found.user.active || !found.org.active) {
    await auditFailure(db, attempt, found, 'account_disabled');
    throw new AppError(403, 'account_disabled', 'Учётная запись отключена. Обратитесь к администратору ЦУР');
  }
  throttle.recordSuccess(attempt.login, attempt.ip, now);
  const { requestId } = attempt;
  const token = randomToken();
  const csrfToken = randomToken();
  const actor = toActor(found.user, found.org, false);
  await db.transaction(async (tx) => {
    await repo.openSession(tx, { id: sha256(token), userId: found.user.id, csrfToken, createdAt: now, expiresAt: new Date(now.getTime() + ttlHours * 3600_000) }, now);
    await writeAudit(tx, { actor, requestId }, { action: 'auth.login', entityType: 'user', entityId: found.user.id, organizationId: found.org.id });
  });
  return { token, info: sessionInfo(found, csrfToken) };
}

export async function logout(db: Db, ctx: RequestContext, sessionId: string): Promise<void> {
  await audited(db, ctx, async (tx) => {
    await repo.deleteSession(tx, sessionId);
    return { result: undefined, audit: { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId, organizationId: ctx.actor.organizationId } };
  });
}

export async function me(db: Db, actor: Actor, sessionId: string | null) {
  const row = await findUser(db, actor.userId);
  if (!row) throw unauthorized();
  const csrfToken = sessionId ? await repo.csrfTokenOf(db, sessionId) : null;
  return sessionInfo(row, csrfToken);
}

export async function changePassword(db: Db, ctx: RequestContext, sessionId: string | null, input: { currentPassword: string; newPassword: string }, now: Date): Promise<void> {
  const row = await findUser(db, ctx.actor.userId);
  if (!row) throw unauthorized();
  if (!(await verifyPassword(input.currentPassword, row.user.passwordHash))) {
    throw validationFailed([{ field: 'currentPassword', message: 'Текущий пароль указан неверно' }], 'Текущий пароль указан неверно');
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw validationFailed([{ field: 'newPassword', message: problem }], problem);
  if (input.newPassword === input.currentPassword) throw validationFailed([{ field: 'newPassword', message: 'Новый пароль совпадает с текущим' }], 'Новый пароль совпадает с текущим');
  const passwordHash = await hashPassword(input.newPassword);
  await audited(db, ctx, async (tx) => {
    await updateUser(tx, ctx.actor.userId, { passwordHash, mustChangePassword: false }, now);
    // Other sessions of the user end: whoever knew the old password is logged out.
    await repo.deleteOtherSessions(tx, ctx.actor.userId, sessionId);
    return { result: undefined, audit: { action: 'user.change_password', entityType: 'user', entityId: ctx.actor.userId, organizationId: ctx.actor.organizationId } };
  });
}

function presentToken(row: repo.ApiTokenRow, now: Date) {
  const status = row.revokedAt ? 'revoked' as const : row.expiresAt && row.expiresAt <= now ? 'expired' as const : 'active' as const;
  return {
    id: row.id, name: row.name, prefix: row.prefix, scope: row.scope, createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null, lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null, status,
  };
}

export async function listTokens(db: Db, actor: Actor, now: Date) {
  const rows = await repo.tokensOf(db, actor);
  return rows.map((row) => presentToken(row, now));
}

export interface NewToken {
  name: string;
  scope?: TokenScope;
  expiresInDays?: number;
  expiresAt?: string;
}

function tokenExpiry(input: NewToken, now: Date): Date | null {
  if (input.expiresInDays !== undefined && input.expiresAt !== undefined) {
    throw validationFailed([{ field: 'expiresAt', message: 'Укажите либо срок в днях, либо дату окончания' }], 'Укажите либо срок в днях, либо дату окончания');
  }
  if (input.expiresInDays !== undefined) return new Date(now.getTime() + input.expiresInDays * 24 * 3600_000);
  if (input.expiresAt === undefined) return null;
  const at = new Date(input.expiresAt);
  if (!(at > now)) throw validationFailed([{ field: 'expiresAt', message: 'Дата окончания должна быть в будущем' }], 'Дата окончания должна быть в будущем');
  return at;
}

export async function createToken(db: Db, ctx: RequestContext, input: NewToken, now: Date) {
  const expiresAt = tokenExpiry(input, now);
  const token = `otk_${randomToken(30)}`;
  return audited(db, ctx, async (tx) => {
    const row = await repo.insertToken(tx, {
      userId: ctx.actor.userId, name: input.name.trim(), tokenHash: sha256(token), prefix: token.slice(0, 10),
      scope: input.scope ?? DEFAULT_TOKEN_SCOPE, expiresAt, createdAt: now,
    });
    const apiToken = presentToken(row, now);
    return { result: { token, apiToken }, audit: { action: 'api_token.create', entityType: 'api_token', entityId: row.id, organizationId: ctx.actor.organizationId, after: apiToken } };
  });
}

export async function revokeToken(db: Db, ctx: RequestContext, id: string, now: Date) {
  return audited(db, ctx, async (tx) => {
    const row = await repo.findOwnToken(tx, ctx.actor, id);
    if (!row) throw notFound('token_not_found', 'Токен не найден');
    const updated = await repo.updateToken(tx, id, { revokedAt: row.revokedAt ?? now });
    const after = presentToken(updated, now);
    return { result: after, audit: { action: 'api_token.revoke', entityType: 'api_token', entityId: id, organizationId: ctx.actor.organizationId, before: presentToken(row, now), after } };
  });
}

