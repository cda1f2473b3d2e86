// All SQL of organisations.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db';
import { organizations } from '../../db/schema';
import type { Scope } from '../../platform/policy';
import { cached, forgetCached } from '../../platform/cache';

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;

export async function listOrganizations(db: Executor, scope: Scope, filter: { kind?: string; active?: boolean } = {}): Promise<OrganizationRow[]> {
  const conditions = [];
  if (scope !== 'all') conditions.push(inArray(organizations.id, scope));
  if (filter.kind) conditions.push(eq(organizations.kind, filter.kind as OrganizationRow['kind']));
  if (filter.active !== undefined) conditions.push(eq(organizations.active, filter.active));
  return db.select().from(organizations).where(and(...conditions))
    .orderBy(sql`case when ${organizations.kind} = 'regional_center' then 0 else 1 end`, asc(organizations.name));
}

export async function findOrganization(db: Executor, id: string): Promise<OrganizationRow | null> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return row ?? null;
}

export async function findOrganizationBySlug(db: Executor, slug: string): Promise<OrganizationRow | null> {
  const [row] = await db.select().from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return row ?? null;
}

export async function insertOrganization(db: Executor, values: NewOrganization): Promise<OrganizationRow> {
  forgetCached();
  const [row] = await db.insert(organizations).values(values).returning();
  return row;
}

export async function updateOrganization(db: Executor, id: string, values: Partial<NewOrganization>, now: Date): Promise<OrganizationRow> {
  forgetCached();
  const [row] = await db.update(organizations).set({ ...values, updatedAt: now }).where(eq(organizations.id, id)).returning();
  return row;
}

/** Every organisation by id and by slug, held in memory for a few seconds (registration reads them on every appeal). */
function heldOrganizations(db: Executor): Promise<{ byId: Map<string, OrganizationRow>; bySlug: Map<string, OrganizationRow> }> {
  return cached(db, 'organizations', async () => {
    const rows = await db.select().from(organizations);
    return { byId: new Map(rows.map((r) => [r.id, r])), bySlug: new Map(rows.map((r) => [r.slug, r])) };
  });
}

/** An organisation by id from the held copy. */
export async function heldOrganization(db: Executor, id: string): Promise<OrganizationRow | null> {
  return (await heldOrganizations(db)).byId.get(id) ?? null;
}

/** A municipality by slug from the held copy; with `active`, only an active one. */
export async function heldMunicipality(db: Executor, slug: string, options: { active?: boolean } = {}): Promise<OrganizationRow | null> {
  const row = (await heldOrganizations(db)).bySlug.get(slug);
  return row && row.kind === 'municipality' && (!options.active || row.active) ? row : null;
}

/** A municipality by its slug (never the regional centre); with `active`, only an active one. */
export async function findMunicipalityBySlug(db: Executor, slug: string, options: { active?: boolean } = {}): Promise<OrganizationRow | null> {
  const [row] = await db.select().from(organizations)
    .where(and(eq(organizations.slug, slug), eq(organizations.kind, 'municipality'), options.active ? eq(organizations.active, true) : undefined)).limit(1);
  return row ?? null;
}

/** Active municipalities with these slugs. */
export async function activeMunicipalitiesBySlug(db: Executor, slugs: string[]): Promise<OrganizationRow[]> {
  if (!slugs.length) return [];
  return db.select().from(organizations).where(and(inArray(organizations.slug, slugs), eq(organizations.kind, 'municipality'), eq(organizations.active, true)));
}

/** The active municipalities within the scope, by short name. */
export async function activeMunicipalities(db: Executor, scope: Scope): Promise<OrganizationRow[]> {
  return db.select().from(organizations)
    .where(and(eq(organizations.kind, 'municipality'), eq(organizations.active, true), scope === 'all' ? undefined : inArray(organizations.id, scope)))
    .orderBy(asc(organizations.shortName));
}

/** Every organisation's id and time zone: jobs that work by local dates group by them. */
export async function organizationZones(db: Executor): Promise<{ id: string; timeZone: string }[]> {
  return db.select({ id: organizations.id, timeZone: organizations.timeZone }).from(organizations);
}
