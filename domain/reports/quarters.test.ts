import { describe, expect, it } from 'vitest';
import { quarterPeriod, reportDueDate, reportTimeliness, reportingQuarter } from './quarters';

const TZ = 'Asia/Yekaterinburg';

describe('quarters and the due date of the quarterly report', () => {
  it.each([
    [2026, 1, '2026-01-01', '2026-03-31', '2026-04-05'],
    [2026, 2, '2026-04-01', '2026-06-30', '2026-07-05'],
    [2026, 3, '2026-07-01', '2026-09-30', '2026-10-05'],
    [2026, 4, '2026-10-01', '2026-12-31', '2027-01-05'],
    [2024, 1, '2024-01-01', '2024-03-31', '2024-04-05'],
  ] as const)('%i Q%i covers %s…%s and falls due on %s', (year, quarter, from, to, due) => {
    expect(quarterPeriod(year, quarter)).toMatchObject({ from, to });
    expect(reportDueDate(year, quarter)).toBe(due);
  });

  it.each([
    // submitted (UTC)            now (UTC)                 expected
    [2026, 3, '2026-10-05T18:59:00Z', '2026-10-10T00:00:00Z', 'on_time'], // 23:59 local on the 5th
    [2026, 3, '2026-10-05T19:01:00Z', '2026-10-10T00:00:00Z', 'late'], // 00:01 local on the 6th
    [2026, 3, null, '2026-10-05T18:00:00Z', 'pending'],
    [2026, 3, null, '2026-10-05T19:30:00Z', 'missing'],
    [2026, 4, '2027-01-04T10:00:00Z', '2027-02-01T00:00:00Z', 'on_time'],
    [2026, 4, '2027-01-09T10:00:00Z', '2027-02-01T00:00:00Z', 'late'],
    [2026, 4, null, '2026-12-31T10:00:00Z', 'pending'],
    [2026, 1, '2026-04-05T10:00:00Z', '2026-05-01T00:00:00Z', 'on_time'],
    [2026, 2, null, '2026-07-06T10:00:00Z', 'missing'],
  ] as const)('%i Q%i submitted %s, seen %s: %s', (year, quarter, submitted, now, expected) => {
    expect(reportTimeliness(year, quarter, submitted ? new Date(submitted) : null, new Date(now), TZ)).toBe(expected);
  });

  it('the reporting quarter is the previous one', () => {
    expect(reportingQuarter('2027-01-03')).toEqual({ year: 2026, quarter: 4 });
    expect(reportingQuarter('2026-11-26')).toEqual({ year: 2026, quarter: 3 });
  });
});
