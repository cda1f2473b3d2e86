import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles';
import {
  RECOMMENDATION_ACTIONS, RECOMMENDATION_STATUSES, isRecommendationOverdue, recommendationTransition,
  type RecommendationAction, type RecommendationStatus,
} from './lifecycle';

// The design, written out by hand: the status each step leads to from each status; absent = refused.
const EXPECTED: Record<RecommendationStatus, Partial<Record<RecommendationAction, RecommendationStatus>>> = {
  sent: { acknowledge: 'acknowledged' },
  acknowledged: { report: 'reported' },
  reported: { accept: 'accepted', return: 'returned' },
  accepted: {},
  returned: { report: 'reported' },
};

const MAY: Record<RecommendationAction, Role[]> = {
  acknowledge: ['head', 'contact_official'],
  report: ['head', 'contact_official'],
  accept: ['cur_admin', 'cur_analyst'],
  return: ['cur_admin', 'cur_analyst'],
};

describe('life cycle of an addressee of a recommendation', () => {
  const cases = RECOMMENDATION_STATUSES.flatMap((status) => RECOMMENDATION_ACTIONS.map((action) => [status, action] as const));
  it.each(cases)('from %s, %s', (status, action) => {
    const to = EXPECTED[status][action];
    expect(recommendationTransition(status, action, MAY[action][0])).toEqual(to ? { ok: true, to } : { ok: false, reason: 'not_allowed_in_status' });
  });

  const byRole = RECOMMENDATION_ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const));
  it.each(byRole)('%s by %s', (action, role) => {
    const from = RECOMMENDATION_STATUSES.find((s) => EXPECTED[s][action])!;
    const result = recommendationTransition(from, action, role);
    expect(result.ok).toBe(MAY[action].includes(role));
    if (!result.ok) expect(result.reason).toBe('role_forbidden');
  });

  it('refuses an unknown step', () => {
    expect(recommendationTransition('sent', 'publish', 'head')).toEqual({ ok: false, reason: 'unknown_action' });
  });
});

describe('overdue addressee', () => {
  const due = new Date('2026-12-01T00:00:00Z');
  const after = new Date('2026-12-02T00:00:00Z');
  it.each([
    ['sent', due, after, true],
    ['acknowledged', due, after, true],
    ['returned', due, after, true],
    ['reported', due, after, false],
    ['accepted', due, after, false],
    ['sent', due, new Date('2026-11-30T00:00:00Z'), false],
    ['sent', null, after, false],
  ] as const)('%s, due %s, at %s → %s', (status, dueAt, now, overdue) => {
    expect(isRecommendationOverdue(status, dueAt, now)).toBe(overdue);
  });
});
