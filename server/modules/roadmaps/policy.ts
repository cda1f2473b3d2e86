// Who may change a roadmap and who may comment on it: the administration keeps its own roadmap, ЦУР reads
// every roadmap and comments on it.
import type { Actor } from '../../platform/actor';
import { definePolicy, isOwnAdministration, isRegional } from '../../platform/policy';
import { forbidden } from '../../platform/errors';

export interface RoadmapResource { organizationId: string }

const keeper = (actor: Actor, r: RoadmapResource) => isOwnAdministration(actor, r.organizationId) && ['head', 'contact_official'].includes(actor.role);

export const roadmapPolicy = definePolicy<'edit' | 'comment', RoadmapResource>({
  edit: keeper,
  comment: (actor, r) => isRegional(actor) || keeper(actor, r),
}, {
  edit: () => forbidden('forbidden', 'Дорожную карту ведёт руководитель или контактное лицо администрации'),
  comment: () => forbidden('forbidden', 'Комментируют ЦУР и администрация'),
});
