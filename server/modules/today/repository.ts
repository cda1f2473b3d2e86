// The counts of the home page, each one aggregate query over its table, scoped to the user's municipality.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../domain/appeals';
import type { Executor } from '../../db';
import { appeals, infoRequestRecipients, infoRequests, organizations, quarterlyReports, risks } from '../../db/schema';
import type { Scope } from '../../platform/policy';
import { withinScope } from '../../db/scope';
import { conditionsOf, type ListQuery } from '../appeals/repository';
import type { AppealFilter } from '../appeals/schema';


/**
 * Counts of registry selections in one pass: each count uses the registry's own conditions of its filter, so a
 * figure and the registry it links to agree. Only open appeals and those rated since `ratedFrom` are read.
 */
export async function countAppeals(db: Executor, base: Omit<ListQuery, 'filter'>, filters: Record<string, AppealFilter>, ratedFrom: string): Promise<Record<string, number>> {
  const keys = Object.keys(filters);
  if (!keys.length) return {};
  const columns = keys.map((key, i) => sql`count(*) filter (where ${and(...conditionsOf({ ...base, filter: filters[key] }))}) as ${sql.identifier(`c${i}`)}`);
  const result = await db.execute(sql`select ${sql.join(columns, sql`, `)}
    from ${appeals} join ${organizations} on ${organizations.id} = ${appeals.organizationId}
    where ${withinScope(appeals.organizationId, base.scope) ?? sql`true`}
      and (${inArray(appeals.status, [...OPEN_STATUSES])} or ${appeals.ratedAt} >= ${new Date(Date.parse(`${ratedFrom}T00:00:00Z`) - 14 * 3600_000).toISOString()}::timestamptz)`);
  const row = (((result as { rows?: unknown[] }).rows ?? result) as Record<string, unknown>[])[0] ?? {};
  return Object.fromEntries(keys.map((key, i) => [key, Number(row[`c${i}`] ?? 0)]));
}

/** Open risks: signals not yet opened, clocks of the administration and of ЦУР still running, drafts for approval. */
export async function countRisks(db: Executor, scope: Scope) {
  const [row] = await db.select({
    unread: sql<number>`count(*) filter (where ${risks.acknowledgedAt} is null and ${risks.status} = 'detected' and ${risks.signalReceivedAt} is not null)`,
    draftClocks: sql<number>`count(*) filter (where ${risks.draftAt} is null and ${risks.deadlineDraft} is not null)`,
    curClocks: sql<number>`count(*) filter (where ${risks.curProposalAt} is null)`,
    review: sql<number>`count(*) filter (where ${risks.status} = 'review')`,
  }).from(risks).where(and(withinScope(risks.organizationId, scope), sql`${risks.status} <> 'closed'`));
  return { unread: Number(row?.unread ?? 0), draftClocks: Number(row?.draftClocks ?? 0), curClocks: Number(row?.curClocks ?? 0), review: Number(row?.review ?? 0) };
}

/** Requests of ЦУР not answered yet: those of a municipality, or — for ЦУР — the requests past due with an answer missing. */
export async function countRequests(db: Executor, scope: Scope, now: Date) {
  const [row] = await db.select({
    open: sql<number>`count(*)`,
    overdue: sql<number>`count(distinct ${infoRequestRecipients.requestId}) filter (where ${infoRequests.dueAt} < ${now.toISOString()}::timestamptz)`,
  }).from(infoRequestRecipients)
    .innerJoin(infoRequests, eq(infoRequests.id, infoRequestRecipients.requestId))
    .where(and(withinScope(infoRequestRecipients.organizationId, scope), isNull(infoRequestRecipients.answeredAt)));
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
}

/** The status of a municipality's report for a quarter, or null when it has not been started. */
export async function reportStatus(db: Executor, organizationId: string, year: number, quarter: number): Promise<string | null> {
  const [row] = await db.select({ status: quarterlyReports.status }).from(quarterlyReports)
    .where(and(eq(quarterlyReports.organizationId, organizationId), eq(quarterlyReports.year, year), eq(quarterlyReports.quarter, quarter))).limit(1);
  return row?.status ?? null;
}

/** Reports submitted to ЦУР and waiting for its decision. */
export async function countReportsToReview(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(quarterlyReports).where(eq(quarterlyReports.status, 'submitted'));
  return Number(row?.n ?? 0);
}
