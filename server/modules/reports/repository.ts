// All SQL of quarterly reports: a report as the actor may see it (the scope is applied here), the reminders,
// and the registry figures of a quarter aggregated in the database.
import { and, eq, gte, inArray, lt, notExists, sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../domain/appeals';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { appeals, jobMarks, organizations, quarterlyReports, risks } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { scopeOf } from '../../platform/policy';

export type ReportRow = typeof quarterlyReports.$inferSelect;
export type NewReportRow = typeof quarterlyReports.$inferInsert;

/** The report when it is within the actor's scope, else null; `forUpdate` locks it for a step. */
export async function findVisible(db: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<ReportRow | null> {
  const query = db.select().from(quarterlyReports).where(and(eq(quarterlyReports.id, id), withinScope(quarterlyReports.organizationId, scopeOf(actor))));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The appeals of a quarter: a municipality's appeals registered within [from, to). */
export interface QuarterBounds { organizationId: string; from: Date; to: Date }

/** What the report counts over a quarter's appeals, one row of totals. */
export interface QuarterTotals {
  total: number; collective: number; repeated: number; extended: number; answeredLate: number; stillOverdue: number;
  answered: number; answerDaysAverage: number | null; answerDaysMedian: number | null;
  rated: number; ratingAverage: number | null; ratedPositive: number;
}

/** Counts of a quarter's appeals by channel, by kind, and by topic and result together. */
export interface QuarterGroup { by: 'channel' | 'kind' | 'topic'; key: string | null; result: string | null; count: number }

const rowsOf = (res: unknown) => ((res as { rows?: unknown[] }).rows ?? res) as Record<string, unknown>[];
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const openStatuses = sql.join(OPEN_STATUSES.map((s) => sql`${s}`), sql`, `);
const inQuarter = (q: QuarterBounds) => sql`${appeals.organizationId} = ${q.organizationId}
  and ${appeals.registeredAt} >= ${q.from.toISOString()}::timestamptz and ${appeals.registeredAt} < ${q.to.toISOString()}::timestamptz`;

/**
 * Totals of a quarter in one pass. An answer is late when its local date (the municipality's zone) is
 * after the deadline; an open appeal is still overdue when its deadline is before `today`.
 */
export async function quarterTotals(db: Executor, q: QuarterBounds, timeZone: string, today: string): Promise<QuarterTotals> {
  const days = sql`date_part('epoch', ${appeals.answeredAt} - ${appeals.registeredAt}) / 86400`;
  const [r] = rowsOf(await db.execute(sql`
    select count(*) as total,
      count(*) filter (where ${appeals.authorKind} = 'collective') as collective,
      count(*) filter (where ${appeals.repeated}) as repeated,
      count(*) filter (where ${appeals.extensionDays} is not null) as extended,
      count(*) filter (where (${appeals.answeredAt} at time zone ${timeZone})::date > ${appeals.deadlineAnswer}) as answered_late,
      count(*) filter (where ${appeals.status} in (${openStatuses}) and ${appeals.deadlineAnswer} < ${today}::date) as still_overdue,
      count(${appeals.answeredAt}) as answered,
      avg(${days}) as answer_days_average,
      percentile_cont(0.5) within group (order by ${days}) filter (where ${appeals.answeredAt} is not null) as answer_days_median,
      count(${appeals.ratingScore}) as rated,
      avg(${appeals.ratingScore})::float8 as rating_average,
      count(*) filter (where ${appeals.ratingScore} >= 4) as rated_positive
    from ${appeals} where ${inQuarter(q)}`));
  return {
    total: Number(r.total), collective: Number(r.collective), repeated: Number(r.repeated), extended: Number(r.extended),
    answeredLate: Number(r.answered_late), stillOverdue: Number(r.still_overdue), answered: Number(r.answered),
    answerDaysAverage: num(r.answer_days_average), answerDaysMedian: num(r.answer_days_median),
    rated: Number(r.rated), ratingAverage: num(r.rating_average), ratedPositive: Number(r.rated_positive),
  };
}

/** The quarter's counts by channel, by kind, and by topic × result, in one pass (grouping sets). */
export async function quarterGroups(db: Executor, q: QuarterBounds): Promise<QuarterGroup[]> {
  const rows = rowsOf(await db.execute(sql`
    select case when grouping(${appeals.channel}) = 0 then 'channel' when grouping(${appeals.kind}) = 0 then 'kind' else 'topic' end as by,
      coalesce(${appeals.channel}, ${appeals.kind}, ${appeals.topicCode}) as key, ${appeals.answerResult} as result, count(*) as count
    from ${appeals} where ${inQuarter(q)}
    group by grouping sets ((${appeals.channel}), (${appeals.kind}), (${appeals.topicCode}, ${appeals.answerResult}))`));
  return rows.map((r) => ({ by: r.by as QuarterGroup['by'], key: (r.key as string | null) ?? null, result: (r.result as string | null) ?? null, count: Number(r.count) }));
}

/**
 * The stamp of a municipality's registry: its greatest appeal revision (every insert and update takes a
 * new one), or null when it cannot be trusted — while another transaction writes appeals, it may hold a
 * smaller revision than a committed one and commit after this read. A writer holds its lock on the table
 * from before it takes a revision until it has committed, so when no other session holds one after this
 * statement's snapshot, every revision up to the stamp is visible to the statements that follow.
 */
export async function registryStamp(db: Executor, organizationId: string): Promise<number | null> {
  const [r] = rowsOf(await db.execute(sql`
    select (select max(${appeals.revision}) from ${appeals} where ${appeals.organizationId} = ${organizationId}) as revision,
      exists (select 1 from pg_locks where locktype = 'relation' and relation = 'appeals'::regclass and mode = 'RowExclusiveLock'
        and database = (select oid from pg_database where datname = current_database()) and pid is distinct from pg_backend_pid()) as busy`));
  return r.busy === true || r.busy === 't' ? null : Number(r.revision ?? 0);
}

/** The risks a municipality detected within [from, to), with what the report tallies. */
export async function quarterRisks(db: Executor, q: QuarterBounds) {
  return db.select({
    kind: risks.kind, level: risks.level, status: risks.status,
    deadlineCurProposal: risks.deadlineCurProposal, curProposalAt: risks.curProposalAt, deadlineDraft: risks.deadlineDraft, draftAt: risks.draftAt,
  }).from(risks).where(and(eq(risks.organizationId, q.organizationId), gte(risks.detectedAt, q.from), lt(risks.detectedAt, q.to)));
}

/**
 * Reminder marks (`<administration>:<year>:<quarter>:<stage>`) of quarters whose due date (the 5th of the
 * month after the quarter) is before `before`: the reminders look no further back than 30 days.
 */
export function spentReminderMarks(before: string): SQL {
  return sql`make_date(split_part(${jobMarks.key}, ':', 2)::int, split_part(${jobMarks.key}, ':', 3)::int * 3, 1) + interval '1 month 4 days' < ${before}::date`;
}


/** The report of an administration for a quarter, if it has been opened. */
export async function findOfQuarter(db: Executor, organizationId: string, year: number, quarter: number): Promise<ReportRow | null> {
  const [row] = await db.select().from(quarterlyReports)
    .where(and(eq(quarterlyReports.organizationId, organizationId), eq(quarterlyReports.year, year), eq(quarterlyReports.quarter, quarter)));
  return row ?? null;
}

/** Opens the report of a quarter: the new draft, or the one another request has just opened. */
export async function openOfQuarter(db: Executor, values: NewReportRow & { year: number; quarter: number }): Promise<ReportRow> {
  const [created] = await db.insert(quarterlyReports).values(values).onConflictDoNothing().returning();
  return created ?? (await findOfQuarter(db, values.organizationId, values.year, values.quarter))!;
}

export async function updateReport(db: Executor, id: string, values: Partial<NewReportRow>): Promise<ReportRow> {
  const [row] = await db.update(quarterlyReports).set(values).where(eq(quarterlyReports.id, id)).returning();
  return row;
}

/** The reports of a year of these administrations. */
export async function reportsOfYear(db: Executor, year: number, organizationIds: string[]): Promise<ReportRow[]> {
  if (!organizationIds.length) return [];
  return db.select().from(quarterlyReports).where(and(eq(quarterlyReports.year, year), inArray(quarterlyReports.organizationId, organizationIds)));
}

/** The time zones the active municipalities live in. */
export async function municipalTimeZones(db: Executor): Promise<string[]> {
  const rows = await db.selectDistinct({ timeZone: organizations.timeZone }).from(organizations)
    .where(and(eq(organizations.kind, 'municipality'), eq(organizations.active, true)));
  return rows.map((r) => r.timeZone);
}

export const REPORT_REMINDER_JOB = 'report-reminders';

/**
 * Active municipalities of a time zone to remind of a quarter at a stage: those that have not submitted its
 * report and were not reminded at this stage yet; each with the key that marks the reminder.
 */
export async function toRemind(db: Executor, timeZone: string, year: number, quarter: number, stage: string): Promise<{ id: string; key: string }[]> {
  const key = sql<string>`${organizations.id}::text || ${`:${year}:${quarter}:${stage}`}`;
  return db.select({ id: organizations.id, key }).from(organizations).where(and(
    eq(organizations.kind, 'municipality'), eq(organizations.active, true), eq(organizations.timeZone, timeZone),
    notExists(db.select({ one: sql`1` }).from(quarterlyReports).where(and(eq(quarterlyReports.organizationId, organizations.id),
      eq(quarterlyReports.year, year), eq(quarterlyReports.quarter, quarter), inArray(quarterlyReports.status, ['submitted', 'accepted'])))),
    notExists(db.select({ one: sql`1` }).from(jobMarks).where(and(eq(jobMarks.job, REPORT_REMINDER_JOB), eq(jobMarks.key, key)))),
  ));
}

/** Marks reminders as sent, so that they are not selected again. */
export async function markReminded(db: Executor, keys: string[]): Promise<void> {
  if (keys.length) await db.insert(jobMarks).values(keys.map((key) => ({ job: REPORT_REMINDER_JOB, key }))).onConflictDoNothing();
}
