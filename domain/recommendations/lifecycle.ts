// The life cycle of one addressee of a ЦУР recommendation (§4.3, §4.5, §6.1) as data: the administration
// acknowledges it («ознакомлен»), then reports how it was implemented; ЦУР accepts the report or returns
// it with remarks, and a returned report is sent anew.
//
//   sent ─acknowledge→ acknowledged ─report→ reported ─accept→ accepted
//                                             └return→ returned ─report→ reported
import { REGIONAL_ROLES, type Role } from '../roles';

export const RECOMMENDATION_STATUSES = ['sent', 'acknowledged', 'reported', 'accepted', 'returned'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const RECOMMENDATION_ACTIONS = ['acknowledge', 'report', 'accept', 'return'] as const;
export type RecommendationAction = (typeof RECOMMENDATION_ACTIONS)[number];

interface Rule {
  from: readonly RecommendationStatus[];
  to: RecommendationStatus;
  /** Roles that take the step; municipal roles only for their own administration. */
  roles: readonly Role[];
}

const ADMINISTRATION: readonly Role[] = ['head', 'contact_official'];

export const RECOMMENDATION_RULES: Record<RecommendationAction, Rule> = {
  acknowledge: { from: ['sent'], to: 'acknowledged', roles: ADMINISTRATION },
  report: { from: ['acknowledged', 'returned'], to: 'reported', roles: ADMINISTRATION },
  accept: { from: ['reported'], to: 'accepted', roles: REGIONAL_ROLES },
  return: { from: ['reported'], to: 'returned', roles: REGIONAL_ROLES },
};

export type RecommendationRefusal = 'unknown_action' | 'not_allowed_in_status' | 'role_forbidden';
export type RecommendationTransition = { ok: true; to: RecommendationStatus } | { ok: false; reason: RecommendationRefusal };

/** Where the step leads from this status when this role takes it, or why it is refused. */
export function recommendationTransition(status: RecommendationStatus, action: string, role: Role): RecommendationTransition {
  if (!(RECOMMENDATION_ACTIONS as readonly string[]).includes(action)) return { ok: false, reason: 'unknown_action' };
  const rule = RECOMMENDATION_RULES[action as RecommendationAction];
  if (!rule.from.includes(status)) return { ok: false, reason: 'not_allowed_in_status' };
  if (!rule.roles.includes(role)) return { ok: false, reason: 'role_forbidden' };
  return { ok: true, to: rule.to };
}

/** Statuses in which the administration still owes something: acknowledgement or a (new) report. */
export const OPEN_RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = ['sent', 'acknowledged', 'returned'];

/** Whether the addressee is late: the due date has passed and its report has not been sent or accepted. */
export function isRecommendationOverdue(status: RecommendationStatus, dueAt: Date | null, now: Date): boolean {
  return !!dueAt && now > dueAt && OPEN_RECOMMENDATION_STATUSES.includes(status);
}

/** How long before the due date the administration is reminded, once. */
export const RECOMMENDATION_REMINDER_HOURS = 72;
