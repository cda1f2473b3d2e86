// All SQL of sessions and personal API tokens; a token is reached only through its owner.
import { and, desc, eq, lt, ne } from 'drizzle-orm';
import type { Executor } from '../../db';
import { apiTokens, sessions } from '../../db/schema';
import type { Actor } from '../../platform/actor';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Opens a session, clearing the user's expired ones. */
export async function openSession(db: Executor, values: typeof sessions.$inferInsert, now: Date): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, values.userId), lt(sessions.expiresAt, now)));
  await db.insert(sessions).values(values);
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of the user except `keep`, if given. */
export async function deleteOtherSessions(db: Executor, userId: string, keep: string | null): Promise<void> {
  await db.delete(sessions).where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId));
}

export async function csrfTokenOf(db: Executor, sessionId: string): Promise<string | null> {
  const [session] = await db.select({ csrfToken: sessions.csrfToken }).from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  return session?.csrfToken ?? null;
}

/** The actor's own tokens, newest first. */
export async function tokensOf(db: Executor, actor: Actor): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, actor.userId)).orderBy(desc(apiTokens.createdAt));
}

/** The token when it is the actor's own, else null. */
export async function findOwnToken(db: Executor, actor: Actor, id: string): Promise<ApiTokenRow | null> {
  const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId))).limit(1);
  return row ?? null;
}

export async function insertToken(db: Executor, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row;
}

export async function updateToken(db: Executor, id: string, values: Partial<typeof apiTokens.$inferInsert>): Promise<ApiTokenRow> {
  const [row] = await db.update(apiTokens).set(values).where(eq(apiTokens.id, id)).returning();
  return row;
}
