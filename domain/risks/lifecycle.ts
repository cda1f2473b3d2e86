// The §7 algorithm for information risks as a state machine, and its two 3-hour clocks.
//
//   detected ─acknowledge→ acknowledged ─submit_draft→ review ─remark→ revision ─submit_draft→ review
//   review ─approve (head and ЦУР, in any order)→ approved ─publish→ published ─close→ closed
//   propose (ЦУР's proposal for the official comment) may come at any open step and keeps the status;
//   close with «no reaction needed» or «confirmed» is possible from any open step.
import type { Role } from '../roles';
import type { PayloadField, PayloadSpec } from '../payload';

export const RISK_PLATFORMS = ['vk', 'telegram', 'ok', 'max', 'dzen', 'website', 'news', 'other'] as const;
export type RiskPlatform = (typeof RISK_PLATFORMS)[number];
export const RISK_KINDS = ['misinformation', 'negative', 'needs_clarification', 'conflict'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_OUTCOMES = ['refuted', 'clarified', 'confirmed', 'no_reaction_needed'] as const;
export type RiskOutcome = (typeof RISK_OUTCOMES)[number];

export const RISK_STATUSES = ['detected', 'acknowledged', 'review', 'revision', 'approved', 'published', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export const OPEN_RISK_STATUSES: readonly RiskStatus[] = ['detected', 'acknowledged', 'review', 'revision', 'approved', 'published'];

export const RISK_ACTIONS = ['acknowledge', 'propose', 'submit_draft', 'remark', 'approve', 'publish', 'close'] as const;
export type RiskAction = (typeof RISK_ACTIONS)[number];

const CUR: readonly Role[] = ['cur_analyst', 'cur_admin'];
const ADMINISTRATION: readonly Role[] = ['contact_official', 'head'];

interface RiskActionRule {
  from: readonly RiskStatus[];
  actors: readonly Role[];
  /** What the step accepts; every step may carry a note for the history. */
  payload: PayloadSpec;
}

/** The fields of any step, as the step reads them once checked against the specs below. */
export interface RiskActionPayload {
  text?: string;
  place?: string;
  link?: string;
  publishedAt?: string;
  outcome?: RiskOutcome;
  note?: string;
}

const note: PayloadField = { type: 'text', required: false, max: 5000, description: 'Примечание к шагу в ходе работы' };
const commentText = (required: boolean): PayloadField => ({ type: 'text', required, min: 1, max: 20000, description: 'Текст предложения, проекта комментария или замечаний' });

export const RISK_ACTION_RULES: Record<RiskAction, RiskActionRule> = {
  acknowledge: { from: ['detected'], actors: ADMINISTRATION, payload: { note } },
  propose: { from: ['detected', 'acknowledged', 'review', 'revision'], actors: CUR, payload: { text: commentText(true), note } },
  submit_draft: { from: ['detected', 'acknowledged', 'revision'], actors: ADMINISTRATION, payload: { text: commentText(true), note } },
  remark: { from: ['review'], actors: [...CUR, 'head'], payload: { text: commentText(true), note } },
  approve: { from: ['review'], actors: [...CUR, 'head'], payload: { note } },
  publish: {
    from: ['approved'], actors: [...ADMINISTRATION, ...CUR],
    payload: {
      place: { type: 'text', required: true, min: 1, max: 300, description: 'Где опубликован комментарий' },
      link: { type: 'url', required: false, description: 'Ссылка на опубликованный комментарий' },
      publishedAt: { type: 'datetime', required: false, description: 'Когда опубликован; по умолчанию — сейчас' },
      text: { ...commentText(false), description: 'Опубликованный текст; по умолчанию — последний проект' },
      note,
    },
  },
  close: { from: [...OPEN_RISK_STATUSES], actors: [...CUR, ...ADMINISTRATION], payload: { outcome: { type: 'enum', required: true, values: RISK_OUTCOMES, description: 'Итог работы с риском' }, note } },
};

export interface RiskState {
  status: RiskStatus;
  headApproved: boolean;
  curApproved: boolean;
}

export type RiskRefusal = 'unknown_action' | 'not_allowed_in_status' | 'role_forbidden' | 'already_approved' | 'outcome_needs_publication';
export type RiskOutcomeResult = { ok: true; to: RiskStatus } | { ok: false; reason: RiskRefusal };

export function isRiskAction(value: unknown): value is RiskAction {
  return (RISK_ACTIONS as readonly unknown[]).includes(value);
}

/** Where the action leads from this state, or why it is refused. `outcome` matters only for close. */
export function riskTransition(state: RiskState, action: string, role: Role, outcome?: RiskOutcome): RiskOutcomeResult {
  if (!isRiskAction(action)) return { ok: false, reason: 'unknown_action' };
  const rule = RISK_ACTION_RULES[action];
  if (!rule.from.includes(state.status)) return { ok: false, reason: 'not_allowed_in_status' };
  if (!rule.actors.includes(role)) return { ok: false, reason: 'role_forbidden' };
  switch (action) {
    case 'acknowledge': return { ok: true, to: 'acknowledged' };
    case 'propose': return { ok: true, to: state.status };
    case 'submit_draft': return { ok: true, to: 'review' };
    case 'remark': return { ok: true, to: 'revision' };
    case 'approve': {
      const byCur = CUR.includes(role);
      if (byCur ? state.curApproved : state.headApproved) return { ok: false, reason: 'already_approved' };
      const both = byCur ? state.headApproved : state.curApproved;
      return { ok: true, to: both ? 'approved' : 'review' };
    }
    case 'publish': return { ok: true, to: 'published' };
    case 'close':
      // A refutation or clarification exists only once it has been published.
      if ((outcome === 'refuted' || outcome === 'clarified') && state.status !== 'published') return { ok: false, reason: 'outcome_needs_publication' };
      return { ok: true, to: 'closed' };
  }
}

export function availableRiskActions(state: RiskState, role: Role): RiskAction[] {
  return RISK_ACTIONS.filter((a) => riskTransition(state, a, role).ok);
}

/** §11.10 and §10.3: three clock hours, day and night. */
export const RISK_CLOCK_HOURS = 3;
/** Escalation starts this long before a clock runs out. */
export const RISK_WARNING_MINUTES = 60;

export type ClockState = 'running' | 'due_soon' | 'overdue' | 'met' | 'late' | 'not_started';

export interface RiskClock {
  /** The moment the clock runs out; null while it has not started (no signal received yet). */
  deadline: Date | null;
  /** When the step was done; null while it is not. */
  doneAt: Date | null;
  state: ClockState;
  /** Milliseconds left (negative when overdue); null once done or not started. */
  leftMs: number | null;
}

export function clockDeadline(start: Date): Date {
  return new Date(start.getTime() + RISK_CLOCK_HOURS * 3600_000);
}

export function clockState(deadline: Date | null, doneAt: Date | null, now: Date): RiskClock {
  if (!deadline) return { deadline: null, doneAt, state: 'not_started', leftMs: null };
  if (doneAt) return { deadline, doneAt, state: doneAt.getTime() <= deadline.getTime() ? 'met' : 'late', leftMs: null };
  const leftMs = deadline.getTime() - now.getTime();
  const state = leftMs < 0 ? 'overdue' : leftMs <= RISK_WARNING_MINUTES * 60_000 ? 'due_soon' : 'running';
  return { deadline, doneAt: null, state, leftMs };
}
