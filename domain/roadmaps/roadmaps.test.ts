import { describe, expect, it } from 'vitest';
import { effectChange, effectWindow, topicsOverlap } from '.';

describe('effect window', () => {
  it.each([
    ['started today: one day after, the day before', '2026-03-10', '2026-03-10', { beforeFrom: '2026-03-09', beforeTo: '2026-03-09', afterFrom: '2026-03-10', afterTo: '2026-03-10', days: 1 }],
    ['a month in: as many days before', '2026-03-01', '2026-03-31', { beforeFrom: '2026-01-29', beforeTo: '2026-02-28', afterFrom: '2026-03-01', afterTo: '2026-03-31', days: 31 }],
    ['across a new year', '2026-01-01', '2026-01-05', { beforeFrom: '2025-12-27', beforeTo: '2025-12-31', afterFrom: '2026-01-01', afterTo: '2026-01-05', days: 5 }],
    ['not started yet: empty periods', '2026-04-01', '2026-03-15', { beforeFrom: '2026-04-01', beforeTo: '2026-03-31', afterFrom: '2026-04-01', afterTo: '2026-03-31', days: 0 }],
  ])('%s', (_name, startsOn, today, expected) => {
    expect(effectWindow(startsOn, today)).toEqual(expected);
  });
});

describe('effect change', () => {
  it.each([
    [10, 5, -0.5], [4, 5, 0.25], [3, 3, 0], [3, 1, -0.6667], [0, 5, null], [0, 0, null],
  ])('before %i, after %i → %s', (before, after, expected) => {
    expect(effectChange(before, after)).toBe(expected);
  });
});

describe('topics overlap', () => {
  it.each([
    ['0005.0005', '0005.0005.0056.1156', true], ['0005.0005.0056.1156', '0005.0005', true], ['0005.0005', '0005.0005', true],
    ['0005.0005', '0005.00051', false], ['0005.0005', '0005.0006.0001', false],
  ])('%s and %s → %s', (a, b, expected) => {
    expect(topicsOverlap(a, b)).toBe(expected);
  });
});
