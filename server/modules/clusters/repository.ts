// All SQL of problem clusters.
import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db';
import { appeals, organizations, problemClusters, topics } from '../../db/schema';
import type { Scope } from '../../platform/policy';

export type ClusterRow = typeof problemClusters.$inferSelect;

/** Recent appeals of a municipality at one street (the appeals_place_idx index), newest first. */
export async function placeCandidates(db: Executor, organizationId: string, street: string, since: Date, until: Date, excludeId: string, limit = 200) {
  return db.select({
    id: appeals.id, text: appeals.text, address: appeals.address, authorKeys: appeals.authorKeys, placeHouse: appeals.placeHouse,
    clusterId: appeals.clusterId, receivedAt: appeals.receivedAt, topicCode: appeals.topicCode,
  }).from(appeals)
    .where(and(
      eq(appeals.organizationId, organizationId), eq(appeals.placeStreet, street), gte(appeals.receivedAt, since), lte(appeals.receivedAt, until),
      sql`${appeals.id} <> ${excludeId}::uuid`, sql`${appeals.duplicateOfId} is null`,
    ))
    .orderBy(desc(appeals.receivedAt)).limit(limit);
}

export async function insertCluster(db: Executor, values: typeof problemClusters.$inferInsert): Promise<ClusterRow> {
  const [row] = await db.insert(problemClusters).values(values).returning();
  return row;
}

export async function findCluster(db: Executor, id: string, forUpdate = false): Promise<ClusterRow | null> {
  const query = db.select().from(problemClusters).where(eq(problemClusters.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function setClusterOf(db: Executor, appealIds: string[], clusterId: string | null): Promise<void> {
  if (!appealIds.length) return;
  await db.update(appeals).set({ clusterId }).where(inArray(appeals.id, appealIds));
}

export async function moveAppeals(db: Executor, fromCluster: string, toCluster: string): Promise<void> {
  await db.update(appeals).set({ clusterId: toCluster }).where(eq(appeals.clusterId, fromCluster));
}

/**
 * Recounts a cluster from its appeals. A cluster of fewer than two appeals is no cluster: its appeal is
 * released and the cluster removed. Returns the cluster, or null when it was removed.
 */
export async function refreshCluster(db: Executor, id: string, now: Date): Promise<ClusterRow | null> {
  const [stats] = await db.select({
    n: sql<number>`count(*)::int`, first: sql<Date | null>`min(${appeals.receivedAt})`, last: sql<Date | null>`max(${appeals.receivedAt})`,
  }).from(appeals).where(eq(appeals.clusterId, id));
  if (Number(stats.n) < 2) {
    await db.update(appeals).set({ clusterId: null }).where(eq(appeals.clusterId, id));
    await db.delete(problemClusters).where(eq(problemClusters.id, id));
    return null;
  }
  const [row] = await db.update(problemClusters)
    .set({ size: Number(stats.n), firstAt: new Date(stats.first as Date), lastAt: new Date(stats.last as Date), updatedAt: now })
    .where(eq(problemClusters.id, id)).returning();
  return row;
}

export interface ClusterQuery {
  scope: Scope;
  organizationId?: string;
  /** Only these clusters. */
  ids?: string[];
  from?: Date;
  to?: Date;
  /** Appeals received since this instant count as the cluster's growth. */
  growthSince: Date;
  sort: 'size' | 'growth';
  limit: number;
}

/** Clusters by size or growth, with the number of their appeals received since `growthSince`. */
export async function listClusters(db: Executor, q: ClusterQuery) {
  const conditions: (SQL | undefined)[] = [gte(problemClusters.size, 2)];
  if (q.scope !== 'all') conditions.push(inArray(problemClusters.organizationId, q.scope));
  if (q.organizationId) conditions.push(eq(problemClusters.organizationId, q.organizationId));
  if (q.ids) conditions.push(inArray(problemClusters.id, q.ids));
  if (q.from) conditions.push(gte(problemClusters.lastAt, q.from));
  if (q.to) conditions.push(lte(problemClusters.firstAt, q.to));
  const growth = sql<number>`(select count(*)::int from ${appeals} where ${appeals.clusterId} = ${problemClusters.id} and ${appeals.receivedAt} >= ${q.growthSince.toISOString()}::timestamptz)`;
  // The cluster's topic: the one most of its appeals carry (from appeals_cluster_idx).
  const topicCode = sql<string | null>`(select mode() within group (order by ${appeals.topicCode}) from ${appeals} where ${appeals.clusterId} = ${problemClusters.id} and ${appeals.topicCode} is not null)`;
  const order = q.sort === 'growth' ? [desc(growth), desc(problemClusters.size)] : [desc(problemClusters.size), desc(growth)];
  const rows = await db.select({
    id: problemClusters.id, organizationId: problemClusters.organizationId, municipality: organizations.slug, municipalityName: organizations.shortName,
    title: problemClusters.title, size: problemClusters.size, firstAt: problemClusters.firstAt, lastAt: problemClusters.lastAt, growth, topicCode,
  }).from(problemClusters)
    .innerJoin(organizations, eq(organizations.id, problemClusters.organizationId))
    .where(and(...conditions))
    .orderBy(...order, desc(problemClusters.lastAt), desc(problemClusters.id))
    .limit(q.limit);
  const codes = [...new Set(rows.map((r) => r.topicCode).filter((c): c is string => !!c))];
  const titles = new Map(codes.length ? (await db.select({ code: topics.code, title: topics.title }).from(topics).where(inArray(topics.code, codes))).map((t) => [t.code, t.title]) : []);
  return rows.map((r) => ({ ...r, growth: Number(r.growth), topic: r.topicCode ? { code: r.topicCode, title: titles.get(r.topicCode) ?? r.topicCode } : null }));
}

/** The appeals of the given clusters, newest first, at most `perCluster` of each. */
export async function appealsOfClusters(db: Executor, clusterIds: string[], perCluster = 50) {
  if (!clusterIds.length) return [];
  const ranked = db.select({
    id: appeals.id, number: appeals.number, clusterId: appeals.clusterId, receivedAt: appeals.receivedAt, status: appeals.status,
    excerpt: sql<string>`left(${appeals.text}, 200)`.as('excerpt'), address: appeals.address,
    rank: sql<number>`row_number() over (partition by ${appeals.clusterId} order by ${appeals.receivedAt} desc, ${appeals.id})`.as('rank'),
  }).from(appeals).where(inArray(appeals.clusterId, clusterIds)).as('ranked');
  return db.select().from(ranked).where(lte(ranked.rank, perCluster)).orderBy(desc(ranked.receivedAt));
}

/** The appeals of a cluster among the given ids. */
export async function appealsInCluster(db: Executor, clusterId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: appeals.id }).from(appeals).where(and(eq(appeals.clusterId, clusterId), inArray(appeals.id, ids)));
}

export async function deleteCluster(db: Executor, id: string): Promise<void> {
  await db.delete(problemClusters).where(eq(problemClusters.id, id));
}
