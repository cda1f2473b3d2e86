// All SQL of the appeals registry.
import { performance } from 'node:perf_hooks';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, like, lt, lte, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import { getTableColumns, type Column, type Table, type WithSubquery } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db';
import { appealCounters, appealEvents, appeals, appealTopicMarks, auditLog, departments, jobMarks, organizations, problemClusters, topics, users } from '../../db/schema';
import type { Scope } from '../../platform/policy';
import type { AppealFilter } from './schema';
import { decodeCursor, encodeCursor } from './cursor';
import { OPEN_STATUSES } from '../../../domain/appeals';

export type AppealRow = typeof appeals.$inferSelect;
export type NewAppealRow = typeof appeals.$inferInsert;

/** Allocates the next number of the municipality's year atomically. */
export async function nextSequence(db: Executor, organizationId: string, year: number): Promise<number> {
  const [row] = await db.insert(appealCounters).values({ organizationId, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [appealCounters.organizationId, appealCounters.year], set: { lastSeq: sql`${appealCounters.lastSeq} + 1` } })
    .returning({ seq: appealCounters.lastSeq });
  return row.seq;
}

export interface Registration {
  values: Omit<NewAppealRow, 'number' | 'seq'> & { id: string; organizationId: string; year: number };
  prefix: string;
  event: typeof appealEvents.$inferInsert & { payload: Record<string, unknown> };
  audit: typeof auditLog.$inferInsert & { after: Record<string, unknown> | null };
  topicMark: typeof appealTopicMarks.$inferInsert | null;
}

/** The registration statement of one shape (the same columns given, with or without a topic's mark), built once. */
function registrationStatement(db: Executor, shape: { keys: string[]; event: string[]; audit: string[]; mark: string[] | null }) {
  const p = (name: string) => sql.placeholder(name);
  // Bare placeholders (the values come encoded by registerAppeal, nulls included).
  const fields = <T>(prefix: string, keys: string[]) => Object.fromEntries(keys.map((k) => [k, sql`${p(`${prefix}${k}`)}`])) as unknown as T;
  const counter = db.$with('counter').as(db.insert(appealCounters).values({ organizationId: p('v.organizationId'), year: p('v.year'), lastSeq: 1 })
    .onConflictDoUpdate({ target: [appealCounters.organizationId, appealCounters.year], set: { lastSeq: sql`${appealCounters.lastSeq} + 1` } })
    .returning({ seq: appealCounters.lastSeq }));
  // The number as formatNumber writes it: the prefix and year, then at least six digits.
  const numbered = db.$with('numbered').as(db.select({
    seq: sql<number>`${counter.seq}`.as('seq'),
    number: sql<string>`${p('numberPrefix')}::text || lpad(${counter.seq}::text, greatest(6, length(${counter.seq}::text)), '0')`.as('number'),
  }).from(counter));
  const withNumber = (name: string) => sql`${p(name)}::jsonb || jsonb_build_object('number', (select number from ${numbered}))`;
  const event = db.$with('event').as(db.insert(appealEvents).values({ ...fields<typeof appealEvents.$inferInsert>('e.', shape.event), payload: withNumber('eventPayload') }).returning({ id: appealEvents.id }));
  const audit = db.$with('audit').as(db.insert(auditLog).values({ ...fields<typeof auditLog.$inferInsert>('a.', shape.audit), after: withNumber('auditAfter') }).returning({ id: auditLog.id }));
  const ctes: WithSubquery[] = [counter, numbered, event, audit];
  if (shape.mark) ctes.push(db.$with('mark').as(db.insert(appealTopicMarks).values(fields<typeof appealTopicMarks.$inferInsert>('m.', shape.mark)).returning({ id: appealTopicMarks.appealId })));
  return db.with(...ctes).insert(appeals)
    .values({ ...fields<NewAppealRow>('v.', shape.keys), seq: sql`(select seq from ${numbered})`, number: sql`(select number from ${numbered})` })
    .returning();
}

type RegistrationStatement = ReturnType<typeof registrationStatement>;
const preparedRegistrations = new WeakMap<object, Map<string, ReturnType<RegistrationStatement['prepare']>>>();

/**
 * Writes a new appeal in one statement: takes the next number of the municipality's year, stores the appeal
 * under it with its first timeline event, its audit row and (when given) who set its topic. The number goes
 * into the `number` key of the event's payload and of the audit's `after`. The counter's row stays locked
 * for this statement only (and to the end of the caller's transaction, when there is one). Outside a
 * transaction the statement is prepared once per shape and connection, so only its values travel.
 */
export async function registerAppeal(db: Executor, input: Registration): Promise<AppealRow> {
  const { payload, ...event } = input.event;
  const { after, ...audit } = input.audit;
  const shape = {
    keys: Object.keys(input.values), event: Object.keys(event), audit: Object.keys(audit),
    mark: input.topicMark ? Object.keys(input.topicMark) : null,
  };
  const params: Record<string, unknown> = {
    numberPrefix: `${input.prefix}-${input.values.year}-`, eventPayload: JSON.stringify(payload), auditAfter: JSON.stringify(after ?? {}),
  };
  const put = (prefix: string, table: Table, object: object) => {
    const columns = getTableColumns(table) as Record<string, Column>;
    for (const [k, v] of Object.entries(object)) params[`${prefix}${k}`] = v === null || v === undefined ? null : columns[k].mapToDriverValue(v);
  };
  put('v.', appeals, input.values);
  put('e.', appealEvents, event);
  put('a.', auditLog, audit);
  put('m.', appealTopicMarks, input.topicMark ?? {});
  if ('rollback' in db) {
    const [row] = await registrationStatement(db, shape).execute(params);
    return row;
  }
  const key = JSON.stringify(shape);
  let statements = preparedRegistrations.get(db);
  if (!statements) preparedRegistrations.set(db, (statements = new Map()));
  let statement = statements.get(key);
  if (!statement) statements.set(key, (statement = registrationStatement(db, shape).prepare(`register_appeal_${statements.size}`)));
  const [row] = await statement.execute(params);
  return row;
}

export async function insertAppeal(db: Executor, values: NewAppealRow): Promise<AppealRow> {
  const [row] = await db.insert(appeals).values(values).returning();
  return row;
}

export async function findByExternalId(db: Executor, organizationId: string, channel: string, externalId: string): Promise<AppealRow | null> {
  const [row] = await db.select().from(appeals)
    .where(and(eq(appeals.organizationId, organizationId), eq(appeals.channel, channel), eq(appeals.externalId, externalId))).limit(1);
  return row ?? null;
}

export async function findAppeal(db: Executor, id: string, forUpdate = false): Promise<AppealRow | null> {
  const query = db.select().from(appeals).where(eq(appeals.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findByNumber(db: Executor, number: string): Promise<AppealRow | null> {
  const [row] = await db.select().from(appeals).where(eq(appeals.number, number)).limit(1);
  return row ?? null;
}

export async function updateAppeal(db: Executor, id: string, values: Partial<NewAppealRow>, now: Date): Promise<AppealRow> {
  const [row] = await db.update(appeals).set({ ...values, updatedAt: now }).where(eq(appeals.id, id)).returning();
  return row;
}

export async function addEvent(db: Executor, event: typeof appealEvents.$inferInsert): Promise<void> {
  await db.insert(appealEvents).values(event);
}

export async function timeline(db: Executor, appealId: string) {
  return db.select({ event: appealEvents, actorName: users.fullName }).from(appealEvents)
    .leftJoin(users, eq(users.id, appealEvents.actorId))
    .where(eq(appealEvents.appealId, appealId)).orderBy(asc(appealEvents.id));
}

/** Related names for presenting one appeal. */
export async function relatedOf(db: Executor, row: AppealRow) {
  const submitter = alias(users, 'submitter');
  const approver = alias(users, 'approver');
  const earlier = alias(appeals, 'earlier');
  const original = alias(appeals, 'original');
  const [r] = await db.select({
    municipality: organizations.slug, municipalityName: organizations.shortName, timeZone: organizations.timeZone,
    topicTitle: topics.title, departmentName: departments.name, executorName: users.fullName,
    submittedByName: submitter.fullName, approvedByName: approver.fullName,
    repeatOfNumber: earlier.number, resendOfNumber: original.number,
    clusterTitle: problemClusters.title, clusterSize: problemClusters.size,
  }).from(organizations)
    .leftJoin(topics, eq(topics.code, sql`${row.topicCode}`))
    .leftJoin(departments, eq(departments.id, sql`${row.departmentId}::uuid`))
    .leftJoin(users, eq(users.id, sql`${row.executorId}::uuid`))
    .leftJoin(submitter, eq(submitter.id, sql`${row.answerSubmittedBy}::uuid`))
    .leftJoin(approver, eq(approver.id, sql`${row.answerApprovedBy}::uuid`))
    .leftJoin(earlier, eq(earlier.id, sql`${row.repeatOfId}::uuid`))
    .leftJoin(original, eq(original.id, sql`${row.resendOfId}::uuid`))
    .leftJoin(problemClusters, eq(problemClusters.id, sql`${row.clusterId}::uuid`))
    .where(eq(organizations.id, row.organizationId)).limit(1);
  return r;
}

const SORTS = {
  receivedAt: appeals.receivedAt,
  registeredAt: appeals.registeredAt,
  deadline: appeals.deadlineAnswer,
  number: appeals.number,
} as const;

/** The local date of `now` in the appeal's municipality, as SQL. */
const localToday = (now: Date) => sql`(${now.toISOString()}::timestamptz at time zone ${organizations.timeZone})::date`;

/** No municipality's local date is later than this (UTC+14), so `deadline < latestToday` bounds an index scan. */
const latestToday = (now: Date) => new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);

export function overdueCondition(now: Date): SQL {
  const bound = latestToday(now);
  // The first OR names only columns of appeals, so the planner applies it to the appeals scan itself.
  return sql`(${inArray(appeals.status, [...OPEN_STATUSES])}
    and (${appeals.deadlineAnswer} < ${bound} or (${appeals.status} = 'received' and ${appeals.deadlineRegister} < ${bound}))
    and (${appeals.deadlineAnswer} < ${localToday(now)} or (${appeals.status} = 'received' and ${appeals.deadlineRegister} < ${localToday(now)})))`;
}

export interface ListQuery {
  scope: Scope;
  filter: AppealFilter;
  now: Date;
  /** Limit of `dueSoon` window: the local date at which 2 working days are left, per municipality. */
  dueSoonUntil?: string;
  topicCodes?: string[];
}

/**
 * The registry's conditions of a filter; they name `appeals` and `organizations` (joined on the appeal's
 * organisation). Analytics counts with these very conditions, so a figure and its registry link agree.
 */
export function conditionsOf(q: ListQuery): (SQL | undefined)[] {
  const f = q.filter;
  const list = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
  const conditions: (SQL | undefined)[] = [];
  if (q.scope !== 'all') conditions.push(inArray(appeals.organizationId, q.scope));
  if (list(f.municipality).length) conditions.push(inArray(organizations.slug, list(f.municipality)));
  if (list(f.status).length) conditions.push(inArray(appeals.status, list(f.status)));
  if (list(f.ids).length) conditions.push(inArray(appeals.id, list(f.ids)));
  if (list(f.channel).length) conditions.push(inArray(appeals.channel, list(f.channel)));
  if (f.topic) conditions.push(or(eq(appeals.topicCode, f.topic), like(appeals.topicCode, `${f.topic.replace(/[%_\\]/g, '')}.%`)));
  if (f.group) conditions.push(inArray(appeals.topicCode, sql`(select ${topics.code} from ${topics} where ${topics.groupCode} = ${f.group})`));
  if (f.department) conditions.push(eq(appeals.departmentId, f.department));
  if (f.executor) conditions.push(eq(appeals.executorId, f.executor));
  if (f.overdue === true) conditions.push(overdueCondition(q.now));
  if (f.overdue === false) conditions.push(sql`not ${overdueCondition(q.now)}`);
  if (f.dueSoon === true && q.dueSoonUntil) {
    conditions.push(inArray(appeals.status, [...OPEN_STATUSES]), gte(appeals.deadlineAnswer, sql`${localToday(q.now)}`), lte(appeals.deadlineAnswer, q.dueSoonUntil));
  }
  if (list(f.kind).length) conditions.push(inArray(appeals.kind, list(f.kind)));
  if (list(f.result).length) conditions.push(inArray(appeals.answerResult, list(f.result)));
  if (f.collective !== undefined) conditions.push(f.collective ? eq(appeals.authorKind, 'collective') : sql`${appeals.authorKind} <> 'collective'`);
  if (f.repeated !== undefined) conditions.push(eq(appeals.repeated, f.repeated));
  if (list(f.tone).length) conditions.push(inArray(appeals.tone, list(f.tone) as ('neutral' | 'negative' | 'aggressive')[]));
  if (f.cluster) conditions.push(eq(appeals.clusterId, f.cluster));
  if (f.street) conditions.push(eq(appeals.placeStreet, f.street));
  if (f.offensive !== undefined) conditions.push(f.offensive ? isNotNull(appeals.language) : sql`${appeals.language} is null`);
  if (f.approvedDespiteWarning !== undefined) conditions.push(eq(appeals.answerApprovedDespiteWarning, f.approvedDespiteWarning));
  if (f.extended !== undefined) conditions.push(f.extended ? isNotNull(appeals.extensionDays) : sql`${appeals.extensionDays} is null`);
  if (f.answeredLate !== undefined) {
    const late = sql`(${appeals.answeredAt} at time zone ${organizations.timeZone})::date > ${appeals.deadlineAnswer}`;
    conditions.push(f.answeredLate ? late : sql`not coalesce(${late}, false)`);
  }
  if (f.rated !== undefined) conditions.push(f.rated ? isNotNull(appeals.ratingScore) : sql`${appeals.ratingScore} is null`);
  if (f.ratedFrom) conditions.push(sql`(${appeals.ratedAt} at time zone ${organizations.timeZone})::date >= ${f.ratedFrom}::date`);
  if (list(f.rating).length) conditions.push(inArray(appeals.ratingScore, list(f.rating).map(Number)));
  if (f.flagged !== undefined) conditions.push(eq(appeals.flaggedForCur, f.flagged));
  if (f.onControl !== undefined) conditions.push(eq(appeals.onControl, f.onControl));
  if (f.deadlineFrom) conditions.push(gte(appeals.deadlineAnswer, f.deadlineFrom));
  if (f.deadlineTo) conditions.push(lte(appeals.deadlineAnswer, f.deadlineTo));
  // Local dates of each municipality; the instant bounds around them (±14 h covers every zone) let an index narrow the scan.
  const localDay = (column: typeof appeals.receivedAt | typeof appeals.registeredAt) => sql`(${column} at time zone ${organizations.timeZone})::date`;
  const dayRange = (column: typeof appeals.receivedAt | typeof appeals.registeredAt, from?: string, to?: string) => {
    if (from) conditions.push(gte(column, new Date(Date.parse(`${from}T00:00:00Z`) - 14 * 3600_000)), sql`${localDay(column)} >= ${from}::date`);
    if (to) conditions.push(lt(column, new Date(Date.parse(`${to}T00:00:00Z`) + 38 * 3600_000)), sql`${localDay(column)} <= ${to}::date`);
  };
  dayRange(appeals.receivedAt, f.receivedFrom, f.receivedTo);
  dayRange(appeals.registeredAt, f.registeredFrom, f.registeredTo);
  if (f.q?.trim()) {
    const q2 = f.q.trim();
    conditions.push(or(
      sql`${appeals.search} @@ websearch_to_tsquery('russian', ${q2})`,
      eq(appeals.number, q2.toUpperCase()),
      eq(appeals.externalId, q2),
    ));
  }
  return conditions;
}

export const LIST_COLUMNS = {
  id: appeals.id, number: appeals.number, municipality: organizations.slug, timeZone: organizations.timeZone,
  channel: appeals.channel, subChannel: appeals.subChannel, receivedAt: appeals.receivedAt, registeredAt: appeals.registeredAt,
  status: appeals.status, authorKind: appeals.authorKind, authorSurname: appeals.authorSurname, authorName: appeals.authorName,
  authorPatronymic: appeals.authorPatronymic, authorOrganization: appeals.authorOrganization, authorInn: appeals.authorInn, authorSigners: appeals.authorSigners,
  text: sql<string>`left(${appeals.text}, 300)`, topic: appeals.topicCode, topicTitle: topics.title, executor: users.fullName,
  departmentName: departments.name, kind: appeals.kind, address: appeals.address,
  deadlineRegister: appeals.deadlineRegister, deadlineForward: appeals.deadlineForward, deadlineAnswer: appeals.deadlineAnswer,
  flaggedForCur: appeals.flaggedForCur, onControl: appeals.onControl, answerResult: appeals.answerResult, answeredAt: appeals.answeredAt,
  ratingScore: appeals.ratingScore, repeated: appeals.repeated, signatories: appeals.signatories, tone: appeals.tone,
};
export type ListRow = { [K in keyof typeof LIST_COLUMNS]: unknown } & {
  id: string; number: string; municipality: string; timeZone: string; channel: string; subChannel: string; receivedAt: Date;
  registeredAt: Date | null; status: string; text: string; topic: string | null; topicTitle: string | null; executor: string | null;
  deadlineRegister: string | null; deadlineForward: string | null; deadlineAnswer: string | null; flaggedForCur: boolean; onControl: boolean;
  tone: string; repeated: boolean;
  authorKind: string; authorSurname: string | null; authorName: string | null; authorPatronymic: string | null; authorOrganization: string | null;
  authorInn: string | null; authorSigners: { surname: string; name: string; patronymic: string | null }[] | null; signatories: number | null;
};

function baseQuery(db: Executor) {
  return db.select(LIST_COLUMNS).from(appeals)
    .innerJoin(organizations, eq(organizations.id, appeals.organizationId))
    .leftJoin(topics, eq(topics.code, appeals.topicCode))
    .leftJoin(users, eq(users.id, appeals.executorId))
    .leftJoin(departments, eq(departments.id, appeals.departmentId));
}

export async function listAppeals(db: Executor, q: ListQuery): Promise<{ rows: ListRow[]; nextCursor: string | null }> {
  const sortKey = (q.filter.sort ?? '-receivedAt').replace('-', '') as keyof typeof SORTS;
  const descending = (q.filter.sort ?? '-receivedAt').startsWith('-');
  const column = SORTS[sortKey];
  const limit = q.filter.limit ?? 50;
  const conditions = conditionsOf(q);
  if (sortKey === 'registeredAt' || sortKey === 'deadline') conditions.push(isNotNull(column));
  if (q.filter.cursor) {
    const c = decodeCursor(q.filter.cursor);
    const value = sortKey === 'receivedAt' || sortKey === 'registeredAt' ? new Date(String(c.value)) : c.value;
    const op = sql.raw(descending ? '<' : '>');
    conditions.push(sql`(${column}, ${appeals.id}) ${op} (${value}, ${c.id}::uuid)`);
  }
  const order = descending ? [desc(column), desc(appeals.id)] : [asc(column), asc(appeals.id)];
  const rows = (await baseQuery(db).where(and(...conditions)).orderBy(...order).limit(limit + 1)) as ListRow[];
  const page = rows.slice(0, limit);
  let nextCursor: string | null = null;
  if (rows.length > limit) {
    const last = page[page.length - 1] as Record<string, unknown>;
    const raw = { receivedAt: last.receivedAt, registeredAt: last.registeredAt, deadline: last.deadlineAnswer, number: last.number }[sortKey];
    nextCursor = encodeCursor({ value: raw instanceof Date ? raw.toISOString() : (raw as string | null), id: String(last.id) });
  }
  return { rows: page, nextCursor };
}

/** Counting stops here: past it the registry shows «более 10 000», which is all a person needs from a list. */
export const COUNT_CAP = 10_000;

/** The number of appeals matching the filter, up to COUNT_CAP + 1. */
export async function countAppeals(db: Executor, q: ListQuery): Promise<number> {
  const matching = db.select({ one: sql`1` }).from(appeals)
    .innerJoin(organizations, eq(organizations.id, appeals.organizationId))
    .where(and(...conditionsOf(q))).limit(COUNT_CAP + 1).as('matching');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(matching);
  return Number(row.n);
}

/** Counts kept per filter with the registry's revision they were made at; at most this many filters. */
const COUNTS_KEPT = 500;
/** A change still uncommitted when its count was made shows within this time, even if nothing else changes. */
const COUNT_KEPT_MS = 30_000;
const keptCounts = new WeakMap<object, Map<string, { revision: number; n: number; at: number }>>();

/**
 * The capped count of a filter, made once per filter while the registry does not change: the last value of
 * the revision sequence, which every new or changed appeal takes, tells whether a kept count still holds.
 */
export async function countAppealsOnce(db: Executor, q: ListQuery): Promise<number> {
  const { cursor: _cursor, limit: _limit, sort: _sort, total: _total, ...filter } = q.filter;
  // «Today» of the overdue and due-soon filters moves with the hour of `now`.
  const key = JSON.stringify([q.scope, filter, q.dueSoonUntil ?? null, q.topicCodes ?? null, q.now.toISOString().slice(0, 13)]);
  const [{ revision }] = await db.select({ revision: sql<number>`(select last_value from appeals_revision_seq)` }).from(sql`(select 1) as one`);
  let kept = keptCounts.get(db);
  if (!kept) keptCounts.set(db, (kept = new Map()));
  const held = kept.get(key);
  if (held && held.revision === Number(revision) && performance.now() - held.at < COUNT_KEPT_MS) return held.n;
  const n = await countAppeals(db, q);
  if (kept.size >= COUNTS_KEPT) kept.clear();
  kept.set(key, { revision: Number(revision), n, at: performance.now() });
  return n;
}

/** Every row of the filtered list, in batches, for exports. */
export async function* exportRows(db: Executor, q: ListQuery, batch = 2000): AsyncGenerator<ListRow[]> {
  let cursor: string | undefined;
  for (;;) {
    const { rows, nextCursor } = await listAppeals(db, { ...q, filter: { ...q.filter, cursor, limit: batch } });
    if (rows.length) yield rows;
    if (!nextCursor) return;
    cursor = nextCursor;
  }
}

/** A department of the administration, or null when the id names none of its departments. */
export async function findDepartmentOf(db: Executor, organizationId: string, id: string) {
  const [row] = await db.select().from(departments).where(and(eq(departments.id, id), eq(departments.organizationId, organizationId))).limit(1);
  return row ?? null;
}

/** An active user of the administration, or null. */
export async function findActiveUserOf(db: Executor, organizationId: string, id: string) {
  const [row] = await db.select().from(users).where(and(eq(users.id, id), eq(users.organizationId, organizationId), eq(users.active, true))).limit(1);
  return row ?? null;
}

/** Earlier appeals of a municipality that share one of the author's keys, newest first (the GIN index on author_keys). */
export async function authorCandidates(db: Executor, organizationId: string, keys: string[], since: Date, limit = 50) {
  if (!keys.length) return [];
  return db.select({ id: appeals.id, number: appeals.number, text: appeals.text, authorKeys: appeals.authorKeys, receivedAt: appeals.receivedAt })
    .from(appeals)
    .where(and(
      eq(appeals.organizationId, organizationId),
      sql`${appeals.authorKeys} && array[${sql.join(keys.map((k) => sql`${k}`), sql`, `)}]::text[]`,
      gte(appeals.receivedAt, since),
      sql`${appeals.duplicateOfId} is null`,
    ))
    .orderBy(desc(appeals.receivedAt)).limit(limit);
}

/** Id and number of appeals, for the references of a card. */
export async function numbersOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: appeals.id, number: appeals.number }).from(appeals).where(inArray(appeals.id, ids));
  return new Map(rows.map((r) => [r.id, r.number]));
}

/**
 * Deadline marks (`<appeal>:<register|answer>:<deadline>:<stage>`) the sweep can no longer select: the appeal
 * is gone or no longer open, or the deadline of that step is now another one. A reopened appeal past its
 * deadline is reminded again.
 */
export function spentDeadlineMarks(): SQL {
  const which = sql`split_part(${jobMarks.key}, ':', 2)`;
  const deadline = sql`split_part(${jobMarks.key}, ':', 3)`;
  return sql`not exists (select 1 from ${appeals} where ${appeals.id} = left(${jobMarks.key}, 36)::uuid
    and ${appeals.status} in (${sql.join(OPEN_STATUSES.map((s) => sql`${s}`), sql`, `)})
    and ((${which} = 'register' and ${appeals.status} = 'received' and to_char(${appeals.deadlineRegister}, 'YYYY-MM-DD') = ${deadline})
      or (${which} = 'answer' and ${appeals.status} <> 'received' and to_char(${appeals.deadlineAnswer}, 'YYYY-MM-DD') = ${deadline})))`;
}


export const DEADLINE_JOB = 'appeal-deadlines';

/** Open appeals of these municipalities whose current deadline is due soon or passed and whose stage is not yet notified. */
export function dueAppeals(db: Executor, organizationIds: string[], today: string, horizon: string, limit: number) {
  const received = eq(appeals.status, 'received');
  const which = sql<'register' | 'answer'>`(case when ${received} then 'register' else 'answer' end)`;
  const deadline = sql<string>`to_char(case when ${received} then ${appeals.deadlineRegister} else ${appeals.deadlineAnswer} end, 'YYYY-MM-DD')`;
  const stage = sql<'overdue' | 'due_soon'>`(case when ${deadline} < ${today} then 'overdue' else 'due_soon' end)`;
  const key = sql<string>`${appeals.id}::text || ':' || ${which} || ':' || ${deadline} || ':' || ${stage}`;
  return db.select({
    id: appeals.id, number: appeals.number, organizationId: appeals.organizationId, executorId: appeals.executorId, which, deadline, stage, key,
  }).from(appeals).where(and(
    inArray(appeals.organizationId, organizationIds),
    inArray(appeals.status, [...OPEN_STATUSES]),
    or(and(received, lte(appeals.deadlineRegister, horizon)), and(ne(appeals.status, 'received'), lte(appeals.deadlineAnswer, horizon))),
    notExists(db.select({ one: sql`1` }).from(jobMarks).where(and(eq(jobMarks.job, DEADLINE_JOB), eq(jobMarks.key, key)))),
  )).limit(limit);
}

/** Marks deadline stages as notified, so that they are not selected again. */
export async function markDeadlines(db: Executor, keys: string[]): Promise<void> {
  if (keys.length) await db.insert(jobMarks).values(keys.map((key) => ({ job: DEADLINE_JOB, key }))).onConflictDoNothing();
}
