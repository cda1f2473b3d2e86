// All SQL of analytics. Appeals are selected with the registry's own conditions (appeals/repository.ts
// `conditionsOf`), so every count equals what its registry link lists. Aggregation happens in SQL.
import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../domain/appeals';
import type { Executor } from '../../db';
import { forgetCached } from '../../platform/cache';
import { withinScope } from '../../db/scope';
import { appeals, curatorGroups, departments, infoRequestRecipients, infoRequests, organizations, quarterlyReports, risks, settings, topics, users } from '../../db/schema';
import type { Scope } from '../../platform/policy';
import { conditionsOf, overdueCondition } from '../appeals/repository';
import type { AppealFilter } from '../appeals/schema';

const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** What the registry would be asked for: scope, a period of receipt and channels, optionally more. */
export interface AppealSelection {
  scope: Scope;
  now: Date;
  filter: AppealFilter;
}

function where(s: AppealSelection): SQL | undefined {
  return and(...conditionsOf({ scope: s.scope, filter: s.filter, now: s.now }));
}

/** The appeal figures of one group: counts, the median days to answer, ratings. */
export interface AppealAggregate {
  appeals: number;
  overdue: number;
  answeredLate: number;
  answered: number;
  medianAnswerDays: number | null;
  rated: number;
  meanRating: number | null;
  lowRated: number;
  repeated: number;
  /** Answers the head approved despite the «отписка» warning. */
  approvedDespiteWarning: number;
}

function aggregateColumns(now: Date) {
  return {
    appeals: sql<number>`count(*)`,
    overdue: sql<number>`count(*) filter (where ${overdueCondition(now)})`,
    answeredLate: sql<number>`count(*) filter (where (${appeals.answeredAt} at time zone ${organizations.timeZone})::date > ${appeals.deadlineAnswer})`,
    answered: sql<number>`count(${appeals.answeredAt})`,
    medianAnswerDays: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from (${appeals.answeredAt} - ${appeals.receivedAt})) / 86400.0) filter (where ${appeals.answeredAt} is not null)`,
    rated: sql<number>`count(${appeals.ratingScore})`,
    meanRating: sql<number | null>`avg(${appeals.ratingScore})::float8`,
    lowRated: sql<number>`count(*) filter (where ${appeals.ratingScore} in (1, 2))`,
    repeated: sql<number>`count(*) filter (where ${appeals.repeated})`,
    approvedDespiteWarning: sql<number>`count(*) filter (where ${appeals.answerApprovedDespiteWarning})`,
  };
}

function toAggregate(r: Record<string, unknown>): AppealAggregate {
  return {
    appeals: num(r.appeals), overdue: num(r.overdue), answeredLate: num(r.answeredLate), answered: num(r.answered),
    medianAnswerDays: numOrNull(r.medianAnswerDays), rated: num(r.rated), meanRating: numOrNull(r.meanRating),
    lowRated: num(r.lowRated), repeated: num(r.repeated), approvedDespiteWarning: num(r.approvedDespiteWarning),
  };
}

/**
 * In one pass over the appeals: figures per organisation, for all of them together (the key `null`), and
 * appeals per organisation and channel.
 */
export async function appealFiguresByOrganization(db: Executor, s: AppealSelection): Promise<{
  figures: Map<string | null, AppealAggregate>;
  channels: { organizationId: string; channel: string; appeals: number }[];
}> {
  const rows = await db.select({
    organizationId: appeals.organizationId, channel: appeals.channel,
    allOrganizations: sql<number>`grouping(${appeals.organizationId})`, allChannels: sql<number>`grouping(${appeals.channel})`,
    ...aggregateColumns(s.now),
  })
    .from(appeals).innerJoin(organizations, eq(organizations.id, appeals.organizationId))
    .where(where(s))
    .groupBy(sql`grouping sets ((${appeals.organizationId}), (${appeals.organizationId}, ${appeals.channel}), ())`);
  const figures = new Map<string | null, AppealAggregate>();
  const channels: { organizationId: string; channel: string; appeals: number }[] = [];
  for (const r of rows) {
    if (num(r.allOrganizations) === 1) figures.set(null, toAggregate(r));
    else if (num(r.allChannels) === 1) figures.set(r.organizationId, toAggregate(r));
    else channels.push({ organizationId: r.organizationId, channel: r.channel, appeals: num(r.appeals) });
  }
  return { figures, channels };
}

/** Figures per department and per executor of the selection, in one pass (units only, no «none» row). */
export async function appealFiguresByUnit(db: Executor, s: AppealSelection): Promise<{ by: 'department' | 'executor'; key: string; figures: AppealAggregate }[]> {
  const rows = await db.select({
    department: appeals.departmentId, executor: appeals.executorId, byExecutor: sql<number>`grouping(${appeals.departmentId})`, ...aggregateColumns(s.now),
  })
    .from(appeals).innerJoin(organizations, eq(organizations.id, appeals.organizationId))
    .where(where(s))
    .groupBy(sql`grouping sets ((${appeals.departmentId}), (${appeals.executorId}))`);
  return rows.flatMap((r) => {
    const by = num(r.byExecutor) === 1 ? 'executor' as const : 'department' as const;
    const key = by === 'executor' ? r.executor : r.department;
    return key ? [{ by, key, figures: toAggregate(r) }] : [];
  });
}

/** Open appeals now per department and per executor of one organisation: the current load, whatever the period. */
export async function openLoad(db: Executor, organizationId: string): Promise<{ by: 'department' | 'executor'; key: string; open: number }[]> {
  const rows = await db.select({ department: appeals.departmentId, executor: appeals.executorId, byExecutor: sql<number>`grouping(${appeals.departmentId})`, open: sql<number>`count(*)` })
    .from(appeals)
    .where(and(eq(appeals.organizationId, organizationId), inArray(appeals.status, [...OPEN_STATUSES])))
    .groupBy(sql`grouping sets ((${appeals.departmentId}), (${appeals.executorId}))`);
  return rows.flatMap((r) => {
    const by = num(r.byExecutor) === 1 ? 'executor' as const : 'department' as const;
    const key = by === 'executor' ? r.executor : r.department;
    return key ? [{ by, key, open: num(r.open) }] : [];
  });
}

export interface TrendPoint { bucket: string; appeals: number }

/** Appeals per local week (Monday) or month of receipt. */
export async function trend(db: Executor, s: AppealSelection, granularity: 'week' | 'month'): Promise<TrendPoint[]> {
  const unit = granularity === 'week' ? sql.raw(`'week'`) : sql.raw(`'month'`);
  const bucket = sql<string>`to_char(date_trunc(${unit}, (${appeals.receivedAt} at time zone ${organizations.timeZone})::date), 'YYYY-MM-DD')`;
  const rows = await db.select({ bucket, appeals: sql<number>`count(*)` })
    .from(appeals).innerJoin(organizations, eq(organizations.id, appeals.organizationId))
    .where(where(s)).groupBy(bucket).orderBy(bucket);
  return rows.map((r) => ({ bucket: r.bucket, appeals: num(r.appeals) }));
}

/**
 * The streets with most appeals of the selection, per municipality: grouped in SQL over the period's
 * appeals (appeals_place_idx narrows a municipality's to those with a street), with an address as written.
 */
export async function streetCounts(db: Executor, s: AppealSelection, limit: number) {
  const rows = await db.select({
    organizationId: appeals.organizationId, slug: sql<string>`min(${organizations.slug})`, name: sql<string>`min(${organizations.shortName})`,
    street: appeals.placeStreet, appeals: sql<number>`count(*)`, address: sql<string | null>`min(${appeals.address})`,
  }).from(appeals).innerJoin(organizations, eq(organizations.id, appeals.organizationId))
    .where(and(where(s), sql`${appeals.placeStreet} is not null`))
    .groupBy(appeals.organizationId, appeals.placeStreet)
    .orderBy(sql`count(*) desc`, appeals.placeStreet).limit(limit);
  return rows.map((r) => ({ ...r, street: r.street as string, appeals: num(r.appeals) }));
}

/** Counts per organisation and leaf topic: of the last week and of the baseline weeks before it. */
export async function topicWeekCounts(db: Executor, scope: Scope, now: Date, weekFrom: string, baselineFrom: string, to: string) {
  const local = sql`(${appeals.receivedAt} at time zone ${organizations.timeZone})::date`;
  const rows = await db.select({
    organizationId: appeals.organizationId, slug: sql<string>`min(${organizations.slug})`, name: sql<string>`min(${organizations.shortName})`,
    topic: appeals.topicCode, title: sql<string>`min(${topics.title})`,
    current: sql<number>`count(*) filter (where ${local} >= ${weekFrom}::date)`,
    baseline: sql<number>`count(*) filter (where ${local} < ${weekFrom}::date)`,
  }).from(appeals).innerJoin(organizations, eq(organizations.id, appeals.organizationId))
    .innerJoin(topics, eq(topics.code, appeals.topicCode))
    .where(and(...conditionsOf({ scope, now, filter: { receivedFrom: baselineFrom, receivedTo: to } }), eq(topics.level, 'topic')))
    .groupBy(appeals.organizationId, appeals.topicCode);
  return rows.map((r) => ({ ...r, topic: r.topic!, current: num(r.current), baseline: num(r.baseline) }));
}

/** Organisations of kind municipality within the scope, by name. */
export async function municipalities(db: Executor, scope: Scope) {
  return db.select({ id: organizations.id, slug: organizations.slug, name: organizations.shortName, population: organizations.population, timeZone: organizations.timeZone })
    .from(organizations).where(and(eq(organizations.kind, 'municipality'), withinScope(organizations.id, scope)))
    .orderBy(organizations.shortName);
}

export async function findMunicipalityBySlug(db: Executor, slug: string) {
  const [row] = await db.select({ id: organizations.id, slug: organizations.slug, name: organizations.shortName, population: organizations.population, timeZone: organizations.timeZone })
    .from(organizations).where(and(eq(organizations.slug, slug), eq(organizations.kind, 'municipality'))).limit(1);
  return row ?? null;
}

export interface RiskAggregate { risks: number; clocksDecided: number; clocksMet: number }

/**
 * Risks detected in [from, to) per organisation and both 3-hour clocks of each: met (done by the deadline),
 * decided (met, done late, or past the deadline without the step). A clock without a deadline or still
 * running is not decided. The same states as `clockState` of domain/risks.
 */
export async function riskFigures(db: Executor, scope: Scope, from: Date, to: Date, now: Date): Promise<Map<string | null, RiskAggregate>> {
  const decided = (deadline: SQL, done: SQL) => sql`(case when ${deadline} is not null and (${done} is not null or ${deadline} < ${now.toISOString()}::timestamptz) then 1 else 0 end)`;
  const met = (deadline: SQL, done: SQL) => sql`(case when ${deadline} is not null and ${done} <= ${deadline} then 1 else 0 end)`;
  const cur = [sql`${risks.deadlineCurProposal}`, sql`${risks.curProposalAt}`] as const;
  const draft = [sql`${risks.deadlineDraft}`, sql`${risks.draftAt}`] as const;
  const rows = await db.select({
    organizationId: risks.organizationId, grouped: sql<number>`grouping(${risks.organizationId})`,
    risks: sql<number>`count(*)`,
    clocksDecided: sql<number>`sum(${decided(...cur)} + ${decided(...draft)})`,
    clocksMet: sql<number>`sum(${met(...cur)} + ${met(...draft)})`,
  }).from(risks)
    .where(and(withinScope(risks.organizationId, scope), gte(risks.detectedAt, from), lt(risks.detectedAt, to)))
    .groupBy(sql`grouping sets ((${risks.organizationId}), ())`);
  return new Map(rows.map((r) => [num(r.grouped) === 1 ? null : r.organizationId, { risks: num(r.risks), clocksDecided: num(r.clocksDecided), clocksMet: num(r.clocksMet) }]));
}

/** Quarterly reports of the given quarters submitted by their due date (local date of the municipality). */
export async function reportsOnTime(db: Executor, scope: Scope, quarters: { year: number; quarter: number; due: string }[]): Promise<Map<string, number>> {
  if (!quarters.length) return new Map();
  const onTime = sql.join(quarters.map((q) => sql`(${quarterlyReports.year} = ${q.year} and ${quarterlyReports.quarter} = ${q.quarter} and (${quarterlyReports.submittedAt} at time zone ${organizations.timeZone})::date <= ${q.due}::date)`), sql` or `);
  const rows = await db.select({ organizationId: quarterlyReports.organizationId, onTime: sql<number>`count(*)` })
    .from(quarterlyReports).innerJoin(organizations, eq(organizations.id, quarterlyReports.organizationId))
    .where(and(withinScope(quarterlyReports.organizationId, scope), sql`${quarterlyReports.submittedAt} is not null`, sql`(${onTime})`))
    .groupBy(quarterlyReports.organizationId);
  return new Map(rows.map((r) => [r.organizationId, num(r.onTime)]));
}

/** ЦУР requests due in [from, to) per addressee: decided (answered, or past due) and answered by the due time. */
export async function requestFigures(db: Executor, scope: Scope, from: Date, to: Date, now: Date): Promise<Map<string, { decided: number; onTime: number }>> {
  const rows = await db.select({
    organizationId: infoRequestRecipients.organizationId,
    decided: sql<number>`count(*) filter (where ${infoRequestRecipients.answeredAt} is not null or ${infoRequests.dueAt} < ${now.toISOString()}::timestamptz)`,
    onTime: sql<number>`count(*) filter (where ${infoRequestRecipients.answeredAt} <= ${infoRequests.dueAt})`,
  }).from(infoRequestRecipients).innerJoin(infoRequests, eq(infoRequests.id, infoRequestRecipients.requestId))
    .where(and(withinScope(infoRequestRecipients.organizationId, scope), gte(infoRequests.dueAt, from), lt(infoRequests.dueAt, to)))
    .groupBy(infoRequestRecipients.organizationId);
  return new Map(rows.map((r) => [r.organizationId, { decided: num(r.decided), onTime: num(r.onTime) }]));
}

export async function readSetting(db: Executor, key: string): Promise<unknown> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
  return row?.value ?? null;
}

export async function writeSetting(db: Executor, key: string, value: unknown, now: Date): Promise<void> {
  forgetCached();
  await db.insert(settings).values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
}

/** Names of departments and users by id (units with a load but no appeals in the period). */
export async function unitNames(db: Executor, organizationId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const [ds, us] = await Promise.all([
    db.select({ id: departments.id, name: departments.name }).from(departments).where(and(eq(departments.organizationId, organizationId), inArray(departments.id, ids))),
    db.select({ id: users.id, name: users.fullName }).from(users).where(and(eq(users.organizationId, organizationId), inArray(users.id, ids))),
  ]);
  return new Map([...ds, ...us].map((r) => [r.id, r.name]));
}

export interface RatingAggregate { key: string | null; label: string | null; rated: number; mean: number | null; low: number; distribution: number[] }

/**
 * Ratings of the rated appeals of the selection, by municipality, topic, department or executor, and in
 * total (the key of the empty grouping set), in one pass over `appeals_rated_idx`.
 */
export async function ratingsBy(db: Executor, s: AppealSelection, by: 'municipality' | 'topic' | 'department' | 'executor'): Promise<{ total: RatingAggregate; items: RatingAggregate[] }> {
  const group = {
    municipality: { key: organizations.slug, label: organizations.shortName },
    topic: { key: appeals.topicCode, label: topics.title },
    department: { key: sql<string | null>`${appeals.departmentId}::text`, label: departments.name },
    executor: { key: sql<string | null>`${appeals.executorId}::text`, label: users.fullName },
  }[by];
  const rows = await db.select({
    key: group.key, label: group.label, total: sql<number>`grouping(${group.key}, ${group.label})`,
    rated: sql<number>`count(*)`,
    mean: sql<number | null>`avg(${appeals.ratingScore})::float8`,
    s1: sql<number>`count(*) filter (where ${appeals.ratingScore} = 1)`,
    s2: sql<number>`count(*) filter (where ${appeals.ratingScore} = 2)`,
    s3: sql<number>`count(*) filter (where ${appeals.ratingScore} = 3)`,
    s4: sql<number>`count(*) filter (where ${appeals.ratingScore} = 4)`,
    s5: sql<number>`count(*) filter (where ${appeals.ratingScore} = 5)`,
  })
    .from(appeals)
    .innerJoin(organizations, eq(organizations.id, appeals.organizationId))
    .leftJoin(topics, eq(topics.code, appeals.topicCode))
    .leftJoin(departments, eq(departments.id, appeals.departmentId))
    .leftJoin(users, eq(users.id, appeals.executorId))
    .where(and(where(s), sql`${appeals.ratingScore} is not null`))
    .groupBy(sql`grouping sets ((${group.key}, ${group.label}), ())`);
  const toRow = (r: (typeof rows)[number]): RatingAggregate => {
    const distribution = [r.s1, r.s2, r.s3, r.s4, r.s5].map(num);
    return { key: r.key ?? null, label: r.label ?? null, rated: num(r.rated), mean: numOrNull(r.mean), low: distribution[0] + distribution[1], distribution };
  };
  const totalRow = rows.find((r) => num(r.total) !== 0);
  return {
    total: totalRow ? toRow(totalRow) : { key: null, label: null, rated: 0, mean: null, low: 0, distribution: [0, 0, 0, 0, 0] },
    items: rows.filter((r) => num(r.total) === 0).map(toRow),
  };
}

/** Sector curators: every assignment with the curator's name, by group. */
export async function curatorAssignments(db: Executor) {
  return db.select({ groupCode: curatorGroups.groupCode, userId: users.id, fullName: users.fullName, login: users.login })
    .from(curatorGroups).innerJoin(users, eq(users.id, curatorGroups.userId))
    .orderBy(curatorGroups.groupCode, users.fullName);
}

/** The operational groups a user curates. */
export async function groupsCuratedBy(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.select({ groupCode: curatorGroups.groupCode }).from(curatorGroups)
    .where(eq(curatorGroups.userId, userId)).orderBy(curatorGroups.groupCode);
  return rows.map((r) => r.groupCode);
}

/** The active ЦУР analysts among the given ids. */
export async function activeAnalysts(db: Executor, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.select({ id: users.id }).from(users)
    .where(and(inArray(users.id, ids), eq(users.role, 'cur_analyst'), eq(users.active, true)));
  return rows.map((r) => r.id);
}

/** Replaces the curators of one group. */
export async function replaceCurators(db: Executor, groupCode: string, userIds: string[]): Promise<void> {
  await db.delete(curatorGroups).where(eq(curatorGroups.groupCode, groupCode));
  if (userIds.length) await db.insert(curatorGroups).values(userIds.map((userId) => ({ userId, groupCode })));
}

/**
 * The appeals of one operational group (the registry's `group` filter) in one pass: per municipality, per
 * topic and in total (the empty grouping set), with the overdue among them.
 */
export async function groupFigures(db: Executor, s: AppealSelection) {
  const rows = await db.select({
    organizationId: appeals.organizationId, slug: organizations.slug, name: organizations.shortName,
    topic: appeals.topicCode, title: topics.title,
    byOrganization: sql<number>`grouping(${appeals.organizationId}, ${organizations.slug}, ${organizations.shortName})`,
    byTopic: sql<number>`grouping(${appeals.topicCode}, ${topics.title})`,
    appeals: sql<number>`count(*)`,
    overdue: sql<number>`count(*) filter (where ${overdueCondition(s.now)})`,
  }).from(appeals).innerJoin(organizations, eq(organizations.id, appeals.organizationId))
    .innerJoin(topics, eq(topics.code, appeals.topicCode))
    .where(where(s))
    .groupBy(sql`grouping sets ((${appeals.organizationId}, ${organizations.slug}, ${organizations.shortName}), (${appeals.topicCode}, ${topics.title}), ())`);
  const counts = (r: (typeof rows)[number]) => ({ appeals: num(r.appeals), overdue: num(r.overdue) });
  const total = rows.find((r) => num(r.byOrganization) !== 0 && num(r.byTopic) !== 0);
  return {
    total: total ? counts(total) : { appeals: 0, overdue: 0 },
    municipalities: rows.filter((r) => num(r.byOrganization) === 0).map((r) => ({ slug: r.slug, name: r.name, ...counts(r) })),
    topics: rows.filter((r) => num(r.byTopic) === 0).map((r) => ({ topic: r.topic as string, title: r.title, ...counts(r) })),
  };
}

/** The active ЦУР analysts, by name: whom the administrator may assign. */
export async function analysts(db: Executor) {
  return db.select({ id: users.id, fullName: users.fullName, login: users.login }).from(users)
    .where(and(eq(users.role, 'cur_analyst'), eq(users.active, true))).orderBy(users.fullName);
}

/** The active curators of the operational group a topic belongs to. */
export async function curatorsOfTopic(db: Executor, topicCode: string) {
  return db.select({ id: users.id, fullName: users.fullName }).from(topics)
    .innerJoin(curatorGroups, eq(curatorGroups.groupCode, topics.groupCode))
    .innerJoin(users, eq(users.id, curatorGroups.userId))
    .where(and(eq(topics.code, topicCode), eq(users.active, true))).orderBy(users.fullName);
}
