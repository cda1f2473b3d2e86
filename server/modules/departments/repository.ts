// All SQL of departments.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db';
import { departments, organizations } from '../../db/schema';
import type { Scope } from '../../platform/policy';

/** Departments within the scope, of one municipality when its slug is given. */
export async function listDepartments(db: Executor, scope: Scope, municipality: string | undefined) {
  return db.select({ id: departments.id, name: departments.name, municipality: organizations.slug, active: departments.active })
    .from(departments).innerJoin(organizations, eq(organizations.id, departments.organizationId))
    .where(and(scope === 'all' ? undefined : inArray(departments.organizationId, scope), municipality ? eq(organizations.slug, municipality) : undefined))
    .orderBy(asc(organizations.slug), asc(departments.name));
}

export async function findMunicipalityBySlug(db: Executor, slug: string) {
  const [org] = await db.select().from(organizations).where(and(eq(organizations.slug, slug), eq(organizations.kind, 'municipality'))).limit(1);
  return org ?? null;
}

export async function findOrganization(db: Executor, id: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return org ?? null;
}

export async function insertDepartment(db: Executor, organizationId: string, name: string) {
  const [row] = await db.insert(departments).values({ organizationId, name }).returning();
  return row;
}

export async function findDepartment(db: Executor, id: string) {
  const [row] = await db.select({ id: departments.id, name: departments.name, active: departments.active, organizationId: departments.organizationId, municipality: organizations.slug })
    .from(departments).innerJoin(organizations, eq(organizations.id, departments.organizationId)).where(eq(departments.id, id)).limit(1);
  return row ?? null;
}

export async function updateDepartment(db: Executor, id: string, values: { name?: string; active?: boolean }) {
  const [row] = await db.update(departments).set(values).where(eq(departments.id, id)).returning();
  return row;
}
