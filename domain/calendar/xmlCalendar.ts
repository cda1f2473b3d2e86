// Reads one year of the xmlcalendar.ru production-calendar format (github.com/xmlcalendar/data).
// Pure: text in, data out; data/production-calendar/convert.ts does the file work.
//
//   <calendar year="2026" lang="ru" date="2025.09.30">
//     <holidays><holiday id="1" title="Новогодние каникулы"/>…</holidays>
//     <days><day d="01.01" t="1" h="1"/><day d="01.09" t="1" f="01.03"/>…</days>
//   </calendar>
//
// d = MM.DD; t = 1 day off, 2 shortened working day (any day of the week), 3 working Saturday or
// Sunday; h = holiday id; f = MM.DD of the day whose rest was transferred here (same year).
import { isLocalDate, type LocalDate } from './localDate';
import type { CalendarYear, SpecialDay } from './productionCalendar';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    result[match[1]] = decode(match[3] ?? match[4] ?? '');
  }
  return result;
}

function monthDay(year: number, value: string, what: string): LocalDate {
  const match = /^(\d{2})\.(\d{2})$/.exec(value);
  const date = match ? `${year}-${match[1]}-${match[2]}` : '';
  if (!isLocalDate(date)) throw new Error(`xmlcalendar ${year}: bad ${what} ${JSON.stringify(value)}`);
  return date;
}

/** Parses one `calendar` document into the year's list of special days, sorted by date. */
export function parseXmlCalendar(xml: string): CalendarYear {
  const root = /<calendar\b([^>]*)>/.exec(xml);
  if (!root) throw new Error('xmlcalendar: no <calendar> element');
  const rootAttributes = attributes(root[1]);
  const year = Number(rootAttributes.year);
  if (!Number.isInteger(year) || year < 1900) throw new Error(`xmlcalendar: bad year ${JSON.stringify(rootAttributes.year)}`);

  const titles = new Map<string, string>();
  for (const match of xml.matchAll(/<holiday\b([^>]*?)\/?>/g)) {
    const { id, title } = attributes(match[1]);
    if (id !== undefined && title !== undefined) titles.set(id, title);
  }

  const days: SpecialDay[] = [];
  for (const match of xml.matchAll(/<day\b([^>]*?)\/?>/g)) {
    const { d, t, h, f } = attributes(match[1]);
    const date = monthDay(year, d ?? '', 'day');
    const title = h === undefined ? undefined : titles.get(h);
    if (h !== undefined && title === undefined) throw new Error(`xmlcalendar ${year}: ${date} refers to unknown holiday ${h}`);
    let day: SpecialDay;
    if (t === '1') day = { date, kind: title === undefined ? 'day_off' : 'holiday' };
    else if (t === '2') day = { date, kind: 'shortened' };
    else if (t === '3') day = { date, kind: 'working_weekend' };
    else throw new Error(`xmlcalendar ${year}: ${date} has unknown type ${JSON.stringify(t)}`);
    if (title !== undefined) day.title = title;
    if (f !== undefined) day.transferredFrom = monthDay(year, f, 'transfer source');
    days.push(day);
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const result: CalendarYear = { year, days };
  const published = /^(\d{4})\.(\d{2})\.(\d{2})$/.exec(rootAttributes.date ?? '');
  const publishedDate = published ? `${published[1]}-${published[2]}-${published[3]}` : '';
  if (isLocalDate(publishedDate)) result.published = publishedDate;
  return result;
}
