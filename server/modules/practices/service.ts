// The library of best practices and optimised regulations (§4.4): a municipality proposes, ЦУР publishes
// for the whole region or returns with remarks; Russian full-text search over the title and the text.
import type { Db, Executor } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { conflict, forbidden, notFound, validationFailed } from '../../platform/errors';
import { notify } from '../../platform/notifications';
import { findFile, listFiles, storeFiles, type CheckedFile } from '../../platform/files';
import { isUuid } from '../../platform/http';
import { authorize } from '../../platform/policy';
import { currentContacts } from '../contacts/repository';
import { findMunicipalityBySlug } from '../organizations/repository';
import { listTopics } from '../topics/repository';
import { activeRegionalStaff } from '../users/repository';
import { practiceTransition, type PracticeAction } from '../../../domain/practices/lifecycle';
import { practicePolicy } from './policy';
import * as repo from './repository';
import type { CreatePractice, Practice, PracticeFilter, PracticeSummary, UpdatePractice } from './schema';

const OWNER = (id: string) => ({ type: 'practice' as const, id });
const practiceNotFound = () => notFound('practice_not_found', 'Практика не найдена');

async function topicTitles(db: Executor): Promise<Map<string, string>> {
  return new Map((await listTopics(db)).map((t) => [t.code, t.title]));
}

/** The codes as given, refused with the unknown ones named. */
async function checkedTopics(db: Executor, codes: string[] | undefined): Promise<string[] | undefined> {
  if (!codes) return undefined;
  const known = await topicTitles(db);
  const unique = [...new Set(codes)];
  const unknown = unique.filter((c) => !known.has(c));
  if (unknown.length) throw validationFailed([{ field: 'topics', message: `Нет таких тем классификатора: ${unknown.join(', ')}` }]);
  return unique;
}

function summary(row: { p: repo.PracticeRow; slug: string; name: string }, titles: Map<string, string>, excerpt: string): PracticeSummary {
  const { p } = row;
  return {
    id: p.id, title: p.title, kind: p.kind, municipality: row.slug, municipalityName: row.name,
    topics: p.topics.map((code) => ({ code, title: titles.get(code) ?? code })), status: p.status,
    createdAt: p.createdAt.toISOString(), publishedAt: p.publishedAt?.toISOString() ?? null, excerpt,
  };
}

async function load(db: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
  const row = isUuid(id) ? await repo.findVisible(db, actor, id, options) : null;
  if (!row) throw practiceNotFound();
  return row;
}

async function present(db: Executor, actor: Actor, id: string): Promise<Practice> {
  const row = await load(db, actor, id);
  const files = await listFiles(db, OWNER(id));
  return {
    ...summary(row, await topicTitles(db), row.p.text.slice(0, 300)),
    text: row.p.text, remarks: row.p.remarks, proposedBy: row.proposedBy,
    files: files.map((f) => ({ id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size })),
    can: practicePolicy.capabilities(actor, row.p),
  };
}

export async function listPractices(db: Db, actor: Actor, filter: PracticeFilter): Promise<PracticeSummary[]> {
  let organizationId: string | undefined;
  if (filter.municipality) {
    const org = await findMunicipalityBySlug(db, filter.municipality);
    if (!org) return [];
    organizationId = org.id;
  }
  const titles = await topicTitles(db);
  return (await repo.listVisible(db, actor, { ...filter, organizationId })).map((row) => summary(row, titles, row.excerpt));
}

export async function getPractice(db: Db, actor: Actor, id: string) {
  return present(db, actor, id);
}

export async function proposePractice(db: Db, ctx: RequestContext, input: CreatePractice, files: CheckedFile[], now: Date) {
  authorize(ctx.actor, 'practices.propose', () => forbidden('forbidden', 'Практику предлагает контактное лицо или руководитель администрации'));
  const topics = (await checkedTopics(db, input.topics)) ?? [];
  const id = await audited(db, ctx, async (tx) => {
    const row = await repo.insertPractice(tx, {
      organizationId: ctx.actor.organizationId, title: input.title.trim(), kind: input.kind ?? 'practice', topics, text: input.text.trim(),
      proposedBy: ctx.actor.userId, createdAt: now, updatedAt: now,
    });
    await storeFiles(tx, OWNER(row.id), files, { organizationId: ctx.actor.organizationId, purpose: 'practice', uploadedBy: ctx.actor.userId, at: now });
    const curators = await activeRegionalStaff(tx, ['cur_analyst', 'cur_admin']);
    await notify(tx, { userIds: curators.map((u) => u.id), organizationId: ctx.actor.organizationId, kind: 'practice.proposed', title: `Предложена практика: ${row.title}`, entityType: 'practice', entityId: row.id, link: `/practices/${row.id}` });
    return { result: row.id, audit: { action: 'practice.propose', entityType: 'practice', entityId: row.id, organizationId: ctx.actor.organizationId, after: { title: row.title, kind: row.kind, topics, files: files.map((f) => f.filename) } } };
  });
  return present(db, ctx.actor, id);
}

/** One step with a practice: the administration corrects it (and so proposes it again), ЦУР publishes or returns it. */
export async function practiceStep(db: Db, ctx: RequestContext, id: string, action: PracticeAction, input: UpdatePractice & { remarks?: string }, now: Date) {
  const seen = await load(db, ctx.actor, id);
  if (action === 'return' && !input.remarks?.trim()) throw validationFailed([{ field: 'remarks', message: 'Укажите, что нужно исправить' }]);
  const topics = await checkedTopics(db, input.topics);
  practicePolicy.authorize(ctx.actor, action, seen.p);
  await audited(db, ctx, async (tx) => {
    const { p } = await load(tx, ctx.actor, id, { forUpdate: true });
    const to = practiceTransition(p.status, action, ctx.actor.role);
    if (!to) throw conflict('step_not_allowed');
    const values = action === 'edit'
      ? { ...(input.title ? { title: input.title.trim() } : {}), ...(input.text ? { text: input.text.trim() } : {}), ...(input.kind ? { kind: input.kind } : {}), ...(topics ? { topics } : {}) }
      : { remarks: input.remarks?.trim() || null, reviewedBy: ctx.actor.userId, ...(action === 'publish' ? { publishedAt: now } : {}) };
    await repo.updatePractice(tx, id, { ...values, status: to, updatedAt: now });
    if (action !== 'edit') {
      const contacts = await currentContacts(tx, p.organizationId);
      await notify(tx, {
        userIds: [...new Set([...contacts.userIds, ...(p.proposedBy ? [p.proposedBy] : [])])], organizationId: p.organizationId,
        kind: `practice.${action === 'publish' ? 'published' : 'returned'}`,
        title: action === 'publish' ? `ЦУР опубликовал практику «${p.title}»` : `ЦУР вернул практику «${p.title}» с замечаниями`,
        body: input.remarks?.trim() || null, entityType: 'practice', entityId: id, link: `/practices/${id}`,
      });
    }
    return {
      result: undefined,
      audit: { action: `practice.${action}`, entityType: 'practice', entityId: id, organizationId: p.organizationId, before: { status: p.status, ...(action === 'edit' ? { title: p.title } : {}) }, after: { status: to, ...values } },
    };
  });
  return present(db, ctx.actor, id);
}

export async function getFile(db: Db, actor: Actor, id: string, fileId: string) {
  await load(db, actor, id);
  return findFile(db, OWNER(id), fileId);
}
