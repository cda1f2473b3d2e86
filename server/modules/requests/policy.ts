// Who may answer a request of ЦУР; sending one is the region-wide `requests.create` of the platform policy.
import type { Actor } from '../../platform/actor';
import { conflict, forbidden } from '../../platform/errors';
import { definePolicy, isOwnAdministration } from '../../platform/policy';

/** The request as one addressee sees it: its own administration and whether it has answered. */
export interface RequestResource { organizationId: string | null; answered: boolean }

const answerer = (actor: Actor, request: RequestResource) =>
  !!request.organizationId && isOwnAdministration(actor, request.organizationId) && ['contact_official', 'head'].includes(actor.role);

/** The `can` block of a request. */
export const requestPolicy = definePolicy<'answer', RequestResource>({
  answer: (actor, request) => answerer(actor, request) && !request.answered,
}, {
  answer: (actor, request) => answerer(actor, request)
    ? conflict('already_answered', 'Администрация уже ответила на этот запрос')
    : forbidden('forbidden', 'Отвечает контактное лицо или руководитель администрации'),
});
