// Installation settings managed by the ЦУР administrator: the deadline rules of appeals per channel.
import { checkDeadlineRules, DEFAULT_DEADLINE_RULES, type DeadlineRules } from '../../../domain/appeals';
import type { Db } from '../../db';
import type { RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { validationFailed } from '../../platform/errors';
import { authorize } from '../../platform/policy';
import { DEADLINE_RULES_KEY, loadDeadlineRules } from '../appeals/deadlines';
import { findSetting, saveSetting } from './repository';

export async function getDeadlineRules(db: Db) {
  const stored = await findSetting(db, DEADLINE_RULES_KEY);
  return { rules: await loadDeadlineRules(db), defaults: DEFAULT_DEADLINE_RULES, customized: stored !== undefined };
}

export async function setDeadlineRules(db: Db, ctx: RequestContext, rules: DeadlineRules, now: Date) {
  authorize(ctx.actor, 'settings.manage');
  const problems = checkDeadlineRules(rules);
  if (problems.length) throw validationFailed(problems.map((field) => ({ field, message: 'Недопустимое значение срока' })));
  await audited(db, ctx, async (tx) => {
    const before = await loadDeadlineRules(tx);
    await saveSetting(tx, DEADLINE_RULES_KEY, rules, now);
    return { result: undefined, audit: { action: 'settings.deadline_rules', entityType: 'settings', entityId: DEADLINE_RULES_KEY, organizationId: ctx.actor.organizationId, before, after: rules } };
  });
  return { rules: await loadDeadlineRules(db), defaults: DEFAULT_DEADLINE_RULES, customized: true };
}
