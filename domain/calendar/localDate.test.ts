import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, daysBetween, formatLocalDate, isLocalDate, parseLocalDate, startOfLocalDay, toLocalDate } from './localDate';

describe('LocalDate', () => {
  it('accepts only real calendar dates in YYYY-MM-DD form', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2100-02-29')).toBe(false);
    expect(isLocalDate('2000-02-29')).toBe(true);
    expect(isLocalDate('2025-13-01')).toBe(false);
    expect(isLocalDate('2025-1-01')).toBe(false);
    expect(isLocalDate('2025-01-01T00:00')).toBe(false);
    expect(isLocalDate(20250101)).toBe(false);
    expect(() => parseLocalDate('2025-04-31')).toThrow(RangeError);
    expect(parseLocalDate('2025-04-30')).toEqual({ year: 2025, month: 4, day: 30 });
    expect(formatLocalDate(2026, 3, 9)).toBe('2026-03-09');
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-12-01', 30)).toBe('2025-12-31');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-03-31', 0)).toBe('2024-03-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
  });

  it('knows the day of the week (Monday = 1)', () => {
    expect(dayOfWeek('2024-01-01')).toBe(1);
    expect(dayOfWeek('2025-01-01')).toBe(3);
    expect(dayOfWeek('2026-01-01')).toBe(4);
    expect(dayOfWeek('2027-01-01')).toBe(5);
    expect(dayOfWeek('2024-04-27')).toBe(6);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(7);
  });

  it('turns an instant into the local date of a time zone', () => {
    // Yekaterinburg is UTC+5 all year.
    expect(toLocalDate(new Date('2026-03-01T18:59:59Z'))).toBe('2026-03-01');
    expect(toLocalDate(new Date('2026-03-01T19:00:00Z'))).toBe('2026-03-02');
    expect(toLocalDate(new Date('2026-03-01T20:30:00Z'), 'Asia/Yekaterinburg')).toBe('2026-03-02');
    expect(toLocalDate(new Date('2026-03-01T20:30:00Z'), 'Europe/Moscow')).toBe('2026-03-01');
    expect(toLocalDate(new Date('2026-03-01T20:30:00Z'), 'UTC')).toBe('2026-03-01');
    expect(toLocalDate(new Date('2025-12-31T19:00:00Z'))).toBe('2026-01-01');
    expect(toLocalDate(new Date('2025-12-31T19:00:00Z'), 'Asia/Kamchatka')).toBe('2026-01-01');
    expect(toLocalDate(new Date('2026-01-01T03:00:00Z'), 'America/New_York')).toBe('2025-12-31');
  });

  it('finds the instant a local day starts in a time zone', () => {
    expect(startOfLocalDay('2026-03-02', 'Asia/Yekaterinburg').toISOString()).toBe('2026-03-01T19:00:00.000Z');
    expect(startOfLocalDay('2026-03-02', 'Europe/Moscow').toISOString()).toBe('2026-03-01T21:00:00.000Z');
    expect(startOfLocalDay('2026-03-02', 'UTC').toISOString()).toBe('2026-03-02T00:00:00.000Z');
    // New York moves its clocks on 8 March 2026: the day starts at UTC−5, the next one at UTC−4.
    expect(startOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    for (const zone of ['Asia/Yekaterinburg', 'Asia/Kamchatka', 'America/New_York']) expect(toLocalDate(startOfLocalDay('2026-07-15', zone), zone)).toBe('2026-07-15');
  });

  it('refuses an invalid instant or zone', () => {
    expect(() => toLocalDate(new Date('nonsense'))).toThrow(RangeError);
    expect(() => toLocalDate(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});
