// Who may read, edit, export a quarterly report and take which of its steps.
import { REPORT_ACTIONS, type ReportAction } from '../../../domain/reports/status';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { definePolicy, isOwnAdministration, isRegional } from '../../platform/policy';

export interface ReportResource { organizationId: string; status: string }

const EDITABLE = ['draft', 'returned'];
/** ЦУР reads a report once it has been sent to it. */
const readable = (actor: Actor, report: ReportResource) => !isRegional(actor) || !['draft', 'signed'].includes(report.status);
const writer = (actor: Actor, report: ReportResource) => isOwnAdministration(actor, report.organizationId) && ['head', 'contact_official', 'executor'].includes(actor.role);

export const reportNotFound = () => notFound('report_not_found', 'Отчёт не найден');

/** The `can` block of a report; `read` refuses as if the report did not exist. */
export const reportPolicy = definePolicy<'read' | 'edit' | 'export', ReportResource>({
  read: readable,
  edit: (actor, report) => writer(actor, report) && EDITABLE.includes(report.status),
  export: readable,
}, {
  read: () => reportNotFound(),
  edit: (actor, report) => writer(actor, report)
    ? conflict('report_locked', 'Подписанный отчёт не редактируется; ЦУР может вернуть его на доработку')
    : forbidden('forbidden', 'Аналитическую часть заполняет администрация'),
  export: () => reportNotFound(),
});

/** The report's steps open to the actor: the `actions` next to `can`. */
export const reportStepPolicy = definePolicy<ReportAction, ReportResource>({
  sign: (actor, r) => isOwnAdministration(actor, r.organizationId) && actor.role === 'head' && EDITABLE.includes(r.status),
  submit: (actor, r) => isOwnAdministration(actor, r.organizationId) && ['head', 'contact_official'].includes(actor.role) && r.status === 'signed',
  accept: (actor, r) => isRegional(actor) && r.status === 'submitted',
  return: (actor, r) => isRegional(actor) && r.status === 'submitted',
});

export function availableReportActions(actor: Actor, report: ReportResource): ReportAction[] {
  return REPORT_ACTIONS.filter((a) => reportStepPolicy.can(actor, a, report));
}
