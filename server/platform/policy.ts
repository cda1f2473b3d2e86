// Authorization in one place: pure checks over the actor, and the tenant scope that repositories apply.
import type { Role } from '../../domain/roles';
import { isRegionalRole } from '../../domain/roles';
import type { Actor } from './actor';
import type { CodeWithStatus } from '../../domain/errors';
import { forbidden, notFound } from './errors';

/** Organisation ids the actor may read, or `'all'` for the regional centre. */
export type Scope = 'all' | string[];

export function scopeOf(actor: Actor): Scope {
  return isRegionalRole(actor.role) ? 'all' : [actor.organizationId];
}

export function inScope(actor: Actor, organizationId: string | null | undefined): boolean {
  const scope = scopeOf(actor);
  return scope === 'all' || (!!organizationId && scope.includes(organizationId));
}

/**
 * Throws 404 when the object belongs to an organisation outside the actor's scope:
 * another municipality's object must look like it does not exist.
 */
export function assertVisible<T>(actor: Actor, object: T | null | undefined, organizationIdOf: (o: T) => string | null, code: CodeWithStatus<404> = 'not_found', message = 'Объект не найден'): T {
  if (!object || !inScope(actor, organizationIdOf(object))) throw notFound(code, message);
  return object;
}

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw forbidden();
}

export type Action =
  | 'organizations.manage'
  | 'users.manage'
  | 'users.list'
  | 'audit.read'
  | 'settings.manage';

const RULES: Record<Action, readonly Role[]> = {
  'organizations.manage': ['cur_admin'],
  'users.manage': ['cur_admin'],
  'users.list': ['cur_admin', 'cur_analyst', 'head', 'contact_official', 'executor'],
  'audit.read': ['cur_admin'],
  'settings.manage': ['cur_admin'],
};

export function can(actor: Actor, action: Action): boolean {
  return RULES[action].includes(actor.role);
}

export function authorize(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw forbidden();
}

/** Policies block sent with responses so that the UI never re-derives permissions. */
export function policiesFor(actor: Actor): Record<Action, boolean> {
  return Object.fromEntries((Object.keys(RULES) as Action[]).map((a) => [a, can(actor, a)])) as Record<Action, boolean>;
}
