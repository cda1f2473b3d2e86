// ЦУР's recommendations and methodological guidance (§4.3, §4.5, §6.1, §11.8): one recommendation to one,
// several or all municipalities; each addressee acknowledges it, then reports on implementation, which ЦУР
// accepts or returns with remarks; a reminder before the due date to those who still owe a report.
import type { Db, Executor } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { conflict, forbidden, notFound, validationFailed } from '../../platform/errors';
import { notify, notifyMany, type NewNotification } from '../../platform/notifications';
import { enqueueMail } from '../../platform/mail';
import { findFile, listFiles, storeFiles, type CheckedFile } from '../../platform/files';
import { deleteSpentMarks, type Job, type MarkCleanup } from '../../platform/jobs';
import { isUuid } from '../../platform/http';
import { nextInSequence } from '../../platform/numbering';
import { authorize, isRegional } from '../../platform/policy';
import { currentContacts, notifiedStaff } from '../contacts/repository';
import { activeMunicipalitiesBySlug } from '../organizations/repository';
import {
  RECOMMENDATION_REMINDER_HOURS, isRecommendationOverdue, recommendationTransition, type RecommendationAction,
} from '../../../domain/recommendations/lifecycle';
import { addresseePolicy } from './policy';
import * as repo from './repository';
import type { CreateRecommendation, Recommendation, RecommendationSummary, Unacknowledged } from './schema';

const OWNER = (id: string) => ({ type: 'recommendation' as const, id });
const recommendationNotFound = () => notFound('recommendation_not_found', 'Рекомендация не найдена');
const iso = (d: Date | null) => d?.toISOString() ?? null;

async function load(db: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
  // A municipality sees only a recommendation addressed to it, and only its own part.
  const found = isUuid(id) ? await repo.findVisible(db, actor, id, options) : null;
  if (!found) throw recommendationNotFound();
  return found;
}

async function present(db: Executor, actor: Actor, id: string, now: Date): Promise<Recommendation> {
  const { recommendation: q, recipients } = await load(db, actor, id);
  const files = await listFiles(db, OWNER(id));
  const plain = (f: (typeof files)[number]) => ({ id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size });
  return {
    id: q.id, number: q.number, subject: q.subject, text: q.text, dueAt: iso(q.dueAt), createdAt: q.createdAt.toISOString(),
    files: files.filter((f) => f.organizationId === null).map(plain),
    addressees: recipients.map(({ r, slug, name, acknowledgedByName, reportedByName }) => ({
      municipality: slug, municipalityName: name, status: r.status, overdue: isRecommendationOverdue(r.status, q.dueAt, now),
      acknowledgedAt: iso(r.acknowledgedAt), acknowledgedBy: acknowledgedByName, reportText: r.reportText, reportedAt: iso(r.reportedAt), reportedBy: reportedByName,
      remarks: r.remarks, reviewedAt: iso(r.reviewedAt),
      files: files.filter((f) => f.organizationId === r.organizationId).map(plain),
      can: addresseePolicy.capabilities(actor, r),
    })),
  };
}

export async function createRecommendation(db: Db, ctx: RequestContext, input: CreateRecommendation, files: CheckedFile[], now: Date) {
  authorize(ctx.actor, 'recommendations.create', () => forbidden('forbidden', 'Рекомендации направляет ЦУР'));
  const dueAt = input.dueAt ? new Date(input.dueAt) : null;
  if (dueAt && dueAt <= now) throw validationFailed([{ field: 'dueAt', message: 'Срок исполнения должен быть в будущем' }]);
  const slugs = [...new Set(input.municipalities)];
  const orgs = await activeMunicipalitiesBySlug(db, slugs);
  const missing = slugs.filter((s) => !orgs.some((o) => o.slug === s));
  if (missing.length) throw validationFailed([{ field: 'municipalities', message: `Не найдены муниципальные образования: ${missing.join(', ')}` }]);
  const id = await audited(db, ctx, async (tx) => {
    const year = now.getUTCFullYear();
    const number = `РМ-${year}-${String(await nextInSequence(tx, 'recommendation', year)).padStart(4, '0')}`;
    const row = await repo.insertRecommendation(tx, { number, subject: input.subject.trim(), text: input.text.trim(), dueAt, createdBy: ctx.actor.userId, createdAt: now }, orgs.map((o) => o.id));
    await storeFiles(tx, OWNER(row.id), files, { organizationId: null, purpose: 'recommendation', uploadedBy: ctx.actor.userId, at: now });
    for (const o of orgs) {
      const contacts = await currentContacts(tx, o.id);
      const due = dueAt ? `Срок исполнения — ${dueAt.toLocaleString('ru-RU', { timeZone: o.timeZone })}` : 'Без срока исполнения';
      await notify(tx, { userIds: contacts.userIds, organizationId: o.id, kind: 'recommendation.received', title: `Рекомендация ЦУР ${number}: ${row.subject}`, body: `Ознакомьтесь и направьте отчёт о выполнении. ${due}`, entityType: 'recommendation', entityId: row.id, link: `/recommendations/${row.id}` });
      for (const email of contacts.emails) {
        await enqueueMail(tx, { at: now, to: email, subject: `Рекомендация ЦУР ${number}: ${row.subject}`, text: `${row.text}\n\n${due}.\nОтметьте ознакомление и направьте отчёт о выполнении в системе «Отклик».`, dedupeKey: `recommendation:${row.id}:${email}` });
      }
    }
    return { result: row.id, audit: { action: 'recommendation.create', entityType: 'recommendation', entityId: row.id, organizationId: ctx.actor.organizationId, after: { number, subject: row.subject, municipalities: slugs, dueAt: input.dueAt ?? null, files: files.map((f) => f.filename) } } };
  });
  return present(db, ctx.actor, id, now);
}

export async function getRecommendation(db: Db, actor: Actor, id: string, now: Date) {
  return present(db, actor, id, now);
}

export async function listRecommendations(db: Db, actor: Actor, now: Date): Promise<RecommendationSummary[]> {
  const byId = new Map<string, RecommendationSummary>();
  for (const { q, r, slug } of await repo.listVisible(db, actor)) {
    if (!byId.has(q.id)) byId.set(q.id, { id: q.id, number: q.number, subject: q.subject, dueAt: iso(q.dueAt), createdAt: q.createdAt.toISOString(), addressees: [] });
    byId.get(q.id)!.addressees.push({ municipality: slug, status: r.status, overdue: isRecommendationOverdue(r.status, q.dueAt, now) });
  }
  return [...byId.values()];
}

export async function listUnacknowledged(db: Db, actor: Actor, now: Date): Promise<Unacknowledged['items']> {
  return (await repo.unacknowledged(db, actor)).map((r) => ({
    ...r, sentAt: r.sentAt.toISOString(), dueAt: iso(r.dueAt), days: Math.max(0, Math.floor((now.getTime() - r.sentAt.getTime()) / 86_400_000)),
  }));
}

interface StepInput { municipality?: string; text?: string; remarks?: string; files?: CheckedFile[] }

/**
 * One step with one addressee: the administration acknowledges or reports for itself; ЦУР accepts or returns
 * the report of the addressee it names. The policy decides, the row moves only from the status it was read in.
 */
export async function takeStep(db: Db, ctx: RequestContext, id: string, action: RecommendationAction, input: StepInput, now: Date) {
  const { actor } = ctx;
  const pick = <T extends { r: { organizationId: string }; slug: string }>(recipients: T[]) => {
    const one = isRegional(actor) ? recipients.find((x) => x.slug === input.municipality) : recipients[0];
    if (!one) throw notFound('municipality_not_found', 'Этот муниципалитет не является адресатом рекомендации');
    return one;
  };
  const seen = pick((await load(db, actor, id)).recipients);
  // Bad input is refused before the state is asked, whatever the state.
  if (action === 'report' && !input.text?.trim()) throw validationFailed([{ field: 'text', message: 'Опишите, что сделано для выполнения рекомендации' }]);
  if (action === 'return' && !input.remarks?.trim()) throw validationFailed([{ field: 'remarks', message: 'Укажите замечания к отчёту' }]);
  addresseePolicy.authorize(actor, action, seen.r);
  await audited(db, ctx, async (tx) => {
    const { recommendation: q, recipients } = await load(tx, actor, id, { forUpdate: true });
    const { r, name } = pick(recipients);
    const step = recommendationTransition(r.status, action, actor.role);
    if (!step.ok) throw conflict('step_not_allowed');
    const values = action === 'acknowledge' ? { acknowledgedAt: now, acknowledgedBy: actor.userId }
      : action === 'report' ? { reportText: input.text!.trim(), reportedAt: now, reportedBy: actor.userId }
        : { remarks: input.remarks?.trim() || null, reviewedAt: now, reviewedBy: actor.userId };
    if (!await repo.updateRecipient(tx, id, r.organizationId, r.status, { status: step.to, ...values })) throw conflict('step_not_allowed');
    if (action === 'report') await storeFiles(tx, OWNER(id), input.files ?? [], { organizationId: r.organizationId, purpose: 'report', uploadedBy: actor.userId, at: now });
    const link = `/recommendations/${id}`;
    if (action === 'report' && q.createdBy) {
      await notify(tx, { userIds: [q.createdBy], organizationId: r.organizationId, kind: 'recommendation.reported', title: `${q.number}: отчёт о выполнении — ${name}`, entityType: 'recommendation', entityId: id, link });
    }
    if (action === 'accept' || action === 'return') {
      const contacts = await currentContacts(tx, r.organizationId);
      await notify(tx, {
        userIds: contacts.userIds, organizationId: r.organizationId, kind: `recommendation.${action === 'accept' ? 'accepted' : 'returned'}`,
        title: action === 'accept' ? `${q.number}: ЦУР принял отчёт о выполнении` : `${q.number}: ЦУР вернул отчёт о выполнении с замечаниями`,
        body: input.remarks?.trim() || undefined, entityType: 'recommendation', entityId: id, link,
      });
    }
    return {
      result: undefined,
      audit: {
        action: `recommendation.${action}`, entityType: 'recommendation', entityId: id, organizationId: r.organizationId,
        before: { status: r.status }, after: { status: step.to, ...(input.text ? { text: input.text.trim().slice(0, 500) } : {}), ...(input.remarks ? { remarks: input.remarks.trim() } : {}), ...(input.files?.length ? { files: input.files.map((f) => f.filename) } : {}) },
      },
    };
  });
  return present(db, actor, id, now);
}

export async function getFile(db: Db, actor: Actor, id: string, fileId: string) {
  const { recipients } = await load(db, actor, id);
  const file = await findFile(db, OWNER(id), fileId);
  // The files of ЦУР go to every addressee; a report's files only to its administration and ЦУР.
  if (file.organizationId !== null && !recipients.some((x) => x.r.organizationId === file.organizationId)) throw notFound('file_not_found', 'Файл не найден');
  return file;
}

/**
 * Reminders before the due date, once per addressee that still owes a report: the marked ones are never
 * selected again, so a second pass or another instance does not repeat them.
 */
export async function remind(db: Db, now: Date): Promise<{ notified: number }> {
  const contacts = notifiedStaff({ heads: false });
  const got = await db.transaction(async (tx) => {
    const rows = await repo.toRemind(tx, now, RECOMMENDATION_REMINDER_HOURS);
    const list: NewNotification[] = [];
    for (const r of rows) {
      list.push({
        userIds: await contacts(tx, r.organizationId), organizationId: r.organizationId, kind: 'recommendation.due_soon',
        title: `${r.number}: срок исполнения рекомендации ЦУР истекает ${r.dueAt!.toISOString().slice(0, 10)}`, body: r.subject,
        entityType: 'recommendation', entityId: r.id, link: `/recommendations/${r.id}`, dedupeKey: `recommendation:${r.key}:due_soon`,
      });
    }
    await repo.markReminded(tx, rows.map((r) => r.key));
    return notifyMany(tx, list);
  });
  return { notified: got.length };
}

export function recommendationReminderJob(db: Db): Job {
  return { name: repo.RECOMMENDATION_REMINDER_JOB, everyMs: 15 * 60_000, run: (now) => remind(db, now) };
}

/** Deletes the reminders' marks that they can no longer select. */
export function recommendationMarkCleanup(db: Db): MarkCleanup {
  return (now, signal) => deleteSpentMarks(db, repo.RECOMMENDATION_REMINDER_JOB, repo.spentReminderMarks(now), { signal });
}
