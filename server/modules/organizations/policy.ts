// What a user may do with one organisation; the answer's `can` block says it to the web.
import type { Actor } from '../../platform/actor';
import { forbidden, unprocessable } from '../../platform/errors';
import { can, definePolicy } from '../../platform/policy';

export interface OrganizationResource { kind: 'regional_center' | 'municipality'; active: boolean }

const manager = (actor: Actor) => can(actor, 'organizations.manage');

/** The `can` block of an organisation. */
export const organizationPolicy = definePolicy<'edit' | 'deactivate' | 'activate' | 'mailbox', OrganizationResource>({
  edit: manager,
  // The regional centre is the region itself: it is never switched off.
  deactivate: (actor, org) => manager(actor) && org.kind === 'municipality' && org.active,
  activate: (actor, org) => manager(actor) && org.kind === 'municipality' && !org.active,
  // Appeals arrive by e-mail into a municipality's own mailbox.
  mailbox: (actor, org) => manager(actor) && org.kind === 'municipality',
}, {
  deactivate: (actor, org) => manager(actor) && org.kind === 'regional_center'
    ? unprocessable('cannot_deactivate_regional_center', 'Центр управления региона нельзя деактивировать')
    : forbidden(),
});
