// The appeal's life cycle: which action may be taken from which status, by whom, with what
// payload. The server enforces it; the web app asks it which buttons to show.
//
//   received ─register→ registered ─assign→ assigned ─take→ in_progress ─submit_answer→ on_approval
//   on_approval ─approve→ answered ─close→ closed;  on_approval ─return_for_rework→ in_progress
//   registered | assigned | in_progress | reopened ─forward→ forwarded
//                                                  ─leave_without_answer→ left_without_answer
//   received | registered | assigned | in_progress | reopened ─merge→ merged (a duplicate)
//   answered | closed | forwarded | left_without_answer ─reopen→ reopened ─assign | take→ …
//   extend, set_control, unset_control keep the status.
//
// The status says where the appeal is; the result code of the answer says how it was resolved for
// ССТУ. So an approved notice that correspondence is stopped (ч.5 ст.11) is `answered` with the
// result `left_without_answer`, while the status `left_without_answer` is for appeals to which
// nothing is sent on the merits (ст.11 ч.1, ч.3, ч.4, ч.4.1, ч.5).
import { isLocalDate } from '../calendar/localDate';
import type { Role } from '../roles';
import { DEFAULT_DEADLINE_RULES, FZ59_MAX_EXTENSION_DAYS, type DeadlineRules } from './deadlines';
import { RESULT_CODES, type Channel, type ResultCode } from './model';

export const APPEAL_STATUSES = [
  'received', 'registered', 'assigned', 'in_progress', 'on_approval', 'answered', 'closed',
  'forwarded', 'left_without_answer', 'merged', 'reopened',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** Statuses in which the appeal is still being worked on and its deadlines run. */
export const OPEN_STATUSES: readonly AppealStatus[] = ['received', 'registered', 'assigned', 'in_progress', 'on_approval', 'reopened'];

export const APPEAL_ACTIONS = [
  'register', 'assign', 'take', 'submit_answer', 'approve', 'return_for_rework', 'close', 'forward',
  'leave_without_answer', 'merge', 'reopen', 'extend', 'set_control', 'unset_control',
] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

/** People act in a role; `system` is the platform itself (channel intake, ratings, sweeps). */
export type AppealActor = Role | 'system';

/** 59-ФЗ ст.11: grounds to leave an appeal without an answer on the merits. */
export const NO_ANSWER_GROUNDS = [
  'no_name_or_address',
  'obscene_or_threatening',
  'unreadable',
  'essence_undeterminable',
  'repeated_without_new_arguments',
] as const;
export type NoAnswerGround = (typeof NO_ANSWER_GROUNDS)[number];

export interface NoAnswerGroundInfo {
  /** Part of article 11 of 59-ФЗ. */
  part: string;
  /** The law leaves it to the head («вправе»): an executor may not decide it alone. */
  headDecision: boolean;
}

export const NO_ANSWER_GROUND_INFO: Record<NoAnswerGround, NoAnswerGroundInfo> = {
  no_name_or_address: { part: '1', headDecision: false },
  obscene_or_threatening: { part: '3', headDecision: true },
  unreadable: { part: '4', headDecision: false },
  essence_undeterminable: { part: '4.1', headDecision: false },
  repeated_without_new_arguments: { part: '5', headDecision: true },
};

export const REOPEN_REASONS = ['negative_rating', 'returned_by_cur'] as const;
export type ReopenReason = (typeof REOPEN_REASONS)[number];

/** Ratings (1–5) that count as negative and reopen the appeal. */
export const NEGATIVE_RATINGS: readonly number[] = [1, 2];

export interface ActionPayloads {
  register: Record<string, never>;
  assign: { departmentId: string; executorId?: string };
  take: Record<string, never>;
  submit_answer: { answerText: string; resultCode: ResultCode };
  approve: { despiteWarning?: boolean };
  return_for_rework: { remark: string };
  close: Record<string, never>;
  forward: { bodyName: string; forwardedOn: string };
  leave_without_answer: { ground: NoAnswerGround; note?: string };
  merge: { duplicateOf: string };
  reopen: { reason: ReopenReason; remark?: string; rating?: number };
  extend: { reason: string; days: number };
  set_control: Record<string, never>;
  unset_control: Record<string, never>;
}

export type FieldType = 'text' | 'id' | 'date' | 'integer' | 'enum' | 'boolean';

export interface FieldSpec {
  type: FieldType;
  required: boolean;
  values?: readonly string[];
  min?: number;
  max?: number;
}

export interface ActionRule {
  from: readonly AppealStatus[];
  /** `same` for actions that change a property, not the status. */
  to: AppealStatus | 'same';
  actors: readonly AppealActor[];
  payload: Record<string, FieldSpec>;
}

const WORKING: readonly AppealStatus[] = ['registered', 'assigned', 'in_progress', 'reopened'];
const MUNICIPAL: readonly AppealActor[] = ['executor', 'contact_official', 'head'];
const CONTROLLERS: readonly AppealActor[] = ['head', 'cur_analyst', 'cur_admin'];

const text = (required: boolean): FieldSpec => ({ type: 'text', required });
const id = (required: boolean): FieldSpec => ({ type: 'id', required });

export const ACTION_RULES: Record<AppealAction, ActionRule> = {
  register: { from: ['received'], to: 'registered', actors: [...MUNICIPAL, 'system'], payload: {} },
  assign: { from: WORKING, to: 'assigned', actors: ['head', 'contact_official'], payload: { departmentId: id(true), executorId: id(false) } },
  take: { from: ['assigned', 'reopened'], to: 'in_progress', actors: ['executor', 'head'], payload: {} },
  submit_answer: {
    from: ['in_progress'],
    to: 'on_approval',
    actors: ['executor', 'head'],
    payload: { answerText: text(true), resultCode: { type: 'enum', required: true, values: RESULT_CODES } },
  },
  // The head approves a draft the «отписка» check warns about only by saying so (despiteWarning: true).
  approve: { from: ['on_approval'], to: 'answered', actors: ['head'], payload: { despiteWarning: { type: 'boolean', required: false } } },
  return_for_rework: { from: ['on_approval'], to: 'in_progress', actors: ['head'], payload: { remark: text(true) } },
  close: { from: ['answered', 'forwarded', 'left_without_answer'], to: 'closed', actors: [...MUNICIPAL, 'system'], payload: {} },
  forward: { from: WORKING, to: 'forwarded', actors: MUNICIPAL, payload: { bodyName: text(true), forwardedOn: { type: 'date', required: true } } },
  leave_without_answer: {
    from: WORKING,
    to: 'left_without_answer',
    actors: ['executor', 'head'],
    payload: { ground: { type: 'enum', required: true, values: NO_ANSWER_GROUNDS }, note: text(false) },
  },
  merge: { from: ['received', ...WORKING], to: 'merged', actors: MUNICIPAL, payload: { duplicateOf: id(true) } },
  reopen: {
    from: ['answered', 'closed', 'forwarded', 'left_without_answer'],
    to: 'reopened',
    actors: ['cur_analyst', 'cur_admin', 'system'],
    payload: {
      reason: { type: 'enum', required: true, values: REOPEN_REASONS },
      remark: text(false),
      rating: { type: 'integer', required: false, min: 1, max: 5 },
    },
  },
  // 59-ФЗ ст.12 ч.2: the head extends, once, by up to 30 days, telling the author. The payload
  // bounds the days by the law; checkExtension in deadlines.ts applies the installation's maximum.
  extend: {
    from: [...WORKING, 'on_approval'],
    to: 'same',
    actors: ['head'],
    payload: { reason: text(true), days: { type: 'integer', required: true, min: 1, max: FZ59_MAX_EXTENSION_DAYS } },
  },
  set_control: { from: OPEN_STATUSES, to: 'same', actors: CONTROLLERS, payload: {} },
  unset_control: { from: OPEN_STATUSES, to: 'same', actors: CONTROLLERS, payload: {} },
};

/** What the machine needs to know about the appeal beyond its status. */
export interface AppealContext {
  channel: Channel;
  /** An extension has already been granted. */
  extended: boolean;
  onControl: boolean;
  /** The installation's deadline rules; they say which channels allow an extension. */
  rules?: DeadlineRules;
}

export type TransitionRefusal =
  | 'unknown_action'
  | 'not_allowed_in_status'
  | 'role_forbidden'
  | 'channel_not_extendable'
  | 'already_extended'
  | 'already_on_control'
  | 'not_on_control';

export type TransitionOutcome = { ok: true; to: AppealStatus } | { ok: false; reason: TransitionRefusal };

export function isAppealAction(value: unknown): value is AppealAction {
  return (APPEAL_ACTIONS as readonly unknown[]).includes(value);
}

/** Checked in order: the action exists, the status allows it, the actor may take it, the appeal's context. */
export function transition(status: AppealStatus, action: string, actor: AppealActor, context: AppealContext): TransitionOutcome {
  if (!isAppealAction(action)) return { ok: false, reason: 'unknown_action' };
  const rule = ACTION_RULES[action];
  if (!rule.from.includes(status)) return { ok: false, reason: 'not_allowed_in_status' };
  if (!rule.actors.includes(actor)) return { ok: false, reason: 'role_forbidden' };
  if (action === 'extend') {
    const rules = context.rules ?? DEFAULT_DEADLINE_RULES;
    if (rules.channels[context.channel].extension === null) return { ok: false, reason: 'channel_not_extendable' };
    if (context.extended) return { ok: false, reason: 'already_extended' };
  }
  if (action === 'set_control' && context.onControl) return { ok: false, reason: 'already_on_control' };
  if (action === 'unset_control' && !context.onControl) return { ok: false, reason: 'not_on_control' };
  return { ok: true, to: rule.to === 'same' ? status : rule.to };
}

/** The actions the actor may take now, in the order of APPEAL_ACTIONS. */
export function availableActions(status: AppealStatus, actor: AppealActor, context: AppealContext): AppealAction[] {
  return APPEAL_ACTIONS.filter((action) => transition(status, action, actor, context).ok);
}

export type PayloadProblemCode = 'required' | 'invalid' | 'out_of_range' | 'not_allowed_for_actor' | 'head_decision_required';

export interface PayloadProblem {
  field: string;
  code: PayloadProblemCode;
}

export type PayloadCheck<A extends AppealAction> = { ok: true; payload: ActionPayloads[A] } | { ok: false; reason: 'invalid_payload'; problems: PayloadProblem[] };

function checkField(value: unknown, spec: FieldSpec): PayloadProblemCode | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return spec.required ? 'required' : null;
  switch (spec.type) {
    case 'text':
    case 'id':
      return typeof value === 'string' ? null : 'invalid';
    case 'date':
      return isLocalDate(value) ? null : 'invalid';
    case 'enum':
      return typeof value === 'string' && spec.values!.includes(value) ? null : 'invalid';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'invalid';
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'invalid';
      return (spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max) ? 'out_of_range' : null;
  }
}

/**
 * Validates the payload of an action: required fields, types, ranges, and the rules that depend on
 * who acts (a reopen by ЦУР needs a remark, one by the system a negative rating; an executor may
 * not leave an appeal unanswered on a ground the law leaves to the head). Unknown fields are dropped.
 */
export function checkActionPayload<A extends AppealAction>(action: A, payload: unknown, actor: AppealActor): PayloadCheck<A> {
  const input = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const specs = ACTION_RULES[action].payload;
  const problems: PayloadProblem[] = [];
  const clean: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(specs)) {
    const code = checkField(input[field], spec);
    if (code) problems.push({ field, code });
    else if (input[field] !== undefined && input[field] !== null && input[field] !== '') {
      clean[field] = typeof input[field] === 'string' ? (input[field] as string).trim() : input[field];
    }
  }
  if (problems.length === 0) problems.push(...actorRules(action, clean, actor));
  return problems.length > 0 ? { ok: false, reason: 'invalid_payload', problems } : { ok: true, payload: clean as ActionPayloads[A] };
}

function actorRules(action: AppealAction, payload: Record<string, unknown>, actor: AppealActor): PayloadProblem[] {
  if (action === 'reopen') {
    if (actor === 'system') {
      if (payload.reason !== 'negative_rating') return [{ field: 'reason', code: 'not_allowed_for_actor' }];
      if (payload.rating === undefined) return [{ field: 'rating', code: 'required' }];
      if (!NEGATIVE_RATINGS.includes(payload.rating as number)) return [{ field: 'rating', code: 'out_of_range' }];
    } else {
      if (payload.reason !== 'returned_by_cur') return [{ field: 'reason', code: 'not_allowed_for_actor' }];
      if (payload.remark === undefined) return [{ field: 'remark', code: 'required' }];
    }
  }
  if (action === 'leave_without_answer' && actor !== 'head' && NO_ANSWER_GROUND_INFO[payload.ground as NoAnswerGround].headDecision) {
    return [{ field: 'ground', code: 'head_decision_required' }];
  }
  return [];
}

