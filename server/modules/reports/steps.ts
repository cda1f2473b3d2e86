// What each step of a quarterly report's life cycle stores besides its status, and whom it tells: one
// function per step. The statuses and who may take which step are in domain/reports/lifecycle.ts.
import type { ReportAction } from '../../../domain/reports/lifecycle';
import type { Quarter } from '../../../domain/reports/quarters';
import type { Executor } from '../../db';
import type { organizations, quarterlyReports } from '../../db/schema';
import type { RequestContext } from '../../platform/actor';
import { validationFailed } from '../../platform/errors';
import { notify } from '../../platform/notifications';
import { currentContacts } from '../contacts/repository';
import { activeHeads, activeRegionalStaff } from '../users/repository';
import { buildFigures } from './figures';

export interface ReportStep {
  tx: Executor;
  ctx: RequestContext;
  body: { remarks?: string };
  current: typeof quarterlyReports.$inferSelect;
  org: typeof organizations.$inferSelect;
  now: Date;
}

type Values = Partial<typeof quarterlyReports.$inferInsert>;

/** ЦУР's decision reaches the administration's contact officials and heads. */
async function tellAdministration(s: ReportStep, action: 'accept' | 'return'): Promise<void> {
  const { tx, current, body } = s;
  const contacts = await currentContacts(tx, current.organizationId);
  const heads = await activeHeads(tx, current.organizationId);
  await notify(tx, { userIds: [...contacts.userIds, ...heads.map((h) => h.id)], organizationId: current.organizationId, kind: `report.${action}`, title: `Отчёт за ${current.quarter} квартал ${current.year} г. ${action === 'accept' ? 'принят ЦУР' : 'возвращён ЦУР на доработку'}`, body: body.remarks ?? null, entityType: 'report', entityId: current.id, link: `/reports/${current.id}` });
}

export const REPORT_STEPS: Record<ReportAction, (s: ReportStep) => Promise<Values>> = {
  async sign({ ctx, current, now }) {
    const a = current.analytics;
    const missing = (['mainProblems', 'measures', 'proposals'] as const).filter((k) => !a[k]?.trim());
    if (missing.length) throw validationFailed(missing.map((field) => ({ field: `analytics.${field}`, message: 'Заполните аналитическую часть' })), 'Перед подписанием заполните аналитическую часть');
    return { signedAt: now, signedBy: ctx.actor.userId };
  },

  async submit(s) {
    const { tx, ctx, current, org, now } = s;
    // The figures are frozen as submitted, so that what ЦУР accepts does not change afterwards.
    const figures = await buildFigures(tx, current.organizationId, current.year, current.quarter as Quarter, now);
    const cur = await activeRegionalStaff(tx, ['cur_analyst']);
    await notify(tx, { userIds: cur.map((u) => u.id), organizationId: current.organizationId, kind: 'report.submitted', title: `${org.shortName}: отчёт за ${current.quarter} квартал ${current.year} г.`, entityType: 'report', entityId: current.id, link: `/reports/${current.id}` });
    return { submittedAt: now, submittedBy: ctx.actor.userId, figures };
  },

  async accept(s) {
    const values: Values = { reviewedAt: s.now, reviewedBy: s.ctx.actor.userId, remarks: s.body.remarks?.trim() || null };
    await tellAdministration(s, 'accept');
    return values;
  },

  async return(s) {
    if (!s.body.remarks?.trim()) throw validationFailed([{ field: 'remarks', message: 'Укажите замечания' }]);
    const values: Values = { reviewedAt: s.now, reviewedBy: s.ctx.actor.userId, remarks: s.body.remarks.trim(), figures: null, signedAt: null, signedBy: null };
    await tellAdministration(s, 'return');
    return values;
  },
};
