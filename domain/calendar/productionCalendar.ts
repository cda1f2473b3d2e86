// Working-day arithmetic over the Russian production calendar (производственный календарь).
//
// The data list only the dates that are not plain "Monday–Friday work, Saturday–Sunday rest":
// public holidays, transferred days off, working Saturdays and shortened pre-holiday days. A year
// the data do not cover falls back to Monday–Friday, and `covers(year)` says so, so that a caller
// can warn an administrator instead of refusing to compute a deadline.
import { dayOfWeek, formatLocalDate, fromEpochDay, isLocalDate, toEpochDay, yearOf, type LocalDate } from './localDate';

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

/**
 * Monday–Friday days in [1970-01-05, epochDay), negative before it: a potential whose difference
 * between two days counts the weekdays between them, for any years.
 */
function weekdaysBefore(epochDay: number): number {
  const k = epochDay - 4; // 1970-01-05 was a Monday
  const weeks = Math.floor(k / 7);
  return weeks * 5 + Math.min(k - weeks * 7, 5);
}

/** Prefix sums of one year's working days, so that counting and stepping over working days is O(1). */
interface YearIndex {
  /** Epoch day of 1 January. */
  start: number;
  /** Working days of the calendar before 1 January, relative to the same origin as weekdaysBefore. */
  base: number;
  /** `cumulative[i]`: working days among the first i days of the year. */
  cumulative: Int16Array;
  /** `nth[k]`: the day of the year (0-based) of its (k + 1)-th working day. */
  nth: Int16Array;
}

export class ProductionCalendar {
  readonly country: string;
  readonly source: string;
  /** Covered years, ascending. */
  readonly years: readonly number[];
  private readonly yearInfo: ReadonlyMap<number, CalendarYear>;
  private readonly special: ReadonlyMap<LocalDate, SpecialDay>;
  /** Built on first use, for any year a caller touches (uncovered years follow Monday–Friday). */
  private readonly indexes = new Map<number, YearIndex>();
  /** Covered years with the working days they add to (or take from) Monday–Friday, ascending. */
  private readonly yearDeltas: { year: number; delta: number }[];

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
    this.yearDeltas = this.years.map((year) => {
      let delta = 0;
      for (const day of yearInfo.get(year)!.days) delta += (WORKING_KINDS.has(day.kind) ? 1 : 0) - (dayOfWeek(day.date) <= 5 ? 1 : 0);
      return { year, delta };
    });
  }

  private yearIndex(year: number): YearIndex {
    let index = this.indexes.get(year);
    if (index) return index;
    const start = toEpochDay(formatLocalDate(year, 1, 1));
    const length = toEpochDay(formatLocalDate(year + 1, 1, 1)) - start;
    const cumulative = new Int16Array(length + 1);
    const nth: number[] = [];
    for (let i = 0; i < length; i++) {
      const working = this.isWorkingDay(fromEpochDay(start + i));
      cumulative[i + 1] = cumulative[i] + (working ? 1 : 0);
      if (working) nth.push(i);
    }
    let base = weekdaysBefore(start);
    for (const d of this.yearDeltas) if (d.year < year) base += d.delta;
    index = { start, base, cumulative, nth: Int16Array.from(nth) };
    this.indexes.set(year, index);
    return index;
  }

  /** Working days on or before `epochDay`, from a fixed origin: differences count working days. */
  private workingOrdinal(epochDay: number, year: number): number {
    const index = this.yearIndex(year);
    return index.base + index.cumulative[epochDay - index.start + 1];
  }

  /** The working day whose ordinal is `ordinal`, searching from `year`. */
  private dayOfOrdinal(ordinal: number, year: number): LocalDate {
    let index = this.yearIndex(year);
    while (ordinal > index.base + index.nth.length) index = this.yearIndex(++year);
    while (ordinal <= index.base) index = this.yearIndex(--year);
    return fromEpochDay(index.start + index.nth[ordinal - index.base - 1]);
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
    const special = this.special.get(date);
    return special ? WORKING_KINDS.has(special.kind) : dayOfWeek(date) <= 5;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, -1);
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
    if (n === 0) return date;
    const year = yearOf(date);
    const epochDay = toEpochDay(date);
    const ordinal = this.workingOrdinal(epochDay, year);
    // Forward: the first day whose ordinal reaches ordinal + n. Back: the n-th working day before, not counting `date`.
    const target = n > 0 ? ordinal + n : ordinal - (this.isWorkingDay(date) ? 1 : 0) + n + 1;
    return this.dayOfOrdinal(target, year);
  }

  /**
   * Working days in (a, b] when b is after a, the negated count of (b, a] when b is before a, so
   * that `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
   */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    if (a === b) return 0;
    return this.workingOrdinal(toEpochDay(b), yearOf(b)) - this.workingOrdinal(toEpochDay(a), yearOf(a));
  }

  /** Working days in a calendar year (the norm printed on production calendars). */
  workingDaysInYear(year: number): number {
    if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
    return this.yearIndex(year).nth.length;
  }
}
