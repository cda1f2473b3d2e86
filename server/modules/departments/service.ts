// Use cases of departments; each returns the departments as the API presents them.
import type { Db } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db-errors';
import { conflict, notFound, validationFailed } from '../../platform/errors';
import { authorize, inScope, isRegional, scopeOf } from '../../platform/policy';
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
