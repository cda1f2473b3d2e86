// Expected dates are worked out by hand from data/production-calendar/ru.json; the comment on each
// row shows the reasoning. Times are local to Yekaterinburg (UTC+5) unless written with Z.
import { describe, expect, it } from 'vitest';
import type { Channel } from './model';
import {
  checkDeadlineRules,
  checkExtension,
  computeDeadlines,
  deadlineAfter,
  deadlineStatus,
  DEFAULT_DEADLINE_RULES,
  isDueSoon,
  isOverdue,
  withOverrides,
  workingDaysLeft,
  type AppealDeadlines,
  type DeadlineRules,
} from './deadlines';

const local = (dateTime: string) => new Date(`${dateTime}+05:00`);
const FOLLOWING = withOverrides(DEFAULT_DEADLINE_RULES, { nonWorkingDayShift: 'following' });

type Row = [label: string, channel: Channel, received: string, registered: string | null, expected: AppealDeadlines];

const rows: Row[] = [
  // fz59: register 3, forward 7, answer 30 calendar days; a non-working end moves to the preceding working day.
  ['fz59, registered Mon 2025-12-01: answer day 31 Dec is a transferred day off → Tue 30 Dec', 'fz59', '2025-12-01T10:00', '2025-12-01T12:00',
    { register: '2025-12-04', forward: '2025-12-08', answer: '2025-12-30' }],
  ['fz59, received Mon 2025-12-29: register and forward ends fall in the New Year holidays → Tue 30 Dec', 'fz59', '2025-12-29T09:00', '2025-12-29T15:00',
    { register: '2025-12-30', forward: '2025-12-30', answer: '2026-01-28' }],
  ['fz59, received Tue 2025-12-30, not registered: terms count from the register deadline, which is the receipt day itself', 'fz59', '2025-12-30T16:00', null,
    { register: '2025-12-30', forward: '2025-12-30', answer: '2026-01-29' }],
  ['fz59, received Wed 2025-12-31 (day off): no working day from receipt to 3 Jan → first working day after, Mon 12 Jan', 'fz59', '2025-12-31T11:00', null,
    { register: '2026-01-12', forward: '2026-01-19', answer: '2026-02-11' }],
  ['fz59, received Sat 2026-01-03 (holiday), registered Mon 12 Jan', 'fz59', '2026-01-03T11:00', '2026-01-12T10:00',
    { register: '2026-01-12', forward: '2026-01-19', answer: '2026-02-11' }],
  ['fz59, working Saturday 2024-04-27: register end Mon 29 Apr (day off) → Sat 27 Apr; forward Sat 4 May → Fri 3 May', 'fz59', '2024-04-26T15:00', '2024-04-27T10:00',
    { register: '2024-04-27', forward: '2024-05-03', answer: '2024-05-27' }],
  ['fz59, working Saturday 2024-12-28: forward end 4 Jan falls in the holidays → back to Sat 28 Dec, the registration day', 'fz59', '2024-12-27T15:00', '2024-12-28T10:00',
    { register: '2024-12-28', forward: '2024-12-28', answer: '2025-01-27' }],
  ['fz59, shortened working Saturday 2024-11-02 is a working day', 'fz59', '2024-10-30T12:00', '2024-11-02T11:00',
    { register: '2024-11-02', forward: '2024-11-08', answer: '2024-12-02' }],
  ['fz59, registered Wed 2026-12-02: answer end 1 Jan 2027 → Wed 30 Dec (31 Dec is a day off)', 'fz59', '2026-12-01T10:00', '2026-12-02T10:00',
    { register: '2026-12-04', forward: '2026-12-09', answer: '2026-12-30' }],
  ['fz59, May 2025: answer end Thu 8 May (day off) → Wed 7 May', 'fz59', '2025-04-07T10:00', '2025-04-08T10:00',
    { register: '2025-04-10', forward: '2025-04-15', answer: '2025-05-07' }],
  ['fz59, May 2026: register end Sun 12 Apr → Fri 10 Apr; answer end Sat 9 May (holiday) → Fri 8 May (shortened, working)', 'fz59', '2026-04-09T09:00', '2026-04-09T12:00',
    { register: '2026-04-10', forward: '2026-04-16', answer: '2026-05-08' }],

  // pos: register 1 working day, answer 10 working days.
  ['pos across the May 2025 holidays: 30 Apr, 5–7, 12–16, 19 May', 'pos', '2025-04-29T09:00', '2025-04-29T11:00',
    { register: '2025-04-30', forward: null, answer: '2025-05-19' }],
  ['pos, not registered: answer counts from the register deadline 30 Apr', 'pos', '2025-04-29T10:00', null,
    { register: '2025-04-30', forward: null, answer: '2025-05-20' }],
  ['pos across the May 2024 holidays, with working Saturday 27 Apr', 'pos', '2024-04-26T10:00', '2024-04-26T12:00',
    { register: '2024-04-27', forward: null, answer: '2024-05-16' }],
  ['pos across the New Year 2026 holidays (9 Jan is a day off)', 'pos', '2025-12-30T10:00', '2025-12-30T11:00',
    { register: '2026-01-12', forward: null, answer: '2026-01-23' }],
  ['pos, 2027: working Saturday 20 Feb counts, 22–23 Feb and 8 Mar do not', 'pos', '2027-02-19T10:00', '2027-02-19T12:00',
    { register: '2027-02-20', forward: null, answer: '2027-03-09' }],

  // social: 1 working day.
  ['social, Friday evening before 8 March 2026: Sat, Sun (holiday), Mon 9 (day off) → Tue 10 Mar', 'social', '2026-03-06T19:00', '2026-03-06T19:05',
    { register: '2026-03-10', forward: null, answer: '2026-03-10' }],
  ['social, 30 Dec 2025 before the New Year holidays → Mon 12 Jan 2026', 'social', '2025-12-30T15:00', '2025-12-30T15:00',
    { register: '2026-01-12', forward: null, answer: '2026-01-12' }],
  ['social, Friday before the working Saturday 2027-02-20', 'social', '2027-02-19T18:00', '2027-02-19T18:30',
    { register: '2027-02-20', forward: null, answer: '2027-02-20' }],
  ['social, Friday before the shortened working Saturday 2024-11-02', 'social', '2024-11-01T20:00', '2024-11-01T20:10',
    { register: '2024-11-02', forward: null, answer: '2024-11-02' }],

  // voice, survey, other: 30 calendar days.
  ['voice: answer end Sun 10 May 2026 → Fri 8 May (9 May is a holiday)', 'voice', '2026-04-10T10:00', '2026-04-10T12:00',
    { register: '2026-04-13', forward: null, answer: '2026-05-08' }],
  ['survey: answer end Sat 4 May 2024 → Fri 3 May', 'survey', '2024-04-03T10:00', '2024-04-04T10:00',
    { register: '2024-04-04', forward: null, answer: '2024-05-03' }],
  ['other: answer end 31 Dec 2026 (day off) → Wed 30 Dec', 'other', '2026-11-30T10:00', '2026-12-01T09:00',
    { register: '2026-12-01', forward: null, answer: '2026-12-30' }],
];

describe('computeDeadlines with the default rules', () => {
  it.each(rows)('%s', (_label, channel, received, registered, expected) => {
    expect(computeDeadlines({ channel, receivedAt: local(received), registeredAt: registered ? local(registered) : null })).toEqual(expected);
  });
});

describe('the local date of the municipality decides', () => {
  it('23:30 on Sunday 1 March in Yekaterinburg is still 1 March', () => {
    const receivedAt = new Date('2026-03-01T18:30:00Z');
    expect(computeDeadlines({ channel: 'fz59', receivedAt, registeredAt: null, timeZone: 'Asia/Yekaterinburg' }))
      .toEqual({ register: '2026-03-04', forward: '2026-03-11', answer: '2026-04-03' });
  });

  it('20:30 UTC on 1 March is already Monday 2 March in Yekaterinburg', () => {
    const receivedAt = new Date('2026-03-01T20:30:00Z');
    // 5 Mar + 30 = Sat 4 Apr → Fri 3 Apr.
    expect(computeDeadlines({ channel: 'fz59', receivedAt, registeredAt: null }))
      .toEqual({ register: '2026-03-05', forward: '2026-03-12', answer: '2026-04-03' });
    expect(computeDeadlines({ channel: 'social', receivedAt, registeredAt: receivedAt }))
      .toEqual({ register: '2026-03-03', forward: null, answer: '2026-03-03' });
    // The same instant is still Sunday in Moscow.
    expect(computeDeadlines({ channel: 'social', receivedAt, registeredAt: receivedAt, timeZone: 'Europe/Moscow' }))
      .toEqual({ register: '2026-03-02', forward: null, answer: '2026-03-02' });
  });
});

describe("the 'following' variant", () => {
  it('moves a calendar-day end that falls on a non-working day forward', () => {
    // 1 Dec + 30 = 31 Dec (day off); the next working day is Mon 12 Jan 2026.
    expect(computeDeadlines({ channel: 'fz59', receivedAt: local('2025-12-01T10:00'), registeredAt: local('2025-12-01T12:00'), rules: FOLLOWING }))
      .toEqual({ register: '2025-12-04', forward: '2025-12-08', answer: '2026-01-12' });
    // 2 Dec 2026 + 30 = 1 Jan 2027; 1–8 Jan are holidays, 9–10 a weekend.
    expect(computeDeadlines({ channel: 'fz59', receivedAt: local('2026-12-01T10:00'), registeredAt: local('2026-12-02T10:00'), rules: FOLLOWING }).answer)
      .toBe('2027-01-11');
  });

  it('differs from the preceding rule on a Friday before a long weekend', () => {
    // Received Fri 6 Mar 2026; 3 days end on Mon 9 Mar, a day off.
    const input = { channel: 'fz59' as const, receivedAt: local('2026-03-06T10:00'), registeredAt: null };
    // Preceding: back to Fri 6 Mar, the receipt day itself; 6 Mar + 30 = Sun 5 Apr → Fri 3 Apr.
    expect(computeDeadlines(input)).toEqual({ register: '2026-03-06', forward: '2026-03-13', answer: '2026-04-03' });
    // Following: Tue 10 Mar; 10 Mar + 30 = Thu 9 Apr.
    expect(computeDeadlines({ ...input, rules: FOLLOWING })).toEqual({ register: '2026-03-10', forward: '2026-03-17', answer: '2026-04-09' });
  });

  it('leaves working-day terms alone', () => {
    expect(computeDeadlines({ channel: 'pos', receivedAt: local('2025-04-29T09:00'), registeredAt: local('2025-04-29T11:00'), rules: FOLLOWING }))
      .toEqual({ register: '2025-04-30', forward: null, answer: '2025-05-19' });
  });
});

describe('never before the event', () => {
  const oneDay = withOverrides(DEFAULT_DEADLINE_RULES, { channels: { other: { register: { days: 1, unit: 'calendar' } } } });
  const register = (received: string, rules: DeadlineRules = oneDay) =>
    computeDeadlines({ channel: 'other', receivedAt: local(received), registeredAt: null, rules }).register;

  it('keeps the event day when it is the preceding working day', () => {
    // Thu 30 Dec 2027 + 1 = Fri 31 Dec, a day off: the office is open on the 30th.
    expect(register('2027-12-30T17:55')).toBe('2027-12-30');
  });

  it('goes forward when the event itself is on a non-working day', () => {
    // Tue 31 Dec 2024 (day off) + 1 = 1 Jan; preceding working day Sat 28 Dec is before the receipt → Thu 9 Jan 2025.
    expect(register('2024-12-31T10:00')).toBe('2025-01-09');
    // Sat 14 Mar 2026 + 1 = Sun 15 Mar; Fri 13 Mar is before the receipt → Mon 16 Mar.
    expect(register('2026-03-14T10:00')).toBe('2026-03-16');
  });

  it('applies to any term through deadlineAfter', () => {
    expect(deadlineAfter('2026-01-03', { days: 3, unit: 'calendar' })).toBe('2026-01-12');
    expect(deadlineAfter('2026-01-03', { days: 3, unit: 'calendar' }, undefined, 'following')).toBe('2026-01-12');
    expect(deadlineAfter('2026-03-07', { days: 0, unit: 'working' })).toBe('2026-03-10');
    expect(deadlineAfter('2026-03-07', { days: 0, unit: 'calendar' })).toBe('2026-03-10');
  });
});

describe('§6.3 cap of 30 calendar days', () => {
  const slowPos = withOverrides(DEFAULT_DEADLINE_RULES, { channels: { pos: { answer: { days: 25, unit: 'working' } } } });
  const input = { channel: 'pos' as const, receivedAt: local('2026-04-24T10:00'), registeredAt: local('2026-04-24T12:00') };

  it('cuts a longer channel term', () => {
    // 25 working days from Fri 24 Apr 2026 end on Tue 2 Jun; 24 Apr + 30 = Sun 24 May → Fri 22 May.
    expect(computeDeadlines({ ...input, rules: slowPos })).toEqual({ register: '2026-04-27', forward: null, answer: '2026-05-22' });
  });

  it('can be switched off by an installation', () => {
    const uncapped = withOverrides(slowPos, { answerCapCalendarDays: null });
    expect(computeDeadlines({ ...input, rules: uncapped }).answer).toBe('2026-06-02');
  });
});

describe('59-ФЗ extension', () => {
  const registered = { channel: 'fz59' as const, receivedAt: local('2025-12-01T10:00'), registeredAt: local('2025-12-01T12:00') };

  it('adds the days to the nominal end of the term', () => {
    // 1 Dec + 30 + 30 = Fri 30 Jan 2026.
    expect(computeDeadlines({ ...registered, extensionDays: 30 }).answer).toBe('2026-01-30');
    // 1 Dec + 30 + 15 = Thu 15 Jan 2026.
    expect(computeDeadlines({ ...registered, extensionDays: 15 }).answer).toBe('2026-01-15');
    // 1 Dec + 30 + 10 = Sat 10 Jan; every day back to 31 Dec is non-working → Tue 30 Dec, as without the extension.
    expect(computeDeadlines({ ...registered, extensionDays: 10 }).answer).toBe('2025-12-30');
    expect(computeDeadlines({ ...registered, extensionDays: 10, rules: FOLLOWING }).answer).toBe('2026-01-12');
    expect(computeDeadlines({ ...registered, extensionDays: 0 }).answer).toBe('2025-12-30');
    expect(computeDeadlines({ ...registered, extensionDays: 30 }).register).toBe('2025-12-04');
  });

  it('refuses more than 30 days, a wrong number or another channel', () => {
    expect(() => computeDeadlines({ ...registered, extensionDays: 31 })).toThrow(/too_many_days/);
    expect(() => computeDeadlines({ ...registered, extensionDays: -1 })).toThrow(/invalid_days/);
    expect(() => computeDeadlines({ ...registered, extensionDays: 2.5 })).toThrow(/invalid_days/);
    expect(() => computeDeadlines({ ...registered, channel: 'pos', extensionDays: 5 })).toThrow(/channel_not_extendable/);
  });

  it('is granted once', () => {
    expect(checkExtension({ channel: 'fz59', days: 30, alreadyExtended: false })).toEqual({ ok: true, maxDays: 30 });
    expect(checkExtension({ channel: 'fz59', days: 5, alreadyExtended: true })).toEqual({ ok: false, reason: 'already_extended', maxDays: 30 });
    expect(checkExtension({ channel: 'fz59', days: 31, alreadyExtended: false })).toEqual({ ok: false, reason: 'too_many_days', maxDays: 30 });
    expect(checkExtension({ channel: 'fz59', days: 0, alreadyExtended: false })).toEqual({ ok: false, reason: 'invalid_days', maxDays: 30 });
    expect(checkExtension({ channel: 'social', days: 1, alreadyExtended: false })).toEqual({ ok: false, reason: 'channel_not_extendable', maxDays: null });
  });
});

describe('impossible input', () => {
  it('refuses a registration before the receipt', () => {
    expect(() => computeDeadlines({ channel: 'fz59', receivedAt: local('2026-03-10T10:00'), registeredAt: local('2026-03-09T10:00') })).toThrow(/before receipt/);
  });
});

describe('countdown', () => {
  it('counts working days left, 0 on the deadline day', () => {
    // Deadline Tue 10 Mar 2026; 7–9 Mar are not working days.
    expect(workingDaysLeft('2026-03-10', local('2026-03-02T12:00'))).toBe(5);
    expect(workingDaysLeft('2026-03-10', local('2026-03-04T12:00'))).toBe(3);
    expect(workingDaysLeft('2026-03-10', local('2026-03-05T12:00'))).toBe(2);
    expect(workingDaysLeft('2026-03-10', local('2026-03-06T12:00'))).toBe(1);
    expect(workingDaysLeft('2026-03-10', local('2026-03-08T12:00'))).toBe(1);
    expect(workingDaysLeft('2026-03-10', local('2026-03-10T23:59'))).toBe(0);
  });

  it('turns negative once overdue, never reading 0', () => {
    expect(workingDaysLeft('2026-03-10', new Date('2026-03-10T19:00:00Z'))).toBe(-1);
    // Deadline Tue 30 Dec 2025, nothing but holidays up to 11 Jan.
    expect(workingDaysLeft('2025-12-30', local('2025-12-31T09:00'))).toBe(-1);
    expect(workingDaysLeft('2025-12-30', local('2026-01-05T10:00'))).toBe(-1);
    expect(workingDaysLeft('2025-12-30', local('2026-01-12T10:00'))).toBe(-1);
    expect(workingDaysLeft('2025-12-30', local('2026-01-13T10:00'))).toBe(-2);
  });

  it('is overdue after the deadline day in the municipality', () => {
    expect(isOverdue('2026-03-10', local('2026-03-10T23:59'))).toBe(false);
    expect(isOverdue('2026-03-10', new Date('2026-03-10T19:00:00Z'))).toBe(true);
    expect(isOverdue('2026-03-10', new Date('2026-03-10T19:00:00Z'), 'Europe/Moscow')).toBe(false);
  });

  it('is due soon from two working days before the deadline', () => {
    // 10 working days to Mon 19 May 2025 across the May holidays.
    expect(workingDaysLeft('2025-05-19', local('2025-04-30T10:00'))).toBe(9);
    expect(isDueSoon('2025-05-19', local('2025-05-14T10:00'))).toBe(false);
    expect(isDueSoon('2025-05-19', local('2025-05-15T10:00'))).toBe(true);
    expect(isDueSoon('2025-05-19', local('2025-05-17T10:00'))).toBe(true);
    expect(isDueSoon('2025-05-19', local('2025-05-19T10:00'))).toBe(true);
    expect(isDueSoon('2025-05-19', local('2025-05-20T10:00'))).toBe(false);
    expect(deadlineStatus('2025-05-19', local('2025-05-14T10:00'))).toBe('on_time');
    expect(deadlineStatus('2025-05-19', local('2025-05-16T10:00'))).toBe('due_soon');
    expect(deadlineStatus('2025-05-19', local('2025-05-20T00:00'))).toBe('overdue');
  });
});

describe('rules of an installation', () => {
  it('defaults are valid and match the regulation', () => {
    expect(checkDeadlineRules(DEFAULT_DEADLINE_RULES)).toEqual([]);
    expect(DEFAULT_DEADLINE_RULES.channels.fz59).toEqual({
      register: { days: 3, unit: 'calendar' },
      forward: { days: 7, unit: 'calendar' },
      answer: { days: 30, unit: 'calendar' },
      extension: { days: 30, unit: 'calendar' },
    });
    expect(DEFAULT_DEADLINE_RULES.channels.pos.answer).toEqual({ days: 10, unit: 'working' });
    expect(DEFAULT_DEADLINE_RULES.channels.social.answer).toEqual({ days: 1, unit: 'working' });
    expect(DEFAULT_DEADLINE_RULES.answerCapCalendarDays).toBe(30);
    expect(DEFAULT_DEADLINE_RULES.nonWorkingDayShift).toBe('preceding');
  });

  it('overrides change only what they name', () => {
    const rules = withOverrides(DEFAULT_DEADLINE_RULES, { channels: { social: { answer: { days: 2, unit: 'working' } } } });
    expect(rules.channels.social).toEqual({ ...DEFAULT_DEADLINE_RULES.channels.social, answer: { days: 2, unit: 'working' } });
    expect(rules.channels.fz59).toBe(DEFAULT_DEADLINE_RULES.channels.fz59);
    expect(DEFAULT_DEADLINE_RULES.channels.social.answer.days).toBe(1);
  });

  it('reports values that make no sense', () => {
    const broken = withOverrides(DEFAULT_DEADLINE_RULES, {
      channels: { pos: { answer: { days: 0, unit: 'working' }, register: { days: 1, unit: 'weeks' as never } } },
      answerCapCalendarDays: 0,
    });
    expect(checkDeadlineRules(broken)).toEqual(['channels.pos.register.unit', 'channels.pos.answer.days', 'answerCapCalendarDays']);
  });
});
