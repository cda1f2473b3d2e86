// Deadlines of an appeal: when it must be registered, forwarded and answered, as local dates of
// the municipality, and how close "now" is to each of them.
//
// Counting (one rule for every term):
// - A term counts from the day after its event (59-ФЗ; Civil Code art. 191): 30 days from a
//   registration on 1 December end on 31 December.
// - The deadline is the last day on which the step is still on time.
// - A term in working days ends on a working day by construction.
// - A term in calendar days that ends on a non-working day moves to the preceding working day
//   (the usual rule of instructions on work with appeals: the answer must not be late), or to the
//   following one when an installation sets `nonWorkingDayShift: 'following'` (Civil Code
//   art. 193).
// - Never before the event: when the preceding working day would fall before the event date, i.e.
//   the event itself happened on a non-working day and every day up to the nominal end is
//   non-working, the deadline becomes the first working day after the nominal end instead. When
//   the preceding working day is the event date itself (received on Tuesday 30 December, the term
//   ends in the New Year holidays), the deadline is that same day: the office is open and the step
//   can still be done in time.
import { addDays, DEFAULT_TIME_ZONE, toLocalDate, type LocalDate } from '../calendar/localDate';
import type { ProductionCalendar } from '../calendar/productionCalendar';
import { russianCalendar } from '../calendar/russianCalendar';
import { CHANNELS, type Channel } from './model';

export type DayUnit = 'calendar' | 'working';

export interface Term {
  days: number;
  unit: DayUnit;
}

export interface ChannelDeadlineRule {
  /** From receipt. */
  register: Term;
  /** From registration, to send the appeal to the competent body; null when the channel has none. */
  forward: Term | null;
  /** From registration. */
  answer: Term;
  /** The longest single extension of the answer term; null when the channel allows none. */
  extension: Term | null;
}

export type NonWorkingDayShift = 'preceding' | 'following';

export interface DeadlineRules {
  channels: Record<Channel, ChannelDeadlineRule>;
  /** Where a calendar-day term that ends on a non-working day moves. */
  nonWorkingDayShift: NonWorkingDayShift;
  /**
   * §6.3 «ускоренное решение»: no answer later than this many calendar days after registration,
   * whatever the channel; an extension adds its days to the cap. Null switches the cap off.
   */
  answerCapCalendarDays: number | null;
}

/** 59-ФЗ ст.12 ч.2: one extension of no more than 30 days. */
export const FZ59_MAX_EXTENSION_DAYS = 30;

const calendarDays = (days: number): Term => ({ days, unit: 'calendar' });
const workingDays = (days: number): Term => ({ days, unit: 'working' });

/**
 * Defaults of an installation. 59-ФЗ terms are calendar days (ст.8 ч.2–3, ст.12). Channels outside
 * 59-ФЗ have no statutory registration term; one working day (register by the end of the next
 * working day after receipt) keeps the intake moving without counting weekends against staff.
 */
export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  channels: {
    fz59: { register: calendarDays(3), forward: calendarDays(7), answer: calendarDays(30), extension: calendarDays(FZ59_MAX_EXTENSION_DAYS) },
    pos: { register: workingDays(1), forward: null, answer: workingDays(10), extension: null },
    social: { register: workingDays(1), forward: null, answer: workingDays(1), extension: null },
    voice: { register: workingDays(1), forward: null, answer: calendarDays(30), extension: null },
    survey: { register: workingDays(1), forward: null, answer: calendarDays(30), extension: null },
    other: { register: workingDays(1), forward: null, answer: calendarDays(30), extension: null },
  },
  nonWorkingDayShift: 'preceding',
  answerCapCalendarDays: 30,
};

/** What an installation stores: only the values it changes. */
export interface DeadlineRulesOverride {
  channels?: Partial<Record<Channel, Partial<ChannelDeadlineRule>>>;
  nonWorkingDayShift?: NonWorkingDayShift;
  answerCapCalendarDays?: number | null;
}

export function withOverrides(base: DeadlineRules, override: DeadlineRulesOverride): DeadlineRules {
  const channels = { ...base.channels };
  for (const channel of CHANNELS) {
    const changes = override.channels?.[channel];
    if (changes) channels[channel] = { ...channels[channel], ...changes };
  }
  return {
    channels,
    nonWorkingDayShift: override.nonWorkingDayShift ?? base.nonWorkingDayShift,
    answerCapCalendarDays: override.answerCapCalendarDays === undefined ? base.answerCapCalendarDays : override.answerCapCalendarDays,
  };
}

/** Paths of the values that make no sense, e.g. `channels.pos.answer.days`; empty when valid. */
export function checkDeadlineRules(rules: DeadlineRules): string[] {
  const problems: string[] = [];
  const checkTerm = (path: string, term: Term | null, nullable: boolean, minDays: number) => {
    if (term === null) {
      if (!nullable) problems.push(path);
      return;
    }
    if (!Number.isInteger(term.days) || term.days < minDays || term.days > 366) problems.push(`${path}.days`);
    if (term.unit !== 'calendar' && term.unit !== 'working') problems.push(`${path}.unit`);
  };
  for (const channel of CHANNELS) {
    const rule = rules.channels[channel];
    if (!rule) {
      problems.push(`channels.${channel}`);
      continue;
    }
    checkTerm(`channels.${channel}.register`, rule.register, false, 0);
    checkTerm(`channels.${channel}.forward`, rule.forward, true, 0);
    checkTerm(`channels.${channel}.answer`, rule.answer, false, 1);
    checkTerm(`channels.${channel}.extension`, rule.extension, true, 1);
  }
  if (rules.nonWorkingDayShift !== 'preceding' && rules.nonWorkingDayShift !== 'following') problems.push('nonWorkingDayShift');
  const cap = rules.answerCapCalendarDays;
  if (cap !== null && (!Number.isInteger(cap) || cap < 1 || cap > 366)) problems.push('answerCapCalendarDays');
  return problems;
}

/** The day a term ends before any non-working-day shift. */
function nominalEnd(from: LocalDate, term: Term, calendar: ProductionCalendar): LocalDate {
  if (term.unit === 'calendar') return addDays(from, term.days);
  return term.days === 0 ? calendar.workingDayOnOrAfter(from) : calendar.addWorkingDays(from, term.days);
}

/** Applies the non-working-day rule (see the head of this file) to a nominal end. */
function shiftOffNonWorkingDay(nominal: LocalDate, event: LocalDate, shift: NonWorkingDayShift, calendar: ProductionCalendar): LocalDate {
  if (calendar.isWorkingDay(nominal)) return nominal;
  if (shift === 'preceding') {
    const preceding = calendar.previousWorkingDay(nominal);
    if (preceding >= event) return preceding;
  }
  return calendar.nextWorkingDay(nominal);
}

/** The last on-time day of a term that starts with `event`; usable for any term, not only appeals. */
export function deadlineAfter(
  event: LocalDate,
  term: Term,
  calendar: ProductionCalendar = russianCalendar,
  shift: NonWorkingDayShift = DEFAULT_DEADLINE_RULES.nonWorkingDayShift,
): LocalDate {
  return shiftOffNonWorkingDay(nominalEnd(event, term, calendar), event, shift, calendar);
}

export interface DeadlineInput {
  channel: Channel;
  receivedAt: Date;
  /**
   * Null while not registered: forward and answer deadlines are then counted from the register
   * deadline, i.e. they are the deadlines the appeal will have if it is registered on the last
   * allowed day. They can only move earlier once the real registration date is known.
   */
  registeredAt: Date | null;
  /** IANA zone of the municipality; Asia/Yekaterinburg by default. */
  timeZone?: string;
  rules?: DeadlineRules;
  calendar?: ProductionCalendar;
  /** Days of the one granted extension, if any (see checkExtension). */
  extensionDays?: number | null;
}

export interface AppealDeadlines {
  register: LocalDate;
  forward: LocalDate | null;
  answer: LocalDate;
}

export type ExtensionRefusal = 'channel_not_extendable' | 'already_extended' | 'invalid_days' | 'too_many_days';

export type ExtensionCheck = { ok: true; maxDays: number } | { ok: false; reason: ExtensionRefusal; maxDays: number | null };

/** Whether an extension of `days` may be granted: once, on a channel that allows it, within its maximum. */
export function checkExtension(input: { channel: Channel; days: number; alreadyExtended: boolean; rules?: DeadlineRules }): ExtensionCheck {
  const extension = (input.rules ?? DEFAULT_DEADLINE_RULES).channels[input.channel].extension;
  if (extension === null) return { ok: false, reason: 'channel_not_extendable', maxDays: null };
  if (input.alreadyExtended) return { ok: false, reason: 'already_extended', maxDays: extension.days };
  if (!Number.isInteger(input.days) || input.days < 1) return { ok: false, reason: 'invalid_days', maxDays: extension.days };
  if (input.days > extension.days) return { ok: false, reason: 'too_many_days', maxDays: extension.days };
  return { ok: true, maxDays: extension.days };
}

/** Register, forward and answer deadlines of one appeal. Throws RangeError on impossible input. */
export function computeDeadlines(input: DeadlineInput): AppealDeadlines {
  const rules = input.rules ?? DEFAULT_DEADLINE_RULES;
  const calendar = input.calendar ?? russianCalendar;
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const shift = rules.nonWorkingDayShift;
  const rule = rules.channels[input.channel];
  if (!rule) throw new RangeError(`Unknown channel ${JSON.stringify(input.channel)}`);

  const received = toLocalDate(input.receivedAt, timeZone);
  const register = deadlineAfter(received, rule.register, calendar, shift);
  const registered = input.registeredAt ? toLocalDate(input.registeredAt, timeZone) : register;
  if (registered < received) throw new RangeError(`Registered on ${registered}, before receipt on ${received}`);

  const forward = rule.forward ? deadlineAfter(registered, rule.forward, calendar, shift) : null;

  const extensionDays = input.extensionDays ?? 0;
  let answerEnd = nominalEnd(registered, rule.answer, calendar);
  if (extensionDays !== 0) {
    const check = checkExtension({ channel: input.channel, days: extensionDays, alreadyExtended: false, rules });
    if (!check.ok) throw new RangeError(`Extension of ${extensionDays} days refused: ${check.reason}`);
    // The extension lengthens the term itself, so it adds to the nominal end, not to the shifted one.
    answerEnd = nominalEnd(answerEnd, { days: extensionDays, unit: rule.extension!.unit }, calendar);
  }
  let answer = shiftOffNonWorkingDay(answerEnd, registered, shift, calendar);

  if (rules.answerCapCalendarDays !== null) {
    const cap = deadlineAfter(registered, calendarDays(rules.answerCapCalendarDays + extensionDays), calendar, shift);
    if (cap < answer) answer = cap;
  }
  return { register, forward, answer };
}

/** Overdue once the municipality's local date of `now` is after the deadline day. */
export function isOverdue(deadline: LocalDate, now: Date, timeZone: string = DEFAULT_TIME_ZONE): boolean {
  return toLocalDate(now, timeZone) > deadline;
}

/**
 * Working days left before the deadline: the working days after today up to and including the
 * deadline, so 0 on the deadline day and 1 on the working day before it. Once overdue it is
 * negative: minus the working days passed since the deadline, and at least -1 so that an overdue
 * appeal never reads 0 (a Friday deadline seen on Saturday gives -1, and so does the Monday).
 */
export function workingDaysLeft(
  deadline: LocalDate,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
  calendar: ProductionCalendar = russianCalendar,
): number {
  const today = toLocalDate(now, timeZone);
  const left = calendar.workingDaysBetween(today, deadline);
  return today > deadline ? Math.min(-1, left) : left;
}

/** Escalation starts two working days before a deadline. */
export const DUE_SOON_WORKING_DAYS = 2;

/** Not yet overdue and no more than `threshold` working days left. */
export function isDueSoon(
  deadline: LocalDate,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
  calendar: ProductionCalendar = russianCalendar,
  threshold: number = DUE_SOON_WORKING_DAYS,
): boolean {
  const left = workingDaysLeft(deadline, now, timeZone, calendar);
  return left >= 0 && left <= threshold;
}

export type DeadlineStatus = 'on_time' | 'due_soon' | 'overdue';

export function deadlineStatus(
  deadline: LocalDate,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
  calendar: ProductionCalendar = russianCalendar,
): DeadlineStatus {
  const left = workingDaysLeft(deadline, now, timeZone, calendar);
  return left < 0 ? 'overdue' : left <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_time';
}
