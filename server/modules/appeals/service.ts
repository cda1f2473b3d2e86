// Use cases of the appeals registry; each returns the presented appeal (or list) for the actor.
import { randomUUID } from 'node:crypto';
import {
  availableActions, checkActionPayload, transition, CHANNEL_OF_SUB_CHANNEL, TRANSITION_REFUSAL_LABELS,
  PAYLOAD_PROBLEM_LABELS, STATUS_LABELS, type AppealAction, type AppealActor, type AppealContext, type DeadlineRules, type AppealStatus, type Channel, type SubChannel,
} from '../../../domain/appeals';
import { toLocalDate } from '../../../domain/calendar/localDate';
import { AUTHOR_PROBLEM_LABELS, checkAuthor, signatoriesOf } from '../../../domain/appeals/author';
import type { Db, Executor } from '../../db';
import type { organizations } from '../../db/schema';
import { heldMunicipality, heldOrganization } from '../organizations/repository';
import { topicTitle } from '../topics/repository';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited, auditRow } from '../../platform/audit';
import { AppError, badRequest, notFound, validationFailed } from '../../platform/errors';
import { inScope, isRegional, scopeOf } from '../../platform/policy';
import { appealPolicy } from './policy';
import { notify } from '../../platform/notifications';
import { emitEvent } from '../../platform/webhooks';
import { isUniqueViolation } from '../../platform/db-errors';
import { countFiles, findFile, listFiles, storeFiles, type CheckedFile } from '../../platform/files';
import * as repo from './repository';
import { deadlineState, deadlinesOf, dueSoonUntil, loadDeadlineRules } from './deadlines';
import { STEPS } from './steps';
import { presentAppeal, presentListItem } from './present';
import { intakeSignals, loadTextDetection } from './signals';
import { countPlannedCluster, openPlannedCluster, planCluster, reassign } from '../clusters/service';
import { placeOf } from '../../text/place';
import type { Appeal, AppealFilter, BulkActionBody, BulkActionResult, CreateAppeal, UpdateAppeal } from './schema';
import { isUuid } from '../../platform/http';
import { autoTopic, recordTopic, suggestionsFor } from '../text/service';

const appealNotFound = () => notFound('appeal_not_found', 'Обращение не найдено');
type Org = typeof organizations.$inferSelect;

export function formatNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

async function orgOf(db: Executor, id: string): Promise<Org> {
  return (await heldOrganization(db, id))!;
}

/** Loads an appeal the actor may see, or answers 404 as if it did not exist. */
async function visibleAppeal(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<repo.AppealRow> {
  if (!isUuid(id)) throw appealNotFound();
  const row = await repo.findAppeal(db, id, forUpdate);
  if (!row || !inScope(actor, row.organizationId)) throw appealNotFound();
  return row;
}

/** The machine's context of an appeal, with the installation's deadline rules (they say which channels extend). */
function contextOfRow(row: repo.AppealRow, rules: DeadlineRules): AppealContext {
  return { channel: row.channel as Channel, extended: row.extensionDays !== null, onControl: row.onControl, rules };
}

export async function present(db: Db, row: repo.AppealRow, actor: Actor | null, now: Date): Promise<Appeal> {
  const related = await repo.relatedOf(db, row);
  const files = (await listFiles(db, { type: 'appeal', id: row.id }))
    .map((f) => ({ id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size, purpose: f.purpose, createdAt: f.createdAt.toISOString() }));
  const actions = actor ? availableActions(row.status as AppealStatus, actor.role, contextOfRow(row, await loadDeadlineRules(db))) : [];
  const can = actor ? appealPolicy.capabilities(actor, row) : { edit: false, upload: false, comment: false };
  return presentAppeal(row, related, deadlineState(row, now, related.timeZone), files, actions, can, await suggestionsFor(db, row.text, row.organizationId));
}

async function resolveMunicipality(db: Executor, actor: Actor, slug: string | undefined): Promise<Org> {
  if (!isRegional(actor)) {
    const own = await orgOf(db, actor.organizationId);
    if (slug && slug !== own.slug) throw notFound('municipality_not_found', 'Муниципальное образование не найдено');
    return own;
  }
  if (!slug) throw validationFailed([{ field: 'municipality', message: 'Укажите муниципальное образование' }]);
  const org = await heldMunicipality(db, slug);
  if (!org || !org.active) throw validationFailed([{ field: 'municipality', message: 'Муниципальное образование не найдено' }]);
  return org;
}

/** The title of the chosen topic; answers 422 when the classifier has no such active topic. */
async function checkTopic(db: Executor, code: string | null | undefined): Promise<string | null> {
  if (!code) return null;
  const title = await topicTitle(db, code, { active: true });
  if (title === null) throw validationFailed([{ field: 'topic', message: 'Нет такой темы в классификаторе' }]);
  return title;
}

export interface IntakeInput extends CreateAppeal {
  status?: 'received' | 'registered';
  trackingCodeHash?: string | null;
}

/** What registration knows of a new appeal's relations, so that its card is presented without reading them back. */
export interface Registered {
  topicTitle: string | null;
  repeatOfNumber: string | null;
  resendOfNumber: string | null;
  cluster: { title: string; size: number } | null;
}

/**
 * Registers a new appeal (or returns the one already known under the same external id).
 * Returns `{row, created}` (and, for a new appeal, what it is linked to); the caller answers 201 or 200.
 *
 * Everything that is read (the earlier appeals of the author, the place's cluster, the settings) is read
 * first; the appeal, its number, its first event, its audit row and its topic's mark are then written by one
 * statement, so that the counter of the municipality's numbers is locked only while it runs. Files and a new
 * cluster add a transaction around it.
 */
export async function intake(
  db: Db, ctx: RequestContext | null, org: Org, input: IntakeInput, now: Date, files: CheckedFile[] = [],
): Promise<{ row: repo.AppealRow; created: boolean; registered?: Registered }> {
  const channel = input.channel as Channel;
  const subChannel = (input.subChannel ?? defaultSubChannel(channel)) as SubChannel;
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  const status = input.status ?? 'registered';
  const registeredAt = status === 'registered' ? (input.registeredAt ? new Date(input.registeredAt) : now) : null;
  const problems = [];
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) problems.push({ field: 'receivedAt', message: 'Дата поступления не может быть в будущем' });
  if (registeredAt && registeredAt.getTime() > now.getTime() + 5 * 60_000) problems.push({ field: 'registeredAt', message: 'Дата регистрации не может быть в будущем' });
  if (registeredAt && registeredAt < receivedAt) problems.push({ field: 'registeredAt', message: 'Дата регистрации раньше даты поступления' });
  if (input.subChannel && CHANNEL_OF_SUB_CHANNEL[subChannel] !== channel && !(channel === 'fz59' && subChannel === 'phone')) {
    problems.push({ field: 'subChannel', message: 'Способ поступления не относится к этому каналу' });
  }
  if (problems.length) throw validationFailed(problems);
  const externalId = input.externalId?.trim() || null;
  if (externalId) {
    const existing = await repo.findByExternalId(db, org.id, channel, externalId);
    if (existing) return { row: existing, created: false };
  }
  const chosenTitle = await checkTopic(db, input.topic);
  if (input.department && !(await repo.findDepartmentOf(db, org.id, input.department))) {
    throw validationFailed([{ field: 'department', message: 'Такого подразделения нет в этой администрации' }]);
  }
  // A person registering the appeal chooses its topic; an import or the citizen's form may have it filed by the suggestion.
  const byPerson = ctx !== null && !ctx.actor.viaToken;
  const filed = input.topic ? null : byPerson ? null : await autoTopic(db, input.text);
  const topicCode = input.topic || filed || null;
  const rules = await loadDeadlineRules(db);
  const deadlines = deadlinesOf({ channel, receivedAt, registeredAt, extensionDays: null }, org.timeZone, rules);
  const author = input.author ?? {};
  const authorKind = author.kind ?? (author.surname || author.name ? 'person' : 'anonymous');
  const authorProblems = checkAuthor({ ...author, kind: authorKind });
  if (authorProblems.length) throw validationFailed(authorProblems.map((p) => ({ field: `author.${p.field}`, message: AUTHOR_PROBLEM_LABELS[p.problem] })));
  const signers = authorKind === 'collective' ? (author.signers ?? []).map((s) => ({ surname: s.surname.trim(), name: s.name.trim(), patronymic: clean(s.patronymic), postalAddress: clean(s.postalAddress) })) : [];
  const detection = await loadTextDetection(db);
  const year = Number(toLocalDate(registeredAt ?? receivedAt, org.timeZone).slice(0, 4));
  let repeatOf: { id: string; number: string } | null = null;
  if (input.repeatOf) {
    const previous = isUuid(input.repeatOf) ? await repo.findAppeal(db, input.repeatOf) : await repo.findByNumber(db, input.repeatOf);
    if (!previous || previous.organizationId !== org.id) throw validationFailed([{ field: 'repeatOf', message: 'Предыдущее обращение не найдено' }]);
    repeatOf = { id: previous.id, number: previous.number };
  }
  const text = input.text.trim();
  const address = clean(input.address);
  const signals = await intakeSignals(db, org.id, authorKind === 'anonymous' ? {} : author, text, address, receivedAt, detection);
  // 59-ФЗ: the same author on the same question is a repeated appeal, unless the person registering says otherwise.
  if (!repeatOf && signals.repeatOf && input.repeated !== false) repeatOf = signals.repeatOf;
  const id = randomUUID();
  const intakeAppeal = {
    id, organizationId: org.id, text, authorKeys: signals.authorKeys, placeStreet: signals.place?.street ?? null, placeHouse: signals.place?.house ?? null,
    receivedAt, placeLabel: address ?? signals.place?.label ?? null, topicCode,
  };
  // A re-send waits to be merged with its original; it does not make a cluster bigger.
  const plan = signals.resendOf ? null : await planCluster(db, intakeAppeal, detection.clusterWindowDays);
  const repeated = input.repeated ?? repeatOf !== null;
  const signalled = { repeated, repeatOf: repeatOf?.id ?? null, resendOf: signals.resendOf?.id ?? null, tone: signals.tone, language: signals.language };
  const write = async (tx: Executor, clusterId: string | null) => repo.registerAppeal(tx, {
    prefix: org.numberPrefix,
    values: {
      id, organizationId: org.id, year,
      channel, subChannel, externalId, receivedAt, registeredAt, status,
      authorKind, authorSurname: clean(author.surname), authorName: clean(author.name), authorPatronymic: clean(author.patronymic),
      authorEmail: clean(author.email), authorPhone: clean(author.phone), authorPostalAddress: clean(author.postalAddress),
      authorOrganization: clean(author.organization),
      authorInn: authorKind === 'legal_entity' ? clean(author.inn) : null,
      authorSigners: signers.length ? signers : null, signatories: signatoriesOf({ ...author, kind: authorKind }) ?? author.signatories ?? null,
      text, address, latitude: input.location?.latitude ?? null, longitude: input.location?.longitude ?? null,
      topicCode, kind: input.kind ?? null, departmentId: input.department ?? null, repeated, onControl: input.onControl ?? false,
      repeatOfId: repeatOf?.id ?? null, deadlineRegister: deadlines.register, deadlineForward: deadlines.forward, deadlineAnswer: deadlines.answer,
      trackingCodeHash: input.trackingCodeHash ?? null, createdAt: now, updatedAt: now,
      authorKeys: signals.authorKeys, resendOfId: signals.resendOf?.id ?? null, clusterId,
      placeStreet: intakeAppeal.placeStreet, placeHouse: intakeAppeal.placeHouse, language: signals.language, tone: signals.tone,
    },
    event: {
      appealId: id, organizationId: org.id, at: now, actorId: ctx?.actor.userId ?? null,
      kind: ctx ? 'action' : 'citizen', action: status === 'registered' ? 'register' : 'receive', toStatus: status,
      payload: { channel, subChannel, attachments: files.length },
    },
    audit: auditRow(ctx, {
      action: 'appeal.create', entityType: 'appeal', entityId: id, organizationId: org.id,
      after: { channel, status, ...signalled, cluster: clusterId },
    }) as Parameters<typeof repo.registerAppeal>[1]['audit'],
    topicMark: topicCode ? { appealId: id, organizationId: org.id, topicCode, source: filed ? 'model' : byPerson ? 'person' : 'import', setBy: byPerson ? ctx.actor.userId : null, at: now } : null,
  });
  try {
    let cluster: Registered['cluster'] = null;
    const row = await (db as Db).transaction(async (tx) => {
      if (files.length) await storeFiles(tx, { type: 'appeal', id }, files, { organizationId: org.id, purpose: 'appeal', uploadedBy: ctx?.actor.userId ?? null });
      const clusterId = plan ? await openPlannedCluster(tx, plan, intakeAppeal, now) : null;
      const created = await write(tx, clusterId);
      if (clusterId) {
        const counted = await countPlannedCluster(tx, clusterId, now);
        if (counted) cluster = { title: counted.title, size: counted.size };
      }
      await emitEvent(tx, { type: 'appeal.created', organizationId: org.id, municipality: org.slug, at: now, data: {
        id, number: created.number, channel, subChannel, status, topic: topicCode, receivedAt: receivedAt.toISOString(),
      } });
      return created;
    });
    const title = chosenTitle ?? (filed ? await topicTitle(db, filed) : null);
    return { row, created: true, registered: { topicTitle: title, repeatOfNumber: repeatOf?.number ?? null, resendOfNumber: signals.resendOf?.number ?? null, cluster } };
  } catch (error) {
    if (externalId && isUniqueViolation(error, 'appeals_external_key')) {
      const existing = await repo.findByExternalId(db, org.id, channel, externalId);
      if (existing) return { row: existing, created: false };
    }
    throw error;
  }
}

function clean(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

function defaultSubChannel(channel: Channel): SubChannel {
  return ({ fz59: 'letter', pos: 'pos', social: 'incident_management', voice: 'voice_system', survey: 'survey', other: 'other' } as const)[channel];
}

export async function createAppeal(db: Db, ctx: RequestContext, input: CreateAppeal, now: Date) {
  const org = await resolveMunicipality(db, ctx.actor, input.municipality);
  const { row, created, registered } = await intake(db, ctx, org, input, now);
  return { appeal: registered ? await presentRegistered(db, row, org, registered, ctx.actor, now) : await present(db, row, ctx.actor, now), created };
}

/** The card of an appeal just registered without files, from what registration wrote and knows: nothing is read back. */
async function presentRegistered(db: Db, row: repo.AppealRow, org: Org, registered: Registered, actor: Actor, now: Date): Promise<Appeal> {
  const related = {
    municipality: org.slug, municipalityName: org.shortName, timeZone: org.timeZone, topicTitle: registered.topicTitle,
    departmentName: null, executorName: null, submittedByName: null, approvedByName: null,
    repeatOfNumber: registered.repeatOfNumber, resendOfNumber: registered.resendOfNumber,
    clusterTitle: registered.cluster?.title ?? null, clusterSize: registered.cluster?.size ?? null,
  };
  const actions = availableActions(row.status as AppealStatus, actor.role, contextOfRow(row, await loadDeadlineRules(db)));
  return presentAppeal(row, related, deadlineState(row, now, org.timeZone), [], actions, appealPolicy.capabilities(actor, row), await suggestionsFor(db, row.text, row.organizationId));
}

export async function getAppeal(db: Db, actor: Actor, id: string, now: Date): Promise<Appeal> {
  return present(db, await visibleAppeal(db, actor, id), actor, now);
}

export async function listAppeals(db: Db, actor: Actor, filter: AppealFilter, now: Date) {
  const query = { scope: scopeOf(actor), filter, now, dueSoonUntil: dueSoonUntil(toLocalDate(now, actor.timeZone)) };
  const { rows, nextCursor } = await repo.listAppeals(db, query);
  // The count costs far more than a page: it runs for the first page (or on request), once per filter while the
  // registry does not change, and not at all when the first page already holds the whole selection.
  const counted = (filter.total ?? !filter.cursor)
    ? (!filter.cursor && nextCursor === null ? rows.length : await repo.countAppealsOnce(db, query))
    : null;
  return {
    items: rows.map((r) => presentListItem(r, deadlineState(r, now, r.timeZone))),
    nextCursor,
    total: counted === null ? null : Math.min(counted, repo.COUNT_CAP),
    totalCapped: counted !== null && counted > repo.COUNT_CAP,
  };
}

export async function updateAppeal(db: Db, ctx: RequestContext, id: string, input: UpdateAppeal, now: Date): Promise<Appeal> {
  const row = await audited(db, ctx, async (tx) => {
    const current = await visibleAppeal(tx, ctx.actor, id, true);
    appealPolicy.authorize(ctx.actor, 'edit', current);
    await checkTopic(tx, input.topic);
    const values: Partial<repo.NewAppealRow> = {};
    if (input.topic !== undefined) values.topicCode = input.topic || null;
    if (input.kind !== undefined) values.kind = input.kind;
    if (input.address !== undefined) values.address = clean(input.address);
    if (input.location !== undefined) { values.latitude = input.location?.latitude ?? null; values.longitude = input.location?.longitude ?? null; }
    if (input.repeated !== undefined) values.repeated = input.repeated;
    // Unsetting «repeated» drops the reference to the earlier appeal too.
    if (input.repeated === false) values.repeatOfId = null;
    if (input.onControl !== undefined) values.onControl = input.onControl;
    if (input.department !== undefined) {
      if (input.department && !(await repo.findDepartmentOf(tx, current.organizationId, input.department))) {
        throw validationFailed([{ field: 'department', message: 'Такого подразделения нет в этой администрации' }]);
      }
      values.departmentId = input.department;
    }
    // A collective appeal is one from a group of people; unsetting it makes the author one person again.
    if (input.collective === true && current.authorKind !== 'collective') values.authorKind = 'collective';
    if (input.collective === false && current.authorKind === 'collective') values.authorKind = 'person';
    const placeChanged = values.address !== undefined && values.address !== current.address;
    if (placeChanged) {
      const place = placeOf(values.address, current.text);
      values.placeStreet = place?.street ?? null;
      values.placeHouse = place?.house ?? null;
    }
    let updated = await repo.updateAppeal(tx, id, values, now);
    // Another place or another topic may be another problem: the appeal finds its cluster again.
    const topicChanged = values.topicCode !== undefined && values.topicCode !== current.topicCode;
    if ((placeChanged || topicChanged) && !current.resendOfId && !current.duplicateOfId) {
      const clusterId = await reassign(tx, {
        id, organizationId: current.organizationId, text: current.text, authorKeys: current.authorKeys ?? [], placeStreet: updated.placeStreet,
        placeHouse: updated.placeHouse, receivedAt: current.receivedAt, placeLabel: updated.address ?? placeOf(null, current.text)?.label ?? null,
        topicCode: updated.topicCode, clusterId: current.clusterId,
      }, (await loadTextDetection(tx)).clusterWindowDays, now);
      if (clusterId !== current.clusterId) values.clusterId = clusterId;
      updated = { ...updated, clusterId };
    }
    // Setting the topic again, even to the one it had, is a person's confirmation the model learns from.
    if (input.topic !== undefined) await recordTopic(tx, { appealId: id, organizationId: current.organizationId, topicCode: values.topicCode ?? null, source: 'person', setBy: ctx.actor.userId, at: now });
    await repo.addEvent(tx, { appealId: id, organizationId: current.organizationId, at: now, actorId: ctx.actor.userId, kind: 'action', action: 'update', payload: input });
    return { result: updated, audit: { action: 'appeal.update', entityType: 'appeal', entityId: id, organizationId: current.organizationId, before: pick(current, Object.keys(values)), after: values } };
  });
  return present(db, row, ctx.actor, now);
}

function pick(row: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}

/** The step's values as the audit stores them: never the hash of the author's code. */
function withoutSecrets(values: Partial<repo.NewAppealRow>): Partial<repo.NewAppealRow> {
  const { trackingCodeHash: _hidden, ...rest } = values;
  return rest;
}

/** Performs one step of the life cycle. Every refusal is a 4xx with a Russian message. */
export async function performAction(db: Db, ctx: RequestContext | null, actorKind: AppealActor, id: string, action: string, body: unknown, now: Date, publicBaseUrl = ''): Promise<repo.AppealRow> {
  const row = await audited(db, ctx, async (tx) => {
    const current = ctx ? await visibleAppeal(tx, ctx.actor, id, true) : await repo.findAppeal(tx, id, true);
    if (!current) throw appealNotFound();
    const outcome = transition(current.status as AppealStatus, action, actorKind, contextOfRow(current, await loadDeadlineRules(tx)));
    if (!outcome.ok) {
      const message = TRANSITION_REFUSAL_LABELS.ru[outcome.reason];
      if (outcome.reason === 'unknown_action') throw notFound('unknown_action', message);
      if (outcome.reason === 'role_forbidden') throw new AppError(403, 'action_forbidden', message);
      throw new AppError(409, outcome.reason, `${message} (статус: ${STATUS_LABELS.ru[current.status as AppealStatus]})`);
    }
    const checked = checkActionPayload(action as AppealAction, body, actorKind);
    if (!checked.ok) {
      throw validationFailed(checked.problems.map((p) => ({ field: p.field, message: PAYLOAD_PROBLEM_LABELS.ru[p.code] })));
    }
    const org = await orgOf(tx, current.organizationId);
    const { values, note, notifyUsers } = await STEPS[action as AppealAction]({ tx, ctx, p: checked.payload as Record<string, unknown>, current, org, now, publicBaseUrl });
    const updated = await repo.updateAppeal(tx, id, { ...values, status: outcome.to }, now);
    await repo.addEvent(tx, {
      appealId: id, organizationId: current.organizationId, at: now, actorId: ctx?.actor.userId ?? null, kind: ctx ? 'action' : 'system',
      action, fromStatus: current.status, toStatus: outcome.to, note, payload: checked.payload,
    });
    await emitAppealStep(tx, current, updated, action, now);
    for (const n of notifyUsers) await notify(tx, { ...n, organizationId: current.organizationId, entityType: 'appeal', entityId: id, link: `/appeals/${id}` });
    return {
      result: updated,
      audit: { action: `appeal.${action}`, entityType: 'appeal', entityId: id, organizationId: current.organizationId, before: { status: current.status }, after: { status: outcome.to, ...withoutSecrets(values) } },
    };
  });
  return row;
}

/** The step's events for integrators: a change of status, and the answer once it is given. */
async function emitAppealStep(tx: Executor, before: repo.AppealRow, after: repo.AppealRow, action: string, now: Date): Promise<void> {
  const base = { id: after.id, number: after.number };
  if (after.status !== before.status) {
    await emitEvent(tx, { type: 'appeal.status_changed', organizationId: after.organizationId, at: now, data: { ...base, action, from: before.status, to: after.status } });
  }
  if (after.status === 'answered' && before.status !== 'answered') {
    await emitEvent(tx, { type: 'appeal.answered', organizationId: after.organizationId, at: now, data: { ...base, result: after.answerResult, answeredAt: (after.answeredAt ?? now).toISOString() } });
  }
}

export async function act(db: Db, ctx: RequestContext, id: string, action: string, body: unknown, now: Date, publicBaseUrl = ''): Promise<Appeal> {
  const row = await performAction(db, ctx, ctx.actor.role, id, action, body, now, publicBaseUrl);
  return present(db, row, ctx.actor, now);
}

export async function addComment(db: Db, ctx: RequestContext, id: string, text: string, now: Date): Promise<void> {
  await audited(db, ctx, async (tx) => {
    const current = await visibleAppeal(tx, ctx.actor, id);
    await repo.addEvent(tx, { appealId: id, organizationId: current.organizationId, at: now, actorId: ctx.actor.userId, kind: 'comment', note: text.trim() });
    return { result: undefined, audit: { action: 'appeal.comment', entityType: 'appeal', entityId: id, organizationId: current.organizationId, after: { text: text.trim() } } };
  });
}

export async function getTimeline(db: Db, actor: Actor, id: string) {
  await visibleAppeal(db, actor, id);
  return (await repo.timeline(db, id)).map(({ event, actorName }) => ({
    id: event.id, at: event.at.toISOString(), kind: event.kind, action: event.action, fromStatus: event.fromStatus, toStatus: event.toStatus,
    note: event.note, actor: event.actorId ? { id: event.actorId, fullName: actorName ?? '' } : null, payload: event.payload,
  }));
}

export async function addAttachments(db: Db, ctx: RequestContext, id: string, files: CheckedFile[], purpose: 'appeal' | 'answer', now: Date): Promise<Appeal> {
  if (files.length === 0) throw badRequest('no_files', 'Приложите хотя бы один файл');
  const row = await audited(db, ctx, async (tx) => {
    const current = await visibleAppeal(tx, ctx.actor, id);
    appealPolicy.authorize(ctx.actor, 'upload', current);
    if (await countFiles(tx, { type: 'appeal', id }) + files.length > 20) throw new AppError(413, 'too_many_files', 'К обращению можно приложить не более 20 файлов');
    await storeFiles(tx, { type: 'appeal', id }, files, { organizationId: current.organizationId, purpose, uploadedBy: ctx.actor.userId, at: now });
    await repo.addEvent(tx, { appealId: id, organizationId: current.organizationId, at: now, actorId: ctx.actor.userId, kind: 'action', action: 'attach', payload: { files: files.map((f) => f.filename), purpose } });
    return { result: current, audit: { action: 'appeal.attach', entityType: 'appeal', entityId: id, organizationId: current.organizationId, after: { files: files.map((f) => ({ filename: f.filename, size: f.size, sha256: f.sha256 })) } } };
  });
  return present(db, row, ctx.actor, now);
}

export async function getAttachment(db: Db, actor: Actor, id: string, attachmentId: string) {
  await visibleAppeal(db, actor, id);
  return findFile(db, { type: 'appeal', id }, attachmentId, 'attachment_not_found');
}

/**
 * One step on many appeals: each goes through `performAction` on its own — the lifecycle's rules, the policy,
 * its own transaction and audit row — so one refusal does not undo the others; every refusal is reported.
 */
export async function bulkAct(db: Db, ctx: RequestContext, input: BulkActionBody, now: Date, publicBaseUrl = ''): Promise<BulkActionResult> {
  // What the whole selection lacks is said once, before any appeal is touched.
  if (input.action === 'assign' && !input.payload?.departmentId) throw validationFailed([{ field: 'payload.departmentId', message: 'Выберите подразделение' }]);
  const numbers = await repo.numbersOf(db, input.ids);
  const items: BulkActionResult['items'] = [];
  for (const id of input.ids) {
    // An appeal of another municipality is as unknown as a missing one.
    const visible = await repo.findAppeal(db, id);
    const number = visible && inScope(ctx.actor, visible.organizationId) ? numbers.get(id) ?? null : null;
    try {
      const row = await performAction(db, ctx, ctx.actor.role, id, input.action, input.action === 'assign' ? input.payload ?? {} : {}, now, publicBaseUrl);
      items.push({ id, number: row.number, ok: true, status: row.status, code: null, message: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const details = error.details?.map((d) => d.message).join('; ');
      items.push({ id, number, ok: false, status: null, code: error.code, message: details ? `${error.message}: ${details}` : error.message });
    }
  }
  const done = items.filter((i) => i.ok).length;
  return { done, failed: items.length - done, items };
}
