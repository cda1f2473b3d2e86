// Roadmaps (§6.3): the window over which a roadmap's effect is measured, the change it shows, and which
// topics of a resident's subscription a roadmap concerns. Pure rules, shared by the server and the web.
import { addDays, compareLocalDates, daysBetween, type LocalDate } from '../calendar/localDate';

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  planned: 'Запланировано', in_progress: 'Выполняется', done: 'Выполнено', cancelled: 'Отменено',
};

/**
 * The period after the start (the start day up to today, both included) and a period of the same number of
 * days right before the start. A roadmap that has not started yet has empty periods (`days` 0).
 */
export interface EffectWindow {
  beforeFrom: LocalDate;
  beforeTo: LocalDate;
  afterFrom: LocalDate;
  afterTo: LocalDate;
  days: number;
}

export function effectWindow(startsOn: LocalDate, today: LocalDate): EffectWindow {
  const days = compareLocalDates(today, startsOn) < 0 ? 0 : daysBetween(startsOn, today) + 1;
  return {
    beforeFrom: addDays(startsOn, -days),
    beforeTo: addDays(startsOn, -1),
    afterFrom: startsOn,
    afterTo: addDays(startsOn, days - 1),
    days,
  };
}

/** The relative change after against before (−0.25 is a quarter fewer appeals); null when there was nothing before. */
export function effectChange(before: number, after: number): number | null {
  if (before === 0) return null;
  return Math.round(((after - before) / before) * 10_000) / 10_000;
}

/** Whether two classifier codes concern each other: the same, or one lies under the other («0005.0005» and «0005.0005.0056.1156»). */
export function topicsOverlap(a: string, b: string): boolean {
  return a === b || b.startsWith(`${a}.`) || a.startsWith(`${b}.`);
}
