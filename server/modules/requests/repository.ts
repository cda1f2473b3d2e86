// All SQL of ЦУР requests; the actor's scope is applied here: a municipality sees only its own addressee's part.
import { and, asc, desc, eq, isNull, notExists, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { infoRequestRecipients, infoRequests, jobMarks, organizations } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { scopeOf } from '../../platform/policy';

/**
 * The request with the addressees the actor may see (ЦУР all of them, a municipality only itself), or null
 * when none of its addressees is within the actor's scope.
 */
export async function findVisible(db: Executor, actor: Actor, id: string) {
  const [request] = await db.select().from(infoRequests).where(eq(infoRequests.id, id));
  if (!request) return null;
  const recipients = await db.select({ r: infoRequestRecipients, slug: organizations.slug, name: organizations.shortName }).from(infoRequestRecipients)
    .innerJoin(organizations, eq(organizations.id, infoRequestRecipients.organizationId))
    .where(and(eq(infoRequestRecipients.requestId, id), withinScope(infoRequestRecipients.organizationId, scopeOf(actor))))
    .orderBy(asc(organizations.shortName));
  return recipients.length ? { request, recipients } : null;
}

/** Reminder marks (`<request>:<addressee>:<stage>`) the reminders can no longer select: the addressee has answered or is gone. */
export function spentReminderMarks(): SQL {
  return sql`not exists (select 1 from ${infoRequestRecipients} where ${infoRequestRecipients.requestId} = split_part(${jobMarks.key}, ':', 1)::uuid
    and ${infoRequestRecipients.organizationId} = split_part(${jobMarks.key}, ':', 2)::uuid and ${infoRequestRecipients.answeredAt} is null)`;
}


export async function insertRequest(db: Executor, values: typeof infoRequests.$inferInsert, organizationIds: string[]) {
  const [row] = await db.insert(infoRequests).values(values).returning();
  if (organizationIds.length) await db.insert(infoRequestRecipients).values(organizationIds.map((organizationId) => ({ requestId: row.id, organizationId })));
  return row;
}

/** Marks the request read by the administration, if it was not yet. */
export async function markRead(db: Executor, requestId: string, organizationId: string, userId: string, now: Date): Promise<void> {
  await db.update(infoRequestRecipients).set({ readAt: now, readBy: userId })
    .where(and(eq(infoRequestRecipients.requestId, requestId), eq(infoRequestRecipients.organizationId, organizationId), isNull(infoRequestRecipients.readAt)));
}

export async function saveAnswer(db: Executor, requestId: string, organizationId: string, values: { answeredAt: Date; answeredBy: string; answerText: string; readAt: Date }): Promise<void> {
  await db.update(infoRequestRecipients).set(values)
    .where(and(eq(infoRequestRecipients.requestId, requestId), eq(infoRequestRecipients.organizationId, organizationId)));
}

/** The requests the actor sees, newest first, one row per addressee within the actor's scope. */
export async function listVisible(db: Executor, actor: Actor, limit = 2000) {
  return db.select({ q: infoRequests, r: infoRequestRecipients, slug: organizations.slug }).from(infoRequests)
    .innerJoin(infoRequestRecipients, eq(infoRequestRecipients.requestId, infoRequests.id))
    .innerJoin(organizations, eq(organizations.id, infoRequestRecipients.organizationId))
    .where(withinScope(infoRequestRecipients.organizationId, scopeOf(actor)))
    .orderBy(desc(infoRequests.createdAt)).limit(limit);
}

export const REQUEST_REMINDER_JOB = 'request-reminders';

/**
 * Addressees to remind: not answered, the deadline within a day or passed, and no mark for the stage yet;
 * each with the stage (`due_soon` or `overdue`) and the key that marks the reminder.
 */
export async function toRemind(db: Executor, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const soon = sql`${new Date(now.getTime() + 24 * 3600_000).toISOString()}::timestamptz`;
  const stage = sql<'overdue' | 'due_soon'>`(case when ${infoRequests.dueAt} < ${at} then 'overdue' else 'due_soon' end)`;
  const key = sql<string>`${infoRequests.id}::text || ':' || ${infoRequestRecipients.organizationId}::text || ':' || ${stage}`;
  return db.select({ id: infoRequests.id, number: infoRequests.number, organizationId: infoRequestRecipients.organizationId, stage, key })
    .from(infoRequestRecipients)
    .innerJoin(infoRequests, eq(infoRequests.id, infoRequestRecipients.requestId))
    .where(and(isNull(infoRequestRecipients.answeredAt), sql`${infoRequests.dueAt} <= ${soon}`,
      notExists(db.select({ one: sql`1` }).from(jobMarks).where(and(eq(jobMarks.job, REQUEST_REMINDER_JOB), eq(jobMarks.key, key))))));
}

export async function markReminded(db: Executor, keys: string[]): Promise<void> {
  if (keys.length) await db.insert(jobMarks).values(keys.map((key) => ({ job: REQUEST_REMINDER_JOB, key }))).onConflictDoNothing();
}
