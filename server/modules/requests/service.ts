// ЦУР's requests for information (§10.4–10.5): one request to one or many municipalities, each
// answering with text and files; statuses per addressee; reminders before and after the deadline.
import type { Db, Executor } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { AppError, forbidden, notFound, validationFailed } from '../../platform/errors';
import { notify, notifyMany, type NewNotification } from '../../platform/notifications';
import { enqueueMail } from '../../platform/mail';
import { findFile, listFiles, storeFiles, type CheckedFile } from '../../platform/files';
import { deleteSpentMarks, type Job, type MarkCleanup } from '../../platform/jobs';
import { currentContacts, notifiedStaff } from '../contacts/repository';
import { isUuid } from '../../platform/http';
import { nextInSequence } from '../../platform/numbering';
import { authorize, isRegional } from '../../platform/policy';
import { requestPolicy, type RequestResource } from './policy';
import * as repo from './repository';
import { activeMunicipalitiesBySlug } from '../organizations/repository';

const requestNotFound = () => notFound('request_not_found', 'Запрос не найден');
export type AddresseeStatus = 'sent' | 'read' | 'answered' | 'overdue';

export function addresseeStatus(r: { readAt: Date | null; answeredAt: Date | null }, dueAt: Date, now: Date): AddresseeStatus {
  if (r.answeredAt) return 'answered';
  if (now > dueAt) return 'overdue';
  return r.readAt ? 'read' : 'sent';
}

async function load(db: Executor, actor: Actor, id: string) {
  // A municipality sees only a request addressed to it, and only its own answer.
  const found = isUuid(id) ? await repo.findVisible(db, actor, id) : null;
  if (!found) throw requestNotFound();
  return found;
}

/** The request as the actor's own administration holds it (the regional centre holds no addressee's part). */
function resourceOf(actor: Actor, recipients: { r: { organizationId: string; answeredAt: Date | null } }[]): RequestResource {
  const own = isRegional(actor) ? undefined : recipients[0]?.r;
  return { organizationId: own?.organizationId ?? null, answered: !!own?.answeredAt };
}

async function present(db: Executor, actor: Actor, id: string, now: Date) {
  const { request, recipients } = await load(db, actor, id);
  const files = (await listFiles(db, { type: 'request', id }))
    .map((f) => ({ id: f.id, organizationId: f.organizationId, filename: f.filename, mimeType: f.mimeType, size: f.size }));
  const visibleOrgs = new Set(recipients.map((x) => x.r.organizationId));
  return {
    id: request.id, number: request.number, subject: request.subject, text: request.text, dueAt: request.dueAt.toISOString(), createdAt: request.createdAt.toISOString(),
    files: files.filter((f) => f.organizationId === null).map(({ organizationId: _o, ...f }) => f),
    addressees: recipients.map(({ r, slug, name }) => ({
      municipality: slug, municipalityName: name, status: addresseeStatus(r, request.dueAt, now),
      readAt: r.readAt?.toISOString() ?? null, answeredAt: r.answeredAt?.toISOString() ?? null, answerText: r.answerText,
      files: files.filter((f) => f.organizationId === r.organizationId && visibleOrgs.has(r.organizationId)).map(({ organizationId: _o, ...f }) => f),
    })),
    can: requestPolicy.capabilities(actor, resourceOf(actor, recipients)),
  };
}

export async function createRequest(db: Db, ctx: RequestContext, input: { subject: string; text: string; municipalities: string[]; dueAt: string }, files: CheckedFile[], now: Date) {
  authorize(ctx.actor, 'requests.create', () => forbidden('forbidden', 'Запросы направляет ЦУР'));
  const dueAt = new Date(input.dueAt);
  const slugs = [...new Set(input.municipalities)];
  if (dueAt <= now) throw validationFailed([{ field: 'dueAt', message: 'Срок ответа должен быть в будущем' }]);
  const orgs = await activeMunicipalitiesBySlug(db, slugs);
  const missing = slugs.filter((s) => !orgs.some((o) => o.slug === s));
  if (missing.length) throw validationFailed([{ field: 'municipalities', message: `Не найдены муниципальные образования: ${missing.join(', ')}` }]);
  const id = await audited(db, ctx, async (tx) => {
    const year = now.getUTCFullYear();
    const number = `ЗИ-${year}-${String(await nextInSequence(tx, 'request', year)).padStart(4, '0')}`;
    const row = await repo.insertRequest(tx, { number, subject: input.subject.trim(), text: input.text.trim(), dueAt, createdBy: ctx.actor.userId, createdAt: now }, orgs.map((o) => o.id));
    await storeFiles(tx, { type: 'request', id: row.id }, files, { organizationId: null, purpose: 'request', uploadedBy: ctx.actor.userId, at: now });
    for (const o of orgs) {
      const contacts = await currentContacts(tx, o.id);
      await notify(tx, { userIds: contacts.userIds, organizationId: o.id, kind: 'request.received', title: `Запрос ЦУР ${number}: ${row.subject}`, body: `Срок ответа — ${dueAt.toISOString().slice(0, 16).replace('T', ' ')} (UTC)`, entityType: 'request', entityId: row.id, link: `/requests/${row.id}` });
      for (const email of contacts.emails) {
        await enqueueMail(tx, { at: now, to: email, subject: `Запрос ЦУР ${number}: ${row.subject}`, text: `${row.text}\n\nОтветьте в системе «Отклик» до ${dueAt.toLocaleString('ru-RU', { timeZone: o.timeZone })}.`, dedupeKey: `request:${row.id}:${email}` });
      }
    }
    return { result: row.id, audit: { action: 'request.create', entityType: 'request', entityId: row.id, organizationId: ctx.actor.organizationId, after: { number, subject: row.subject, municipalities: slugs, dueAt: input.dueAt } } };
  });
  return present(db, ctx.actor, id, now);
}

export async function getRequest(db: Db, ctx: RequestContext, id: string, now: Date) {
  const { recipients } = await load(db, ctx.actor, id);
  // The first look by the municipality marks the request as read.
  if (!isRegional(ctx.actor) && recipients[0] && !recipients[0].r.readAt) {
    await audited(db, ctx, async (tx) => {
      await repo.markRead(tx, id, ctx.actor.organizationId, ctx.actor.userId, now);
      return { result: undefined, audit: { action: 'request.read', entityType: 'request', entityId: id, organizationId: ctx.actor.organizationId } };
    });
  }
  return present(db, ctx.actor, id, now);
}

export async function listRequests(db: Db, actor: Actor, now: Date) {
  const rows = await repo.listVisible(db, actor);
  const byId = new Map<string, { id: string; number: string; subject: string; dueAt: string; createdAt: string; addressees: { municipality: string; status: AddresseeStatus }[] }>();
  for (const { q, r, slug } of rows) {
    if (!byId.has(q.id)) byId.set(q.id, { id: q.id, number: q.number, subject: q.subject, dueAt: q.dueAt.toISOString(), createdAt: q.createdAt.toISOString(), addressees: [] });
    byId.get(q.id)!.addressees.push({ municipality: slug, status: addresseeStatus(r, q.dueAt, now) });
  }
  return [...byId.values()];
}

export async function answerRequest(db: Db, ctx: RequestContext, id: string, text: string, files: CheckedFile[], now: Date) {
  const { recipients: seen } = await load(db, ctx.actor, id);
  // An empty answer is bad input whatever the request's state, so it is refused before the policy is asked.
  if (!text.trim()) throw validationFailed([{ field: 'text', message: 'Напишите ответ' }]);
  requestPolicy.authorize(ctx.actor, 'answer', resourceOf(ctx.actor, seen));
  await audited(db, ctx, async (tx) => {
    const { request, recipients } = await load(tx, ctx.actor, id);
    if (recipients[0].r.answeredAt) throw new AppError(409, 'already_answered', 'Администрация уже ответила на этот запрос');
    await repo.saveAnswer(tx, id, ctx.actor.organizationId, { answeredAt: now, answeredBy: ctx.actor.userId, answerText: text.trim(), readAt: recipients[0].r.readAt ?? now });
    await storeFiles(tx, { type: 'request', id }, files, { organizationId: ctx.actor.organizationId, purpose: 'answer', uploadedBy: ctx.actor.userId, at: now });
    if (request.createdBy) await notify(tx, { userIds: [request.createdBy], organizationId: ctx.actor.organizationId, kind: 'request.answered', title: `${request.number}: ответ ${recipients[0].name}`, entityType: 'request', entityId: id, link: `/requests/${id}` });
    return { result: undefined, audit: { action: 'request.answer', entityType: 'request', entityId: id, organizationId: ctx.actor.organizationId, after: { text: text.trim().slice(0, 500), files: files.map((f) => f.filename) } } };
  });
  return present(db, ctx.actor, id, now);
}

export async function getFile(db: Db, actor: Actor, id: string, fileId: string) {
  const { recipients } = await load(db, actor, id);
  const file = await findFile(db, { type: 'request', id }, fileId);
  if (file.organizationId !== null && !recipients.some((x) => x.r.organizationId === file.organizationId)) throw notFound('file_not_found', 'Файл не найден');
  return file;
}

/**
 * Reminders: a day before the deadline and once it has passed, to each addressee that has not answered.
 * Each (request, addressee, stage) is reminded once: stages already sent are marked and never selected again.
 */
export async function remind(db: Db, now: Date): Promise<{ notified: number }> {
  const contacts = notifiedStaff({ heads: false });
  const { got } = await db.transaction(async (tx) => {
    const rows = await repo.toRemind(tx, now);
    const list: NewNotification[] = [];
    for (const r of rows) {
      list.push({
        userIds: await contacts(tx, r.organizationId), organizationId: r.organizationId, kind: `request.${r.stage}`,
        title: r.stage === 'overdue' ? `${r.number}: срок ответа на запрос ЦУР истёк` : `${r.number}: срок ответа на запрос ЦУР истекает в течение суток`,
        entityType: 'request', entityId: r.id, link: `/requests/${r.id}`, dedupeKey: `request:${r.id}:${r.stage}`,
      });
    }
    await repo.markReminded(tx, rows.map((r) => r.key));
    return { got: await notifyMany(tx, list) };
  });
  return { notified: got.length };
}

export function requestReminderJob(db: Db): Job {
  return { name: repo.REQUEST_REMINDER_JOB, everyMs: 5 * 60_000, run: (now) => remind(db, now) };
}

/** Deletes the reminders' marks that they can no longer select. */
export function requestMarkCleanup(db: Db): MarkCleanup {
  return (_now, signal) => deleteSpentMarks(db, repo.REQUEST_REMINDER_JOB, repo.spentReminderMarks(), { signal });
}
