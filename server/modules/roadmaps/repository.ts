// All SQL of roadmaps. A municipality sees only its own roadmaps (the scope is applied here). The effect is
// counted by the database from the index by municipality, topic and time of receipt.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { appeals, files, organizations, problemClusters, roadmapComments, roadmapMeasures, roadmaps, topics, users, type RoadmapPlace } from '../../db/schema';
import type { Scope } from '../../platform/policy';

export type RoadmapRow = typeof roadmaps.$inferSelect;
export type MeasureRow = typeof roadmapMeasures.$inferSelect;

const ORG_COLUMNS = { municipality: organizations.slug, municipalityName: organizations.shortName, timeZone: organizations.timeZone };

/** The roadmap with its municipality, or null when it is outside the scope. */
export async function findVisible(db: Executor, scope: Scope, id: string, forUpdate = false) {
  const query = db.select({ roadmap: roadmaps, ...ORG_COLUMNS }).from(roadmaps)
    .innerJoin(organizations, eq(organizations.id, roadmaps.organizationId))
    .where(and(eq(roadmaps.id, id), withinScope(roadmaps.organizationId, scope))).limit(1);
  const [row] = forUpdate ? await query.for('update', { of: roadmaps }) : await query;
  return row ?? null;
}

export async function listVisible(db: Executor, scope: Scope, now: Date, organizationId?: string) {
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${organizations.timeZone})::date`;
  return db.select({
    id: roadmaps.id, title: roadmaps.title, startsOn: roadmaps.startsOn, topicCodes: roadmaps.topicCodes, ...ORG_COLUMNS,
    measures: sql<number>`(select count(*) from ${roadmapMeasures} where ${roadmapMeasures.roadmapId} = ${roadmaps.id})`,
    done: sql<number>`(select count(*) from ${roadmapMeasures} where ${roadmapMeasures.roadmapId} = ${roadmaps.id} and ${roadmapMeasures.status} = 'done')`,
    overdue: sql<number>`(select count(*) from ${roadmapMeasures} where ${roadmapMeasures.roadmapId} = ${roadmaps.id} and ${roadmapMeasures.status} in ('planned', 'in_progress') and ${roadmapMeasures.dueOn} < ${today})`,
  }).from(roadmaps)
    .innerJoin(organizations, eq(organizations.id, roadmaps.organizationId))
    .where(and(withinScope(roadmaps.organizationId, scope), organizationId ? eq(roadmaps.organizationId, organizationId) : undefined))
    .orderBy(desc(roadmaps.startsOn), desc(roadmaps.createdAt)).limit(1000);
}

export async function insertRoadmap(db: Executor, values: typeof roadmaps.$inferInsert): Promise<RoadmapRow> {
  const [row] = await db.insert(roadmaps).values(values).returning();
  return row;
}

export async function updateRoadmap(db: Executor, id: string, values: Partial<typeof roadmaps.$inferInsert>): Promise<void> {
  await db.update(roadmaps).set(values).where(eq(roadmaps.id, id));
}

/** Classifier codes that exist, of those given. */
export async function existingTopics(db: Executor, codes: string[]) {
  if (!codes.length) return [];
  return db.select({ code: topics.code, title: topics.title }).from(topics).where(inArray(topics.code, codes)).orderBy(asc(topics.code));
}

/** Every code of the classifier at or under the given ones: what an appeal's topic is compared with. */
export async function topicsUnder(db: Executor, codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const rows = await db.select({ code: topics.code }).from(topics)
    .where(or(inArray(topics.code, codes), ...codes.map((c) => sql`${topics.code} like ${`${c}.%`}`)));
  return rows.map((r) => r.code);
}

/** Problem clusters of the municipality among the ids. */
export async function clustersOf(db: Executor, organizationId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: problemClusters.id, title: problemClusters.title, size: problemClusters.size }).from(problemClusters)
    .where(and(eq(problemClusters.organizationId, organizationId), inArray(problemClusters.id, ids)));
}

export async function measuresOf(db: Executor, roadmapId: string): Promise<MeasureRow[]> {
  return db.select().from(roadmapMeasures).where(eq(roadmapMeasures.roadmapId, roadmapId)).orderBy(asc(roadmapMeasures.dueOn), asc(roadmapMeasures.createdAt));
}

export async function findMeasure(db: Executor, roadmapId: string, measureId: string, forUpdate = false): Promise<MeasureRow | null> {
  const query = db.select().from(roadmapMeasures).where(and(eq(roadmapMeasures.roadmapId, roadmapId), eq(roadmapMeasures.id, measureId))).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertMeasure(db: Executor, values: typeof roadmapMeasures.$inferInsert): Promise<MeasureRow> {
  const [row] = await db.insert(roadmapMeasures).values(values).returning();
  return row;
}

export async function updateMeasure(db: Executor, id: string, values: Partial<typeof roadmapMeasures.$inferInsert>): Promise<MeasureRow> {
  const [row] = await db.update(roadmapMeasures).set(values).where(eq(roadmapMeasures.id, id)).returning();
  return row;
}

/** Evidence files of the measures, without their content. */
export async function evidenceOf(db: Executor, measureIds: string[]) {
  if (!measureIds.length) return [];
  return db.select({ id: files.id, ownerId: files.ownerId, filename: files.filename, mimeType: files.mimeType, size: files.size, createdAt: files.createdAt })
    .from(files).where(and(eq(files.ownerType, 'roadmap_measure'), inArray(files.ownerId, measureIds))).orderBy(asc(files.createdAt));
}

export async function commentsOf(db: Executor, roadmapId: string) {
  return db.select({ id: roadmapComments.id, author: sql<string>`coalesce(${users.fullName}, '')`, side: roadmapComments.side, text: roadmapComments.text, createdAt: roadmapComments.createdAt })
    .from(roadmapComments).leftJoin(users, eq(users.id, roadmapComments.authorId))
    .where(eq(roadmapComments.roadmapId, roadmapId)).orderBy(asc(roadmapComments.createdAt));
}

export async function insertComment(db: Executor, values: typeof roadmapComments.$inferInsert): Promise<void> {
  await db.insert(roadmapComments).values(values);
}

/** What the effect counts: the municipality's appeals on the topics (at the places, when given) or in the clusters. */
export interface EffectSelection {
  organizationId: string;
  timeZone: string;
  /** Codes at or under the roadmap's topics. */
  topicCodes: string[];
  places: RoadmapPlace[];
  clusterIds: string[];
  /** Instants: the start of the period before, the start of the roadmap, the end of the period after (exclusive). */
  from: Date;
  start: Date;
  to: Date;
}

const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function placeCondition(places: RoadmapPlace[]): SQL | undefined {
  if (!places.length) return undefined;
  return or(...places.map((p) => {
    if (p.kind === 'street' && p.street) {
      return p.house
        ? sql`(${appeals.placeStreet} = ${p.street} and (${appeals.placeHouse} is null or ${appeals.placeHouse} = ${p.house}))`
        : sql`${appeals.placeStreet} = ${p.street}`;
    }
    return sql`(${appeals.address} ilike ${likeEscaped(p.name)} or ${appeals.text} ilike ${likeEscaped(p.name)})`;
  }));
}

/**
 * Appeals per local month of receipt, split into those received before the start and after it. One pass over
 * the index (organization_id, topic_code, received_at) and, for clusters, appeals_cluster_idx.
 */
export async function effectByMonth(db: Executor, s: EffectSelection): Promise<{ month: string; before: number; after: number }[]> {
  if (s.to <= s.from) return [];
  const arms: SQL[] = [];
  if (s.topicCodes.length) arms.push(and(inArray(appeals.topicCode, s.topicCodes), placeCondition(s.places))!);
  if (s.clusterIds.length) arms.push(inArray(appeals.clusterId, s.clusterIds));
  if (!arms.length) return [];
  const month = sql<string>`to_char((${appeals.receivedAt} at time zone ${s.timeZone}), 'YYYY-MM')`;
  const start = sql`${s.start.toISOString()}::timestamptz`;
  const rows = await db.select({
    month,
    before: sql<number>`count(*) filter (where ${appeals.receivedAt} < ${start})`,
    after: sql<number>`count(*) filter (where ${appeals.receivedAt} >= ${start})`,
  }).from(appeals)
    .where(and(
      eq(appeals.organizationId, s.organizationId),
      sql`${appeals.receivedAt} >= ${s.from.toISOString()}::timestamptz`, sql`${appeals.receivedAt} < ${s.to.toISOString()}::timestamptz`,
      or(...arms),
    ))
    .groupBy(sql`1`).orderBy(sql`1`);
  return rows.map((r) => ({ month: r.month, before: Number(r.before), after: Number(r.after) }));
}
