import { describe, expect, it } from 'vitest';
import { availableRiskActions, clockDeadline, clockState, riskTransition, type RiskState } from './lifecycle';

const state = (status: RiskState['status'], headApproved = false, curApproved = false): RiskState => ({ status, headApproved, curApproved });

describe('risk life cycle', () => {
  it('walks the §7 steps', () => {
    expect(riskTransition(state('detected'), 'acknowledge', 'contact_official')).toEqual({ ok: true, to: 'acknowledged' });
    expect(riskTransition(state('acknowledged'), 'propose', 'cur_analyst')).toEqual({ ok: true, to: 'acknowledged' });
    expect(riskTransition(state('acknowledged'), 'submit_draft', 'contact_official')).toEqual({ ok: true, to: 'review' });
    expect(riskTransition(state('review'), 'remark', 'cur_analyst')).toEqual({ ok: true, to: 'revision' });
    expect(riskTransition(state('revision'), 'submit_draft', 'head')).toEqual({ ok: true, to: 'review' });
    expect(riskTransition(state('review'), 'approve', 'head')).toEqual({ ok: true, to: 'review' });
    expect(riskTransition(state('review', true), 'approve', 'cur_analyst')).toEqual({ ok: true, to: 'approved' });
    expect(riskTransition(state('review', false, true), 'approve', 'head')).toEqual({ ok: true, to: 'approved' });
    expect(riskTransition(state('approved', true, true), 'publish', 'contact_official')).toEqual({ ok: true, to: 'published' });
    expect(riskTransition(state('published', true, true), 'close', 'cur_analyst', 'refuted')).toEqual({ ok: true, to: 'closed' });
  });

  it('refuses what the regulation does not allow', () => {
    expect(riskTransition(state('detected'), 'acknowledge', 'cur_analyst')).toEqual({ ok: false, reason: 'role_forbidden' });
    expect(riskTransition(state('detected'), 'propose', 'contact_official')).toEqual({ ok: false, reason: 'role_forbidden' });
    expect(riskTransition(state('acknowledged'), 'publish', 'head')).toEqual({ ok: false, reason: 'not_allowed_in_status' });
    expect(riskTransition(state('review', true), 'approve', 'head')).toEqual({ ok: false, reason: 'already_approved' });
    expect(riskTransition(state('acknowledged'), 'close', 'cur_analyst', 'refuted')).toEqual({ ok: false, reason: 'outcome_needs_publication' });
    expect(riskTransition(state('acknowledged'), 'close', 'cur_analyst', 'no_reaction_needed')).toEqual({ ok: true, to: 'closed' });
    expect(riskTransition(state('closed'), 'close', 'cur_analyst', 'confirmed')).toEqual({ ok: false, reason: 'not_allowed_in_status' });
    expect(riskTransition(state('review'), 'fly', 'head')).toEqual({ ok: false, reason: 'unknown_action' });
    expect(availableRiskActions(state('detected'), 'executor')).toEqual([]);
  });
});

describe('the 3-hour clocks', () => {
  it('a signal at 23:30 runs out at 02:30 the next day', () => {
    // 23:30 in Yekaterinburg (UTC+5) is 18:30 UTC.
    const detected = new Date('2026-11-26T18:30:00Z');
    expect(clockDeadline(detected).toISOString()).toBe('2026-11-26T21:30:00.000Z');
    const deadline = clockDeadline(detected);
    expect(clockState(deadline, null, new Date('2026-11-26T20:00:00Z')).state).toBe('running');
    expect(clockState(deadline, null, new Date('2026-11-26T20:30:00Z')).state).toBe('due_soon');
    expect(clockState(deadline, null, new Date('2026-11-26T21:30:01Z'))).toMatchObject({ state: 'overdue', leftMs: -1000 });
    expect(clockState(deadline, new Date('2026-11-26T21:29:00Z'), new Date('2026-11-27T09:00:00Z')).state).toBe('met');
    expect(clockState(deadline, new Date('2026-11-26T21:31:00Z'), new Date('2026-11-27T09:00:00Z')).state).toBe('late');
    expect(clockState(null, null, detected).state).toBe('not_started');
  });

  it('across the end of a year, on a holiday night', () => {
    const deadline = clockDeadline(new Date('2026-12-31T22:15:00Z'));
    expect(deadline.toISOString()).toBe('2027-01-01T01:15:00.000Z');
    expect(clockState(deadline, null, new Date('2027-01-01T00:15:00Z')).state).toBe('due_soon');
  });
});
