// Use cases of information risks (§7): registration, the signal to the contact official, the two
// 3-hour clocks, versions of the comment, agreement, publication and closing.
import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  availableRiskActions, clockDeadline, clockState, OPEN_RISK_STATUSES, riskTransition, RISK_ACTION_LABELS, RISK_LEVEL_LABELS,
  RISK_PLATFORM_LABELS, RISK_REFUSAL_LABELS, type RiskAction, type RiskOutcome, type RiskStatus,
} from '../../../domain/risks';
import { addDays, startOfLocalDay, toLocalDate } from '../../../domain/calendar/localDate';
import type { Db, Executor } from '../../db';
import { organizations, riskEvents, riskVersions, risks, topics, users } from '../../db/schema';
import { findFile, listFiles, storeFiles, type CheckedFile } from '../../platform/files';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { AppError, forbidden, notFound, validationFailed, type FieldError } from '../../platform/errors';
import { authorize, isRegional, scopeOf } from '../../platform/policy';
import { riskPolicy } from './policy';
import { notify, wake } from '../../platform/notifications';
import { enqueueMail } from '../../platform/mail';
import { currentContacts } from '../contacts/repository';
import { RISK_STEPS } from './steps';
import * as repo from './repository';
import type { Risk, RiskFilter, CreateRisk, ActionBody } from './schema';
import { isUuid } from '../../platform/http';
import { nextInSequence } from '../../platform/numbering';
import { activeHeads, activeRegionalStaff } from '../users/repository';

type RiskRow = repo.RiskRow;
type Org = typeof organizations.$inferSelect;
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
  const [org] = await db.select().from(organizations).where(eq(organizations.id, row.organizationId));
  const versions = await db.select({ v: riskVersions, author: users.fullName }).from(riskVersions).leftJoin(users, eq(users.id, riskVersions.authorId))
    .where(eq(riskVersions.riskId, row.id)).orderBy(asc(riskVersions.version));
  const files = (await listFiles(db, { type: 'risk', id: row.id }))
    .map((f) => ({ id: f.id, purpose: f.purpose, filename: f.filename, mimeType: f.mimeType, size: f.size }));
  const [curator] = row.curatorId ? await db.select({ id: users.id, fullName: users.fullName }).from(users).where(eq(users.id, row.curatorId)) : [];
  const clocks = clocksOf(row, now);
  return {
    id: row.id, number: row.number, municipality: org.slug, municipalityName: org.shortName, link: row.link, platform: row.platform as Risk['platform'],
    sourceName: row.sourceName, publishedAt: iso(row.publishedAt), detectedAt: row.detectedAt.toISOString(), text: row.text,
    reach: { views: row.reachViews, comments: row.reachComments, reposts: row.reachReposts }, topic: row.topicCode,
    kind: row.kind as Risk['kind'], level: row.level as Risk['level'], status: row.status, registeredBySide: row.registeredBySide,
    curator: curator ?? null,
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
    [org] = await db.select().from(organizations).where(and(eq(organizations.slug, input.municipality), eq(organizations.kind, 'municipality')));
    if (!org) throw validationFailed([{ field: 'municipality', message: 'Муниципальное образование не найдено' }]);
  } else {
    [org] = await db.select().from(organizations).where(eq(organizations.id, actor.organizationId));
    if (input.municipality && input.municipality !== org.slug) throw notFound('municipality_not_found', 'Муниципальное образование не найдено');
  }
  const detectedAt = input.detectedAt ? new Date(input.detectedAt) : now;
  const problems: FieldError[] = [];
  if (detectedAt.getTime() > now.getTime() + 5 * 60_000) problems.push({ field: 'detectedAt', message: 'Время выявления не может быть в будущем' });
  if (input.publishedAt && new Date(input.publishedAt) > detectedAt) problems.push({ field: 'publishedAt', message: 'Публикация не может быть позже её выявления' });
  if (input.topic) {
    const [t] = await db.select({ code: topics.code }).from(topics).where(eq(topics.code, input.topic));
    if (!t) problems.push({ field: 'topic', message: 'Нет такой темы в классификатора' });
  }
  if (problems.length) throw validationFailed(problems);
  const municipalSide = !isRegional(actor);
  const woken: string[] = [];
  const row = await audited(db, ctx, async (tx) => {
    const number = await nextNumber(tx, Number(toLocalDate(detectedAt, org!.timeZone).slice(0, 4)));
    const [created] = await tx.insert(risks).values({
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
    }).returning();
    await tx.insert(riskEvents).values({ riskId: created.id, organizationId: org!.id, at: now, actorId: actor.userId, action: 'register', toStatus: created.status });
    // The contact official hears of it at once: in the app and by e-mail (§7).
    const contacts = await currentContacts(tx, org!.id);
    const heads = await activeHeads(tx, org!.id);
    const title = `${number}: ${RISK_LEVEL_LABELS.ru[input.level].toLowerCase()} уровень — ${RISK_PLATFORM_LABELS.ru[input.platform]}`;
    const body = `${input.text.trim().slice(0, 300)}\n\nСрок предложения ЦУР и проекта комментария — 3 часа.`;
    const recipients = municipalSide ? (await curAnalysts(tx)).map((r) => r.id) : [...contacts.userIds, ...heads.map((h) => h.id)];
    woken.push(...(await notify(tx, { userIds: recipients, organizationId: org!.id, kind: 'risk.detected', title: `Информационный риск ${title}`, body, entityType: 'risk', entityId: created.id, link: `/risks/${created.id}` })));
    for (const email of municipalSide ? [] : contacts.emails) {
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
  wake(woken);
  return present(db, row, actor, now);
}

export async function getRisk(db: Db, actor: Actor, id: string, now: Date): Promise<Risk> {
  return present(db, await visibleRisk(db, actor, id), actor, now);
}

export async function act(db: Db, ctx: RequestContext, id: string, action: string, body: ActionBody, now: Date): Promise<Risk> {
  const woken: string[] = [];
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
    const values: Partial<typeof risks.$inferInsert> = { status: outcome.to, updatedAt: now, ...step.values };
    const versionKind = step.versionKind ?? null;
    const [updated] = await tx.update(risks).set(values).where(eq(risks.id, id)).returning();
    if (versionKind) {
      const [{ max }] = await tx.select({ max: sql<number>`coalesce(max(${riskVersions.version}), 0)::int` }).from(riskVersions).where(eq(riskVersions.riskId, id));
      await tx.insert(riskVersions).values({ riskId: id, organizationId: current.organizationId, version: Number(max) + 1, kind: versionKind, side: byCur ? 'cur' : 'municipality', authorId: ctx.actor.userId, text: body.text!.trim(), createdAt: now });
    }
    await tx.insert(riskEvents).values({ riskId: id, organizationId: current.organizationId, at: now, actorId: ctx.actor.userId, action: a, fromStatus: current.status, toStatus: outcome.to, note: body.note ?? null, payload: { ...body, text: body.text ? `${body.text.slice(0, 200)}` : undefined } });
    // The other side learns of each step.
    const otherSide = byCur
      ? [...(await currentContacts(tx, current.organizationId)).userIds, ...(await activeHeads(tx, current.organizationId)).map((u) => u.id)]
      : (await curAnalysts(tx)).map((u) => u.id);
    if (['propose', 'submit_draft', 'remark', 'approve', 'publish'].includes(a)) {
      woken.push(...(await notify(tx, { userIds: otherSide, organizationId: current.organizationId, kind: `risk.${a}`, title: `${current.number}: ${RISK_ACTION_LABELS.ru[a].toLowerCase()}`, body: body.text?.slice(0, 300) ?? null, entityType: 'risk', entityId: id, link: `/risks/${id}` })));
    }
    return { result: updated, audit: { action: `risk.${a}`, entityType: 'risk', entityId: id, organizationId: current.organizationId, before: { status: current.status }, after: { status: outcome.to } } };
  });
  wake(woken);
  return present(db, row, ctx.actor, now);
}

function filterConditions(actor: Actor, f: RiskFilter, now: Date): (SQL | undefined)[] {
  const list = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
  const scope = scopeOf(actor);
  const c: (SQL | undefined)[] = [];
  if (scope !== 'all') c.push(inArray(risks.organizationId, scope));
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

export async function listRisks(db: Db, actor: Actor, f: RiskFilter, now: Date) {
  // What runs out first: the earliest clock that is still running.
  const next = sql<Date | null>`least(
    case when ${risks.curProposalAt} is null and ${risks.status} <> 'closed' then ${risks.deadlineCurProposal} end,
    case when ${risks.draftAt} is null and ${risks.status} <> 'closed' then ${risks.deadlineDraft} end)`;
  const rows = await db.select({ r: risks, slug: organizations.slug, orgName: organizations.shortName, next }).from(risks)
    .innerJoin(organizations, eq(organizations.id, risks.organizationId))
    .where(and(...filterConditions(actor, f, now)))
    .orderBy(...(f.sort === 'urgency' ? [sql`${next} asc nulls last`, desc(risks.detectedAt)] : [desc(risks.detectedAt), desc(risks.id)]))
    .limit(f.limit ?? 100);
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
    await tx.insert(riskEvents).values({ riskId: id, organizationId: current.organizationId, at: now, actorId: ctx.actor.userId, action: 'attach', payload: { purpose, files: files.map((f) => f.filename) } });
    return { result: current, audit: { action: 'risk.attach', entityType: 'risk', entityId: id, organizationId: current.organizationId, after: { purpose, files: files.map((f) => f.filename) } } };
  });
  return present(db, row, ctx.actor, now);
}

export async function timeline(db: Db, actor: Actor, id: string) {
  await visibleRisk(db, actor, id);
  const rows = await db.select({ e: riskEvents, actor: users.fullName }).from(riskEvents).leftJoin(users, eq(users.id, riskEvents.actorId))
    .where(eq(riskEvents.riskId, id)).orderBy(asc(riskEvents.id));
  return rows.map(({ e, actor: name }) => ({ id: e.id, at: e.at.toISOString(), action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, actor: e.actorId ? { id: e.actorId, fullName: name ?? '' } : null }));
}

export { visibleRisk };
