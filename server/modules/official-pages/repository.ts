// All SQL of official pages; the municipality's scope is applied here.
import { and, asc, eq, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import type { Executor } from '../../db';
import { officialPages, organizations } from '../../db/schema';
import { withinScope } from '../../db/scope';
import type { Actor } from '../../platform/actor';
import { scopeOf } from '../../platform/policy';

export type PageRow = typeof officialPages.$inferSelect;
export type PageWithOrg = { p: PageRow; slug: string; orgName: string };
const columns = { p: officialPages, slug: organizations.slug, orgName: organizations.shortName };

export async function listVisible(db: Executor, actor: Actor, filter: { municipality?: string; platform?: string }): Promise<PageWithOrg[]> {
  return db.select(columns).from(officialPages).innerJoin(organizations, eq(organizations.id, officialPages.organizationId))
    .where(and(
      withinScope(officialPages.organizationId, scopeOf(actor)),
      filter.municipality ? eq(organizations.slug, filter.municipality) : undefined,
      filter.platform ? eq(officialPages.platform, filter.platform) : undefined,
    ))
    .orderBy(asc(organizations.shortName), asc(officialPages.platform), asc(officialPages.url));
}

export async function findVisible(db: Executor, actor: Actor, id: string): Promise<PageWithOrg | null> {
  const [row] = await db.select(columns).from(officialPages).innerJoin(organizations, eq(organizations.id, officialPages.organizationId))
    .where(and(eq(officialPages.id, id), withinScope(officialPages.organizationId, scopeOf(actor)))).limit(1);
  return row ?? null;
}

export async function insertPage(db: Executor, values: typeof officialPages.$inferInsert): Promise<PageRow> {
  const [row] = await db.insert(officialPages).values(values).returning();
  return row;
}

export async function updatePage(db: Executor, id: string, values: Partial<typeof officialPages.$inferInsert>): Promise<PageRow> {
  const [row] = await db.update(officialPages).set(values).where(eq(officialPages.id, id)).returning();
  return row;
}

export async function deletePage(db: Executor, id: string): Promise<void> {
  await db.delete(officialPages).where(eq(officialPages.id, id));
}

/** Pages of active municipalities whose feed is due, or whose website was not checked since `widgetBefore`. */
export async function duePages(db: Executor, now: Date, widgetBefore: Date, limit: number): Promise<PageRow[]> {
  return db.select({ p: officialPages }).from(officialPages).innerJoin(organizations, eq(organizations.id, officialPages.organizationId))
    .where(and(eq(organizations.active, true), or(
      and(isNotNull(officialPages.feedUrl), or(isNull(officialPages.nextFetchAt), lte(officialPages.nextFetchAt, now))),
      and(eq(officialPages.platform, 'website'), or(isNull(officialPages.widgetCheckedAt), lt(officialPages.widgetCheckedAt, widgetBefore))),
    )))
    .orderBy(asc(officialPages.createdAt)).limit(limit)
    .then((rows) => rows.map((r) => r.p));
}
