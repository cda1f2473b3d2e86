// SQL of the text module: who set each appeal's topic, the stored topic model and its settings.
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db';
import { forgetCached } from '../../platform/cache';
import { appeals, appealTopicMarks, settings, textModels, topics } from '../../db/schema';

export type TopicSource = 'person' | 'model' | 'import';

/** Records who set the appeal's topic (replacing the previous record), or forgets it when the topic is cleared. */
export async function markTopic(db: Executor, mark: { appealId: string; organizationId: string; topicCode: string | null; source: TopicSource; setBy: string | null; at: Date }): Promise<void> {
  if (!mark.topicCode) {
    await db.delete(appealTopicMarks).where(eq(appealTopicMarks.appealId, mark.appealId));
    return;
  }
  const values = { appealId: mark.appealId, organizationId: mark.organizationId, topicCode: mark.topicCode, source: mark.source, setBy: mark.setBy, at: mark.at };
  await db.insert(appealTopicMarks).values(values)
    .onConflictDoUpdate({ target: appealTopicMarks.appealId, set: { topicCode: values.topicCode, source: values.source, setBy: values.setBy, at: values.at } });
}

export async function topicMark(db: Executor, appealId: string) {
  const [row] = await db.select().from(appealTopicMarks).where(eq(appealTopicMarks.appealId, appealId)).limit(1);
  return row ?? null;
}

/** Topics set by people after `since` (all of them when null). */
export async function countPersonMarks(db: Executor, since: Date | null): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(appealTopicMarks)
    .where(and(eq(appealTopicMarks.source, 'person'), since ? gt(appealTopicMarks.at, since) : undefined));
  return Number(row.n);
}

/** The latest `limit` appeals whose topic a person set, with their texts: what the model learns from. */
export async function trainingSet(db: Executor, limit: number): Promise<{ text: string; topic: string; at: Date }[]> {
  return db.select({ text: appeals.text, topic: appealTopicMarks.topicCode, at: appealTopicMarks.at })
    .from(appealTopicMarks)
    .innerJoin(appeals, eq(appeals.id, appealTopicMarks.appealId))
    .innerJoin(topics, and(eq(topics.code, appealTopicMarks.topicCode), eq(topics.active, true)))
    .where(eq(appealTopicMarks.source, 'person'))
    .orderBy(desc(appealTopicMarks.at))
    .limit(limit);
}

export async function modelInfo(db: Executor, name: string) {
  const [row] = await db.select({ format: textModels.format, texts: textModels.texts, labels: textModels.labels, learntUntil: textModels.learntUntil, trainedAt: textModels.trainedAt })
    .from(textModels).where(eq(textModels.name, name)).limit(1);
  return row ?? null;
}

export async function loadModel(db: Executor, name: string) {
  const [row] = await db.select().from(textModels).where(eq(textModels.name, name)).limit(1);
  return row ?? null;
}

export async function saveModel(db: Executor, row: typeof textModels.$inferInsert): Promise<void> {
  const { name: _name, ...rest } = row;
  await db.insert(textModels).values(row).onConflictDoUpdate({ target: textModels.name, set: rest });
}

/** Active topics with their groups and keywords, as the keyword hints read them. */
export async function activeTopics(db: Executor) {
  return db.select({ code: topics.code, parentCode: topics.parentCode, title: topics.title, group: topics.groupCode, keywords: topics.keywords })
    .from(topics).where(and(eq(topics.level, 'topic'), eq(topics.active, true)));
}

export async function readSetting(db: Executor, key: string): Promise<unknown> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
  return row?.value ?? null;
}

export async function writeSetting(db: Executor, key: string, value: unknown, at: Date): Promise<void> {
  forgetCached();
  await db.insert(settings).values({ key, value, updatedAt: at }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } });
}
