// Training of the administrations' staff (§6.2): ЦУР announces courses and events with their materials,
// administrations enrol their staff, ЦУР marks who attended; who in each municipality has not been trained
// this year — ЦУР across the region, an administration for itself.
import type { Db, Executor } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { conflict, forbidden, notFound, validationFailed } from '../../platform/errors';
import { notify, notifyMany } from '../../platform/notifications';
import { findFile, listFiles, storeFiles, type CheckedFile } from '../../platform/files';
import { isUuid } from '../../platform/http';
import { authorize, scopeOf } from '../../platform/policy';
import { currentContacts } from '../contacts/repository';
import { activeMunicipalities } from '../organizations/repository';
import { trainingPolicy } from './policy';
import * as repo from './repository';
import type { Coverage, CreateTraining, Training, TrainingSummary } from './schema';

const OWNER = (id: string) => ({ type: 'training' as const, id });
const trainingNotFound = () => notFound('training_not_found', 'Обучающее мероприятие не найдено');
const userNotFound = () => notFound('user_not_found', 'Сотрудник не найден');

async function load(db: Executor, id: string) {
  const row = isUuid(id) ? await repo.findTraining(db, id) : null;
  if (!row) throw trainingNotFound();
  return row;
}

async function present(db: Executor, actor: Actor, id: string, now: Date): Promise<Training> {
  const t = await load(db, id);
  const people = await repo.participants(db, actor, id);
  const files = await listFiles(db, OWNER(id));
  return {
    id: t.id, title: t.title, startsAt: t.startsAt.toISOString(), format: t.format, place: t.place, description: t.description,
    enrolled: people.length, attended: people.filter((x) => x.p.attended).length,
    materials: files.map((f) => ({ id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size })),
    participants: people.map((x) => ({
      userId: x.p.userId, fullName: x.fullName, position: x.position, municipality: x.slug, municipalityName: x.name, enrolledAt: x.p.enrolledAt.toISOString(), attended: x.p.attended,
    })),
    can: trainingPolicy.capabilities(actor, { started: t.startsAt <= now }),
  };
}

export async function listTrainings(db: Db, actor: Actor, year: number): Promise<TrainingSummary[]> {
  return (await repo.listTrainings(db, actor, year)).map(({ t, enrolled, attended }) => ({
    id: t.id, title: t.title, startsAt: t.startsAt.toISOString(), format: t.format, place: t.place, enrolled: Number(enrolled), attended: Number(attended),
  }));
}

export const getTraining = present;

export async function createTraining(db: Db, ctx: RequestContext, input: CreateTraining, files: CheckedFile[], now: Date) {
  authorize(ctx.actor, 'trainings.manage', () => forbidden('forbidden', 'Обучение проводит ЦУР'));
  const startsAt = new Date(input.startsAt);
  const id = await audited(db, ctx, async (tx) => {
    const row = await repo.insertTraining(tx, {
      title: input.title.trim(), description: input.description?.trim() ?? '', startsAt, format: input.format, place: input.place?.trim() || null, createdBy: ctx.actor.userId, createdAt: now,
    });
    await storeFiles(tx, OWNER(row.id), files, { organizationId: null, purpose: 'material', uploadedBy: ctx.actor.userId, at: now });
    // The contact officials of every administration hear of a new event to enrol their staff.
    if (startsAt > now) {
      const list = [];
      for (const o of await activeMunicipalities(tx, 'all')) {
        list.push({ userIds: (await currentContacts(tx, o.id)).userIds, organizationId: o.id, kind: 'training.announced', title: `Обучение ЦУР: ${row.title}`, body: `Начало — ${startsAt.toLocaleString('ru-RU', { timeZone: o.timeZone })}. Запишите сотрудников.`, entityType: 'training', entityId: row.id, link: `/trainings/${row.id}` });
      }
      await notifyMany(tx, list);
    }
    return { result: row.id, audit: { action: 'training.create', entityType: 'training', entityId: row.id, organizationId: ctx.actor.organizationId, after: { title: row.title, startsAt: input.startsAt, format: input.format, place: row.place, files: files.map((f) => f.filename) } } };
  });
  return present(db, ctx.actor, id, now);
}

export async function addMaterials(db: Db, ctx: RequestContext, id: string, files: CheckedFile[], now: Date) {
  const t = await load(db, id);
  trainingPolicy.authorize(ctx.actor, 'addMaterials', { started: t.startsAt <= now });
  if (!files.length) throw validationFailed([{ field: 'files', message: 'Приложите хотя бы один файл' }]);
  await audited(db, ctx, async (tx) => {
    await storeFiles(tx, OWNER(id), files, { organizationId: null, purpose: 'material', uploadedBy: ctx.actor.userId, at: now });
    return { result: undefined, audit: { action: 'training.materials', entityType: 'training', entityId: id, organizationId: ctx.actor.organizationId, after: { files: files.map((f) => f.filename) } } };
  });
  return present(db, ctx.actor, id, now);
}

export async function enrol(db: Db, ctx: RequestContext, id: string, userId: string, now: Date) {
  const t = await load(db, id);
  // Staff of another municipality look absent.
  const person = await repo.findStaff(db, ctx.actor, userId);
  if (!person) throw userNotFound();
  trainingPolicy.authorize(ctx.actor, 'enrol', { started: t.startsAt <= now, userId, organizationId: person.organizationId });
  await audited(db, ctx, async (tx) => {
    if (!await repo.enrol(tx, { trainingId: id, userId, organizationId: person.organizationId, enrolledAt: now, enrolledBy: ctx.actor.userId })) throw conflict('already_enrolled');
    if (userId !== ctx.actor.userId) {
      await notify(tx, { userIds: [userId], organizationId: person.organizationId, kind: 'training.enrolled', title: `Вы записаны на обучение: ${t.title}`, body: `Начало — ${t.startsAt.toISOString().slice(0, 16).replace('T', ' ')} (UTC)`, entityType: 'training', entityId: id, link: `/trainings/${id}` });
    }
    return { result: undefined, audit: { action: 'training.enrol', entityType: 'training', entityId: id, organizationId: person.organizationId, after: { userId, fullName: person.fullName } } };
  });
  return present(db, ctx.actor, id, now);
}

export async function unenrol(db: Db, ctx: RequestContext, id: string, userId: string, now: Date) {
  const t = await load(db, id);
  const person = await repo.findStaff(db, ctx.actor, userId);
  if (!person) throw userNotFound();
  trainingPolicy.authorize(ctx.actor, 'enrol', { started: t.startsAt <= now, userId, organizationId: person.organizationId });
  await audited(db, ctx, async (tx) => {
    if (!await repo.unenrol(tx, id, userId)) throw notFound('user_not_found', 'Сотрудник не записан на это мероприятие');
    return { result: undefined, audit: { action: 'training.unenrol', entityType: 'training', entityId: id, organizationId: person.organizationId, before: { userId, fullName: person.fullName } } };
  });
  return present(db, ctx.actor, id, now);
}

export async function markAttendance(db: Db, ctx: RequestContext, id: string, input: { attended: string[]; absent?: string[] }, now: Date) {
  const t = await load(db, id);
  trainingPolicy.authorize(ctx.actor, 'markAttendance', { started: t.startsAt <= now });
  const absent = input.absent ?? [];
  if (input.attended.some((u) => absent.includes(u))) throw validationFailed([{ field: 'absent', message: 'Сотрудник не может быть одновременно среди присутствовавших и отсутствовавших' }]);
  await audited(db, ctx, async (tx) => {
    const came = await repo.markAttendance(tx, id, input.attended, true, ctx.actor.userId, now);
    const away = await repo.markAttendance(tx, id, absent, false, ctx.actor.userId, now);
    const unknown = [...input.attended, ...absent].filter((u) => !came.includes(u) && !away.includes(u));
    if (unknown.length) throw validationFailed([{ field: 'attended', message: `Не записаны на мероприятие: ${unknown.length}` }]);
    return { result: undefined, audit: { action: 'training.attendance', entityType: 'training', entityId: id, organizationId: ctx.actor.organizationId, after: { attended: came, absent: away } } };
  });
  return present(db, ctx.actor, id, now);
}

/** Who in each municipality within the actor's scope has not attended any training in the year. */
export async function coverage(db: Db, actor: Actor, year: number): Promise<Coverage> {
  const rows = await repo.coverage(db, actor, year);
  const byOrg = new Map<string, Coverage['items'][number]>();
  // Every municipality within scope appears, even one without staff accounts yet.
  for (const o of await activeMunicipalities(db, scopeOf(actor))) byOrg.set(o.slug, { municipality: o.slug, municipalityName: o.shortName, staff: 0, trained: 0, untrained: [] });
  for (const r of rows) {
    const item = byOrg.get(r.slug);
    if (!item) continue;
    item.staff += 1;
    if (r.trained) item.trained += 1;
    else item.untrained.push({ userId: r.userId, fullName: r.fullName, position: r.position, role: r.role });
  }
  return { year, items: [...byOrg.values()] };
}

export async function getFile(db: Db, id: string, fileId: string) {
  await load(db, id);
  return findFile(db, OWNER(id), fileId);
}
