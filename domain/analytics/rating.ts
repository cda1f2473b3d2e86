// The rating of municipalities: each component is a share from 0 (worst) to 1 (best), the rating is
// their weighted mean times 100 over the components that have data. The ЦУР administrator sets the weights.

export const RATING_COMPONENTS = ['timeliness', 'speed', 'satisfaction', 'repeated', 'risks', 'reports', 'requests'] as const;
export type RatingComponent = (typeof RATING_COMPONENTS)[number];
export type RatingWeights = Record<RatingComponent, number>;

export const DEFAULT_RATING_WEIGHTS: RatingWeights = {
  timeliness: 30, speed: 15, satisfaction: 20, repeated: 10, risks: 10, reports: 5, requests: 10,
};

/** The answer term of 59-ФЗ in days: a median of this many days or more scores 0 for speed. */
export const SPEED_HORIZON_DAYS = 30;

export const RATING_COMPONENT_LABELS: Record<RatingComponent, string> = {
  timeliness: 'Соблюдение сроков',
  speed: 'Скорость ответа',
  satisfaction: 'Удовлетворённость',
  repeated: 'Без повторных',
  risks: '3-часовые сроки по рискам',
  reports: 'Квартальные отчёты в срок',
  requests: 'Ответы на запросы в срок',
};

export interface RatingInputs {
  appeals: number;
  /** Open and past the deadline now. */
  overdue: number;
  /** Answered after the deadline. */
  answeredLate: number;
  medianAnswerDays: number | null;
  meanRating: number | null;
  repeated: number;
  /** Share of the risks' 3-hour clocks met, of those decided. */
  riskClocksMet: number | null;
  reportsOnTime: number | null;
  requestsOnTime: number | null;
}

export type RatingComponents = Record<RatingComponent, number | null>;

const clamp = (v: number) => Math.min(1, Math.max(0, v));
const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Each component from 0 to 1, or null when the municipality has nothing to judge it by. */
export function ratingComponents(x: RatingInputs): RatingComponents {
  const some = x.appeals > 0;
  return {
    timeliness: some ? round3(clamp(1 - (x.overdue + x.answeredLate) / x.appeals)) : null,
    speed: x.medianAnswerDays === null ? null : round3(clamp(1 - x.medianAnswerDays / SPEED_HORIZON_DAYS)),
    satisfaction: x.meanRating === null ? null : round3(clamp((x.meanRating - 1) / 4)),
    repeated: some ? round3(clamp(1 - x.repeated / x.appeals)) : null,
    risks: x.riskClocksMet === null ? null : round3(clamp(x.riskClocksMet)),
    reports: x.reportsOnTime === null ? null : round3(clamp(x.reportsOnTime)),
    requests: x.requestsOnTime === null ? null : round3(clamp(x.requestsOnTime)),
  };
}

/** 100 × Σ wᵢ·cᵢ / Σ wᵢ over the components with data; null when none has data or their weights sum to 0. */
export function ratingOf(components: RatingComponents, weights: RatingWeights): number | null {
  let sum = 0;
  let weight = 0;
  for (const key of RATING_COMPONENTS) {
    const c = components[key];
    if (c === null || weights[key] <= 0) continue;
    sum += weights[key] * c;
    weight += weights[key];
  }
  return weight > 0 ? Math.round((sum / weight) * 1000) / 10 : null;
}

/** Problems of a weights object: each weight a number from 0 to 100, at least one above 0. */
export function checkRatingWeights(weights: RatingWeights): string[] {
  const problems = RATING_COMPONENTS.filter((k) => !Number.isFinite(weights[k]) || weights[k] < 0 || weights[k] > 100);
  if (!problems.length && RATING_COMPONENTS.every((k) => weights[k] === 0)) return [...RATING_COMPONENTS];
  return problems;
}
