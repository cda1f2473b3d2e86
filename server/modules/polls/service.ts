// Polls and public discussions (§1.3, §4.2): results entered by hand or imported from CSV/XLSX, each shown on its
// topic beside the municipality's appeals on that topic over the same period.
import type { Db, Executor } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { AppError, forbidden, notFound, validationFailed } from '../../platform/errors';
import { isUuid } from '../../platform/http';
import { can, inScope, scopeOf } from '../../platform/policy';
import { readPolls, shares, type PollRecord } from '../../../domain/polls';
import { readTable } from '../imports/readers';
import { activeMunicipalities, findMunicipalityBySlug } from '../organizations/repository';
import * as repo from './repository';
import type { CreatePoll, Poll, PollQuery } from './schema';

const pollNotFound = () => notFound('poll_not_found', 'Опрос не найден');
const refused = () => forbidden('forbidden', 'Итоги опросов вносят ЦУР, руководитель и контактное лицо администрации');

async function municipalityIn(db: Executor, actor: Actor, slug: string) {
  const org = await findMunicipalityBySlug(db, slug);
  if (!org || !inScope(actor, org.id)) throw notFound('municipality_not_found', 'Муниципальное образование не найдено');
  return org;
}

function present(r: Awaited<ReturnType<typeof repo.listVisible>>[number]): Poll {
  const p = r.poll;
  const share = shares(p.options);
  const link = `/appeals?${new URLSearchParams({ municipality: r.municipality, topic: p.topicCode, receivedFrom: p.startsOn, receivedTo: p.endsOn })}`;
  return {
    id: p.id, municipality: r.municipality, municipalityName: r.municipalityName, kind: p.kind, question: p.question, topic: p.topicCode, topicTitle: r.topicTitle,
    options: p.options.map((o, i) => ({ ...o, share: share[i] })), total: p.options.reduce((n, o) => n + o.count, 0),
    startsOn: p.startsOn, endsOn: p.endsOn, source: p.source, createdAt: p.createdAt.toISOString(),
    appeals: { count: Number(r.appeals), link },
  };
}

export async function listPolls(db: Db, actor: Actor, q: PollQuery): Promise<Poll[]> {
  const organizationId = q.municipality ? (await municipalityIn(db, actor, q.municipality)).id : undefined;
  return (await repo.listVisible(db, scopeOf(actor), { organizationId, topic: q.topic })).map(present);
}

async function presentOne(db: Executor, actor: Actor, id: string): Promise<Poll> {
  const [row] = await repo.listVisible(db, scopeOf(actor), { id });
  if (!row) throw pollNotFound();
  return present(row);
}

export async function getPoll(db: Db, actor: Actor, id: string): Promise<Poll> {
  if (!isUuid(id)) throw pollNotFound();
  return presentOne(db, actor, id);
}

export async function createPoll(db: Db, ctx: RequestContext, input: CreatePoll, now: Date): Promise<Poll> {
  const org = await municipalityIn(db, ctx.actor, input.municipality);
  if (!can(ctx.actor, 'polls.manage')) throw refused();
  const problems: { field: string; message: string }[] = [];
  if (input.endsOn < input.startsOn) problems.push({ field: 'endsOn', message: 'Окончание раньше начала' });
  if (!(await repo.knownTopics(db, [input.topic])).size) problems.push({ field: 'topic', message: `Нет такой темы в классификаторе: ${input.topic}` });
  const labels = input.options.map((o) => o.label.trim().toLowerCase());
  if (new Set(labels).size !== labels.length || labels.some((l) => !l)) problems.push({ field: 'options', message: 'Варианты должны быть заполнены и не повторяться' });
  if (problems.length) throw validationFailed(problems);
  const id = await audited(db, ctx, async (tx) => {
    const { id: pollId } = await repo.upsertPoll(tx, {
      organizationId: org.id, kind: input.kind, question: input.question.trim(), topicCode: input.topic, startsOn: input.startsOn, endsOn: input.endsOn,
      options: input.options.map((o) => ({ label: o.label.trim(), count: o.count })), source: 'manual', createdBy: ctx.actor.userId, createdAt: now,
    });
    return { result: pollId, audit: { action: 'poll.save', entityType: 'poll', entityId: pollId, organizationId: org.id, after: input } };
  });
  return presentOne(db, ctx.actor, id);
}

/**
 * Polls from a CSV or XLSX table, one row per option. Rows name their municipality (slug or name) or take the
 * one chosen for the upload; a municipality's user imports only its own. A poll with any bad row is skipped and
 * reported row by row; the same question and period imported again replaces its counts.
 */
export async function importPolls(db: Db, ctx: RequestContext, upload: { content: Buffer; municipality?: string }, now: Date) {
  if (!can(ctx.actor, 'polls.manage')) throw refused();
  const fallback = upload.municipality ? await municipalityIn(db, ctx.actor, upload.municipality) : null;
  const table = await readTable(upload.content);
  const read = readPolls(table.headers, table.rows);
  if (!read.ok) throw new AppError(400, 'import_column_missing', `В файле нет столбцов: ${read.missing.join(', ')}`);
  const orgs = (await activeMunicipalities(db, scopeOf(ctx.actor)));
  const key = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е');
  const orgOf = (name: string) => (name ? orgs.find((o) => [o.slug, o.shortName, o.name].some((n) => key(n) === key(name))) : fallback) ?? null;
  const topics = await repo.knownTopics(db, [...new Set(read.polls.map((p) => p.topic))]);
  const rejected = [...read.rejections];
  const ready: { poll: PollRecord; organizationId: string }[] = [];
  for (const poll of read.polls) {
    const org = orgOf(poll.municipality);
    if (!org) rejected.push({ row: poll.rows[0], column: 'Муниципалитет', problem: poll.municipality ? 'Муниципальное образование не найдено' : 'Не указан муниципалитет: выберите его при загрузке или добавьте столбец', value: poll.municipality });
    else if (!topics.has(poll.topic)) rejected.push({ row: poll.rows[0], column: 'Код темы', problem: 'Нет такой темы в классификаторе', value: poll.topic });
    else ready.push({ poll, organizationId: org.id });
  }
  rejected.sort((a, b) => a.row - b.row);
  const counts = await audited(db, ctx, async (tx) => {
    let created = 0;
    let updated = 0;
    for (const { poll, organizationId } of ready) {
      const saved = await repo.upsertPoll(tx, {
        organizationId, kind: poll.kind, question: poll.question.slice(0, 500), topicCode: poll.topic, startsOn: poll.startsOn, endsOn: poll.endsOn,
        options: poll.options, source: 'import', createdBy: ctx.actor.userId, createdAt: now,
      });
      if (saved.created) created++;
      else updated++;
    }
    return { result: { created, updated }, audit: { action: 'poll.import', entityType: 'poll', entityId: null, organizationId: fallback?.id ?? ctx.actor.organizationId, after: { created, updated, rejected: rejected.length } } };
  });
  return { ...counts, rejected };
}

export async function deletePoll(db: Db, ctx: RequestContext, id: string): Promise<void> {
  const poll = await getPoll(db, ctx.actor, id);
  if (!can(ctx.actor, 'polls.manage')) throw refused();
  await audited(db, ctx, async (tx) => {
    await repo.deletePoll(tx, id);
    return { result: undefined, audit: { action: 'poll.delete', entityType: 'poll', entityId: id, organizationId: null, before: { municipality: poll.municipality, question: poll.question, options: poll.options } } };
  });
}
