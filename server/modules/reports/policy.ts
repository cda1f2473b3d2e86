// Who may read, edit, export a quarterly report and take which of its steps.
import { EDITABLE_REPORT_STATUSES, REPORT_ACTIONS, reportTransition, type ReportAction, type ReportStatus } from '../../../domain/reports/lifecycle';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { definePolicy, isOwnAdministration, isRegional } from '../../platform/policy';

export interface ReportResource { organizationId: string; status: string }

/** ЦУР reads a report once it has been sent to it. */
const readable = (actor: Actor, report: ReportResource) => !isRegional(actor) || !['draft', 'signed'].includes(report.status);
const writer = (actor: Actor, report: ReportResource) => isOwnAdministration(actor, report.organizationId) && ['head', 'contact_official', 'executor'].includes(actor.role);

export const reportNotFound = () => notFound('report_not_found', 'Отчёт не найден');

/** The `can` block of a report; `read` refuses as if the report did not exist. */
export const reportPolicy = definePolicy<'read' | 'edit' | 'export', ReportResource>({
  read: readable,
  edit: (actor, report) => writer(actor, report) && EDITABLE_REPORT_STATUSES.includes(report.status as ReportStatus),
  export: readable,
}, {
  read: () => reportNotFound(),
  edit: (actor, report) => writer(actor, report)
    ? conflict('report_locked', 'Подписанный отчёт не редактируется; ЦУР может вернуть его на доработку')
    : forbidden('forbidden', 'Аналитическую часть заполняет администрация'),
  export: () => reportNotFound(),
});

/** A step is open to ЦУР or to the report's own administration when the life cycle lets the actor's role take it. */
const stepRule = (action: ReportAction) => (actor: Actor, r: ReportResource) =>
  (isRegional(actor) || isOwnAdministration(actor, r.organizationId)) && reportTransition(r.status as ReportStatus, action, actor.role).ok;

/** The report's steps open to the actor: the `actions` next to `can`. */
export const reportStepPolicy = definePolicy<ReportAction, ReportResource>({
  sign: stepRule('sign'), submit: stepRule('submit'), accept: stepRule('accept'), return: stepRule('return'),
});

export function availableReportActions(actor: Actor, report: ReportResource): ReportAction[] {
  return REPORT_ACTIONS.filter((a) => reportStepPolicy.can(actor, a, report));
}
