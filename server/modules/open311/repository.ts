// All SQL of Open311: client keys, services (topics) and the requests sent through it.
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db';
import { appeals, open311Keys, organizations, topics } from '../../db/schema';
import { OPEN_STATUSES } from '../../../domain/appeals';

export type KeyRow = typeof open311Keys.$inferSelect;

export async function insertKey(db: Executor, values: typeof open311Keys.$inferInsert): Promise<KeyRow> {
  const [row] = await db.insert(open311Keys).values(values).returning();
  return row;
}

export async function listKeys(db: Executor) {
  return db.select({
    id: open311Keys.id, municipality: organizations.slug, municipalityName: organizations.shortName, name: open311Keys.name,
    prefix: open311Keys.prefix, createdAt: open311Keys.createdAt, lastUsedAt: open311Keys.lastUsedAt, revokedAt: open311Keys.revokedAt,
  }).from(open311Keys).innerJoin(organizations, eq(organizations.id, open311Keys.organizationId))
    .orderBy(desc(open311Keys.createdAt), desc(open311Keys.id)).limit(500);
}

export async function findKey(db: Executor, id: string): Promise<KeyRow | null> {
  const [row] = await db.select().from(open311Keys).where(eq(open311Keys.id, id)).limit(1);
  return row ?? null;
}

export async function revokeKey(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(open311Keys).set({ revokedAt: at }).where(and(eq(open311Keys.id, id), isNull(open311Keys.revokedAt)));
}

/** The valid key with this hash and its municipality. */
export async function keyByHash(db: Executor, hash: string) {
  const [row] = await db.select({ key: open311Keys, org: organizations }).from(open311Keys)
    .innerJoin(organizations, eq(organizations.id, open311Keys.organizationId))
    .where(and(eq(open311Keys.keyHash, hash), isNull(open311Keys.revokedAt))).limit(1);
  return row ?? null;
}

export async function touchKey(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(open311Keys).set({ lastUsedAt: at }).where(eq(open311Keys.id, id));
}

export async function municipalityBySlug(db: Executor, slug: string) {
  const [row] = await db.select().from(organizations).where(and(eq(organizations.slug, slug), eq(organizations.kind, 'municipality'), eq(organizations.active, true))).limit(1);
  return row ?? null;
}

/** Services: the active topics of the classifier. */
export async function services(db: Executor) {
  return db.select({ code: topics.code, title: topics.title, group: topics.groupCode, keywords: topics.keywords }).from(topics)
    .where(and(eq(topics.level, 'topic'), eq(topics.active, true))).orderBy(asc(topics.code));
}

export const REQUEST_COLUMNS = {
  id: appeals.id, number: appeals.number, status: appeals.status, topicCode: appeals.topicCode, topicTitle: topics.title,
  text: appeals.text, address: appeals.address, latitude: appeals.latitude, longitude: appeals.longitude,
  receivedAt: appeals.receivedAt, updatedAt: appeals.updatedAt, deadlineAnswer: appeals.deadlineAnswer, answerText: appeals.answerText,
};
export type RequestRow = { [K in keyof typeof REQUEST_COLUMNS]: (typeof REQUEST_COLUMNS)[K]['_']['data'] | null } & { id: string; number: string; status: string; text: string; receivedAt: Date; updatedAt: Date };

export interface RequestQuery {
  organizationId: string;
  numbers?: string[];
  serviceCodes?: string[];
  from?: Date;
  to?: Date;
  status?: 'open' | 'closed';
  limit: number;
}

/** Requests that came in through Open311 for the municipality, newest first. */
export async function listRequests(db: Executor, q: RequestQuery): Promise<RequestRow[]> {
  const conditions: (SQL | undefined)[] = [eq(appeals.organizationId, q.organizationId), eq(appeals.subChannel, 'open311')];
  if (q.numbers?.length) conditions.push(inArray(appeals.number, q.numbers));
  if (q.serviceCodes?.length) conditions.push(inArray(appeals.topicCode, q.serviceCodes));
  if (q.from) conditions.push(gte(appeals.receivedAt, q.from));
  if (q.to) conditions.push(lte(appeals.receivedAt, q.to));
  if (q.status === 'open') conditions.push(inArray(appeals.status, [...OPEN_STATUSES]));
  if (q.status === 'closed') conditions.push(sql`${appeals.status} not in ${sql.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`)}`);
  return (await db.select(REQUEST_COLUMNS).from(appeals).leftJoin(topics, eq(topics.code, appeals.topicCode))
    .where(and(...conditions)).orderBy(desc(appeals.receivedAt), desc(appeals.id)).limit(q.limit)) as RequestRow[];
}
