// All SQL of information risks; the actor's scope is applied here, from the actor.
import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { OPEN_RISK_STATUSES, RISK_WARNING_MINUTES } from '../../../domain/risks';
import { addDays, startOfLocalDay } from '../../../domain/calendar/localDate';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { jobMarks, organizations, riskEvents, riskVersions, risks, users } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { scopeOf } from '../../platform/policy';
import type { RiskFilter } from './schema';

export type RiskRow = typeof risks.$inferSelect;
export type NewRiskRow = typeof risks.$inferInsert;
export type RiskVersionKind = 'proposal' | 'draft' | 'remark';

/** The risk when it is within the actor's scope, else null; `forUpdate` locks it for a step. */
export async function findVisible(db: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<RiskRow | null> {
  const query = db.select().from(risks).where(and(eq(risks.id, id), withinScope(risks.organizationId, scopeOf(actor)))).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Clock marks (`<risk>:<curProposal|draft>:<stage>`) the sweep can no longer select: the risk is gone or closed, or the step is done. */
export function spentClockMarks(): SQL {
  const which = sql`split_part(${jobMarks.key}, ':', 2)`;
  return sql`not exists (select 1 from ${risks} where ${risks.id} = left(${jobMarks.key}, 36)::uuid
    and ${risks.status} in (${sql.join(OPEN_RISK_STATUSES.map((s) => sql`${s}`), sql`, `)})
    and ((${which} = 'curProposal' and ${risks.curProposalAt} is null) or (${which} = 'draft' and ${risks.draftAt} is null)))`;
}


export async function insertRisk(db: Executor, values: NewRiskRow): Promise<RiskRow> {
  const [row] = await db.insert(risks).values(values).returning();
  return row;
}

export async function updateRisk(db: Executor, id: string, values: Partial<NewRiskRow>): Promise<RiskRow> {
  const [row] = await db.update(risks).set(values).where(eq(risks.id, id)).returning();
  return row;
}

export async function addEvent(db: Executor, event: typeof riskEvents.$inferInsert): Promise<void> {
  await db.insert(riskEvents).values(event);
}

/** The steps of the work on a risk, oldest first, with the names of who took them. */
export async function events(db: Executor, riskId: string) {
  return db.select({ e: riskEvents, actor: users.fullName }).from(riskEvents).leftJoin(users, eq(users.id, riskEvents.actorId))
    .where(eq(riskEvents.riskId, riskId)).orderBy(asc(riskEvents.id));
}

/** The versions of the comment, oldest first, with their authors' names. */
export async function versions(db: Executor, riskId: string) {
  return db.select({ v: riskVersions, author: users.fullName }).from(riskVersions).leftJoin(users, eq(users.id, riskVersions.authorId))
    .where(eq(riskVersions.riskId, riskId)).orderBy(asc(riskVersions.version));
}

/** The latest draft of the official comment, if any. */
export async function lastDraft(db: Executor, riskId: string) {
  const [row] = await db.select().from(riskVersions).where(and(eq(riskVersions.riskId, riskId), eq(riskVersions.kind, 'draft')))
    .orderBy(desc(riskVersions.version)).limit(1);
  return row ?? null;
}

/** Adds the next version of the comment; the risk row is locked by the step, so numbers do not collide. */
export async function addVersion(db: Executor, values: Omit<typeof riskVersions.$inferInsert, 'version'>): Promise<void> {
  const [{ max }] = await db.select({ max: sql<number>`coalesce(max(${riskVersions.version}), 0)::int` }).from(riskVersions).where(eq(riskVersions.riskId, values.riskId));
  await db.insert(riskVersions).values({ ...values, version: Number(max) + 1 });
}

function filterConditions(actor: Actor, f: RiskFilter, now: Date): (SQL | undefined)[] {
  const list = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
  const c: (SQL | undefined)[] = [withinScope(risks.organizationId, scopeOf(actor))];
  if (list(f.municipality).length) c.push(inArray(organizations.slug, list(f.municipality)));
  if (list(f.status).length) c.push(inArray(risks.status, list(f.status)));
  if (list(f.level).length) c.push(inArray(risks.level, list(f.level)));
  if (list(f.platform).length) c.push(inArray(risks.platform, list(f.platform)));
  if (f.open) c.push(inArray(risks.status, [...OPEN_RISK_STATUSES]));
  // A period is of local days where the actor works.
  if (f.from) c.push(gte(risks.detectedAt, startOfLocalDay(f.from, actor.timeZone)));
  if (f.to) c.push(lt(risks.detectedAt, startOfLocalDay(addDays(f.to, 1), actor.timeZone)));
  if (f.q?.trim()) c.push(or(sql`${risks.search} @@ websearch_to_tsquery('russian', ${f.q.trim()})`, ilike(risks.number, f.q.trim())));
  if (f.overdue !== undefined) {
    const late = sql`(
      (${risks.curProposalAt} is null and ${risks.status} <> 'closed' and ${risks.deadlineCurProposal} < ${now.toISOString()}::timestamptz)
      or (${risks.curProposalAt} > ${risks.deadlineCurProposal})
      or (${risks.draftAt} is null and ${risks.status} <> 'closed' and ${risks.deadlineDraft} < ${now.toISOString()}::timestamptz)
      or (${risks.draftAt} > ${risks.deadlineDraft}))`;
    c.push(f.overdue ? late : sql`not ${late}`);
  }
  return c;
}

/** The risks the actor sees that match the filter, with their municipality and the next running deadline. */
export async function listVisible(db: Executor, actor: Actor, f: RiskFilter, now: Date) {
  // What runs out first: the earliest clock that is still running.
  const next = sql<Date | null>`least(
    case when ${risks.curProposalAt} is null and ${risks.status} <> 'closed' then ${risks.deadlineCurProposal} end,
    case when ${risks.draftAt} is null and ${risks.status} <> 'closed' then ${risks.deadlineDraft} end)`;
  return db.select({ r: risks, slug: organizations.slug, orgName: organizations.shortName, next }).from(risks)
    .innerJoin(organizations, eq(organizations.id, risks.organizationId))
    .where(and(...filterConditions(actor, f, now)))
    .orderBy(...(f.sort === 'urgency' ? [sql`${next} asc nulls last`, desc(risks.detectedAt)] : [desc(risks.detectedAt), desc(risks.id)]))
    .limit(f.limit ?? 100);
}

/** The risks the actor sees, detected within [from, until), with their municipality; for statistics. */
export async function detectedWithin(db: Executor, actor: Actor, from: Date, until: Date, municipality?: string) {
  return db.select({ r: risks, slug: organizations.slug, name: organizations.shortName }).from(risks)
    .innerJoin(organizations, eq(organizations.id, risks.organizationId))
    .where(and(
      withinScope(risks.organizationId, scopeOf(actor)),
      municipality ? eq(organizations.slug, municipality) : undefined,
      gte(risks.detectedAt, from),
      lt(risks.detectedAt, until),
    ));
}

/** The municipality's published comments, newest first: what the public page shows. */
export async function publishedOf(db: Executor, organizationId: string, limit = 200): Promise<RiskRow[]> {
  return db.select().from(risks)
    .where(and(eq(risks.organizationId, organizationId), inArray(risks.status, ['published', 'closed']), isNotNull(risks.publicationAt), isNotNull(risks.publicationText)))
    .orderBy(desc(risks.publicationAt)).limit(limit);
}

export const RISK_CLOCK_JOB = 'risk-clocks';

/**
 * Open risks with a clock due for a notice: its step not done, its deadline within the warning window, and
 * no mark for the clock's current stage (`due_soon` or `overdue`) yet. At most `limit` at a time.
 */
export async function dueClocks(db: Executor, now: Date, limit: number) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const horizon = sql`${new Date(now.getTime() + RISK_WARNING_MINUTES * 60_000).toISOString()}::timestamptz`;
  const due = (done: AnyPgColumn, deadline: AnyPgColumn, which: string) => {
    const key = sql<string>`${risks.id}::text || ${`:${which}:`} || (case when ${deadline} < ${at} then 'overdue' else 'due_soon' end)`;
    return sql<boolean>`(${done} is null and ${deadline} <= ${horizon}
      and not exists (select 1 from ${jobMarks} where ${jobMarks.job} = ${RISK_CLOCK_JOB} and ${jobMarks.key} = ${key}))`;
  };
  const curProposalDue = due(risks.curProposalAt, risks.deadlineCurProposal, 'curProposal');
  const draftDue = due(risks.draftAt, risks.deadlineDraft, 'draft');
  return db.select({ risk: risks, timeZone: organizations.timeZone, curProposalDue, draftDue }).from(risks)
    .innerJoin(organizations, eq(organizations.id, risks.organizationId))
    .where(and(inArray(risks.status, [...OPEN_RISK_STATUSES]), or(curProposalDue, draftDue))).limit(limit);
}

/** Marks clock stages as notified (keys `riskId:clock:stage`), so that they are not selected again. */
export async function markClocks(db: Executor, keys: string[]): Promise<void> {
  if (keys.length) await db.insert(jobMarks).values(keys.map((key) => ({ job: RISK_CLOCK_JOB, key }))).onConflictDoNothing();
}
