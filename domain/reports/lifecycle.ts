// The life cycle of a quarterly report (§10.1–10.2) as data: which step leads from which status to which,
// and who takes it. The administration fills in the analytical part, its head signs, the head or the
// contact official submits, ЦУР accepts or returns; a returned report is signed anew.
//
//   draft ─sign→ signed ─submit→ submitted ─accept→ accepted
//                                          └return→ returned ─sign→ signed
import { REGIONAL_ROLES, type Role } from '../roles';
import type { PayloadSpec } from '../payload';
import { REPORT_ACTIONS, type ReportAction, type ReportStatus } from './status';

export { REPORT_ACTIONS, REPORT_STATUSES, isReportAction, type ReportAction, type ReportStatus } from './status';

/** Statuses in which the administration may still change the analytical part. */
export const EDITABLE_REPORT_STATUSES: readonly ReportStatus[] = ['draft', 'returned'];

interface ReportActionRule {
  from: readonly ReportStatus[];
  to: ReportStatus;
  /** Roles that take the step; municipal roles only for their own administration's report. */
  roles: readonly Role[];
  /** What the step accepts: ЦУР's remarks, required to return a report. */
  payload: PayloadSpec;
}

/** The fields of any step, as the step reads them once checked against the specs below. */
export interface ReportActionPayload {
  remarks?: string;
}

const remarks = (required: boolean) => ({ type: 'text', required, min: required ? 1 : undefined, max: 5000, description: 'Замечания ЦУР: обязательны для return, необязательны для accept' }) as const;

export const REPORT_ACTION_RULES: Record<ReportAction, ReportActionRule> = {
  sign: { from: EDITABLE_REPORT_STATUSES, to: 'signed', roles: ['head'], payload: {} },
  submit: { from: ['signed'], to: 'submitted', roles: ['head', 'contact_official'], payload: {} },
  accept: { from: ['submitted'], to: 'accepted', roles: REGIONAL_ROLES, payload: { remarks: remarks(false) } },
  return: { from: ['submitted'], to: 'returned', roles: REGIONAL_ROLES, payload: { remarks: remarks(true) } },
};

export type ReportRefusal = 'unknown_action' | 'not_allowed_in_status' | 'role_forbidden';
export type ReportTransition = { ok: true; to: ReportStatus } | { ok: false; reason: ReportRefusal };

/** Where the step leads from this status when this role takes it, or why it is refused. */
export function reportTransition(status: ReportStatus, action: string, role: Role): ReportTransition {
  if (!(REPORT_ACTIONS as readonly string[]).includes(action)) return { ok: false, reason: 'unknown_action' };
  const rule = REPORT_ACTION_RULES[action as ReportAction];
  if (!rule.from.includes(status)) return { ok: false, reason: 'not_allowed_in_status' };
  if (!rule.roles.includes(role)) return { ok: false, reason: 'role_forbidden' };
  return { ok: true, to: rule.to };
}
