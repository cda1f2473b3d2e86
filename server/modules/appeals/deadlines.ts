// The installation's deadline rules and the deadline state of an appeal at a moment.
import {
  checkDeadlineRules, computeDeadlines, DEFAULT_DEADLINE_RULES, isOverdue, OPEN_STATUSES, withOverrides, workingDaysLeft,
  DUE_SOON_WORKING_DAYS, type AppealDeadlines, type AppealStatus, type Channel, type DeadlineRules, type DeadlineRulesOverride,
} from '../../../domain/appeals';
import { russianCalendar } from '../../../domain/calendar/russianCalendar';
import type { Executor } from '../../db';
import { findSetting } from '../settings/repository';
import { cached } from '../../platform/cache';

export const DEADLINE_RULES_KEY = 'appeal_deadline_rules';
export const calendar = russianCalendar;

/** The rules in force, held in memory for a few seconds (every registration and card reads them). */
export function loadDeadlineRules(db: Executor): Promise<DeadlineRules> {
  return cached(db, DEADLINE_RULES_KEY, () => readDeadlineRules(db));
}

async function readDeadlineRules(db: Executor): Promise<DeadlineRules> {
  const stored = await findSetting(db, DEADLINE_RULES_KEY);
  if (stored === undefined) return DEFAULT_DEADLINE_RULES;
  const rules = withOverrides(DEFAULT_DEADLINE_RULES, stored as DeadlineRulesOverride);
  return checkDeadlineRules(rules).length ? DEFAULT_DEADLINE_RULES : rules;
}

export function deadlinesOf(input: { channel: string; receivedAt: Date; registeredAt: Date | null; extensionDays: number | null }, timeZone: string, rules: DeadlineRules): AppealDeadlines {
  return computeDeadlines({
    channel: input.channel as Channel, receivedAt: input.receivedAt, registeredAt: input.registeredAt,
    timeZone, rules, calendar, extensionDays: input.extensionDays,
  });
}

export interface DeadlineState {
  deadlines: AppealDeadlines;
  overdue: boolean;
  dueSoon: boolean;
  workingDaysLeft: number | null;
}

/** The deadline that runs now: registration while received, the answer while in work, none once done. */
export function currentDeadline(status: string, d: { register: string | null; answer: string | null }): string | null {
  if (!(OPEN_STATUSES as readonly string[]).includes(status)) return null;
  return status === 'received' ? d.register : d.answer;
}

export function deadlineState(
  row: { status: string; deadlineRegister: string | null; deadlineForward: string | null; deadlineAnswer: string | null },
  now: Date,
  timeZone: string,
): DeadlineState {
  const deadlines = { register: row.deadlineRegister ?? '', forward: row.deadlineForward, answer: row.deadlineAnswer ?? '' };
  const current = currentDeadline(row.status as AppealStatus, deadlines);
  if (!current) return { deadlines, overdue: false, dueSoon: false, workingDaysLeft: null };
  const left = workingDaysLeft(current, now, timeZone, calendar);
  return { deadlines, overdue: isOverdue(current, now, timeZone), dueSoon: left >= 0 && left <= DUE_SOON_WORKING_DAYS, workingDaysLeft: left };
}

/** The local date until which an answer deadline counts as due soon (2 working days ahead). */
export function dueSoonUntil(today: string): string {
  return calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
}
