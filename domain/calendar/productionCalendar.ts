// Working-day arithmetic over the Russian production calendar (производственный календарь).
//
// The data list only the dates that are not plain "Monday–Friday work, Saturday–Sunday rest":
// public holidays, transferred days off, working Saturdays and shortened pre-holiday days. A year
// the data do not cover falls back to Monday–Friday, and `covers(year)` says so, so that a caller
// can warn an administrator instead of refusing to compute a deadline.
import { addDays, dayOfWeek, formatLocalDate, isLocalDate, yearOf, type LocalDate } from './localDate';

/**
 * - `holiday`: a non-working public holiday (Labour Code art. 112), with its title;
 * - `day_off`: a non-working day transferred from another date by a Government decree;
 * - `shortened`: a working day one hour shorter, before a holiday (may fall on a Saturday);
 * - `working_weekend`: a Saturday or Sunday made a working day by a transfer.
 */
export type SpecialDayKind = 'holiday' | 'day_off' | 'shortened' | 'working_weekend';

export const SPECIAL_DAY_KINDS: readonly SpecialDayKind[] = ['holiday', 'day_off', 'shortened', 'working_weekend'];

export interface SpecialDay {
  date: LocalDate;
  kind: SpecialDayKind;
  /** Holiday title in Russian, where the source gives one. */
  title?: string;
  /** For a transferred day off: the date whose rest was moved here. */
  transferredFrom?: LocalDate;
}

export interface CalendarYear {
  year: number;
  /** When the source published this year's file. */
  published?: LocalDate;
  /** True while the year rests on a draft rather than a published decree. */
  provisional?: boolean;
  note?: string;
  days: SpecialDay[];
}

export interface CalendarData {
  country: string;
  source: string;
  years: CalendarYear[];
}

export type DayKind = 'working' | 'weekend' | SpecialDayKind;

export interface DayInfo {
  date: LocalDate;
  working: boolean;
  kind: DayKind;
  title?: string;
  transferredFrom?: LocalDate;
  /** False when the year is not in the data and the Monday–Friday fallback was used. */
  covered: boolean;
}

const WORKING_KINDS: ReadonlySet<DayKind> = new Set<DayKind>(['working', 'shortened', 'working_weekend']);

export class ProductionCalendar {
  readonly country: string;
  readonly source: string;
  /** Covered years, ascending. */
  readonly years: readonly number[];
  private readonly yearInfo: ReadonlyMap<number, CalendarYear>;
  private readonly special: ReadonlyMap<LocalDate, SpecialDay>;

  constructor(data: CalendarData) {
    const yearInfo = new Map<number, CalendarYear>();
    const special = new Map<LocalDate, SpecialDay>();
    for (const entry of data.years) {
      if (!Number.isInteger(entry.year)) throw new Error(`Production calendar: bad year ${JSON.stringify(entry.year)}`);
      if (yearInfo.has(entry.year)) throw new Error(`Production calendar: year ${entry.year} is listed twice`);
      yearInfo.set(entry.year, entry);
      for (const day of entry.days) {
        if (!isLocalDate(day.date) || yearOf(day.date) !== entry.year) {
          throw new Error(`Production calendar: date ${JSON.stringify(day.date)} does not belong to year ${entry.year}`);
        }
        if (!SPECIAL_DAY_KINDS.includes(day.kind)) throw new Error(`Production calendar: unknown kind ${JSON.stringify(day.kind)} on ${day.date}`);
        if (special.has(day.date)) throw new Error(`Production calendar: date ${day.date} is listed twice`);
        special.set(day.date, day);
      }
    }
    this.country = data.country;
    this.source = data.source;
    this.years = [...yearInfo.keys()].sort((a, b) => a - b);
    this.yearInfo = yearInfo;
    this.special = special;
  }

  /** Whether the data hold this year; otherwise Monday–Friday is assumed. */
  covers(year: number): boolean {
    return this.yearInfo.has(year);
  }

  /** Whether the year rests on a draft, so its transfers may still change. */
  isProvisional(year: number): boolean {
    return this.yearInfo.get(year)?.provisional === true;
  }

  dayInfo(date: LocalDate): DayInfo {
    const covered = this.covers(yearOf(date));
    const special = this.special.get(date);
    if (special) {
      return {
        date,
        working: WORKING_KINDS.has(special.kind),
        kind: special.kind,
        ...(special.title === undefined ? {} : { title: special.title }),
        ...(special.transferredFrom === undefined ? {} : { transferredFrom: special.transferredFrom }),
        covered,
      };
    }
    const weekend = dayOfWeek(date) >= 6;
    return { date, working: !weekend, kind: weekend ? 'weekend' : 'working', covered };
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.dayInfo(date).working;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    let day = addDays(date, 1);
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: LocalDate): LocalDate {
    let day = addDays(date, -1);
    while (!this.isWorkingDay(day)) day = addDays(day, -1);
    return day;
  }

  /** `date` itself when it is a working day, else the next one. */
  workingDayOnOrAfter(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /** `date` itself when it is a working day, else the previous one. */
  workingDayOnOrBefore(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? date : this.previousWorkingDay(date);
  }

  /**
   * The n-th working day after `date`, counting from the next day (n = 1 is the next working
   * day); a negative n counts back. n = 0 returns `date` unchanged, working or not.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, got ${n}`);
    let day = date;
    for (let left = Math.abs(n); left > 0; left--) {
      day = n > 0 ? this.nextWorkingDay(day) : this.previousWorkingDay(day);
    }
    return day;
  }

  /**
   * Working days in (a, b] when b is after a, the negated count of (b, a] when b is before a, so
   * that `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
   */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    if (a === b) return 0;
    const forward = a < b;
    const [from, to] = forward ? [a, b] : [b, a];
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count++;
    }
    return forward ? count : -count;
  }

  /** Working days in a calendar year (the norm printed on production calendars). */
  workingDaysInYear(year: number): number {
    return this.workingDaysBetween(formatLocalDate(year - 1, 12, 31), formatLocalDate(year, 12, 31));
  }
}
