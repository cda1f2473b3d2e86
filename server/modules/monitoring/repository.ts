// All SQL of the monitoring of publications: sources, their feed state, and the triage queue.
import { and, asc, count, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db';
import { monitoringItems, monitoringSources, organizations, risks, users } from '../../db/schema';
import type { FeedStateValues } from '../../platform/feeds';

export type SourceRow = typeof monitoringSources.$inferSelect;
export type ItemRow = typeof monitoringItems.$inferSelect;
export type Org = typeof organizations.$inferSelect;

const sourceColumns = { s: monitoringSources, slug: organizations.slug, orgName: organizations.shortName };
export type SourceWithOrg = { s: SourceRow; slug: string; orgName: string };

export async function listSources(db: Executor, filter: { municipality?: string }): Promise<SourceWithOrg[]> {
  return db.select(sourceColumns).from(monitoringSources)
    .innerJoin(organizations, eq(organizations.id, monitoringSources.organizationId))
    .where(filter.municipality ? eq(organizations.slug, filter.municipality) : undefined)
    .orderBy(asc(organizations.shortName), asc(monitoringSources.name));
}

export async function findSource(db: Executor, id: string): Promise<SourceWithOrg | null> {
  const [row] = await db.select(sourceColumns).from(monitoringSources)
    .innerJoin(organizations, eq(organizations.id, monitoringSources.organizationId))
    .where(eq(monitoringSources.id, id)).limit(1);
  return row ?? null;
}

/** Undecided items per source. */
export async function newItemCounts(db: Executor, sourceIds: string[]): Promise<Map<string, number>> {
  if (!sourceIds.length) return new Map();
  const rows = await db.select({ sourceId: monitoringItems.sourceId, n: count() }).from(monitoringItems)
    .where(and(inArray(monitoringItems.sourceId, sourceIds), eq(monitoringItems.status, 'new')))
    .groupBy(monitoringItems.sourceId);
  return new Map(rows.map((r) => [r.sourceId, Number(r.n)]));
}

export async function insertSource(db: Executor, values: typeof monitoringSources.$inferInsert): Promise<SourceRow> {
  const [row] = await db.insert(monitoringSources).values(values).returning();
  return row;
}

export async function updateSource(db: Executor, id: string, values: Partial<typeof monitoringSources.$inferInsert>): Promise<SourceRow> {
  const [row] = await db.update(monitoringSources).set(values).where(eq(monitoringSources.id, id)).returning();
  return row;
}

export async function deleteSource(db: Executor, id: string): Promise<void> {
  // Its undecided queue goes with it; a source with decisions is never deleted (see hasDecisions).
  await db.delete(monitoringSources).where(eq(monitoringSources.id, id));
}

/** Whether a publication of the source was registered as a risk or rejected with a reason. */
export async function hasDecisions(db: Executor, sourceId: string): Promise<boolean> {
  const [row] = await db.select({ id: monitoringItems.id }).from(monitoringItems)
    .where(and(eq(monitoringItems.sourceId, sourceId), sql`${monitoringItems.status} <> 'new'`)).limit(1);
  return !!row;
}

export async function saveFeedState(db: Executor, id: string, state: FeedStateValues): Promise<void> {
  await db.update(monitoringSources).set(state).where(eq(monitoringSources.id, id));
}

/** Active sources of active municipalities whose next reading is due. */
export async function dueSources(db: Executor, now: Date, limit: number): Promise<{ s: SourceRow; org: Org }[]> {
  return db.select({ s: monitoringSources, org: organizations }).from(monitoringSources)
    .innerJoin(organizations, eq(organizations.id, monitoringSources.organizationId))
    .where(and(eq(monitoringSources.active, true), eq(organizations.active, true),
      or(isNull(monitoringSources.nextFetchAt), lte(monitoringSources.nextFetchAt, now))))
    .orderBy(sql`${monitoringSources.nextFetchAt} asc nulls first`).limit(limit);
}

/** Queues the items; one already queued for the source (same guid) is skipped. Returns the new ones. */
export async function insertItems(db: Executor, rows: (typeof monitoringItems.$inferInsert)[]): Promise<{ id: string }[]> {
  if (!rows.length) return [];
  return db.insert(monitoringItems).values(rows)
    .onConflictDoNothing({ target: [monitoringItems.organizationId, monitoringItems.sourceId, monitoringItems.guid] })
    .returning({ id: monitoringItems.id });
}

const itemColumns = {
  i: monitoringItems, slug: organizations.slug, orgName: organizations.shortName,
  sourceName: monitoringSources.name, sourcePlatform: monitoringSources.platform,
  riskNumber: risks.number, decidedByName: users.fullName,
};
export type ItemWithRefs = { i: ItemRow; slug: string; orgName: string; sourceName: string; sourcePlatform: string; riskNumber: string | null; decidedByName: string | null };

function itemQuery(db: Executor) {
  return db.select(itemColumns).from(monitoringItems)
    .innerJoin(organizations, eq(organizations.id, monitoringItems.organizationId))
    .innerJoin(monitoringSources, eq(monitoringSources.id, monitoringItems.sourceId))
    .leftJoin(risks, eq(risks.id, monitoringItems.riskId))
    .leftJoin(users, eq(users.id, monitoringItems.decidedBy));
}

export async function listItems(db: Executor, filter: { status: string; municipality?: string; source?: string; limit: number; offset: number }) {
  const where = and(
    eq(monitoringItems.status, filter.status as ItemRow['status']),
    filter.municipality ? eq(organizations.slug, filter.municipality) : undefined,
    filter.source ? eq(monitoringItems.sourceId, filter.source) : undefined,
  );
  const order = filter.status === 'new' ? [desc(monitoringItems.foundAt), desc(monitoringItems.publishedAt)] : [desc(monitoringItems.decidedAt)];
  const rows = await itemQuery(db).where(where).orderBy(...order, asc(monitoringItems.id)).limit(filter.limit).offset(filter.offset);
  const [{ n }] = await db.select({ n: count() }).from(monitoringItems)
    .innerJoin(organizations, eq(organizations.id, monitoringItems.organizationId)).where(where);
  return { rows: rows as ItemWithRefs[], total: Number(n) };
}

export async function findItem(db: Executor, id: string): Promise<ItemWithRefs | null> {
  const [row] = await itemQuery(db).where(eq(monitoringItems.id, id)).limit(1);
  return (row as ItemWithRefs | undefined) ?? null;
}

/** The item locked for a decision, so that two people cannot decide on it at once. */
export async function lockItem(db: Executor, id: string): Promise<ItemRow | null> {
  const [row] = await db.select().from(monitoringItems).where(eq(monitoringItems.id, id)).for('update').limit(1);
  return row ?? null;
}

export async function decideItem(db: Executor, id: string, values: Pick<ItemRow, 'status' | 'decidedBy' | 'decidedAt'> & Partial<Pick<ItemRow, 'riskId' | 'rejectReason'>>): Promise<void> {
  await db.update(monitoringItems).set(values).where(eq(monitoringItems.id, id));
}
