// Use cases of organisations; each returns the presented organisation.
import type { Db } from '../../db';
import type { RequestContext, Actor } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { conflict, validationFailed } from '../../platform/errors';
import { assertVisible, authorize, scopeOf } from '../../platform/policy';
import { isUniqueViolation } from '../../platform/db-errors';
import { organizationPolicy } from './policy';
import * as repo from './repository';
import type { CreateOrganization, Organization, UpdateOrganization } from './schema';

/** What the audit keeps of an organisation: its data without what the reader may do with it. */
function organizationData(row: repo.OrganizationRow): Omit<Organization, 'can'> {
  return {
    id: row.id, kind: row.kind, name: row.name, shortName: row.shortName, slug: row.slug,
    oktmo: row.oktmo, timeZone: row.timeZone, numberPrefix: row.numberPrefix, population: row.population, signalEmail: row.signalEmail, active: row.active,
  };
}

export function presentOrganization(actor: Actor, row: repo.OrganizationRow): Organization {
  return { ...organizationData(row), can: organizationPolicy.capabilities(actor, row) };
}

function checkTimeZone(timeZone: string | undefined): void {
  if (timeZone === undefined) return;
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone });
  } catch {
    throw validationFailed([{ field: 'timeZone', message: 'Неизвестный часовой пояс; пример: Asia/Yekaterinburg' }]);
  }
}

function translateUnique(error: unknown): never {
  if (isUniqueViolation(error, 'organizations_slug_key')) throw conflict('slug_taken', 'Такое короткое имя (slug) уже занято другой организацией');
  if (isUniqueViolation(error, 'organizations_oktmo_key')) throw conflict('oktmo_taken', 'Организация с таким кодом ОКТМО уже есть');
  throw error;
}

export async function listOrganizations(db: Db, actor: Actor, filter: { kind?: string; active?: boolean }): Promise<Organization[]> {
  return (await repo.listOrganizations(db, scopeOf(actor), filter)).map((row) => presentOrganization(actor, row));
}

export async function getOrganization(db: Db, actor: Actor, id: string): Promise<Organization> {
  const row = assertVisible(actor, await repo.findOrganization(db, id), (o) => o.id, 'organization_not_found', 'Организация не найдена');
  return presentOrganization(actor, row);
}

export async function createOrganization(db: Db, ctx: RequestContext, input: CreateOrganization): Promise<Organization> {
  authorize(ctx.actor, 'organizations.manage');
  checkTimeZone(input.timeZone);
  try {
    return await audited(db, ctx, async (tx) => {
      const row = await repo.insertOrganization(tx, {
        kind: 'municipality',
        name: input.name.trim(),
        shortName: (input.shortName ?? input.name).trim(),
        slug: input.slug,
        oktmo: input.oktmo,
        // A new municipality keeps the clock of the region that adds it unless told otherwise.
        timeZone: input.timeZone ?? ctx.actor.timeZone,
        numberPrefix: input.numberPrefix,
        population: input.population ?? null,
        signalEmail: input.signalEmail?.trim() || null,
      });
      return { result: presentOrganization(ctx.actor, row), audit: { action: 'organization.create', entityType: 'organization', entityId: row.id, organizationId: row.id, after: organizationData(row) } };
    });
  } catch (error) {
    translateUnique(error);
  }
}

export async function updateOrganization(db: Db, ctx: RequestContext, id: string, input: UpdateOrganization, now: Date): Promise<Organization> {
  checkTimeZone(input.timeZone);
  try {
    return await audited(db, ctx, async (tx) => {
      const current = assertVisible(ctx.actor, await repo.findOrganization(tx, id), (o) => o.id, 'organization_not_found', 'Организация не найдена');
      const switching = input.active === false && current.active ? 'deactivate' : input.active === true && !current.active ? 'activate' : 'edit';
      organizationPolicy.authorize(ctx.actor, switching, current);
      const row = await repo.updateOrganization(tx, id, input, now);
      const action = switching === 'edit' ? 'organization.update' : `organization.${switching}` as const;
      return { result: presentOrganization(ctx.actor, row), audit: { action, entityType: 'organization', entityId: id, organizationId: id, before: organizationData(current), after: organizationData(row) } };
    });
  } catch (error) {
    translateUnique(error);
  }
}
