// All SQL of polls; a municipality sees only its own. The appeals beside each poll are counted by the database
// over the index (organization_id, topic_code, received_at).
import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { appeals, organizations, polls, topics } from '../../db/schema';
import type { Scope } from '../../platform/policy';

export type PollRow = typeof polls.$inferSelect;

/** The municipality's appeals on the poll's topic (or under it) received on the poll's local dates. */
const appealsBeside = sql<number>`(select count(*) from ${appeals}
  where ${appeals.organizationId} = ${polls.organizationId}
    and ${appeals.topicCode} in (select c.code from ${topics} c where c.code = ${polls.topicCode} or c.code like ${polls.topicCode} || '.%')
    and ${appeals.receivedAt} >= ((${polls.startsOn}::timestamp at time zone 'UTC') - interval '14 hours')
    and ${appeals.receivedAt} < ((${polls.endsOn}::timestamp at time zone 'UTC') + interval '38 hours')
    and (${appeals.receivedAt} at time zone ${organizations.timeZone})::date between ${polls.startsOn} and ${polls.endsOn})`;

export async function listVisible(db: Executor, scope: Scope, q: { organizationId?: string; topic?: string; id?: string }) {
  return db.select({ poll: polls, municipality: organizations.slug, municipalityName: organizations.shortName, topicTitle: topics.title, appeals: appealsBeside })
    .from(polls)
    .innerJoin(organizations, eq(organizations.id, polls.organizationId))
    .innerJoin(topics, eq(topics.code, polls.topicCode))
    .where(and(
      withinScope(polls.organizationId, scope),
      q.organizationId ? eq(polls.organizationId, q.organizationId) : undefined,
      q.topic ? or(eq(polls.topicCode, q.topic), sql`${polls.topicCode} like ${`${q.topic}.%`}`, sql`${q.topic} like ${polls.topicCode} || '.%'`) : undefined,
      q.id ? eq(polls.id, q.id) : undefined,
    ))
    .orderBy(desc(polls.endsOn), desc(polls.createdAt)).limit(500);
}

/** Stores a poll, or replaces the options of the same question and period of the municipality; whether it was new. */
export async function upsertPoll(db: Executor, values: typeof polls.$inferInsert): Promise<{ id: string; created: boolean }> {
  const [row] = await db.insert(polls).values(values)
    .onConflictDoUpdate({ target: [polls.organizationId, polls.question, polls.startsOn, polls.endsOn], set: { options: values.options, kind: values.kind, topicCode: values.topicCode, source: values.source } })
    .returning({ id: polls.id, created: sql<boolean>`xmax = 0` });
  return { id: row.id, created: row.created === true || String(row.created) === 'true' };
}

export async function deletePoll(db: Executor, id: string): Promise<void> {
  await db.delete(polls).where(eq(polls.id, id));
}

/** Those of the codes that are topics of the classifier. */
export async function knownTopics(db: Executor, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.select({ code: topics.code }).from(topics).where(or(...codes.map((c) => eq(topics.code, c))));
  return new Set(rows.map((r) => r.code));
}
