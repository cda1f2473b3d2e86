// Use cases of sessions, passwords and personal API tokens.
import { and, desc, eq, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db';
import { apiTokens, sessions } from '../../db/schema';
import { NAVIGATION } from '../../../domain/roles';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited, writeAudit } from '../../platform/audit';
import { toActor } from '../../platform/auth';
import { AppError, notFound, unauthorized, validationFailed } from '../../platform/errors';
import { policiesFor } from '../../platform/policy';
import { dummyPasswordHash, hashPassword, passwordProblem, randomToken, sha256, verifyPassword } from '../../platform/passwords';
import { findUser, findUserByLogin, updateUser, type UserWithOrg } from '../users/repository';

const invalidCredentials = () => unauthorized('invalid_credentials', 'Неверный логин или пароль');

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

export async function login(db: Db, input: { login: string; password: string }, now: Date, ttlHours: number, requestId: string) {
  const found = await findUserByLogin(db, input.login.trim());
  if (!found) {
    await verifyPassword(input.password, await dummyPasswordHash());
    throw invalidCredentials();
  }
  if (!(await verifyPassword(input.password, found.user.passwordHash))) throw invalidCredentials();
  if (!found.user.active || !found.org.active) throw new AppError(403, 'account_disabled', 'Учётная запись отключена. Обратитесь к администратору ЦУР');
  const token = randomToken();
  const csrfToken = randomToken();
  const actor = toActor(found.user, found.org, false);
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(and(eq(sessions.userId, found.user.id), lt(sessions.expiresAt, now)));
    await tx.insert(sessions).values({ id: sha256(token), userId: found.user.id, csrfToken, createdAt: now, expiresAt: new Date(now.getTime() + ttlHours * 3600_000) });
    await writeAudit(tx, { actor, requestId }, { action: 'auth.login', entityType: 'user', entityId: found.user.id, organizationId: found.org.id });
  });
  return { token, info: sessionInfo(found, csrfToken) };
}

export async function logout(db: Db, ctx: RequestContext, sessionId: string): Promise<void> {
  await audited(db, ctx, async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
    return { result: undefined, audit: { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId, organizationId: ctx.actor.organizationId } };
  });
}

export async function me(db: Db, actor: Actor, sessionId: string | null) {
  const row = await findUser(db, actor.userId);
  if (!row) throw unauthorized();
  let csrfToken: string | null = null;
  if (sessionId) {
    const [session] = await db.select({ csrfToken: sessions.csrfToken }).from(sessions).where(eq(sessions.id, sessionId)).limit(1);
    csrfToken = session?.csrfToken ?? null;
  }
  return sessionInfo(row, csrfToken);
}

export async function changePassword(db: Db, ctx: RequestContext, sessionId: string | null, input: { currentPassword: string; newPassword: string }): Promise<void> {
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
    await updateUser(tx, ctx.actor.userId, { passwordHash, mustChangePassword: false });
    // Other sessions of the user end: whoever knew the old password is logged out.
    await tx.delete(sessions).where(sessionId ? and(eq(sessions.userId, ctx.actor.userId), ne(sessions.id, sessionId)) : eq(sessions.userId, ctx.actor.userId));
    return { result: undefined, audit: { action: 'user.change_password', entityType: 'user', entityId: ctx.actor.userId, organizationId: ctx.actor.organizationId } };
  });
}

function presentToken(row: typeof apiTokens.$inferSelect) {
  return {
    id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null, revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listTokens(db: Db, actor: Actor) {
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, actor.userId)).orderBy(desc(apiTokens.createdAt));
  return rows.map(presentToken);
}

export async function createToken(db: Db, ctx: RequestContext, name: string, now: Date) {
  const token = `otk_${randomToken(30)}`;
  return audited(db, ctx, async (tx) => {
    const [row] = await tx.insert(apiTokens).values({ userId: ctx.actor.userId, name: name.trim(), tokenHash: sha256(token), prefix: token.slice(0, 10), createdAt: now }).returning();
    const apiToken = presentToken(row);
    return { result: { token, apiToken }, audit: { action: 'api_token.create', entityType: 'api_token', entityId: row.id, organizationId: ctx.actor.organizationId, after: apiToken } };
  });
}

export async function revokeToken(db: Db, ctx: RequestContext, id: string, now: Date) {
  return audited(db, ctx, async (tx) => {
    const [row] = await tx.select().from(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, ctx.actor.userId))).limit(1);
    if (!row) throw notFound('token_not_found', 'Токен не найден');
    const [updated] = await tx.update(apiTokens).set({ revokedAt: row.revokedAt ?? now }).where(eq(apiTokens.id, id)).returning();
    const after = presentToken(updated);
    return { result: after, audit: { action: 'api_token.revoke', entityType: 'api_token', entityId: id, organizationId: ctx.actor.organizationId, before: presentToken(row), after } };
  });
}

