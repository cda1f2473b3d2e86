// All SQL of the library of practices. A published practice is the whole region's; a proposed or returned one
// is seen only by its municipality and ЦУР — the scope is applied here.
import { and, arrayContains, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { organizations, practices, users } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { scopeOf } from '../../platform/policy';
import type { PracticeFilter } from './schema';

export type PracticeRow = typeof practices.$inferSelect;

/** The practices the actor may read: published ones, and the unpublished ones of its own scope. */
function visible(actor: Actor): SQL | undefined {
  const own = withinScope(practices.organizationId, scopeOf(actor));
  return own ? or(eq(practices.status, 'published'), own) : undefined;
}

/** The same expression as the GIN index `practices_search_idx`, so that the search uses it. */
const document = sql`to_tsvector('russian', ${practices.title} || ' ' || ${practices.text})`;

export async function findVisible(db: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select({ p: practices, slug: organizations.slug, name: organizations.shortName, proposedBy: users.fullName }).from(practices)
    .innerJoin(organizations, eq(organizations.id, practices.organizationId))
    .leftJoin(users, eq(users.id, practices.proposedBy))
    .where(and(eq(practices.id, id), visible(actor)));
  const [row] = options.forUpdate ? await query.for('update', { of: practices }) : await query;
  return row ?? null;
}

/**
 * The practices the actor may read, filtered; with a query, those matching it in Russian (any form of the
 * words) by rank, with the matching fragments; otherwise the newest first.
 */
export async function listVisible(db: Executor, actor: Actor, filter: PracticeFilter & { organizationId?: string }) {
  const q = filter.q?.trim();
  const query = q ? sql`websearch_to_tsquery('russian', ${q})` : null;
  const excerpt = query
    ? sql<string>`ts_headline('russian', ${practices.text}, ${query}, 'StartSel=«, StopSel=», MaxFragments=2, MaxWords=30, MinWords=10')`
    : sql<string>`left(${practices.text}, 300)`;
  return db.select({ p: practices, slug: organizations.slug, name: organizations.shortName, excerpt }).from(practices)
    .innerJoin(organizations, eq(organizations.id, practices.organizationId))
    .where(and(
      visible(actor),
      query ? sql`${document} @@ ${query}` : undefined,
      filter.topic ? arrayContains(practices.topics, [filter.topic]) : undefined,
      filter.organizationId ? eq(practices.organizationId, filter.organizationId) : undefined,
      filter.status ? eq(practices.status, filter.status) : undefined,
      filter.kind ? eq(practices.kind, filter.kind) : undefined,
    ))
    .orderBy(...(query ? [sql`ts_rank(${document}, ${query}) desc`] : []), desc(practices.createdAt))
    .limit(filter.limit ?? 50);
}

export async function insertPractice(db: Executor, values: typeof practices.$inferInsert): Promise<PracticeRow> {
  const [row] = await db.insert(practices).values(values).returning();
  return row;
}

export async function updatePractice(db: Executor, id: string, values: Partial<typeof practices.$inferInsert>): Promise<void> {
  await db.update(practices).set(values).where(eq(practices.id, id));
}
