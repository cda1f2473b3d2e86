// Official pages of administrations (§4.7): accounts in social networks and messengers and the website,
// each with its platform, address and the platform's verification mark. Their activity is the date of
// the last post, read from the page's RSS or Atom; the website is checked for the ПОС widget. Both are
// read by a job and on demand. A municipality keeps its own pages; the ЦУР sees the region's table.
import { findPosWidget } from '../../../domain/monitoring/widget';
import type { Db, Executor } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { forbidden, notFound, validationFailed } from '../../platform/errors';
import { fetchFeed, httpGet, stateAfterFailure, stateAfterSuccess, FetchError } from '../../platform/feeds';
import { isUuid } from '../../platform/http';
import type { Job } from '../../platform/jobs';
import { authorize, isRegional } from '../../platform/policy';
import { findMunicipalityBySlug, findOrganization } from '../organizations/repository';
import { pagePolicy } from './policy';
import * as repo from './repository';
import type { CreatePage, OfficialPage, PageFilter, UpdatePage } from './schema';

/** How often a page's feed is read when healthy, and how often the website is checked for the widget. */
const FEED_EVERY_MS = 6 * 3600_000;
const WIDGET_EVERY_MS = 24 * 3600_000;
const PAGES_PER_RUN = 100;
const PAGE_MAX_BYTES = 3 * 1024 * 1024;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const pageNotFound = () => notFound('official_page_not_found');

function present({ p, slug, orgName }: repo.PageWithOrg, actor: Actor): OfficialPage {
  return {
    id: p.id, municipality: slug, municipalityName: orgName, platform: p.platform as OfficialPage['platform'], url: p.url, name: p.name,
    verified: p.verified, feedUrl: p.feedUrl, lastPostAt: iso(p.lastPostAt),
    feed: { lastFetchedAt: iso(p.lastFetchedAt), lastError: p.lastError, failures: p.failures, nextFetchAt: iso(p.nextFetchAt) },
    widget: p.platform === 'website' ? { installed: p.widgetInstalled, evidence: p.widgetEvidence, error: p.widgetError, checkedAt: iso(p.widgetCheckedAt) } : null,
    can: pagePolicy.capabilities(actor, p),
    createdAt: p.createdAt.toISOString(),
  };
}

async function visible(db: Executor, actor: Actor, id: string): Promise<repo.PageWithOrg> {
  const row = isUuid(id) ? await repo.findVisible(db, actor, id) : null;
  if (!row) throw pageNotFound();
  return row;
}

export async function listPages(db: Db, actor: Actor, filter: PageFilter): Promise<OfficialPage[]> {
  return (await repo.listVisible(db, actor, filter)).map((r) => present(r, actor));
}

export async function getPage(db: Db, actor: Actor, id: string): Promise<OfficialPage> {
  return present(await visible(db, actor, id), actor);
}

export async function createPage(db: Db, ctx: RequestContext, input: CreatePage, now: Date): Promise<OfficialPage> {
  const actor = ctx.actor;
  authorize(actor, 'officialPages.manage', () => forbidden('forbidden', 'Официальные страницы ведёт администрация'));
  let organizationId: string;
  if (isRegional(actor)) {
    const org = input.municipality ? await findMunicipalityBySlug(db, input.municipality) : null;
    if (!org) throw validationFailed([{ field: 'municipality', message: input.municipality ? 'Муниципальное образование не найдено' : 'Укажите муниципальное образование' }]);
    organizationId = org.id;
  } else {
    const own = (await findOrganization(db, actor.organizationId))!;
    if (input.municipality && input.municipality !== own.slug) throw notFound('municipality_not_found');
    organizationId = own.id;
  }
  const row = await audited(db, ctx, async (tx) => {
    const created = await repo.insertPage(tx, {
      organizationId, platform: input.platform, url: input.url, name: input.name?.trim() || null, verified: input.verified ?? false,
      feedUrl: input.feedUrl ?? null, createdAt: now, updatedAt: now,
    });
    return { result: created, audit: { action: 'official_page.create', entityType: 'official_page', entityId: created.id, organizationId, after: { platform: created.platform, url: created.url, verified: created.verified, feedUrl: created.feedUrl } } };
  });
  return getPage(db, actor, row.id);
}

export async function updatePage(db: Db, ctx: RequestContext, id: string, input: UpdatePage, now: Date): Promise<OfficialPage> {
  await audited(db, ctx, async (tx) => {
    const current = await visible(tx, ctx.actor, id);
    pagePolicy.authorize(ctx.actor, 'update', current.p);
    const p = current.p;
    const feedChanged = input.feedUrl !== undefined && input.feedUrl !== p.feedUrl;
    const urlChanged = input.url !== undefined && input.url !== p.url;
    await repo.updatePage(tx, id, {
      ...(input.platform !== undefined ? { platform: input.platform } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.name !== undefined ? { name: input.name?.trim() || null } : {}),
      ...(input.verified !== undefined ? { verified: input.verified } : {}),
      // Another feed starts afresh: no validators, no backoff, no last post of the old one.
      ...(feedChanged ? { feedUrl: input.feedUrl ?? null, etag: null, lastModified: null, failures: 0, nextFetchAt: null, lastError: null, lastPostAt: null, lastFetchedAt: null } : {}),
      ...(urlChanged || (input.platform !== undefined && input.platform !== p.platform) ? { widgetInstalled: null, widgetEvidence: null, widgetError: null, widgetCheckedAt: null } : {}),
      updatedAt: now,
    });
    return { result: null, audit: { action: 'official_page.update', entityType: 'official_page', entityId: id, organizationId: p.organizationId, before: { platform: p.platform, url: p.url, verified: p.verified, feedUrl: p.feedUrl }, after: input } };
  });
  return getPage(db, ctx.actor, id);
}

export async function deletePage(db: Db, ctx: RequestContext, id: string): Promise<void> {
  await audited(db, ctx, async (tx) => {
    const current = await visible(tx, ctx.actor, id);
    pagePolicy.authorize(ctx.actor, 'delete', current.p);
    await repo.deletePage(tx, id);
    return { result: null, audit: { action: 'official_page.delete', entityType: 'official_page', entityId: id, organizationId: current.p.organizationId, before: { platform: current.p.platform, url: current.p.url } } };
  });
}

/**
 * Reads the page's feed (conditional GET; the last post is the latest dated item) and, for a website, looks
 * for the ПОС widget. Each part records its own result; a failure of one does not hide the other.
 */
export async function checkPage(db: Executor, page: repo.PageRow, now: Date, options: { signal?: AbortSignal; force?: boolean } = {}): Promise<void> {
  const values: Partial<repo.PageRow> = {};
  const feedDue = page.feedUrl && (options.force || !page.nextFetchAt || page.nextFetchAt <= now);
  if (page.feedUrl && feedDue) {
    try {
      const answer = await fetchFeed(page.feedUrl, { etag: page.etag, lastModified: page.lastModified }, { signal: options.signal });
      Object.assign(values, stateAfterSuccess(answer, now, FEED_EVERY_MS));
      if (!answer.notModified) {
        const latest = Math.max(...answer.feed.items.map((i) => i.publishedAt?.getTime() ?? -Infinity));
        if (Number.isFinite(latest)) values.lastPostAt = new Date(latest);
      }
    } catch (error) {
      Object.assign(values, stateAfterFailure(error, page.failures, now));
    }
  }
  const widgetDue = page.platform === 'website' && (options.force || !page.widgetCheckedAt || page.widgetCheckedAt.getTime() < now.getTime() - WIDGET_EVERY_MS);
  if (widgetDue) {
    try {
      const answer = await httpGet(page.url, null, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1', maxBytes: PAGE_MAX_BYTES, signal: options.signal });
      if (answer.notModified) throw new FetchError('http', 'Сервер ответил 304 без условия');
      const found = findPosWidget(answer.body);
      Object.assign(values, { widgetInstalled: found.installed, widgetEvidence: found.evidence, widgetError: null, widgetCheckedAt: now });
    } catch (error) {
      const message = error instanceof FetchError ? error.message : `Ошибка проверки: ${(error as Error).message}`;
      Object.assign(values, { widgetInstalled: null, widgetEvidence: null, widgetError: message.slice(0, 500), widgetCheckedAt: now });
    }
  }
  if (Object.keys(values).length) await repo.updatePage(db, page.id, values);
}

/** «Проверить сейчас»: the feed and the widget at once, whatever the schedule says. */
export async function checkNow(db: Db, ctx: RequestContext, id: string, now: Date): Promise<OfficialPage> {
  const current = await visible(db, ctx.actor, id);
  pagePolicy.authorize(ctx.actor, 'check', current.p);
  await checkPage(db, current.p, now, { force: true });
  const after = await visible(db, ctx.actor, id);
  await audited(db, ctx, async () => ({
    result: null,
    audit: { action: 'official_page.check', entityType: 'official_page', entityId: id, organizationId: current.p.organizationId, after: { lastPostAt: iso(after.p.lastPostAt), feedError: after.p.lastError, widgetInstalled: after.p.widgetInstalled, widgetError: after.p.widgetError } },
  }));
  return present(after, ctx.actor);
}

/** The schedule: feeds when due (with backoff after failures), websites once a day. */
export function officialPagesJob(db: Db): Job {
  return {
    name: 'official-pages',
    everyMs: 30 * 60_000,
    async run(now, signal) {
      let checked = 0;
      for (const page of await repo.duePages(db, now, new Date(now.getTime() - WIDGET_EVERY_MS), PAGES_PER_RUN)) {
        if (signal?.aborted) break;
        await checkPage(db, page, now, { signal });
        checked++;
      }
      return { checked };
    },
  };
}
