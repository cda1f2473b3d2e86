// «What needs me today»: the home page's counts for the signed-in user, each with the list it stands for.
import { OPEN_STATUSES } from '../../../domain/appeals';
import { addDays, toLocalDate } from '../../../domain/calendar/localDate';
import { reportDueDate, reportingQuarter } from '../../../domain/reports/quarters';
import type { Db } from '../../db';
import type { Actor } from '../../platform/actor';
import { isRegional, scopeOf } from '../../platform/policy';
import type { AppealFilter } from '../appeals/schema';
import * as repo from './repository';
import type { Today, TodayItem, TodayKey } from './schema';

/** Monday of the week of a local date. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

const WORKING = ['registered', 'assigned', 'in_progress', 'on_approval', 'reopened'];

/** The registry's address of a filter: the same keys the registry reads from its address. */
function registryLink(filter: AppealFilter, actor: Actor): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '') continue;
    // The registry's «мои» stands for the signed-in user.
    params.set(key, key === 'executor' && value === actor.userId ? 'me' : value === true ? '1' : String(value));
  }
  return `/appeals?${params.toString().replace(/%2C/g, ',')}`;
}

export async function today(db: Db, actor: Actor, now: Date): Promise<Today> {
  const date = toLocalDate(now, actor.timeZone);
  const weekFrom = mondayOf(date);
  const regional = isRegional(actor);
  const scope = scopeOf(actor);
  const mine = actor.role === 'executor' ? { executor: actor.userId } : {};
  // The registry filters behind the appeal counts, per role.
  const filters: Partial<Record<TodayKey, AppealFilter>> = {};
  if (actor.role === 'contact_official' || actor.role === 'head') {
    filters.appeals_to_register = { status: 'received' };
    filters.appeals_to_assign = { status: 'registered' };
  }
  if (actor.role === 'executor') filters.appeals_new_for_me = { status: 'assigned,reopened', ...mine };
  if (actor.role === 'head') filters.appeals_on_approval = { status: 'on_approval' };
  if (regional) filters.appeals_flagged = { flagged: true, status: OPEN_STATUSES.join(',') };
  filters.appeals_due_today = { status: WORKING.join(','), deadlineFrom: date, deadlineTo: date, ...mine, ...(regional ? { onControl: true } : {}) };
  filters.appeals_overdue = { overdue: true, ...mine, ...(regional ? { onControl: true } : {}) };
  filters.low_ratings = { rating: '1,2', ratedFrom: weekFrom, ...mine };
  const counts = await repo.countAppeals(db, { scope, now }, filters as Record<string, AppealFilter>, weekFrom);
  const items: TodayItem[] = Object.entries(filters).map(([key, filter]) => ({
    key: key as TodayKey, count: counts[key] ?? 0, link: registryLink(filter, actor), due: null,
  }));
  if (actor.role === 'executor') return { date, weekFrom, items };

  const r = await repo.countRisks(db, scope);
  if (regional) {
    items.push({ key: 'risk_clocks', count: r.curClocks, link: '/risks', due: null });
    items.push({ key: 'risks_to_approve', count: r.review, link: '/risks?status=review', due: null });
  } else {
    items.push({ key: 'risks_unread', count: r.unread, link: '/risks?status=detected', due: null });
    items.push({ key: 'risk_clocks', count: r.draftClocks, link: '/risks', due: null });
  }
  const q = await repo.countRequests(db, scope, now);
  items.push(regional ? { key: 'requests_overdue', count: q.overdue, link: '/requests', due: null } : { key: 'requests_open', count: q.open, link: '/requests', due: null });
  if (regional) {
    items.push({ key: 'reports_to_review', count: await repo.countReportsToReview(db), link: '/reports', due: null });
  } else {
    const { year, quarter } = reportingQuarter(date);
    const status = await repo.reportStatus(db, actor.organizationId, year, quarter);
    const pending = status === null || status === 'draft' || status === 'signed' || status === 'returned';
    items.push({ key: 'report_due', count: pending ? 1 : 0, link: '/reports', due: reportDueDate(year, quarter) });
  }
  return { date, weekFrom, items };
}
