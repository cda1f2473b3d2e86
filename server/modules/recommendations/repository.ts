// All SQL of ЦУР recommendations; the actor's scope is applied here: a municipality sees only its own addressee's part.
import { and, asc, desc, eq, inArray, isNotNull, notExists, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { jobMarks, organizations, recommendationRecipients, recommendations, users } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { scopeOf } from '../../platform/policy';
import { OPEN_RECOMMENDATION_STATUSES, type RecommendationStatus } from '../../../domain/recommendations/lifecycle';

export type RecipientRow = typeof recommendationRecipients.$inferSelect;

const acknowledger = alias(users, 'acknowledger');
const reporter = alias(users, 'reporter');

/**
 * The recommendation with the addressees the actor may see (ЦУР all of them, a municipality only itself), or
 * null when none of its addressees is within the actor's scope; `forUpdate` locks the addressees' rows.
 */
export async function findVisible(db: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
  const [recommendation] = await db.select().from(recommendations).where(eq(recommendations.id, id));
  if (!recommendation) return null;
  const query = db.select({
    r: recommendationRecipients, slug: organizations.slug, name: organizations.shortName, timeZone: organizations.timeZone,
    acknowledgedByName: acknowledger.fullName, reportedByName: reporter.fullName,
  }).from(recommendationRecipients)
    .innerJoin(organizations, eq(organizations.id, recommendationRecipients.organizationId))
    .leftJoin(acknowledger, eq(acknowledger.id, recommendationRecipients.acknowledgedBy))
    .leftJoin(reporter, eq(reporter.id, recommendationRecipients.reportedBy))
    .where(and(eq(recommendationRecipients.recommendationId, id), withinScope(recommendationRecipients.organizationId, scopeOf(actor))))
    .orderBy(asc(organizations.shortName));
  const recipients = options.forUpdate ? await query.for('update', { of: recommendationRecipients }) : await query;
  return recipients.length ? { recommendation, recipients } : null;
}

export async function insertRecommendation(db: Executor, values: typeof recommendations.$inferInsert, organizationIds: string[]) {
  const [row] = await db.insert(recommendations).values(values).returning();
  await db.insert(recommendationRecipients).values(organizationIds.map((organizationId) => ({ recommendationId: row.id, organizationId })));
  return row;
}

/** Moves one addressee to its next status with the step's fields, only from the status it was read in. */
export async function updateRecipient(db: Executor, recommendationId: string, organizationId: string, from: RecommendationStatus, values: Partial<typeof recommendationRecipients.$inferInsert>): Promise<boolean> {
  const rows = await db.update(recommendationRecipients).set(values)
    .where(and(eq(recommendationRecipients.recommendationId, recommendationId), eq(recommendationRecipients.organizationId, organizationId), eq(recommendationRecipients.status, from)))
    .returning({ organizationId: recommendationRecipients.organizationId });
  return rows.length > 0;
}

/** The recommendations the actor sees, newest first, one row per addressee within the actor's scope. */
export async function listVisible(db: Executor, actor: Actor, limit = 2000) {
  return db.select({ q: recommendations, r: recommendationRecipients, slug: organizations.slug }).from(recommendations)
    .innerJoin(recommendationRecipients, eq(recommendationRecipients.recommendationId, recommendations.id))
    .innerJoin(organizations, eq(organizations.id, recommendationRecipients.organizationId))
    .where(withinScope(recommendationRecipients.organizationId, scopeOf(actor)))
    .orderBy(desc(recommendations.createdAt), asc(organizations.shortName)).limit(limit);
}

/** Addressees within the actor's scope that have not acknowledged their recommendation, the longest waiting first. */
export async function unacknowledged(db: Executor, actor: Actor, limit = 2000) {
  return db.select({
    recommendationId: recommendations.id, number: recommendations.number, subject: recommendations.subject,
    sentAt: recommendations.createdAt, dueAt: recommendations.dueAt, municipality: organizations.slug, municipalityName: organizations.shortName,
  }).from(recommendationRecipients)
    .innerJoin(recommendations, eq(recommendations.id, recommendationRecipients.recommendationId))
    .innerJoin(organizations, eq(organizations.id, recommendationRecipients.organizationId))
    .where(and(eq(recommendationRecipients.status, 'sent'), withinScope(recommendationRecipients.organizationId, scopeOf(actor))))
    .orderBy(asc(recommendations.createdAt), asc(organizations.shortName)).limit(limit);
}

export const RECOMMENDATION_REMINDER_JOB = 'recommendation-reminders';

/**
 * Addressees to remind before the due date: still owing a report, the due date within `hours` and not yet
 * passed, and no mark yet; each with the key (`<recommendation>:<addressee>`) that marks the reminder.
 */
export async function toRemind(db: Executor, now: Date, hours: number) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const soon = sql`${new Date(now.getTime() + hours * 3600_000).toISOString()}::timestamptz`;
  const key = sql<string>`${recommendations.id}::text || ':' || ${recommendationRecipients.organizationId}::text`;
  return db.select({ id: recommendations.id, number: recommendations.number, subject: recommendations.subject, dueAt: recommendations.dueAt, organizationId: recommendationRecipients.organizationId, key })
    .from(recommendationRecipients)
    .innerJoin(recommendations, eq(recommendations.id, recommendationRecipients.recommendationId))
    .where(and(inArray(recommendationRecipients.status, [...OPEN_RECOMMENDATION_STATUSES]), isNotNull(recommendations.dueAt),
      sql`${recommendations.dueAt} > ${at}`, sql`${recommendations.dueAt} <= ${soon}`,
      notExists(db.select({ one: sql`1` }).from(jobMarks).where(and(eq(jobMarks.job, RECOMMENDATION_REMINDER_JOB), eq(jobMarks.key, key))))));
}

export async function markReminded(db: Executor, keys: string[]): Promise<void> {
  if (keys.length) await db.insert(jobMarks).values(keys.map((key) => ({ job: RECOMMENDATION_REMINDER_JOB, key }))).onConflictDoNothing();
}

/** Reminder marks the job can no longer select: the due date has passed, or the addressee is gone. */
export function spentReminderMarks(now: Date): SQL {
  return sql`not exists (select 1 from ${recommendationRecipients} join ${recommendations} on ${recommendations.id} = ${recommendationRecipients.recommendationId}
    where ${recommendationRecipients.recommendationId} = split_part(${jobMarks.key}, ':', 1)::uuid
    and ${recommendationRecipients.organizationId} = split_part(${jobMarks.key}, ':', 2)::uuid and ${recommendations.dueAt} > ${now.toISOString()}::timestamptz)`;
}
