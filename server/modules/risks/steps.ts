// What each step of a risk's §7 algorithm stores besides its status: one function per step, returning the
// values to set and, for steps that write the comment, the kind of version their text becomes.
import { clockDeadline, type RiskAction } from '../../../domain/risks';
import type { Executor } from '../../db';
import type { risks } from '../../db/schema';
import type { RequestContext } from '../../platform/actor';
import { validationFailed } from '../../platform/errors';
import type { ActionBody } from './schema';
import { lastDraft as findLastDraft } from './repository';

export interface RiskStep {
  tx: Executor;
  ctx: RequestContext;
  body: ActionBody;
  current: typeof risks.$inferSelect;
  /** The step is taken by ЦУР (not by the administration). */
  byCur: boolean;
  now: Date;
}

export interface RiskStepResult {
  values: Partial<typeof risks.$inferInsert>;
  versionKind?: 'proposal' | 'draft' | 'remark';
}

function need(body: ActionBody, field: keyof ActionBody, message: string): void {
  if (!body[field]) throw validationFailed([{ field, message }]);
}

export const RISK_STEPS: Record<RiskAction, (s: RiskStep) => Promise<RiskStepResult>> = {
  // Reading the signal is recorded as a fact; the administration's clock already runs from its delivery.
  async acknowledge({ ctx, now }) {
    return { values: { acknowledgedAt: now, acknowledgedBy: ctx.actor.userId } };
  },

  async propose({ ctx, body, current, now }) {
    need(body, 'text', 'Напишите предложение ЦУР по официальному комментарию');
    const values: RiskStepResult['values'] = {};
    if (!current.curProposalAt) values.curProposalAt = now;
    if (!current.curatorId) values.curatorId = ctx.actor.userId;
    return { values, versionKind: 'proposal' };
  },

  async submit_draft({ ctx, body, current, now }) {
    need(body, 'text', 'Напишите проект официального комментария');
    const values: RiskStepResult['values'] = {};
    if (!current.acknowledgedAt) Object.assign(values, { acknowledgedAt: now, acknowledgedBy: ctx.actor.userId });
    // A risk delivered before the clock started at delivery may still have none: it starts now.
    if (!current.deadlineDraft) Object.assign(values, { signalReceivedAt: current.signalReceivedAt ?? now, deadlineDraft: clockDeadline(current.signalReceivedAt ?? now) });
    if (!current.draftAt) values.draftAt = now;
    // A new draft needs a new agreement from both sides.
    Object.assign(values, { headApprovedAt: null, headApprovedBy: null, curApprovedAt: null, curApprovedBy: null });
    return { values, versionKind: 'draft' };
  },

  async remark({ body }) {
    need(body, 'text', 'Напишите замечания к проекту');
    return { values: {}, versionKind: 'remark' };
  },

  async approve({ ctx, byCur, now }) {
    return { values: byCur ? { curApprovedAt: now, curApprovedBy: ctx.actor.userId } : { headApprovedAt: now, headApprovedBy: ctx.actor.userId } };
  },

  async publish({ tx, body, current, now }) {
    need(body, 'place', 'Укажите, где опубликован комментарий');
    const lastDraft = await findLastDraft(tx, current.id);
    const at = body.publishedAt ? new Date(body.publishedAt) : now;
    if (at.getTime() > now.getTime() + 5 * 60_000) throw validationFailed([{ field: 'publishedAt', message: 'Время публикации не может быть в будущем' }]);
    return { values: { publicationAt: at, publicationPlace: body.place, publicationLink: body.link ?? null, publicationText: body.text?.trim() || lastDraft?.text || '' } };
  },

  async close({ body, now }) {
    need(body, 'outcome', 'Укажите итог');
    return { values: { closedAt: now, outcome: body.outcome } };
  },
};
