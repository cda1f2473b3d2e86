// Who takes which step with an addressee of a recommendation; sending one is the region-wide `recommendations.create`.
import type { Actor } from '../../platform/actor';
import { conflict, forbidden } from '../../platform/errors';
import { definePolicy, isOwnAdministration, isRegional } from '../../platform/policy';
import { RECOMMENDATION_RULES, recommendationTransition, type RecommendationAction, type RecommendationStatus } from '../../../domain/recommendations/lifecycle';

/** One addressee of a recommendation: its administration and its status. */
export interface AddresseeResource { organizationId: string; status: RecommendationStatus }

const takes = (action: RecommendationAction) => (actor: Actor, a: AddresseeResource) =>
  (isRegional(actor) || isOwnAdministration(actor, a.organizationId)) && recommendationTransition(a.status, action, actor.role).ok;

const refusal = (action: RecommendationAction) => (actor: Actor, _a: AddresseeResource) => {
  if (!RECOMMENDATION_RULES[action].roles.includes(actor.role)) {
    return forbidden('forbidden', action === 'accept' || action === 'return' ? 'Отчёт о выполнении принимает ЦУР' : 'Ознакомление и отчёт — за контактным лицом или руководителем администрации');
  }
  return conflict('step_not_allowed', STEP_REFUSALS[action]);
};

const STEP_REFUSALS: Record<RecommendationAction, string> = {
  acknowledge: 'Администрация уже ознакомилась с рекомендацией',
  report: 'Отчёт о выполнении направляется после ознакомления и один раз; повторно — только возвращённый ЦУР',
  accept: 'Принять можно только направленный отчёт о выполнении',
  return: 'Вернуть можно только направленный отчёт о выполнении',
};

/** The `can` block of an addressee. */
export const addresseePolicy = definePolicy<RecommendationAction, AddresseeResource>({
  acknowledge: takes('acknowledge'), report: takes('report'), accept: takes('accept'), return: takes('return'),
}, {
  acknowledge: refusal('acknowledge'), report: refusal('report'), accept: refusal('accept'), return: refusal('return'),
});
