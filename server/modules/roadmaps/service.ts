// Roadmaps (§6.3, §11.11–11.13): the administration plans measures against the cause of repeated appeals,
// ЦУР reads and comments; the effect is the appeals on the roadmap's topics and places after its start
// against as many days before it. A measure done informs the residents subscribed to its topics.
import type { Db, Executor } from '../../db';
import type { RoadmapPlace } from '../../db/schema';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { forbidden, notFound, validationFailed } from '../../platform/errors';
import { findFile, storeFiles, type CheckedFile } from '../../platform/files';
import { isUuid } from '../../platform/http';
import { notify } from '../../platform/notifications';
import { authorize, inScope, isRegional, scopeOf } from '../../platform/policy';
import { addDays, compareLocalDates, startOfLocalDay, toLocalDate } from '../../../domain/calendar/localDate';
import { effectChange, effectWindow } from '../../../domain/roadmaps';
import { placesIn } from '../../text/place';
import { currentContacts } from '../contacts/repository';
import { findMunicipalityBySlug } from '../organizations/repository';
import { informSubscribers } from '../informing/service';
import { roadmapPolicy } from './policy';
import * as repo from './repository';
import type { CreateRoadmap, Effect, Roadmap, UpdateMeasure, UpdateRoadmap } from './schema';

const roadmapNotFound = () => notFound('roadmap_not_found', 'Дорожная карта не найдена');
const measureNotFound = () => notFound('measure_not_found', 'Мероприятие дорожной карты не найдено');

type PlaceInput = string | { kind: 'street' | 'settlement'; name: string };

/** A place as the effect compares it: a street by the stems appeals keep, a settlement by its name. */
export function placeOf(input: PlaceInput): RoadmapPlace | null {
  const { kind, name } = typeof input === 'string' ? { kind: 'street' as const, name: input } : input;
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (kind === 'settlement') return { kind, name: trimmed, street: null, house: null };
  const found = placesIn(trimmed)[0] ?? placesIn(`ул. ${trimmed}`)[0];
  return found ? { kind, name: trimmed, street: found.street, house: found.house } : null;
}

async function load(db: Executor, actor: Actor, id: string, forUpdate = false) {
  const found = isUuid(id) ? await repo.findVisible(db, scopeOf(actor), id, forUpdate) : null;
  if (!found) throw roadmapNotFound();
  return found;
}

/** Topics, places and clusters of an input, checked; each problem is reported on its field. */
async function links(db: Executor, organizationId: string, input: { topics?: string[]; places?: PlaceInput[]; clusters?: string[] }) {
  const problems: { field: string; message: string }[] = [];
  let topicCodes: string[] | undefined;
  if (input.topics) {
    topicCodes = [...new Set(input.topics)];
    const known = new Set((await repo.existingTopics(db, topicCodes)).map((t) => t.code));
    const missing = topicCodes.filter((c) => !known.has(c));
    if (missing.length) problems.push({ field: 'topics', message: `Нет таких тем в классификаторе: ${missing.join(', ')}` });
  }
  let places: RoadmapPlace[] | undefined;
  if (input.places) {
    places = [];
    for (const [i, p] of input.places.entries()) {
      const place = placeOf(p);
      if (!place) problems.push({ field: `places/${i}`, message: `Не удалось прочитать улицу «${typeof p === 'string' ? p : p.name}»: укажите, например, «ул. Мира» или «ул. Мира, 5»` });
      else places.push(place);
    }
  }
  let clusterIds: string[] | undefined;
  if (input.clusters) {
    clusterIds = [...new Set(input.clusters)];
    const found = new Set((await repo.clustersOf(db, organizationId, clusterIds)).map((c) => c.id));
    const missing = clusterIds.filter((c) => !found.has(c));
    if (missing.length) problems.push({ field: 'clusters', message: 'Группа обращений не найдена в этом муниципалитете' });
  }
  if (problems.length) throw validationFailed(problems);
  return { topicCodes, places, clusterIds };
}

/** The roadmap's effect at `now`: appeals after the start against as many days before it, and by month. */
export async function effectOf(db: Executor, roadmap: repo.RoadmapRow, timeZone: string, now: Date): Promise<Effect> {
  const window = effectWindow(roadmap.startsOn, toLocalDate(now, timeZone));
  const months = window.days === 0 ? [] : await repo.effectByMonth(db, {
    organizationId: roadmap.organizationId, timeZone,
    topicCodes: await repo.topicsUnder(db, roadmap.topicCodes), places: roadmap.places, clusterIds: roadmap.clusterIds,
    from: startOfLocalDay(window.beforeFrom, timeZone), start: startOfLocalDay(window.afterFrom, timeZone),
    to: startOfLocalDay(addDays(window.afterTo, 1), timeZone),
  });
  const before = months.reduce((n, m) => n + m.before, 0);
  const after = months.reduce((n, m) => n + m.after, 0);
  return { before, after, change: effectChange(before, after), window, months };
}

async function present(db: Executor, actor: Actor, id: string, now: Date): Promise<Roadmap> {
  const { roadmap, municipality, municipalityName, timeZone } = await load(db, actor, id);
  const [topicRows, clusters, measures, comments, effect] = [
    await repo.existingTopics(db, roadmap.topicCodes), await repo.clustersOf(db, roadmap.organizationId, roadmap.clusterIds),
    await repo.measuresOf(db, id), await repo.commentsOf(db, id), await effectOf(db, roadmap, timeZone, now),
  ];
  const evidence = await repo.evidenceOf(db, measures.map((m) => m.id));
  const today = toLocalDate(now, timeZone);
  return {
    id: roadmap.id, municipality, municipalityName, title: roadmap.title, description: roadmap.description,
    topics: topicRows, places: roadmap.places, clusters, startsOn: roadmap.startsOn, createdAt: roadmap.createdAt.toISOString(),
    measures: measures.map((m) => ({
      id: m.id, title: m.title, responsible: m.responsible, dueOn: m.dueOn, status: m.status, note: m.note, doneAt: m.doneAt?.toISOString() ?? null,
      overdue: (m.status === 'planned' || m.status === 'in_progress') && compareLocalDates(m.dueOn, today) < 0,
      evidence: evidence.filter((f) => f.ownerId === m.id).map((f) => ({ id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size, createdAt: f.createdAt.toISOString() })),
    })),
    comments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    effect,
    can: roadmapPolicy.capabilities(actor, { organizationId: roadmap.organizationId }),
  };
}

export async function createRoadmap(db: Db, ctx: RequestContext, input: CreateRoadmap, now: Date): Promise<Roadmap> {
  authorize(ctx.actor, 'roadmaps.create', () => forbidden('forbidden', 'Дорожную карту составляет руководитель или контактное лицо администрации'));
  const org = await findMunicipalityBySlug(db, input.municipality);
  if (!org || !inScope(ctx.actor, org.id)) throw notFound('municipality_not_found', 'Муниципальное образование не найдено');
  roadmapPolicy.authorize(ctx.actor, 'edit', { organizationId: org.id });
  const linked = await links(db, org.id, { topics: input.topics, places: input.places ?? [], clusters: input.clusters ?? [] });
  const id = await audited(db, ctx, async (tx) => {
    const row = await repo.insertRoadmap(tx, {
      organizationId: org.id, title: input.title.trim(), description: input.description?.trim() ?? '', topicCodes: linked.topicCodes!,
      places: linked.places!, clusterIds: linked.clusterIds!, startsOn: input.startsOn, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now,
    });
    return { result: row.id, audit: { action: 'roadmap.create', entityType: 'roadmap', entityId: row.id, organizationId: org.id, after: { title: row.title, topics: row.topicCodes, places: row.places, clusters: row.clusterIds, startsOn: row.startsOn } } };
  });
  return present(db, ctx.actor, id, now);
}

export async function getRoadmap(db: Db, actor: Actor, id: string, now: Date): Promise<Roadmap> {
  return present(db, actor, id, now);
}

export async function listRoadmaps(db: Db, actor: Actor, municipality: string | undefined, now: Date) {
  let organizationId: string | undefined;
  if (municipality) {
    const org = await findMunicipalityBySlug(db, municipality);
    if (!org || !inScope(actor, org.id)) throw notFound('municipality_not_found', 'Муниципальное образование не найдено');
    organizationId = org.id;
  }
  const rows = await repo.listVisible(db, scopeOf(actor), now, organizationId);
  return rows.map((r) => ({
    id: r.id, municipality: r.municipality, municipalityName: r.municipalityName, title: r.title, startsOn: r.startsOn, topics: r.topicCodes,
    measures: Number(r.measures), done: Number(r.done), overdue: Number(r.overdue),
  }));
}

export async function updateRoadmap(db: Db, ctx: RequestContext, id: string, input: UpdateRoadmap, now: Date): Promise<Roadmap> {
  const { roadmap } = await load(db, ctx.actor, id);
  roadmapPolicy.authorize(ctx.actor, 'edit', roadmap);
  const linked = await links(db, roadmap.organizationId, input);
  await audited(db, ctx, async (tx) => {
    const values = {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description.trim() } : {}),
      ...(linked.topicCodes ? { topicCodes: linked.topicCodes } : {}),
      ...(linked.places ? { places: linked.places } : {}),
      ...(linked.clusterIds ? { clusterIds: linked.clusterIds } : {}),
      ...(input.startsOn !== undefined ? { startsOn: input.startsOn } : {}),
    };
    await repo.updateRoadmap(tx, id, { ...values, updatedAt: now });
    const before = Object.fromEntries(Object.keys(values).map((k) => [k, roadmap[k as keyof typeof roadmap]]));
    return { result: undefined, audit: { action: 'roadmap.update', entityType: 'roadmap', entityId: id, organizationId: roadmap.organizationId, before, after: values } };
  });
  return present(db, ctx.actor, id, now);
}

export async function addMeasure(db: Db, ctx: RequestContext, id: string, input: { title: string; responsible: string; dueOn: string }, now: Date): Promise<Roadmap> {
  const { roadmap } = await load(db, ctx.actor, id);
  roadmapPolicy.authorize(ctx.actor, 'edit', roadmap);
  await audited(db, ctx, async (tx) => {
    const row = await repo.insertMeasure(tx, { roadmapId: id, organizationId: roadmap.organizationId, title: input.title.trim(), responsible: input.responsible.trim(), dueOn: input.dueOn, createdAt: now, updatedAt: now });
    return { result: undefined, audit: { action: 'roadmap.measure.create', entityType: 'roadmap_measure', entityId: row.id, organizationId: roadmap.organizationId, after: { roadmapId: id, title: row.title, responsible: row.responsible, dueOn: row.dueOn } } };
  });
  return present(db, ctx.actor, id, now);
}

/**
 * Changes a measure. The first time it is done, the residents subscribed to the roadmap's topics get a letter
 * through the outbox; the letter's key is the measure, so marking it done again sends nothing more.
 */
export async function updateMeasure(db: Db, ctx: RequestContext, id: string, measureId: string, input: UpdateMeasure, now: Date, publicBaseUrl: string): Promise<Roadmap> {
  const { roadmap } = await load(db, ctx.actor, id);
  roadmapPolicy.authorize(ctx.actor, 'edit', roadmap);
  await audited(db, ctx, async (tx) => {
    const { roadmap: current, municipalityName } = await load(tx, ctx.actor, id, true);
    const measure = await repo.findMeasure(tx, id, measureId, true);
    if (!measure) throw measureNotFound();
    const values = {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.responsible !== undefined ? { responsible: input.responsible.trim() } : {}),
      ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.note !== undefined ? { note: input.note.trim() || null } : {}),
    };
    const becameDone = input.status === 'done' && measure.status !== 'done';
    const row = await repo.updateMeasure(tx, measureId, { ...values, ...(becameDone ? { doneAt: now } : input.status && input.status !== 'done' ? { doneAt: null } : {}), updatedAt: now });
    let informed = 0;
    if (becameDone) {
      informed = await informSubscribers(tx, {
        organizationId: current.organizationId, topicCodes: current.topicCodes, at: now, publicBaseUrl, dedupePrefix: `roadmap-measure-done:${measureId}:`,
        subject: `${municipalityName}: выполнено мероприятие «${row.title}»`.slice(0, 250),
        text: `Администрация ${municipalityName} сообщает: выполнено мероприятие «${row.title}» дорожной карты «${current.title}».`
          + (row.note ? `\n\n${row.note}` : '') + '\n\nВы получили это письмо, потому что подписались на новости по этой теме.',
      });
    }
    const before = Object.fromEntries(Object.keys(values).map((k) => [k, measure[k as keyof typeof measure]]));
    return { result: undefined, audit: { action: 'roadmap.measure.update', entityType: 'roadmap_measure', entityId: measureId, organizationId: current.organizationId, before, after: { ...values, ...(becameDone ? { subscribersInformed: informed } : {}) } } };
  });
  return present(db, ctx.actor, id, now);
}

export async function addEvidence(db: Db, ctx: RequestContext, id: string, measureId: string, files: CheckedFile[], now: Date): Promise<Roadmap> {
  const { roadmap } = await load(db, ctx.actor, id);
  roadmapPolicy.authorize(ctx.actor, 'edit', roadmap);
  if (!(await repo.findMeasure(db, id, measureId))) throw measureNotFound();
  if (!files.length) throw validationFailed([{ field: 'files', message: 'Приложите хотя бы один файл' }]);
  await audited(db, ctx, async (tx) => {
    await storeFiles(tx, { type: 'roadmap_measure', id: measureId }, files, { organizationId: roadmap.organizationId, purpose: 'evidence', uploadedBy: ctx.actor.userId, at: now });
    return { result: undefined, audit: { action: 'roadmap.measure.evidence', entityType: 'roadmap_measure', entityId: measureId, organizationId: roadmap.organizationId, after: { files: files.map((f) => f.filename) } } };
  });
  return present(db, ctx.actor, id, now);
}

export async function getEvidence(db: Db, actor: Actor, id: string, measureId: string, fileId: string) {
  await load(db, actor, id);
  if (!(await repo.findMeasure(db, id, measureId))) throw measureNotFound();
  return findFile(db, { type: 'roadmap_measure', id: measureId }, fileId);
}

/** A comment of ЦУР or of the administration; a ЦУР comment notifies the administration's contact officials. */
export async function addComment(db: Db, ctx: RequestContext, id: string, text: string, now: Date): Promise<Roadmap> {
  const { roadmap } = await load(db, ctx.actor, id);
  roadmapPolicy.authorize(ctx.actor, 'comment', roadmap);
  const body = text.trim();
  if (!body) throw validationFailed([{ field: 'text', message: 'Напишите комментарий' }]);
  const side = isRegional(ctx.actor) ? 'cur' as const : 'municipality' as const;
  await audited(db, ctx, async (tx) => {
    await repo.insertComment(tx, { roadmapId: id, organizationId: roadmap.organizationId, authorId: ctx.actor.userId, side, text: body, createdAt: now });
    if (side === 'cur') {
      const contacts = await currentContacts(tx, roadmap.organizationId);
      await notify(tx, { userIds: contacts.userIds, organizationId: roadmap.organizationId, kind: 'roadmap.comment', title: `ЦУР прокомментировал дорожную карту «${roadmap.title}»`, body: body.slice(0, 300), entityType: 'roadmap', entityId: id, link: `/roadmaps/${id}` });
    }
    return { result: undefined, audit: { action: 'roadmap.comment', entityType: 'roadmap', entityId: id, organizationId: roadmap.organizationId, after: { side, text: body.slice(0, 500) } } };
  });
  return present(db, ctx.actor, id, now);
}
