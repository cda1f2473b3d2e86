// All SQL of channel imports: set-based reads and writes of a batch of rows, the runs and the category map.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db';
import { appealCounters, appealEvents, appeals, importCategories, importRuns, organizations, topics } from '../../db/schema';
import type { Scope } from '../../platform/policy';

export type ImportRunRow = typeof importRuns.$inferSelect;
export type Org = typeof organizations.$inferSelect;

export async function findMunicipality(db: Executor, by: { slug?: string; id?: string }): Promise<Org | null> {
  const condition = by.id ? eq(organizations.id, by.id) : eq(organizations.slug, by.slug ?? '');
  const [row] = await db.select().from(organizations).where(and(condition, eq(organizations.kind, 'municipality'))).limit(1);
  return row ?? null;
}

/** What a re-import compares: the imported appeals of a batch, by their external id. */
export async function existingByExternalId(db: Executor, organizationId: string, channel: string, externalIds: string[]) {
  if (!externalIds.length) return [];
  return db.select({
    id: appeals.id, externalId: appeals.externalId, status: appeals.status, ratingScore: appeals.ratingScore,
    answeredAt: appeals.answeredAt, closedAt: appeals.closedAt, answerText: appeals.answerText, answerResult: appeals.answerResult,
    deadlineAnswer: appeals.deadlineAnswer, topicCode: appeals.topicCode,
  }).from(appeals)
    .where(and(eq(appeals.organizationId, organizationId), eq(appeals.channel, channel), inArray(appeals.externalId, externalIds)));
}

/** Reserves `count` consecutive numbers of the municipality's year at once; returns the first. */
export async function reserveSequences(db: Executor, organizationId: string, year: number, count: number): Promise<number> {
  const [row] = await db.insert(appealCounters).values({ organizationId, year, lastSeq: count })
    .onConflictDoUpdate({ target: [appealCounters.organizationId, appealCounters.year], set: { lastSeq: sql`${appealCounters.lastSeq} + ${count}` } })
    .returning({ last: appealCounters.lastSeq });
  return row.last - count + 1;
}

/** Inserts the new appeals of a batch; a row whose external id another import committed meanwhile is skipped. */
export async function insertAppeals(db: Executor, rows: (typeof appeals.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(appeals).values(rows).onConflictDoNothing({ target: [appeals.organizationId, appeals.channel, appeals.externalId] })
    .returning({ id: appeals.id, number: appeals.number, externalId: appeals.externalId, status: appeals.status });
}

export interface AppealChange {
  id: string;
  status: string;
  ratingScore: number | null;
  ratedAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  answerText: string | null;
  answerResult: string | null;
  deadlineAnswer: string | null;
  topicCode: string | null;
}

/** Applies the changes of a batch in one statement. */
export async function updateAppeals(db: Executor, changes: AppealChange[], now: Date): Promise<void> {
  if (!changes.length) return;
  await db.execute(sql`
    update appeals a set
      status = v.status, rating_score = v.rating_score, rated_at = coalesce(a.rated_at, v.rated_at),
      answered_at = v.answered_at, closed_at = v.closed_at, answer_text = v.answer_text, answer_result = v.answer_result,
      deadline_answer = v.deadline_answer, topic_code = v.topic_code, updated_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(changes.map((c) => ({
      id: c.id, status: c.status, rating_score: c.ratingScore, rated_at: c.ratedAt, answered_at: c.answeredAt, closed_at: c.closedAt,
      answer_text: c.answerText, answer_result: c.answerResult, deadline_answer: c.deadlineAnswer, topic_code: c.topicCode,
    })))}::jsonb) as v(id uuid, status text, rating_score integer, rated_at timestamptz, answered_at timestamptz, closed_at timestamptz,
      answer_text text, answer_result text, deadline_answer date, topic_code text)
    where a.id = v.id`);
}

export async function insertEvents(db: Executor, events: (typeof appealEvents.$inferInsert)[]): Promise<void> {
  if (events.length) await db.insert(appealEvents).values(events);
}

// ── runs ──

export async function insertRun(db: Executor, values: typeof importRuns.$inferInsert): Promise<ImportRunRow> {
  const [row] = await db.insert(importRuns).values(values).returning();
  return row;
}

export async function updateRun(db: Executor, id: string, values: Partial<typeof importRuns.$inferInsert>): Promise<void> {
  await db.update(importRuns).set(values).where(eq(importRuns.id, id));
}

export async function findRun(db: Executor, id: string): Promise<ImportRunRow | null> {
  const [row] = await db.select().from(importRuns).where(eq(importRuns.id, id)).limit(1);
  return row ?? null;
}

export const RUN_LIST_COLUMNS = {
  id: importRuns.id, organizationId: importRuns.organizationId, municipality: organizations.slug, municipalityName: organizations.shortName,
  source: importRuns.source, filename: importRuns.filename, dryRun: importRuns.dryRun, status: importRuns.status,
  total: importRuns.total, processed: importRuns.processed, created: importRuns.created, updated: importRuns.updated,
  unchanged: importRuns.unchanged, rejected: importRuns.rejected, unmappedCategories: importRuns.unmappedCategories,
  error: importRuns.error, createdAt: importRuns.createdAt, finishedAt: importRuns.finishedAt,
};

export async function runWithMunicipality(db: Executor, id: string) {
  const [row] = await db.select(RUN_LIST_COLUMNS).from(importRuns).innerJoin(organizations, eq(organizations.id, importRuns.organizationId))
    .where(eq(importRuns.id, id)).limit(1);
  return row ?? null;
}

/** The latest runs the scope may see, newest first. */
export async function listRuns(db: Executor, scope: Scope, limit: number) {
  const query = db.select(RUN_LIST_COLUMNS).from(importRuns).innerJoin(organizations, eq(organizations.id, importRuns.organizationId));
  const scoped = scope === 'all' ? query : query.where(inArray(importRuns.organizationId, scope));
  return scoped.orderBy(desc(importRuns.createdAt), desc(importRuns.id)).limit(limit);
}

// ── category map ──

export async function categoryMap(db: Executor, source: 'pos' | 'incidents') {
  return db.select({ category: importCategories.category, subcategory: importCategories.subcategory, topic: importCategories.topicCode, topicTitle: topics.title })
    .from(importCategories).innerJoin(topics, eq(topics.code, importCategories.topicCode))
    .where(eq(importCategories.source, source)).orderBy(asc(importCategories.category), asc(importCategories.subcategory));
}

export async function replaceCategoryMap(db: Executor, source: 'pos' | 'incidents', rows: { category: string; subcategory: string; topic: string }[], now: Date): Promise<void> {
  await db.delete(importCategories).where(eq(importCategories.source, source));
  if (rows.length) {
    await db.insert(importCategories).values(rows.map((r) => ({ source, category: r.category, subcategory: r.subcategory, topicCode: r.topic, updatedAt: now })));
  }
}

/** The codes among `codes` that are active topics. */
export async function activeTopics(db: Executor, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.select({ code: topics.code }).from(topics).where(and(inArray(topics.code, codes), eq(topics.active, true)));
  return new Set(rows.map((r) => r.code));
}
