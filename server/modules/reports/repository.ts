// All SQL of quarterly reports (the figures from the registry are built in figures.ts); the actor's scope is applied here.
import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { jobMarks, organizations, quarterlyReports } from '../../db/schema';
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
