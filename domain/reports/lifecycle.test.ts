import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles';
import { REPORT_ACTIONS, REPORT_STATUSES, reportTransition, type ReportAction, type ReportStatus } from './lifecycle';

// The design, written out by hand: the status each step leads to from each status; absent = refused.
const EXPECTED: Record<ReportStatus, Partial<Record<ReportAction, ReportStatus>>> = {
  draft: { sign: 'signed' },
  signed: { submit: 'submitted' },
  submitted: { accept: 'accepted', return: 'returned' },
  accepted: {},
  returned: { sign: 'signed' },
};

// Who takes each step (where the status allows it).
const MAY: Record<ReportAction, Role[]> = {
  sign: ['head'],
  submit: ['head', 'contact_official'],
  accept: ['cur_admin', 'cur_analyst'],
  return: ['cur_admin', 'cur_analyst'],
};

describe('report life cycle', () => {
  const cases = REPORT_STATUSES.flatMap((status) => REPORT_ACTIONS.map((action) => [status, action] as const));
  it.each(cases)('from %s, %s', (status, action) => {
    const to = EXPECTED[status][action];
    const role = MAY[action][0];
    expect(reportTransition(status, action, role)).toEqual(to ? { ok: true, to } : { ok: false, reason: 'not_allowed_in_status' });
  });

  const byRole = REPORT_ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const));
  it.each(byRole)('%s by %s', (action, role) => {
    const from = REPORT_STATUSES.find((s) => EXPECTED[s][action])!;
    const result = reportTransition(from, action, role);
    expect(result.ok).toBe(MAY[action].includes(role));
    if (!result.ok) expect(result.reason).toBe('role_forbidden');
  });

  it('refuses an unknown step', () => {
    expect(reportTransition('draft', 'publish', 'head')).toEqual({ ok: false, reason: 'unknown_action' });
  });
});
