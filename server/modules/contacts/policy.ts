// Who may keep an administration's contact officials: its head or contact official, or ЦУР's administrator.
import type { Actor } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import { definePolicy, isOwnAdministration } from '../../platform/policy';

export interface ContactResource { organizationId: string }

const keeps = (actor: Actor, contact: ContactResource) =>
  actor.role === 'cur_admin' || (isOwnAdministration(actor, contact.organizationId) && ['head', 'contact_official'].includes(actor.role));

/** The `can` block of a contact official; adding one asks `edit` of the administration it would belong to. */
export const contactPolicy = definePolicy<'edit', ContactResource>({ edit: keeps }, {
  edit: () => forbidden('forbidden', 'Изменять контактных лиц может руководитель, контактное лицо администрации или администратор ЦУР'),
});
