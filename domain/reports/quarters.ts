// Quarters of the reporting year and the §10.2 due date: by the 5th day of the month after the quarter.
import { toLocalDate, type LocalDate } from '../calendar/localDate';

export type Quarter = 1 | 2 | 3 | 4;

export interface QuarterPeriod {
  year: number;
  quarter: Quarter;
  /** First and last local day of the quarter. */
  from: LocalDate;
  to: LocalDate;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function quarterPeriod(year: number, quarter: Quarter): QuarterPeriod {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { year, quarter, from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/**
 * The last day on which the report is on time: the 5th of the month after the quarter, inclusive
 * («до 5 числа»), so the fourth quarter falls due on 5 January of the next year. The regulation
 * names a calendar date, so it does not move off holidays.
 */
export function reportDueDate(year: number, quarter: Quarter): LocalDate {
  return quarter === 4 ? `${year + 1}-01-05` : `${year}-${pad(quarter * 3 + 1)}-05`;
}

export type ReportTimeliness = 'pending' | 'on_time' | 'late' | 'missing';

/** On time when submitted on or before the due date, local time of the municipality. */
export function reportTimeliness(year: number, quarter: Quarter, submittedAt: Date | null, now: Date, timeZone: string): ReportTimeliness {
  const due = reportDueDate(year, quarter);
  if (submittedAt) return toLocalDate(submittedAt, timeZone) <= due ? 'on_time' : 'late';
  return toLocalDate(now, timeZone) > due ? 'missing' : 'pending';
}

/** The quarter a local date falls in. */
export function quarterOf(date: LocalDate): { year: number; quarter: Quarter } {
  return { year: Number(date.slice(0, 4)), quarter: (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter };
}

/** The quarter whose report is due next from a date: the previous quarter until its due date has passed. */
export function reportingQuarter(date: LocalDate): { year: number; quarter: Quarter } {
  const { year, quarter } = quarterOf(date);
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter };
}
