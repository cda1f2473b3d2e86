// Who may do what with a webhook subscription: the ЦУР administrator with any, the head with its own municipality's.
import { definePolicy, isOwnAdministration } from '../../platform/policy';
import type { Actor } from '../../platform/actor';

interface SubscriptionRef { organizationId: string | null }

const manages = (actor: Actor, s: SubscriptionRef) => actor.role === 'cur_admin' || (actor.role === 'head' && !!s.organizationId && isOwnAdministration(actor, s.organizationId));

export const webhookPolicy = definePolicy<'read' | 'edit' | 'delete' | 'retry', SubscriptionRef>({
  read: manages,
  edit: manages,
  delete: manages,
  retry: manages,
});
