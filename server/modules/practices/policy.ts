// Who may change a practice of the library; proposing one is the region-wide `practices.propose`.
import type { Actor } from '../../platform/actor';
import { conflict, forbidden } from '../../platform/errors';
import { definePolicy, isOwnAdministration, isRegional } from '../../platform/policy';
import { PRACTICE_RULES, practiceTransition, type PracticeAction, type PracticeStatus } from '../../../domain/practices/lifecycle';

export interface PracticeResource { organizationId: string; status: PracticeStatus }

const takes = (action: PracticeAction) => (actor: Actor, p: PracticeResource) =>
  (isRegional(actor) || isOwnAdministration(actor, p.organizationId)) && practiceTransition(p.status, action, actor.role) !== null;

const refusal = (action: PracticeAction) => (actor: Actor) => PRACTICE_RULES[action].roles.includes(actor.role)
  ? conflict('step_not_allowed', action === 'edit' ? 'Опубликованная практика не изменяется' : 'Решение принимается по предложенной практике один раз')
  : forbidden('forbidden', action === 'edit' ? 'Изменяет практику предложившая её администрация' : 'Публикует и возвращает практики ЦУР');

export const practicePolicy = definePolicy<PracticeAction, PracticeResource>({
  edit: takes('edit'), publish: takes('publish'), return: takes('return'),
}, { edit: refusal('edit'), publish: refusal('publish'), return: refusal('return') });
