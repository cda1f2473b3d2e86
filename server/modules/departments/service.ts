// Use cases of departments; each returns the departments as the API presents them.
import type { Db } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db-errors';
import { conflict, validationFailed } from '../../platform/errors';
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
