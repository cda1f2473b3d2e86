// Monitoring of publications (§6.4, §4.9): the ЦУР's sources — RSS and Atom of local media and official
// pages, each for a municipality with its keywords — are read by a job; every new publication that names
// the municipality, a keyword or reads as negative enters the triage queue once. A person registers it as
// an information risk (prefilled from the publication) or rejects it with a reason.
import type { Db } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { conflict, forbidden, notFound, validationFailed } from '../../platform/errors';
import { fetchFeed, stateAfterFailure, stateAfterSuccess, type FeedItem } from '../../platform/feeds';
import { isUuid } from '../../platform/http';
import type { Job } from '../../platform/jobs';
import { notify } from '../../platform/notifications';
import { authorize } from '../../platform/policy';
import { findMunicipalityBySlug } from '../organizations/repository';
import { createRisk } from '../risks/service';
import { activeRegionalStaff } from '../users/repository';
import { matchPublication, municipalityStems } from './match';
import * as repo from './repository';
import type { CreateSource, FetchOutcome, ItemFilter, MonitoringItem, MonitoringSource, RegisterItem, RejectItem, UpdateSource } from './schema';

/** How often a healthy source is read. */
export const SOURCE_EVERY_MS = 15 * 60_000;
/** Publications older than this when first seen are history, not news. */
const MAX_AGE_MS = 7 * 24 * 3600_000;
const SOURCES_PER_RUN = 100;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const sourceNotFound = () => notFound('monitoring_source_not_found');
const itemNotFound = () => notFound('monitoring_item_not_found');

function allowed(actor: Actor): void {
  authorize(actor, 'monitoring.manage', () => forbidden('forbidden', 'Мониторинг публикаций ведёт ЦУР'));
}

function presentSource({ s, slug, orgName }: repo.SourceWithOrg, newItems: number): MonitoringSource {
  return {
    id: s.id, municipality: slug, municipalityName: orgName, name: s.name, url: s.url, platform: s.platform as MonitoringSource['platform'],
    keywords: s.keywords, active: s.active,
    feed: { lastFetchedAt: iso(s.lastFetchedAt), lastError: s.lastError, failures: s.failures, nextFetchAt: iso(s.nextFetchAt) },
    newItems, createdAt: s.createdAt.toISOString(),
  };
}

function presentItem(r: repo.ItemWithRefs): MonitoringItem {
  const { i } = r;
  return {
    id: i.id, municipality: r.slug, municipalityName: r.orgName,
    source: { id: i.sourceId, name: r.sourceName, platform: r.sourcePlatform as MonitoringItem['source']['platform'] },
    link: i.link, title: i.title, text: i.text, publishedAt: iso(i.publishedAt), foundAt: i.foundAt.toISOString(),
    reasons: { mentionsMunicipality: i.mentionsMunicipality, keywords: i.keywords, tone: i.tone },
    status: i.status, risk: i.riskId && r.riskNumber ? { id: i.riskId, number: r.riskNumber } : null,
    decidedAt: iso(i.decidedAt), decidedBy: i.decidedBy ? { id: i.decidedBy, fullName: r.decidedByName ?? '' } : null,
    rejectReason: i.rejectReason,
  };
}

async function sourceOf(db: Db, id: string): Promise<repo.SourceWithOrg> {
  const row = isUuid(id) ? await repo.findSource(db, id) : null;
  if (!row) throw sourceNotFound();
  return row;
}

async function presentOne(db: Db, id: string): Promise<MonitoringSource> {
  const row = await sourceOf(db, id);
  return presentSource(row, (await repo.newItemCounts(db, [id])).get(id) ?? 0);
}

const cleanKeywords = (keywords: string[] | undefined) => [...new Set((keywords ?? []).map((k) => k.trim()).filter(Boolean))];

export async function listSources(db: Db, actor: Actor, filter: { municipality?: string }): Promise<MonitoringSource[]> {
  allowed(actor);
  const rows = await repo.listSources(db, filter);
  const counts = await repo.newItemCounts(db, rows.map((r) => r.s.id));
  return rows.map((r) => presentSource(r, counts.get(r.s.id) ?? 0));
}

export async function createSource(db: Db, ctx: RequestContext, input: CreateSource, now: Date): Promise<MonitoringSource> {
  allowed(ctx.actor);
  const org = await findMunicipalityBySlug(db, input.municipality);
  if (!org) throw validationFailed([{ field: 'municipality', message: 'Муниципальное образование не найдено' }]);
  const row = await audited(db, ctx, async (tx) => {
    const created = await repo.insertSource(tx, {
      organizationId: org.id, name: input.name.trim(), url: input.url, platform: input.platform ?? 'news',
      keywords: cleanKeywords(input.keywords), active: input.active ?? true, createdAt: now, updatedAt: now,
    });
    return { result: created, audit: { action: 'monitoring.source.create', entityType: 'monitoring_source', entityId: created.id, organizationId: org.id, after: { name: created.name, url: created.url, keywords: created.keywords } } };
  });
  return presentOne(db, row.id);
}

export async function updateSource(db: Db, ctx: RequestContext, id: string, input: UpdateSource, now: Date): Promise<MonitoringSource> {
  allowed(ctx.actor);
  const current = await sourceOf(db, id);
  await audited(db, ctx, async (tx) => {
    const values = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.platform !== undefined ? { platform: input.platform } : {}),
      ...(input.keywords !== undefined ? { keywords: cleanKeywords(input.keywords) } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      // Another address is another feed: its validators and backoff start afresh.
      ...(input.url !== undefined && input.url !== current.s.url ? { url: input.url, etag: null, lastModified: null, failures: 0, nextFetchAt: null, lastError: null } : {}),
      updatedAt: now,
    };
    const updated = await repo.updateSource(tx, id, values);
    return { result: updated, audit: { action: 'monitoring.source.update', entityType: 'monitoring_source', entityId: id, organizationId: current.s.organizationId, before: { name: current.s.name, url: current.s.url, keywords: current.s.keywords, active: current.s.active }, after: input } };
  });
  return presentOne(db, id);
}

export async function deleteSource(db: Db, ctx: RequestContext, id: string): Promise<void> {
  allowed(ctx.actor);
  const current = await sourceOf(db, id);
  await audited(db, ctx, async (tx) => {
    if (await repo.hasDecisions(tx, id)) throw conflict('monitoring_source_has_decisions');
    await repo.deleteSource(tx, id);
    return { result: null, audit: { action: 'monitoring.source.delete', entityType: 'monitoring_source', entityId: id, organizationId: current.s.organizationId, before: { name: current.s.name, url: current.s.url } } };
  });
}

export interface ReadCounts { notModified: boolean; found: number; queued: number; error: string | null }

/** Reads one source: a conditional GET, then the relevant new items into the queue at once, then the feed state. */
export async function readSource(db: Db, source: repo.SourceRow, org: repo.Org, now: Date, signal?: AbortSignal): Promise<ReadCounts> {
  let answer;
  try {
    answer = await fetchFeed(source.url, { etag: source.etag, lastModified: source.lastModified }, { signal });
  } catch (error) {
    const state = stateAfterFailure(error, source.failures, now);
    await repo.saveFeedState(db, source.id, state);
    return { notModified: false, found: 0, queued: 0, error: state.lastError };
  }
  if (answer.notModified) {
    await repo.saveFeedState(db, source.id, stateAfterSuccess(answer, now, SOURCE_EVERY_MS));
    return { notModified: true, found: 0, queued: 0, error: null };
  }
  const names = municipalityStems([org.name, org.shortName]);
  const rows = answer.feed.items
    .filter((item) => !item.publishedAt || item.publishedAt.getTime() >= now.getTime() - MAX_AGE_MS)
    .map((item) => ({ item, match: matchPublication(`${item.title}\n${item.text}`, names, source.keywords) }))
    .filter(({ match }) => match.relevant)
    .map(({ item, match }) => itemRow(source, item, match, now));
  const queued = await db.transaction(async (tx) => {
    const inserted = await repo.insertItems(tx, rows);
    await repo.saveFeedState(tx, source.id, stateAfterSuccess(answer, now, SOURCE_EVERY_MS));
    if (inserted.length) {
      const analysts = await activeRegionalStaff(tx, ['cur_analyst']);
      await notify(tx, {
        userIds: analysts.map((a) => a.id), organizationId: org.id, kind: 'monitoring.new',
        title: `Мониторинг: новых публикаций — ${inserted.length} (${source.name})`, body: `${org.shortName}. Зарегистрируйте риск или отклоните публикацию.`,
        entityType: 'monitoring_source', entityId: source.id, link: '/monitoring',
      });
    }
    return inserted.length;
  });
  return { notModified: false, found: answer.feed.items.length, queued, error: null };
}

function itemRow(source: repo.SourceRow, item: FeedItem, match: ReturnType<typeof matchPublication>, now: Date) {
  return {
    organizationId: source.organizationId, sourceId: source.id, guid: item.guid, link: item.link && /^https?:\/\//i.test(item.link) ? item.link.slice(0, 1000) : null,
    title: item.title || item.text.slice(0, 200), text: item.text, publishedAt: item.publishedAt, foundAt: now,
    mentionsMunicipality: match.mentionsMunicipality, keywords: match.keywords, tone: match.tone,
  };
}

/** «Прочитать сейчас»: reads the source at once, whatever its backoff says. */
export async function fetchNow(db: Db, ctx: RequestContext, id: string, now: Date): Promise<FetchOutcome> {
  allowed(ctx.actor);
  const current = await sourceOf(db, id);
  const org = (await findMunicipalityBySlug(db, current.slug))!;
  const counts = await readSource(db, current.s, org, now);
  await audited(db, ctx, async () => ({ result: null, audit: { action: 'monitoring.source.fetch', entityType: 'monitoring_source', entityId: id, organizationId: current.s.organizationId, after: counts } }));
  return { source: await presentOne(db, id), ...counts };
}

/** The job: every due source in turn; one source's failure is stored on it (backoff) and does not stop the rest. */
export function monitoringJob(db: Db): Job {
  return {
    name: 'monitoring-feeds',
    everyMs: 5 * 60_000,
    async run(now, signal) {
      const total = { sources: 0, queued: 0, failed: 0 };
      for (const { s, org } of await repo.dueSources(db, now, SOURCES_PER_RUN)) {
        if (signal?.aborted) break;
        const counts = await readSource(db, s, org, now, signal);
        total.sources++;
        total.queued += counts.queued;
        if (counts.error) total.failed++;
      }
      return total;
    },
  };
}

export async function listItems(db: Db, actor: Actor, filter: ItemFilter): Promise<{ items: MonitoringItem[]; total: number }> {
  allowed(actor);
  const { rows, total } = await repo.listItems(db, { status: filter.status ?? 'new', municipality: filter.municipality, source: filter.source, limit: filter.limit ?? 50, offset: filter.offset ?? 0 });
  return { items: rows.map(presentItem), total };
}

export async function getItem(db: Db, actor: Actor, id: string): Promise<MonitoringItem> {
  allowed(actor);
  const row = isUuid(id) ? await repo.findItem(db, id) : null;
  if (!row) throw itemNotFound();
  return presentItem(row);
}

async function undecided(tx: Parameters<typeof repo.lockItem>[0], id: string): Promise<repo.ItemRow> {
  const item = isUuid(id) ? await repo.lockItem(tx, id) : null;
  if (!item) throw itemNotFound();
  if (item.status !== 'new') throw conflict('monitoring_item_decided');
  return item;
}

/** «Зарегистрировать риск»: the risk is created by the risks' own registration, prefilled from the publication, and linked back. */
export async function registerItem(db: Db, ctx: RequestContext, id: string, input: RegisterItem, now: Date, publicBaseUrl: string): Promise<MonitoringItem> {
  allowed(ctx.actor);
  await audited(db, ctx, async (tx) => {
    const item = await undecided(tx, id);
    const source = (await repo.findSource(tx, item.sourceId))!;
    const text = input.text ?? (item.title && !item.text.startsWith(item.title) ? `${item.title}\n\n${item.text}` : item.text);
    const risk = await createRisk(tx, ctx, {
      municipality: source.slug, link: input.link !== undefined ? input.link : item.link,
      platform: input.platform ?? (source.s.platform as NonNullable<RegisterItem['platform']>),
      sourceName: input.sourceName !== undefined ? input.sourceName : source.s.name,
      // A feed may date a post a little ahead of our clock; the risk's rule wants it not after detection.
      publishedAt: item.publishedAt && item.publishedAt <= now ? item.publishedAt.toISOString() : null,
      text: text.slice(0, 20000), topic: input.topic ?? null, kind: input.kind, level: input.level,
    }, now, publicBaseUrl);
    await repo.decideItem(tx, id, { status: 'registered', riskId: risk.id, decidedBy: ctx.actor.userId, decidedAt: now });
    return { result: null, audit: { action: 'monitoring.register', entityType: 'monitoring_item', entityId: id, organizationId: item.organizationId, after: { riskId: risk.id, number: risk.number } } };
  });
  return getItem(db, ctx.actor, id);
}

/** «Отклонить»: the reason is kept with the publication. */
export async function rejectItem(db: Db, ctx: RequestContext, id: string, input: RejectItem, now: Date): Promise<MonitoringItem> {
  allowed(ctx.actor);
  const reason = input.reason.trim();
  if (reason.length < 3) throw validationFailed([{ field: 'reason', message: 'Укажите причину отклонения' }]);
  await audited(db, ctx, async (tx) => {
    const item = await undecided(tx, id);
    await repo.decideItem(tx, id, { status: 'rejected', rejectReason: reason, decidedBy: ctx.actor.userId, decidedAt: now });
    return { result: null, audit: { action: 'monitoring.reject', entityType: 'monitoring_item', entityId: id, organizationId: item.organizationId, after: { reason } } };
  });
  return getItem(db, ctx.actor, id);
}
