// Local calendar dates as 'YYYY-MM-DD' strings, with arithmetic done in UTC so that no host time
// zone or daylight-saving shift can move a date.

/** A calendar date without a time or a zone, written 'YYYY-MM-DD'. */
export type LocalDate = string;

/** Sverdlovsk region; the zone used when a municipality has none of its own. */
export const DEFAULT_TIME_ZONE = 'Asia/Yekaterinburg';

const MS_PER_DAY = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Monday = 1 … Sunday = 7 (ISO 8601). */
export type DayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_LENGTHS[month - 1];
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseLocalDate(value: string): DateParts {
  if (!isLocalDate(value)) throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(value)}`);
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isLocalDate(text)) throw new RangeError(`No such calendar date: ${year}-${month}-${day}`);
  return text;
}

/** Days since 1970-01-01; the basis of all arithmetic here. */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / MS_PER_DAY);
}

/** The date `epochDay` days after 1970-01-01. */
export function fromEpochDay(epochDay: number): LocalDate {
  const utc = new Date(epochDay * MS_PER_DAY);
  return formatLocalDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Signed number of days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function dayOfWeek(date: LocalDate): DayOfWeek {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7 + 1) as DayOfWeek;
}

export function isWeekend(date: LocalDate): boolean {
  return dayOfWeek(date) >= 6;
}

export function yearOf(date: LocalDate): number {
  return parseLocalDate(date).year;
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return daysBetween(b, a);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone, which is what a caller with a bad setting should see.
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const lastByZone = new Map<string, { ms: number; date: LocalDate }>();
const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** The calendar date that a wall clock in `timeZone` shows at `instant`. */
export function toLocalDate(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid instant');
  // A registry page asks for the same "now" once per row.
  const last = lastByZone.get(timeZone);
  if (last?.ms === ms) return last.date;
  const formatter = formatterFor(timeZone);
  // format() is several times cheaper than formatToParts(); the parts are the fallback for unusual years.
  const match = US_DATE.exec(formatter.format(instant));
  let date: LocalDate;
  if (match) {
    date = formatLocalDate(Number(match[3]), Number(match[1]), Number(match[2]));
  } else {
    const parts = formatter.formatToParts(instant);
    const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
    date = formatLocalDate(part('year'), part('month'), part('day'));
  }
  lastByZone.set(timeZone, { ms, date });
  return date;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes the wall clock of `timeZone` is ahead of UTC at `instant`. */
function zoneOffsetMinutes(timeZone: string, instant: number): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', calendar: 'gregory', numberingSystem: 'latn' });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant a wall clock in `timeZone` shows the start of `date` (00:00 local time). */
export function startOfLocalDay(date: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const { year, month, day } = parseLocalDate(date);
  const asUtc = Date.UTC(year, month - 1, day);
  // The offset at the guess, then at the answer, settles a day that starts on a clock change.
  const guess = asUtc - zoneOffsetMinutes(timeZone, asUtc) * 60_000;
  return new Date(asUtc - zoneOffsetMinutes(timeZone, guess) * 60_000);
}
