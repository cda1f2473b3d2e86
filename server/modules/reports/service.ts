// Quarterly reports (§10.1–10.2): built from the registry, completed with the analytical part,
// signed off by the head, submitted by the 5th of the next month, accepted or returned by ЦУР.
import { reportDueDate, reportTimeliness, type Quarter, type ReportTimeliness } from '../../../domain/reports/quarters';
import { addDays, toLocalDate } from '../../../domain/calendar/localDate';
import type { Db, Executor } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { emitEvent } from '../../platform/webhooks';
import { AppError, forbidden, notFound, validationFailed } from '../../platform/errors';
import { authorize, isRegional, scopeOf } from '../../platform/policy';
import { REPORT_ACTION_RULES, REPORT_ACTIONS, type ReportAction } from '../../../domain/reports/lifecycle';
import { availableReportActions, reportNotFound, reportPolicy } from './policy';
import { notifyMany, type NewNotification } from '../../platform/notifications';
import { deleteSpentMarks, type Job, type MarkCleanup } from '../../platform/jobs';
import { notifiedStaff } from '../contacts/repository';
import { buildFigures, type ReportFigures } from './figures';
import { REPORT_STEPS } from './steps';
import * as repo from './repository';
import { isUuid } from '../../platform/http';
import { activeHeads, userNames } from '../users/repository';
import { activeMunicipalities, findMunicipalityBySlug, findOrganization } from '../organizations/repository';

type Row = repo.ReportRow;

/** What the matrix shows in a cell. */
export type ReportCell = ReportTimeliness | 'returned' | 'accepted_on_time' | 'accepted_late';

export function cellOf(row: Pick<Row, 'status' | 'submittedAt' | 'year' | 'quarter'> | null, year: number, quarter: Quarter, now: Date, timeZone: string): ReportCell {
  if (row?.status === 'returned') return 'returned';
  const submitted = row && ['submitted', 'accepted'].includes(row.status) ? row.submittedAt : null;
  const t = reportTimeliness(year, quarter, submitted, now, timeZone);
  if (row?.status === 'accepted') return t === 'late' ? 'accepted_late' : 'accepted_on_time';
  return t;
}

async function visible(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<Row> {
  const row = isUuid(id) ? await repo.findVisible(db, actor, id, { forUpdate }) : null;
  if (!row) throw reportNotFound();
  return row;
}

export async function present(db: Executor, row: Row, actor: Actor, now: Date) {
  const org = (await findOrganization(db, row.organizationId))!;
  // A draft's figures follow the registry; the counts are reused until the municipality's registry changes.
  const figures = (row.figures as ReportFigures | null) ?? (await buildFigures(db, row.organizationId, row.year, row.quarter as Quarter, now, { keep: true }));
  const names = await userNames(db, [row.signedBy, row.submittedBy, row.reviewedBy]);
  const person = (id: string | null) => (id ? { id, fullName: names.get(id) ?? '' } : null);
  return {
    id: row.id, municipality: org.slug, municipalityName: org.name, year: row.year, quarter: row.quarter, status: row.status,
    dueDate: reportDueDate(row.year, row.quarter as Quarter),
    timeliness: cellOf(row, row.year, row.quarter as Quarter, now, org.timeZone),
    analytics: row.analytics, figures, figuresFrozen: row.figures !== null,
    signed: row.signedAt ? { at: row.signedAt.toISOString(), by: person(row.signedBy) } : null,
    submitted: row.submittedAt ? { at: row.submittedAt.toISOString(), by: person(row.submittedBy) } : null,
    reviewed: row.reviewedAt ? { at: row.reviewedAt.toISOString(), by: person(row.reviewedBy), remarks: row.remarks } : null,
    actions: availableReportActions(actor, row),
    can: reportPolicy.capabilities(actor, row),
  };
}

/** Opens the report of a municipality and quarter, creating its draft on first use. */
export async function openReport(db: Db, ctx: RequestContext, input: { municipality?: string; year: number; quarter: Quarter }, now: Date) {
  const org = isRegional(ctx.actor) ? await findMunicipalityBySlug(db, input.municipality ?? '') : await findOrganization(db, ctx.actor.organizationId);
  if (!org || (input.municipality && input.municipality !== org.slug)) throw notFound('municipality_not_found', 'Муниципальное образование не найдено');
  const existing = await repo.findOfQuarter(db, org.id, input.year, input.quarter);
  if (existing) return { report: await present(db, existing, ctx.actor, now), created: false };
  const quarterStart = `${input.year}-${String((input.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  if (quarterStart > toLocalDate(now, org.timeZone)) throw validationFailed([{ field: 'quarter', message: 'Квартал ещё не начался' }]);
  authorize(ctx.actor, 'reports.compose', () => forbidden('forbidden', 'Отчёт составляет администрация; ЦУР видит его после направления'));
  const row = await audited(db, ctx, async (tx) => {
    const report = await repo.openOfQuarter(tx, { organizationId: org.id, year: input.year, quarter: input.quarter, createdAt: now, updatedAt: now });
    return { result: report, audit: { action: 'report.create', entityType: 'report', entityId: report.id, organizationId: org.id, after: { year: input.year, quarter: input.quarter } } };
  });
  return { report: await present(db, row, ctx.actor, now), created: true };
}

export async function getReport(db: Db, actor: Actor, id: string, now: Date) {
  const row = await visible(db, actor, id);
  reportPolicy.authorize(actor, 'read', row);
  return present(db, row, actor, now);
}

export async function updateAnalytics(db: Db, ctx: RequestContext, id: string, analytics: Partial<Row['analytics']>, now: Date) {
  const row = await audited(db, ctx, async (tx) => {
    const current = await visible(tx, ctx.actor, id, true);
    reportPolicy.authorize(ctx.actor, 'edit', current);
    const next = { ...current.analytics, ...analytics };
    const updated = await repo.updateReport(tx, id, { analytics: next, updatedAt: now });
    return { result: updated, audit: { action: 'report.update', entityType: 'report', entityId: id, organizationId: current.organizationId, before: current.analytics, after: next } };
  });
  return present(db, row, ctx.actor, now);
}

export async function act(db: Db, ctx: RequestContext, id: string, action: string, body: { remarks?: string }, now: Date) {
  const row = await audited(db, ctx, async (tx) => {
    const current = await visible(tx, ctx.actor, id, true);
    reportPolicy.authorize(ctx.actor, 'read', current);
    if (!(REPORT_ACTIONS as readonly string[]).includes(action)) throw notFound('unknown_action', 'Нет такого действия');
    if (!availableReportActions(ctx.actor, current).includes(action as ReportAction)) {
      throw new AppError(409, 'action_not_allowed', 'Это действие сейчас невозможно: проверьте статус отчёта и свою роль');
    }
    const org = (await findOrganization(tx, current.organizationId))!;
    const step = action as ReportAction;
    const changes = await REPORT_STEPS[step]({ tx, ctx, body, current, org, now });
    const updated = await repo.updateReport(tx, id, { updatedAt: now, status: REPORT_ACTION_RULES[step].to, ...changes });
    if (step === 'submit') {
      await emitEvent(tx, { type: 'report.submitted', organizationId: current.organizationId, at: now, data: { id, year: updated.year, quarter: updated.quarter, status: updated.status, submittedAt: (updated.submittedAt ?? now).toISOString() } });
    }
    return { result: updated, audit: { action: `report.${action}`, entityType: 'report', entityId: id, organizationId: current.organizationId, before: { status: current.status }, after: { status: updated.status, remarks: updated.remarks } } };
  });
  return present(db, row, ctx.actor, now);
}

/** ЦУР's matrix: municipalities × quarters of a year, each cell on time / late / missing / returned. */
export async function matrix(db: Db, actor: Actor, year: number, now: Date) {
  const orgs = await activeMunicipalities(db, scopeOf(actor));
  const rows = await repo.reportsOfYear(db, year, orgs.map((o) => o.id));
  const nowDate = toLocalDate(now, actor.timeZone);
  return {
    year,
    quarters: ([1, 2, 3, 4] as Quarter[]).map((q) => ({ quarter: q, dueDate: reportDueDate(year, q), started: `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01` <= nowDate })),
    rows: orgs.map((o) => ({
      municipality: o.slug, municipalityName: o.shortName,
      cells: ([1, 2, 3, 4] as Quarter[]).map((q) => {
        const r = rows.find((x) => x.organizationId === o.id && x.quarter === q) ?? null;
        const hidden = r && !reportPolicy.can(actor, 'read', r);
        return { quarter: q, status: cellOf(r, year, q, now, o.timeZone), reportId: r && !hidden ? r.id : null, submittedAt: r?.submittedAt?.toISOString() ?? null };
      }),
    })),
  };
}

/**
 * Reminders to the administrations: three days before the due date, on it, and once it has passed. Each
 * (administration, quarter, stage) is reminded once: administrations that have submitted or were already
 * reminded at this stage are left out by the query.
 */
export async function remindReports(db: Db, now: Date) {
  const staff = notifiedStaff();
  const woken: string[] = [];
  // Each administration is reminded by the date of its own time zone.
  for (const timeZone of await repo.municipalTimeZones(db)) {
    const today = toLocalDate(now, timeZone);
    const year = Number(today.slice(0, 4));
    const candidates = ([[year - 1, 4], [year, 1], [year, 2], [year, 3]] as [number, Quarter][])
      .filter(([y, q]) => { const due = reportDueDate(y, q); const days = (Date.parse(due) - Date.parse(today)) / 86_400_000; return days <= 3 && days >= -30; });
    for (const [y, q] of candidates) {
      const due = reportDueDate(y, q);
      const stage = today > due ? 'missing' : today === due ? 'due_today' : 'due_soon';
      await db.transaction(async (tx) => {
        const orgs = await repo.toRemind(tx, timeZone, y, q, stage);
        if (orgs.length === 0) return;
        const date = due.split('-').reverse().join('.');
        const list: NewNotification[] = [];
        for (const o of orgs) {
          list.push({
            userIds: await staff(tx, o.id), organizationId: o.id, kind: `report.${stage}`,
            title: stage === 'missing' ? `Отчёт за ${q} квартал ${y} г. не направлен в ЦУР (срок — ${date})` : `Отчёт за ${q} квартал ${y} г. нужно направить в ЦУР до ${date}`,
            entityType: 'report', link: '/reports', dedupeKey: `report:${y}:${q}:${stage}`,
          });
        }
        await repo.markReminded(tx, orgs.map((o) => o.key));
        woken.push(...(await notifyMany(tx, list)));
      });
    }
  }
  return { notified: woken.length };
}

/** Who signs the printed report: the head who signed it off, under the position of the administration's head. */
export async function signatoryOf(db: Executor, report: { municipality: string; signed: { by: { fullName: string } | null } | null }) {
  const org = await findMunicipalityBySlug(db, report.municipality);
  const [head] = org ? await activeHeads(db, org.id) : [];
  return { position: head?.position ?? 'Глава', fullName: report.signed?.by?.fullName ?? head?.fullName ?? '' };
}

export function reportReminderJob(db: Db): Job {
  return { name: repo.REPORT_REMINDER_JOB, everyMs: 60 * 60_000, run: (now) => remindReports(db, now) };
}

/**
 * Deletes the reminders' marks of quarters past reminding: a reminder looks back 30 days from the due date
 * by the date of each administration's zone, which is at most a day ahead of UTC's.
 */
export function reportMarkCleanup(db: Db): MarkCleanup {
  return (now, signal) => deleteSpentMarks(db, repo.REPORT_REMINDER_JOB, repo.spentReminderMarks(addDays(toLocalDate(now, 'UTC'), -32)), { signal });
}
