// The life cycle of a practice in the library (§4.4): a municipality proposes it, ЦУР publishes it for the
// whole region or returns it with remarks; a returned practice is corrected and proposed again.
//
//   proposed ─publish→ published
//            └return→ returned ─edit→ proposed
import { REGIONAL_ROLES, type Role } from '../roles';

export const PRACTICE_STATUSES = ['proposed', 'published', 'returned'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];
export const PRACTICE_KINDS = ['practice', 'regulation'] as const;
export type PracticeKind = (typeof PRACTICE_KINDS)[number];

export const PRACTICE_ACTIONS = ['edit', 'publish', 'return'] as const;
export type PracticeAction = (typeof PRACTICE_ACTIONS)[number];

export const PRACTICE_RULES: Record<PracticeAction, { from: readonly PracticeStatus[]; to: PracticeStatus; roles: readonly Role[] }> = {
  edit: { from: ['proposed', 'returned'], to: 'proposed', roles: ['head', 'contact_official'] },
  publish: { from: ['proposed'], to: 'published', roles: REGIONAL_ROLES },
  return: { from: ['proposed'], to: 'returned', roles: REGIONAL_ROLES },
};

/** The status the step leads to, or null when the status or the role does not allow it. */
export function practiceTransition(status: PracticeStatus, action: PracticeAction, role: Role): PracticeStatus | null {
  const rule = PRACTICE_RULES[action];
  return rule.from.includes(status) && rule.roles.includes(role) ? rule.to : null;
}
