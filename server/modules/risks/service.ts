// Use cases of information risks (§7): registration, the signal to the contact official, the two
// 3-hour clocks, versions of the comment, agreement, publication and closing.
import { sectorCuratorsOfTopic } from '../analytics/service';
import {
  availableRiskActions, clockDeadline, clockState, OPEN_RISK_STATUSES, riskTransition, RISK_ACTION_LABELS, RISK_LEVEL_LABELS,
  RISK_PLATFORM_LABELS, RISK_REFUSAL_LABELS, type RiskAction, type RiskOutcome, type RiskStatus,
} from '../../../domain/risks';
import { toLocalDate } from '../../../domain/calendar/localDate';
import type { Db, Executor } from '../../db';
import { findFile, listFiles, storeFiles, type CheckedFile } from '../../platform/files';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { emitEvent } from '../../platform/webhooks';
import { AppError, forbidden, notFound, validationFailed, type FieldError } from '../../platform/errors';
import { authorize, isRegional } from '../../platform/policy';
import { riskPolicy } from './policy';
import { notify } from '../../platform/notifications';
import { enqueueMail } from '../../platform/mail';
import { currentContacts } from '../contacts/repository';
import { RISK_STEPS } from './steps';
import * as repo from './repository';
import type { Risk, RiskFilter, CreateRisk, ActionBody } from './schema';
import { findMunicipalityBySlug, findOrganization, type OrganizationRow } from '../organizations/repository';
import { topicExists } from '../topics/repository';
import { isUuid } from '../../platform/http';
import { nextInSequence } from '../../platform/numbering';
import { activeHeads, activeRegionalStaff, userNames } from '../users/repository';

type RiskRow = repo.RiskRow;
type Org = OrganizationRow;
const riskNotFound = () => notFound('risk_not_found', 'Информационный риск не найден');
const iso = (d: Date | null) => d?.toISOString() ?? null;

async function nextNumber(tx: Executor, year: number): Promise<string> {
  return `ИР-${year}-${String(await nextInSequence(tx, 'risk', year)).padStart(5, '0')}`;
}

export function clocksOf(row: Pick<RiskRow, 'deadlineCurProposal' | 'curProposalAt' | 'deadlineDraft' | 'draftAt' | 'status'>, now: Date) {
  const closed = row.status === 'closed';
  // Once a risk is closed without the step, its clock stops where it was: overdue stays overdue.
  const curProposal = clockState(row.deadlineCurProposal, row.curProposalAt, now);
  const draft = clockState(row.deadlineDraft, row.draftAt, now);
  const stopped = (c: typeof curProposal) => (closed && (c.state === 'running' || c.state === 'due_soon') ? { ...c, state: 'not_started' as const, leftMs: null } : c);
  return { curProposal: stopped(curProposal), draft: stopped(draft) };
}

function presentClock(c: ReturnType<typeof clockState>) {
  return { deadline: iso(c.deadline), doneAt: iso(c.doneAt), state: c.state, leftMs: c.leftMs === null ? null : Math.round(c.leftMs) };
}

const isLate = (c: ReturnType<typeof clockState>) => c.state === 'overdue' || c.state === 'late';

async function visibleRisk(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<RiskRow> {
  const row = isUuid(id) ? await repo.findVisible(db, actor, id, { forUpdate }) : null;
  if (!row) throw riskNotFound();
  return row;
}

export async function present(db: Executor, row: RiskRow, actor: Actor, now: Date): Promise<Risk> {
  const org = (await findOrganization(db, row.organizationId))!;
  const versions = await repo.versions(db, row.id);
  const files = (await listFiles(db, { type: 'risk', id: row.id }))
    .map((f) => ({ id: f.id, purpose: f.purpose, filename: f.filename, mimeType: f.mimeType, size: f.size }));
  const curatorName = row.curatorId ? (await userNames(db, [row.curatorId])).get(row.curatorId) : undefined;
  const curator = row.curatorId && curatorName !== undefined ? { id: row.curatorId, fullName: curatorName } : undefined;
  const clocks = clocksOf(row, now);
  const sectorCurators = await sectorCuratorsOfTopic(db, row.topicCode);
  return {
    id: row.id, number: row.number, municipality: org.slug, municipalityName: org.shortName, link: row.link, platform: row.platform as Risk['platform'],
    sourceName: row.sourceName, publishedAt: iso(row.publishedAt), detectedAt: row.detectedAt.toISOString(), text: row.text,
    reach: { views: row.reachViews, comments: row.reachComments, reposts: row.reachReposts }, topic: row.topicCode,
    kind: row.kind as Risk['kind'], level: row.level as Risk['level'], status: row.status, registeredBySide: row.registeredBySide,
    curator: curator ?? null,
    sectorCurators,
    deadlines: { curProposal: row.deadlineCurProposal.toISOString(), draft: iso(row.deadlineDraft) },
    steps: {
      signalReceivedAt: iso(row.signalReceivedAt), acknowledgedAt: iso(row.acknowledgedAt), curProposalAt: iso(row.curProposalAt), draftAt: iso(row.draftAt),
      headApprovedAt: iso(row.headApprovedAt), curApprovedAt: iso(row.curApprovedAt), publicationAt: iso(row.publicationAt), closedAt: iso(row.closedAt),
    },
    clocks: { curProposal: presentClock(clocks.curProposal), draft: presentClock(clocks.draft) },
    overdue: isLate(clocks.curProposal) || isLate(clocks.draft),
    publication: row.publicationAt && row.publicationText ? { place: row.publicationPlace, link: row.publicationLink, at: row.publicationAt.toISOString(), text: row.publicationText } : null,
    outcome: row.outcome as RiskOutcome | null,
    versions: versions.map(({ v, author }) => ({ id: v.id, version: v.version, kind: v.kind, side: v.side, text: v.text, createdAt: v.createdAt.toISOString(), author: v.authorId ? { id: v.authorId, fullName: author ?? '' } : null })),
    files,
    actions: availableRiskActions({ status: row.status as RiskStatus, headApproved: !!row.headApprovedAt, curApproved: !!row.curApprovedAt }, actor.role),
    can: riskPolicy.capabilities(actor, row),
    createdAt: row.createdAt.toISOString(),
  };
}

function curAnalysts(db: Executor) {
  return activeRegionalStaff(db, ['cur_analyst']);
}

export async function createRisk(db: Db, ctx: RequestContext, input: CreateRisk, now: Date, publicBaseUrl: string): Promise<Risk> {
  const actor = ctx.actor;
  authorize(actor, 'risks.create', () => forbidden('forbidden', 'Регистрирует риск ЦУР или контактное лицо администрации'));
  let org: Org | undefined;
  if (isRegional(actor)) {
    if (!input.municipality) throw validationFailed([{ field: 'municipality', message: 'Укажите муниципальное образование' }]);
    org = (await findMunicipalityBySlug(db, input.municipality)) ?? undefined;
    if (!org) throw validationFailed([{ field: 'municipality', message: 'Муниципальное образование не найдено' }]);
  } else {
    org = (await findOrganization(db, actor.organizationId))!;
    if (input.municipality && input.municipality !== org.slug) throw notFound('municipality_not_found', 'Муниципальное образование не найдено');
  }
  const detectedAt = input.detectedAt ? new Date(input.detectedAt) : now;
  const problems: FieldError[] = [];
  if (detectedAt.getTime() > now.getTime() + 5 * 60_000) problems.push({ field: 'detectedAt', message: 'Время выявления не может быть в будущем' });
  if (input.publishedAt && new Date(input.publishedAt) > detectedAt) problems.push({ field: 'publishedAt', message: 'Публикация не может быть позже её выявления' });
  if (input.topic) {
    if (!(await topicExists(db, input.topic))) problems.push({ field: 'topic', message: 'Нет такой темы в классификатора' });
  }
  if (problems.length) throw validationFailed(problems);
  const municipalSide = !isRegional(actor);
  const row = await audited(db, ctx, async (tx) => {
    const number = await nextNumber(tx, Number(toLocalDate(detectedAt, org!.timeZone).slice(0, 4)));
    const created = await repo.insertRisk(tx, {
      organizationId: org!.id, number, link: input.link || null, platform: input.platform, sourceName: input.sourceName?.trim() || null,
      publishedAt: input.publishedAt ? new Date(input.publishedAt) : null, detectedAt, text: input.text.trim(),
      reachViews: input.reach?.views ?? null, reachComments: input.reach?.comments ?? null, reachReposts: input.reach?.reposts ?? null,
      topicCode: input.topic || null, kind: input.kind, level: input.level,
      // A municipality that registers a risk itself has the signal already. Otherwise the signal is delivered
      // now (in the app and by e-mail, in this transaction), and the administration's clock starts at delivery
      // (§10.3), whether or not anyone opens it.
      status: municipalSide ? 'acknowledged' : 'detected',
      signalReceivedAt: now, acknowledgedAt: municipalSide ? now : null, acknowledgedBy: municipalSide ? actor.userId : null,
      deadlineCurProposal: clockDeadline(detectedAt), deadlineDraft: clockDeadline(now),
      registeredBy: actor.userId, registeredBySide: municipalSide ? 'municipality' : 'cur', curatorId: municipalSide ? null : actor.userId,
      createdAt: now, updatedAt: now,
    });
    await repo.addEvent(tx, { riskId: created.id, organizationId: org!.id, at: now, actorId: actor.userId, action: 'register', toStatus: created.status });
    await emitEvent(tx, { type: 'risk.registered', organizationId: org!.id, at: now, data: {
      id: created.id, number, platform: input.platform, kind: input.kind, level: input.level, status: created.status, link: created.link, detectedAt: detectedAt.toISOString(),
    } });
    // The contact official hears of it at once: in the app and by e-mail (§7).
    const contacts = await currentContacts(tx, org!.id);
    const heads = await activeHeads(tx, org!.id);
    const title = `${number}: ${RISK_LEVEL_LABELS.ru[input.level].toLowerCase()} уровень — ${RISK_PLATFORM_LABELS.ru[input.platform]}`;
    const body = `${input.text.trim().slice(0, 300)}\n\nСрок предложения ЦУР и проекта комментария — 3 часа.`;
    const recipients = municipalSide ? (await curAnalysts(tx)).map((r) => r.id) : [...contacts.userIds, ...heads.map((h) => h.id)];
    await notify(tx, { userIds: recipients, organizationId: org!.id, kind: 'risk.detected', title: `Информационный риск ${title}`, body, entityType: 'risk', entityId: created.id, link: `/risks/${created.id}` });
    // The duty mailbox the ЦУР administrator set for the municipality gets the signal too.
    for (const email of municipalSide ? [] : [...new Set([...contacts.emails, ...(org!.signalEmail ? [org!.signalEmail] : [])])]) {
      await enqueueMail(tx, { at: now,
        to: email,
        subject: `Сигнал ЦУР: информационный риск ${number}`,
        text: [
          `Центр управления региона выявил публикацию, которая требует реакции администрации (${org!.shortName}).`,
          '', `Площадка: ${RISK_PLATFORM_LABELS.ru[input.platform]}${input.link ? `, ${input.link}` : ''}`, `Уровень: ${RISK_LEVEL_LABELS.ru[input.level]}`,
          '', input.text.trim().slice(0, 2000), '',
          'Подтвердите получение сигнала и направьте проект официального комментария в течение 3 часов:',
          `${publicBaseUrl}/risks/${created.id}`,
        ].join('\n'),
        dedupeKey: `risk:${created.id}:detected:${email}`,
      });
    }
    return { result: created, audit: { action: 'risk.create', entityType: 'risk', entityId: created.id, organizationId: org!.id, after: { number, level: input.level, kind: input.kind, platform: input.platform } } };
  });
  return present(db, row, actor, now);
}

export async function getRisk(db: Db, actor: Actor, id: string, now: Date): Promise<Risk> {
  return present(db, await visibleRisk(db, actor, id), actor, now);
}

export async function act(db: Db, ctx: RequestContext, id: string, action: string, body: ActionBody, now: Date): Promise<Risk> {
  const row = await audited(db, ctx, async (tx) => {
    const current = await visibleRisk(tx, ctx.actor, id, true);
    const state = { status: current.status as RiskStatus, headApproved: !!current.headApprovedAt, curApproved: !!current.curApprovedAt };
    const outcome = riskTransition(state, action, ctx.actor.role, body.outcome);
    if (!outcome.ok) {
      const message = RISK_REFUSAL_LABELS.ru[outcome.reason];
      if (outcome.reason === 'unknown_action') throw notFound('unknown_action', message);
      if (outcome.reason === 'role_forbidden') throw new AppError(403, 'action_forbidden', message);
      throw new AppError(409, outcome.reason, message);
    }
    const a = action as RiskAction;
    const byCur = isRegional(ctx.actor);
    const step = await RISK_STEPS[a]({ tx, ctx, body, current, byCur, now });
    const values: Partial<repo.NewRiskRow> = { status: outcome.to, updatedAt: now, ...step.values };
    const versionKind = step.versionKind ?? null;
    const updated = await repo.updateRisk(tx, id, values);
    if (versionKind) {
      await repo.addVersion(tx, { riskId: id, organizationId: current.organizationId, kind: versionKind, side: byCur ? 'cur' : 'municipality', authorId: ctx.actor.userId, text: body.text!.trim(), createdAt: now });
    }
    await repo.addEvent(tx, { riskId: id, organizationId: current.organizationId, at: now, actorId: ctx.actor.userId, action: a, fromStatus: current.status, toStatus: outcome.to, note: body.note ?? null, payload: { ...body, text: body.text ? `${body.text.slice(0, 200)}` : undefined } });
    if (a === 'publish') {
      await emitEvent(tx, { type: 'risk.published', organizationId: current.organizationId, at: now, data: {
        id, number: current.number, status: updated.status, place: updated.publicationPlace, link: updated.publicationLink, publishedAt: (updated.publicationAt ?? now).toISOString(),
      } });
    }
    // The other side learns of each step.
    const otherSide = byCur
      ? [...(await currentContacts(tx, current.organizationId)).userIds, ...(await activeHeads(tx, current.organizationId)).map((u) => u.id)]
      : (await curAnalysts(tx)).map((u) => u.id);
    if (['propose', 'submit_draft', 'remark', 'approve', 'publish'].includes(a)) {
      await notify(tx, { userIds: otherSide, organizationId: current.organizationId, kind: `risk.${a}`, title: `${current.number}: ${RISK_ACTION_LABELS.ru[a].toLowerCase()}`, body: body.text?.slice(0, 300) ?? null, entityType: 'risk', entityId: id, link: `/risks/${id}` });
    }
    return { result: updated, audit: { action: `risk.${a}`, entityType: 'risk', entityId: id, organizationId: current.organizationId, before: { status: current.status }, after: { status: outcome.to } } };
  });
  return present(db, row, ctx.actor, now);
}

export async function listRisks(db: Db, actor: Actor, f: RiskFilter, now: Date) {
  const rows = await repo.listVisible(db, actor, f, now);
  return rows.map(({ r, slug, orgName, next: nextDeadline }) => {
    const clocks = clocksOf(r, now);
    return {
      id: r.id, number: r.number, municipality: slug, municipalityName: orgName, platform: r.platform as Risk['platform'], sourceName: r.sourceName, link: r.link,
      excerpt: r.text.length > 240 ? `${r.text.slice(0, 237)}…` : r.text, kind: r.kind as Risk['kind'], level: r.level as Risk['level'], status: r.status,
      detectedAt: r.detectedAt.toISOString(), deadlines: { curProposal: r.deadlineCurProposal.toISOString(), draft: iso(r.deadlineDraft) },
      clocks: { curProposal: presentClock(clocks.curProposal), draft: presentClock(clocks.draft) },
      overdue: isLate(clocks.curProposal) || isLate(clocks.draft),
      nextDeadline: nextDeadline ? new Date(nextDeadline).toISOString() : null,
    };
  });
}

export async function getFile(db: Db, actor: Actor, id: string, fileId: string) {
  await visibleRisk(db, actor, id);
  return findFile(db, { type: 'risk', id }, fileId);
}

export async function addFiles(db: Db, ctx: RequestContext, id: string, purpose: 'publication' | 'refutation', files: CheckedFile[], now: Date): Promise<Risk> {
  if (!files.length) throw validationFailed([{ field: 'files', message: 'Приложите снимок экрана' }]);
  if (files.some((f) => !f.mimeType.startsWith('image/') && f.mimeType !== 'application/pdf')) throw new AppError(415, 'file_type_not_allowed', 'Снимок экрана должен быть изображением PNG или JPG либо PDF');
  const row = await audited(db, ctx, async (tx) => {
    const current = await visibleRisk(tx, ctx.actor, id);
    riskPolicy.authorize(ctx.actor, 'upload', current);
    await storeFiles(tx, { type: 'risk', id }, files, { organizationId: current.organizationId, purpose, uploadedBy: ctx.actor.userId, at: now });
    await repo.addEvent(tx, { riskId: id, organizationId: current.organizationId, at: now, actorId: ctx.actor.userId, action: 'attach', payload: { purpose, files: files.map((f) => f.filename) } });
    return { result: current, audit: { action: 'risk.attach', entityType: 'risk', entityId: id, organizationId: current.organizationId, after: { purpose, files: files.map((f) => f.filename) } } };
  });
  return present(db, row, ctx.actor, now);
}

export async function timeline(db: Db, actor: Actor, id: string) {
  await visibleRisk(db, actor, id);
  const rows = await repo.events(db, id);
  return rows.map(({ e, actor: name }) => ({ id: e.id, at: e.at.toISOString(), action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, actor: e.actorId ? { id: e.actorId, fullName: name ?? '' } : null }));
}

export { visibleRisk };
