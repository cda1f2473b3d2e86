// All SQL of departments.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db';
import { departments, groupDepartments, organizations } from '../../db/schema';
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

/** One more appeal of the group assigned to the department: what the group's usual department is learnt from. */
export async function countAssignment(db: Executor, organizationId: string, groupCode: string, departmentId: string, now: Date): Promise<void> {
  await db.insert(groupDepartments).values({ organizationId, groupCode, departmentId, assignments: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: [groupDepartments.organizationId, groupDepartments.groupCode, groupDepartments.departmentId],
      set: { assignments: sql`${groupDepartments.assignments} + 1`, updatedAt: now },
    });
}

/** The municipality's departments by group (of the given groups only, when given), active departments only. */
export async function groupRoutes(db: Executor, organizationId: string, groups?: string[]) {
  if (groups && !groups.length) return [];
  return db.select({
    group: groupDepartments.groupCode, departmentId: groupDepartments.departmentId, name: departments.name,
    assignments: groupDepartments.assignments, configured: groupDepartments.configured,
  }).from(groupDepartments)
    .innerJoin(departments, and(eq(departments.id, groupDepartments.departmentId), eq(departments.active, true)))
    .where(and(eq(groupDepartments.organizationId, organizationId), groups ? inArray(groupDepartments.groupCode, groups) : undefined))
    .orderBy(desc(groupDepartments.configured), desc(groupDepartments.assignments), asc(departments.name));
}

/** Makes the department the group's own (none when null); the learnt counts stay. */
export async function configureGroup(db: Executor, organizationId: string, groupCode: string, departmentId: string | null, now: Date): Promise<void> {
  await db.update(groupDepartments).set({ configured: false, updatedAt: now })
    .where(and(eq(groupDepartments.organizationId, organizationId), eq(groupDepartments.groupCode, groupCode), eq(groupDepartments.configured, true)));
  if (!departmentId) return;
  await db.insert(groupDepartments).values({ organizationId, groupCode, departmentId, configured: true, updatedAt: now })
    .onConflictDoUpdate({ target: [groupDepartments.organizationId, groupDepartments.groupCode, groupDepartments.departmentId], set: { configured: true, updatedAt: now } });
}
