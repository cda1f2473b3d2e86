// Installation settings managed by the ЦУР administrator: the deadline rules of appeals per channel and the
// windows of repeated appeals, re-sends and problem clusters.
import { checkDeadlineRules, DEFAULT_DEADLINE_RULES, type DeadlineRules } from '../../../domain/appeals';
import type { Db } from '../../db';
import type { RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { validationFailed } from '../../platform/errors';
import { authorize } from '../../platform/policy';
import { DEADLINE_RULES_KEY, loadDeadlineRules } from '../appeals/deadlines';
import { DEFAULT_TEXT_DETECTION, loadTextDetection, TEXT_DETECTION_KEY } from '../appeals/signals';
import { findSetting, saveSetting } from './repository';
import type { TextDetection } from './schema';

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

export async function getTextDetection(db: Db) {
  return { settings: await loadTextDetection(db), defaults: DEFAULT_TEXT_DETECTION };
}

export async function setTextDetection(db: Db, ctx: RequestContext, value: TextDetection, now: Date) {
  authorize(ctx.actor, 'settings.manage');
  await audited(db, ctx, async (tx) => {
    const before = await loadTextDetection(tx);
    await saveSetting(tx, TEXT_DETECTION_KEY, value, now);
    return { result: undefined, audit: { action: 'settings.text_detection', entityType: 'settings', entityId: TEXT_DETECTION_KEY, organizationId: ctx.actor.organizationId, before, after: value } };
  });
  return getTextDetection(db);
}
