// Who may do what with an official page: its own administration (head, contact official) and the ЦУР
// administrator manage it; the ЦУР analyst sees the region's table and may run the check.
import { can, isOwnAdministration, isRegional } from '../../platform/policy';
import { definePolicy } from '../../platform/policy';

export interface PageResource { organizationId: string }

const manages = (actor: Parameters<typeof isRegional>[0], page: PageResource) =>
  can(actor, 'officialPages.manage') && (isRegional(actor) || isOwnAdministration(actor, page.organizationId));

export const pagePolicy = definePolicy<'update' | 'delete' | 'check', PageResource>({
  update: manages,
  delete: manages,
  check: (actor, page) => can(actor, 'officialPages.check') && (isRegional(actor) || isOwnAdministration(actor, page.organizationId)),
});
