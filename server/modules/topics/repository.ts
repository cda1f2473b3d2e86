// All SQL of the topic classifier.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db';
import { topics } from '../../db/schema';

export type TopicRow = typeof topics.$inferSelect;

export async function countTopics(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(topics);
  return Number(row.n);
}

export async function insertTopics(db: Executor, values: (typeof topics.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < values.length; i += 200) await db.insert(topics).values(values.slice(i, i + 200)).onConflictDoNothing();
}

export async function listTopics(db: Executor): Promise<TopicRow[]> {
  return db.select().from(topics).orderBy(asc(topics.code));
}

/** Whether the classifier has this code; with `active`, only an active one. */
/** The title of a topic (an active one with `active`), or null when there is none. */
export async function topicTitle(db: Executor, code: string, options: { active?: boolean } = {}): Promise<string | null> {
  const [row] = await db.select({ title: topics.title }).from(topics)
    .where(and(eq(topics.code, code), options.active ? eq(topics.active, true) : undefined)).limit(1);
  return row?.title ?? null;
}

export async function topicExists(db: Executor, code: string, options: { active?: boolean } = {}): Promise<boolean> {
  const [row] = await db.select({ code: topics.code }).from(topics)
    .where(and(eq(topics.code, code), options.active ? eq(topics.active, true) : undefined)).limit(1);
  return !!row;
}

export async function findTopicRow(db: Executor, code: string): Promise<TopicRow | null> {
  const [row] = await db.select().from(topics).where(eq(topics.code, code)).limit(1);
  return row ?? null;
}

export async function insertTopic(db: Executor, value: typeof topics.$inferInsert): Promise<TopicRow> {
  const [row] = await db.insert(topics).values(value).returning();
  return row;
}

export async function updateTopic(db: Executor, code: string, values: Partial<typeof topics.$inferInsert>): Promise<TopicRow> {
  const [row] = await db.update(topics).set(values).where(eq(topics.code, code)).returning();
  return row;
}
