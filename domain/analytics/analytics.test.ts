import { describe, expect, it } from 'vitest';
import { checkRatingWeights, DEFAULT_RATING_WEIGHTS, judgeSpike, poissonTail, ratingComponents, ratingOf } from '.';

describe('rating', () => {
  const inputs = { appeals: 100, overdue: 5, answeredLate: 15, medianAnswerDays: 12, meanRating: 4, repeated: 10, riskClocksMet: 0.75, reportsOnTime: 1, requestsOnTime: null };

  it.each([
    ['timeliness', 0.8], ['speed', 0.6], ['satisfaction', 0.75], ['repeated', 0.9], ['risks', 0.75], ['reports', 1], ['requests', null],
  ] as const)('component %s = %s', (key, value) => {
    expect(ratingComponents(inputs)[key]).toBe(value);
  });

  it('is the weighted mean of the components with data, out of 100', () => {
    const c = ratingComponents(inputs);
    const w = DEFAULT_RATING_WEIGHTS;
    const expected = (w.timeliness * 0.8 + w.speed * 0.6 + w.satisfaction * 0.75 + w.repeated * 0.9 + w.risks * 0.75 + w.reports * 1) / (w.timeliness + w.speed + w.satisfaction + w.repeated + w.risks + w.reports);
    expect(ratingOf(c, w)).toBe(Math.round(expected * 1000) / 10);
    // Only satisfaction counts: the rating is satisfaction itself.
    expect(ratingOf(c, { timeliness: 0, speed: 0, satisfaction: 7, repeated: 0, risks: 0, reports: 0, requests: 0 })).toBe(75);
  });

  it('has no rating without data; a slow median scores 0, not below', () => {
    expect(ratingOf(ratingComponents({ ...inputs, appeals: 0, medianAnswerDays: null, meanRating: null, riskClocksMet: null, reportsOnTime: null }), DEFAULT_RATING_WEIGHTS)).toBeNull();
    expect(ratingComponents({ ...inputs, medianAnswerDays: 45 }).speed).toBe(0);
  });

  it('refuses negative, too large or all-zero weights', () => {
    expect(checkRatingWeights(DEFAULT_RATING_WEIGHTS)).toEqual([]);
    expect(checkRatingWeights({ ...DEFAULT_RATING_WEIGHTS, speed: -1, risks: 101 })).toEqual(['speed', 'risks']);
    expect(checkRatingWeights({ timeliness: 0, speed: 0, satisfaction: 0, repeated: 0, risks: 0, reports: 0, requests: 0 })).toHaveLength(7);
  });
});

describe('spikes', () => {
  it.each([
    [0, 2, 1], [1, 0.5, 1 - Math.exp(-0.5)], [3, 1, 1 - Math.exp(-1) * (1 + 1 + 0.5)],
  ])('P(X ≥ %s | λ=%s)', (k, lambda, p) => {
    expect(poissonTail(k, lambda)).toBeCloseTo(p, 10);
  });

  it('a far tail stays positive and tiny', () => {
    const p = poissonTail(40, 2);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-25);
  });

  it.each([
    // count, total over 8 weeks, spike?
    [10, 16, true], // λ = 2, 10 this week
    [4, 16, false], // λ = 2, 4 is ordinary
    [4, 0, true], // new topic: λ = 0.5, four appeals (P ≈ 0.0018)
    [3, 0, false], // three are not enough (P ≈ 0.014)
    [3, 1, false],
    [30, 160, false], // λ = 20: P(X ≥ 30) ≈ 0.022
    [35, 160, true],
  ])('count %s against a total of %s over 8 weeks → spike %s', (count, total, spike) => {
    expect(judgeSpike(count, total).spike).toBe(spike);
  });

  it('reports how far above', () => {
    expect(judgeSpike(10, 16)).toMatchObject({ count: 10, baseline: 2, ratio: 5, zScore: 5.7 });
  });
});
