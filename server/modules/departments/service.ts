// Use cases of departments; each returns the departments as the API presents them.
import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Db, Executor } from '../../db';
import { topics } from '../../db/schema';
import { findDepartmentOf } from '../appeals/repository';
import { operationalGroups } from '../topics/service';
import type { GroupDepartment, GroupRouteList, SetGroupRoute } from './schema';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db-errors';
import { conflict, notFound, validationFailed } from '../../platform/errors';
import { authorize, can, inScope, isRegional, scopeOf } from '../../platform/policy';
import * as repo from './repository';

export async function listDepartments(db: Db, actor: Actor, municipality: string | undefined) {
  return repo.listDepartments(db, scopeOf(actor), municipality);
}

/** A head adds to their administration; the ЦУР administrator names the municipality. */
export async function createDepartment(db: Db, ctx: RequestContext, input: { name: string; municipality?: string }) {
  authorize(ctx.actor, 'departments.manage');
  const slug = input.municipality;
  const org = isRegional(ctx.actor) ? await repo.findMunicipalityBySlug(db, slug ?? '') : await repo.findOrganization(db, ctx.actor.organizationId);
  if (!org || !inScope(ctx.actor, org.id) || (slug && slug !== org.slug)) throw validationFailed([{ field: 'municipality', message: 'Муниципальное образование не найдено' }]);
  try {
    return await audited(db, ctx, async (tx) => {
      const row = await repo.insertDepartment(tx, org.id, input.name.trim());
      const result = { id: row.id, name: row.name, municipality: org.slug, active: row.active };
      return { result, audit: { action: 'department.create', entityType: 'department', entityId: row.id, organizationId: org.id, after: result } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('department_exists', 'Такое подразделение уже есть');
    throw error;
  }
}

/** Renames a department or retires it (it is no longer offered; appeals keep it), or brings it back. */
export async function updateDepartment(db: Db, ctx: RequestContext, id: string, input: { name?: string; active?: boolean }) {
  try {
    return await audited(db, ctx, async (tx) => {
      // Another municipality's department looks absent, whoever asks; then only who manages departments changes it.
      const current = await repo.findDepartment(tx, id);
      if (!current || !inScope(ctx.actor, current.organizationId)) throw notFound('department_not_found');
      authorize(ctx.actor, 'departments.manage');
      const row = await repo.updateDepartment(tx, id, { name: input.name?.trim(), active: input.active });
      const before = { id, name: current.name, municipality: current.municipality, active: current.active };
      const result = { id, name: row.name, municipality: current.municipality, active: row.active };
      const action = input.active === false && current.active ? 'department.retire' : input.active === true && !current.active ? 'department.restore' : 'department.update';
      return { result, audit: { action, entityType: 'department', entityId: id, organizationId: current.organizationId, before, after: result } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('department_exists', 'Такое подразделение уже есть');
    throw error;
  }
}

/**
 * The department each group goes to in the municipality: the one a person made the group's, otherwise
 * the one most of the group's appeals were assigned to.
 */
export async function departmentsOfGroups(db: Executor, organizationId: string, groups: string[]): Promise<Map<string, GroupDepartment>> {
  const result = new Map<string, GroupDepartment>();
  // Rows come configured first, then by the number of assignments.
  for (const r of await repo.groupRoutes(db, organizationId, [...new Set(groups)])) {
    if (!result.has(r.group) && (r.configured || r.assignments > 0)) result.set(r.group, { id: r.departmentId, name: r.name, source: r.configured ? 'configured' : 'learned' });
  }
  return result;
}

/** Counts the assignment of an appeal of the topic's group to the department. */
export async function learnAssignment(tx: Executor, organizationId: string, topicCode: string | null, departmentId: string, now: Date): Promise<void> {
  if (!topicCode) return;
  const [topic] = await tx.select({ group: topics.groupCode }).from(topics).where(eq(topics.code, topicCode)).limit(1);
  if (topic?.group) await repo.countAssignment(tx, organizationId, topic.group, departmentId, now);
}

async function municipalityFor(db: Executor, actor: Actor, slug: string | undefined) {
  const org = slug ? await repo.findMunicipalityBySlug(db, slug) : isRegional(actor) ? null : await repo.findOrganization(db, actor.organizationId);
  if (!org || !inScope(actor, org.id)) throw notFound('municipality_not_found', 'Муниципальное образование не найдено');
  return org;
}

/** Every operational group with the department it goes to in the municipality and the assignments learnt. */
export async function listGroupRoutes(db: Db, actor: Actor, slug: string | undefined): Promise<Static<typeof GroupRouteList>> {
  const org = await municipalityFor(db, actor, slug);
  const rows = await repo.groupRoutes(db, org.id);
  const chosen = await departmentsOfGroups(db, org.id, rows.map((r) => r.group));
  return {
    municipality: org.slug,
    items: (await operationalGroups(db)).map((g) => ({
      group: g.code, groupTitle: g.title, department: chosen.get(g.code) ?? null,
      assignments: rows.filter((r) => r.group === g.code && r.assignments > 0).map((r) => ({ id: r.departmentId, name: r.name, count: r.assignments })),
    })),
    can: { edit: can(actor, 'departments.manage') },
  };
}

/** A head (or the ЦУР administrator) makes a department the group's, or lets it be learnt again. */
export async function setGroupRoute(db: Db, ctx: RequestContext, input: Static<typeof SetGroupRoute>, now: Date) {
  const org = await municipalityFor(db, ctx.actor, input.municipality);
  authorize(ctx.actor, 'departments.manage');
  if (!(await operationalGroups(db)).some((g) => g.code === input.group)) throw validationFailed([{ field: 'group', message: 'Нет такой оперативной группы' }]);
  await audited(db, ctx, async (tx) => {
    const before = (await departmentsOfGroups(tx, org.id, [input.group])).get(input.group) ?? null;
    if (input.departmentId) {
      const dept = await findDepartmentOf(tx, org.id, input.departmentId);
      if (!dept || !dept.active) throw validationFailed([{ field: 'departmentId', message: 'Такого подразделения нет в этой администрации' }]);
    }
    await repo.configureGroup(tx, org.id, input.group, input.departmentId, now);
    return { result: undefined, audit: { action: 'department.group_route', entityType: 'organization', entityId: org.id, organizationId: org.id, before: { group: input.group, department: before }, after: { group: input.group, departmentId: input.departmentId } } };
  });
  return listGroupRoutes(db, ctx.actor, org.slug);
}
