import { describe, expect, it } from 'vitest';
import { ROLES } from '../roles';
import { DEFAULT_DEADLINE_RULES, withOverrides } from './deadlines';
import { ACTION_LABELS, NO_ANSWER_GROUND_LABELS, STATUS_LABELS, TRANSITION_REFUSAL_LABELS } from './labels';
import {
  ACTION_RULES,
  APPEAL_ACTIONS,
  APPEAL_STATUSES,
  availableActions,
  checkActionPayload,
  NO_ANSWER_GROUNDS,
  transition,
  type AppealAction,
  type AppealActor,
  type AppealContext,
  type AppealStatus,
} from './lifecycle';

const ACTORS: AppealActor[] = [...ROLES, 'system'];
const fz59: AppealContext = { channel: 'fz59', extended: false, onControl: false };

// The design, written out by hand: the status each action leads to from each status; absent = refused.
const SAME = 'same';
const EXPECTED: Record<AppealStatus, Partial<Record<AppealAction, AppealStatus | typeof SAME>>> = {
  received: { register: 'registered', merge: 'merged', set_control: SAME, unset_control: SAME },
  registered: { assign: 'assigned', forward: 'forwarded', leave_without_answer: 'left_without_answer', merge: 'merged', extend: SAME, set_control: SAME, unset_control: SAME },
  assigned: { assign: 'assigned', take: 'in_progress', forward: 'forwarded', leave_without_answer: 'left_without_answer', merge: 'merged', extend: SAME, set_control: SAME, unset_control: SAME },
  in_progress: { assign: 'assigned', submit_answer: 'on_approval', forward: 'forwarded', leave_without_answer: 'left_without_answer', merge: 'merged', extend: SAME, set_control: SAME, unset_control: SAME },
  on_approval: { approve: 'answered', return_for_rework: 'in_progress', extend: SAME, set_control: SAME, unset_control: SAME },
  answered: { close: 'closed', reopen: 'reopened' },
  closed: { reopen: 'reopened' },
  forwarded: { close: 'closed', reopen: 'reopened' },
  left_without_answer: { close: 'closed', reopen: 'reopened' },
  merged: {},
  reopened: { assign: 'assigned', take: 'in_progress', forward: 'forwarded', leave_without_answer: 'left_without_answer', merge: 'merged', extend: SAME, set_control: SAME, unset_control: SAME },
};

// Who may take each action (where the status allows it).
const MAY: Record<AppealAction, AppealActor[]> = {
  register: ['executor', 'contact_official', 'head', 'system'],
  assign: ['head', 'contact_official'],
  take: ['executor', 'head'],
  submit_answer: ['executor', 'head'],
  approve: ['head'],
  return_for_rework: ['head'],
  close: ['executor', 'contact_official', 'head', 'system'],
  forward: ['executor', 'contact_official', 'head'],
  leave_without_answer: ['executor', 'head'],
  merge: ['executor', 'contact_official', 'head'],
  reopen: ['cur_analyst', 'cur_admin', 'system'],
  extend: ['head'],
  set_control: ['head', 'cur_analyst', 'cur_admin'],
  unset_control: ['head', 'cur_analyst', 'cur_admin'],
};

const contextFor = (action: AppealAction): AppealContext => ({ ...fz59, onControl: action === 'unset_control' });

describe('appeal life cycle: every action from every status', () => {
  const cases = APPEAL_STATUSES.flatMap((status) => APPEAL_ACTIONS.map((action) => [status, action] as const));

  it.each(cases)('%s → %s', (status, action) => {
    const expected = EXPECTED[status][action];
    const outcome = transition(status, action, MAY[action][0], contextFor(action));
    if (expected === undefined) expect(outcome).toEqual({ ok: false, reason: 'not_allowed_in_status' });
    else expect(outcome).toEqual({ ok: true, to: expected === SAME ? status : expected });
  });

  it('refuses in the status before looking at the role', () => {
    for (const [status, action] of cases) {
      if (EXPECTED[status][action] !== undefined) continue;
      for (const actor of ACTORS) expect(transition(status, action, actor, contextFor(action))).toEqual({ ok: false, reason: 'not_allowed_in_status' });
    }
  });

  it('leaves a merged appeal with nothing to do', () => {
    for (const actor of ACTORS) expect(availableActions('merged', actor, fz59)).toEqual([]);
  });
});

describe('appeal life cycle: roles', () => {
  const cases = APPEAL_ACTIONS.flatMap((action) => ACTORS.map((actor) => [action, actor] as const));

  it.each(cases)('%s by %s', (action, actor) => {
    const status = APPEAL_STATUSES.find((s) => EXPECTED[s][action] !== undefined)!;
    const outcome = transition(status, action, actor, contextFor(action));
    if (MAY[action].includes(actor)) expect(outcome.ok).toBe(true);
    else expect(outcome).toEqual({ ok: false, reason: 'role_forbidden' });
  });

  it('lets ЦУР only reopen and control, never work an appeal', () => {
    for (const status of APPEAL_STATUSES) {
      for (const actor of ['cur_analyst', 'cur_admin'] as const) {
        const actions = availableActions(status, actor, fz59);
        expect(actions.every((a) => ['reopen', 'set_control'].includes(a))).toBe(true);
      }
    }
  });

  it('offers each role its buttons', () => {
    expect(availableActions('received', 'executor', fz59)).toEqual(['register', 'merge']);
    expect(availableActions('assigned', 'executor', fz59)).toEqual(['take', 'forward', 'leave_without_answer', 'merge']);
    expect(availableActions('in_progress', 'executor', fz59)).toEqual(['submit_answer', 'forward', 'leave_without_answer', 'merge']);
    expect(availableActions('on_approval', 'executor', fz59)).toEqual([]);
    expect(availableActions('on_approval', 'head', fz59)).toEqual(['approve', 'return_for_rework', 'extend', 'set_control']);
    expect(availableActions('reopened', 'contact_official', fz59)).toEqual(['assign', 'forward', 'merge']);
    expect(availableActions('answered', 'cur_analyst', fz59)).toEqual(['reopen']);
    expect(availableActions('in_progress', 'cur_admin', { ...fz59, onControl: true })).toEqual(['unset_control']);
    expect(availableActions('answered', 'system', fz59)).toEqual(['close', 'reopen']);
    expect(availableActions('received', 'system', fz59)).toEqual(['register']);
  });
});

describe('appeal life cycle: context', () => {
  it('extends only a 59-ФЗ appeal, and only once', () => {
    expect(transition('in_progress', 'extend', 'head', fz59)).toEqual({ ok: true, to: 'in_progress' });
    expect(transition('in_progress', 'extend', 'head', { ...fz59, extended: true })).toEqual({ ok: false, reason: 'already_extended' });
    for (const channel of ['pos', 'social', 'voice', 'survey', 'other'] as const) {
      expect(transition('in_progress', 'extend', 'head', { ...fz59, channel })).toEqual({ ok: false, reason: 'channel_not_extendable' });
      expect(availableActions('in_progress', 'head', { ...fz59, channel })).not.toContain('extend');
    }
  });

  it('follows the installation rules on which channels extend', () => {
    const rules = withOverrides(DEFAULT_DEADLINE_RULES, { channels: { pos: { extension: { days: 5, unit: 'working' } } } });
    expect(transition('assigned', 'extend', 'head', { ...fz59, channel: 'pos', rules })).toEqual({ ok: true, to: 'assigned' });
  });

  it('sets control once and unsets it only when set', () => {
    expect(transition('registered', 'set_control', 'cur_analyst', { ...fz59, onControl: true })).toEqual({ ok: false, reason: 'already_on_control' });
    expect(transition('registered', 'unset_control', 'cur_analyst', fz59)).toEqual({ ok: false, reason: 'not_on_control' });
    expect(availableActions('registered', 'head', { ...fz59, onControl: true })).toContain('unset_control');
    expect(availableActions('registered', 'head', { ...fz59, onControl: true })).not.toContain('set_control');
  });

  it('refuses an unknown action', () => {
    expect(transition('registered', 'delete', 'cur_admin', fz59)).toEqual({ ok: false, reason: 'unknown_action' });
  });
});

describe('action payloads', () => {
  it('requires the fields of each action', () => {
    expect(checkActionPayload('assign', {}, 'head')).toEqual({ ok: false, reason: 'invalid_payload', problems: [{ field: 'departmentId', code: 'required' }] });
    expect(checkActionPayload('assign', { departmentId: 'd1', executorId: 'u1', extra: 1 }, 'head')).toEqual({ ok: true, payload: { departmentId: 'd1', executorId: 'u1' } });
    expect(checkActionPayload('submit_answer', { answerText: '  ', resultCode: 'maybe' }, 'executor')).toEqual({
      ok: false,
      reason: 'invalid_payload',
      problems: [{ field: 'answerText', code: 'required' }, { field: 'resultCode', code: 'invalid' }],
    });
    expect(checkActionPayload('submit_answer', { answerText: ' Ответ ', resultCode: 'explained' }, 'executor')).toEqual({ ok: true, payload: { answerText: 'Ответ', resultCode: 'explained' } });
    expect(checkActionPayload('return_for_rework', {}, 'head').ok).toBe(false);
    expect(checkActionPayload('forward', { bodyName: 'Прокуратура', forwardedOn: '2026-02-30' }, 'executor')).toEqual({
      ok: false,
      reason: 'invalid_payload',
      problems: [{ field: 'forwardedOn', code: 'invalid' }],
    });
    expect(checkActionPayload('forward', { bodyName: 'Прокуратура', forwardedOn: '2026-03-02' }, 'executor').ok).toBe(true);
    expect(checkActionPayload('merge', { duplicateOf: 'a1' }, 'executor').ok).toBe(true);
    expect(checkActionPayload('take', undefined, 'executor')).toEqual({ ok: true, payload: {} });
    expect(checkActionPayload('register', null, 'system')).toEqual({ ok: true, payload: {} });
  });

  it('limits an extension to 1–30 days with a reason', () => {
    expect(checkActionPayload('extend', { reason: 'Запрос документов', days: 30 }, 'head').ok).toBe(true);
    expect(checkActionPayload('extend', { reason: 'Запрос документов', days: 31 }, 'head')).toEqual({ ok: false, reason: 'invalid_payload', problems: [{ field: 'days', code: 'out_of_range' }] });
    expect(checkActionPayload('extend', { reason: 'Запрос документов', days: 0 }, 'head').ok).toBe(false);
    expect(checkActionPayload('extend', { reason: 'Запрос документов', days: '10' }, 'head').ok).toBe(false);
    expect(checkActionPayload('extend', { days: 10 }, 'head')).toEqual({ ok: false, reason: 'invalid_payload', problems: [{ field: 'reason', code: 'required' }] });
  });

  it('knows who may leave an appeal without an answer on which ground', () => {
    expect(checkActionPayload('leave_without_answer', { ground: 'no_name_or_address' }, 'executor').ok).toBe(true);
    expect(checkActionPayload('leave_without_answer', { ground: 'unreadable' }, 'executor').ok).toBe(true);
    expect(checkActionPayload('leave_without_answer', { ground: 'repeated_without_new_arguments' }, 'executor')).toEqual({
      ok: false,
      reason: 'invalid_payload',
      problems: [{ field: 'ground', code: 'head_decision_required' }],
    });
    expect(checkActionPayload('leave_without_answer', { ground: 'obscene_or_threatening' }, 'head').ok).toBe(true);
    expect(checkActionPayload('leave_without_answer', { ground: 'rude' }, 'head').ok).toBe(false);
  });

  it('reopens by ЦУР with a remark, by the system on a rating of 1 or 2', () => {
    expect(checkActionPayload('reopen', { reason: 'returned_by_cur', remark: 'Ответ не по существу' }, 'cur_analyst').ok).toBe(true);
    expect(checkActionPayload('reopen', { reason: 'returned_by_cur' }, 'cur_admin')).toEqual({ ok: false, reason: 'invalid_payload', problems: [{ field: 'remark', code: 'required' }] });
    expect(checkActionPayload('reopen', { reason: 'negative_rating', rating: 1 }, 'cur_analyst').ok).toBe(false);
    expect(checkActionPayload('reopen', { reason: 'negative_rating', rating: 2 }, 'system').ok).toBe(true);
    expect(checkActionPayload('reopen', { reason: 'negative_rating', rating: 3 }, 'system')).toEqual({ ok: false, reason: 'invalid_payload', problems: [{ field: 'rating', code: 'out_of_range' }] });
    expect(checkActionPayload('reopen', { reason: 'negative_rating' }, 'system')).toEqual({ ok: false, reason: 'invalid_payload', problems: [{ field: 'rating', code: 'required' }] });
    expect(checkActionPayload('reopen', { reason: 'returned_by_cur', remark: 'x' }, 'system').ok).toBe(false);
  });
});

describe('labels', () => {
  it('name every status, action, refusal and ground in both languages', () => {
    for (const locale of ['ru', 'en'] as const) {
      for (const status of APPEAL_STATUSES) expect(STATUS_LABELS[locale][status]).toBeTruthy();
      for (const action of APPEAL_ACTIONS) expect(ACTION_LABELS[locale][action]).toBeTruthy();
      for (const ground of NO_ANSWER_GROUNDS) expect(NO_ANSWER_GROUND_LABELS[locale][ground]).toBeTruthy();
      expect(Object.keys(TRANSITION_REFUSAL_LABELS[locale])).toHaveLength(7);
    }
    expect(NO_ANSWER_GROUND_LABELS.ru.no_name_or_address).toContain('ч. 1 ст. 11');
  });

  it('declare a payload for every action', () => {
    for (const action of APPEAL_ACTIONS) expect(ACTION_RULES[action].payload).toBeDefined();
  });
});
