// Authorization in one place: pure checks over the actor, and the tenant scope that repositories apply.
import type { Role } from '../../domain/roles';
import { isRegionalRole } from '../../domain/roles';
import { ACTION_RULES } from '../../domain/appeals';
import type { Actor } from './actor';
import type { CodeWithStatus } from '../../domain/errors';
import { forbidden, notFound, type AppError } from './errors';

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

/** Whether the actor works for the regional centre and so acts across every municipality of the region. */
export function isRegional(actor: Actor): boolean {
  return isRegionalRole(actor.role);
}

/** Whether the actor works for the administration of this very municipality. */
export function isOwnAdministration(actor: Actor, organizationId: string): boolean {
  return !isRegional(actor) && actor.organizationId === organizationId;
}

/** One rule per action: whether the actor may take it on the resource. Pure, no I/O. */
export type Rules<A extends string, R> = { readonly [K in A]: (actor: Actor, resource: R) => boolean };

export interface Policy<A extends string, R> {
  readonly actions: readonly A[];
  can(actor: Actor, action: A, resource: R): boolean;
  /** Throws the action's refusal (403 `forbidden` unless the policy names another) when the actor may not. */
  authorize(actor: Actor, action: A, resource: R): void;
  /** The `can` block of a response: every action of the policy with its answer for this actor and resource. */
  capabilities(actor: Actor, resource: R): Record<A, boolean>;
}

/** How an action refuses, where it answers with its own code or message (it may depend on why it refuses). */
export type Refusals<A extends string, R> = Partial<Record<A, (actor: Actor, resource: R) => AppError>>;

/** A resource's policy from its rules and, where an action refuses with its own code or message, that refusal. */
export function definePolicy<A extends string, R = void>(rules: Rules<A, R>, refusals: Refusals<A, R> = {}): Policy<A, R> {
  const actions = Object.keys(rules) as A[];
  const can = (actor: Actor, action: A, resource: R) => rules[action](actor, resource);
  return {
    actions,
    can,
    authorize(actor, action, resource) {
      if (!can(actor, action, resource)) throw refusals[action]?.(actor, resource) ?? forbidden();
    },
    capabilities(actor, resource) {
      return Object.fromEntries(actions.map((a) => [a, can(actor, a, resource)])) as Record<A, boolean>;
    },
  };
}

const anyone = (roles: readonly string[]) => (actor: Actor) => roles.includes(actor.role);

/** Region-wide capabilities, not tied to one object; the session carries them as `policies`. */
const RULES = {
  'organizations.manage': anyone(['cur_admin']),
  'users.manage': anyone(['cur_admin']),
  'users.list': anyone(['cur_admin', 'cur_analyst', 'head', 'contact_official', 'executor']),
  'audit.read': anyone(['cur_admin']),
  'settings.manage': anyone(['cur_admin']),
  'departments.manage': anyone(['cur_admin', 'head']),
  'risks.create': anyone(['cur_admin', 'cur_analyst', 'contact_official', 'head']),
  'reports.compose': (actor: Actor) => !isRegional(actor),
  'requests.create': isRegional,
  'recommendations.create': isRegional,
  'practices.propose': anyone(['head', 'contact_official']),
  'trainings.manage': isRegional,
  'contacts.create': anyone(['cur_admin', 'head', 'contact_official']),
  'imports.run': anyone(['cur_admin', 'cur_analyst', 'head', 'contact_official']),
  'imports.categories': anyone(['cur_admin']),
  'open311.manage': anyone(['cur_admin']),
  'monitoring.manage': isRegional,
  'officialPages.manage': anyone(['cur_admin', 'head', 'contact_official']),
  'officialPages.check': anyone(['cur_admin', 'cur_analyst', 'head', 'contact_official']),
  'roadmaps.create': anyone(['head', 'contact_official']),
  'publications.manage': anyone(['cur_admin', 'cur_analyst', 'head', 'contact_official']),
  'polls.manage': anyone(['cur_admin', 'cur_analyst', 'head', 'contact_official']),
  // Steps the registry applies to a selection of appeals (each appeal still checks its own step).
  'appeals.assign': anyone(ACTION_RULES.assign.actors),
  'appeals.control': anyone(ACTION_RULES.set_control.actors),
  // The region's integrations belong to the ЦУР administrator; the head of an administration subscribes to its own events.
  'webhooks.manage': anyone(['cur_admin', 'head']),
} satisfies Rules<string, void>;

export type Action = keyof typeof RULES;
const platformPolicy = definePolicy<Action>(RULES);

export function can(actor: Actor, action: Action): boolean {
  return platformPolicy.can(actor, action);
}

export function authorize(actor: Actor, action: Action, refusal: () => AppError = forbidden): void {
  if (!can(actor, action)) throw refusal();
}

/** Policies block sent with the session so that the UI never re-derives permissions. */
export function policiesFor(actor: Actor): Record<Action, boolean> {
  return platformPolicy.capabilities(actor);
}
