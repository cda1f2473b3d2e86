import { describe, expect, it } from 'vitest';
import { addDays } from './localDate';
import { ProductionCalendar } from './productionCalendar';
import { russianCalendar as calendar } from './russianCalendar';
import { parseXmlCalendar } from './xmlCalendar';

describe('shipped Russian production calendar', () => {
  it('covers 2024–2027, with 2027 still provisional', () => {
    expect(calendar.years).toEqual([2024, 2025, 2026, 2027]);
    expect(calendar.covers(2026)).toBe(true);
    expect(calendar.covers(2023)).toBe(false);
    expect(calendar.covers(2028)).toBe(false);
    expect(calendar.isProvisional(2026)).toBe(false);
    expect(calendar.isProvisional(2027)).toBe(true);
  });

  it.each([
    [2024, 248],
    [2025, 247],
    [2026, 247],
    [2027, 247],
  ])('has the published number of working days in %i: %i', (year, count) => {
    expect(calendar.workingDaysInYear(year)).toBe(count);
  });

  it.each([
    ['2024-01-08', false, 'holiday'],
    ['2024-01-09', true, 'working'],
    ['2024-04-27', true, 'working_weekend'],
    ['2024-04-29', false, 'day_off'],
    ['2024-04-30', false, 'day_off'],
    ['2024-11-02', true, 'shortened'], // a shortened working Saturday
    ['2024-12-28', true, 'working_weekend'],
    ['2024-12-30', false, 'day_off'],
    ['2025-02-23', false, 'holiday'], // a holiday on a Sunday, not transferred
    ['2025-05-02', false, 'day_off'],
    ['2025-05-08', false, 'day_off'],
    ['2025-11-01', true, 'shortened'],
    ['2025-11-03', false, 'day_off'],
    ['2025-12-31', false, 'day_off'],
    ['2026-01-09', false, 'day_off'],
    ['2026-03-09', false, 'day_off'],
    ['2026-05-08', true, 'shortened'],
    ['2026-05-11', false, 'day_off'],
    ['2026-12-31', false, 'day_off'],
    ['2027-02-20', true, 'shortened'],
    ['2027-02-22', false, 'day_off'],
    ['2027-11-05', false, 'day_off'],
    ['2026-03-07', false, 'weekend'],
    ['2026-03-10', true, 'working'],
  ] as const)('%s is working: %s (%s)', (date, working, kind) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
    expect(calendar.dayInfo(date).kind).toBe(kind);
  });

  it('keeps holiday titles and transfer sources', () => {
    expect(calendar.dayInfo('2024-05-09')).toEqual({ date: '2024-05-09', working: false, kind: 'holiday', title: 'День Победы', covered: true });
    expect(calendar.dayInfo('2025-12-31')).toEqual({ date: '2025-12-31', working: false, kind: 'day_off', transferredFrom: '2025-01-05', covered: true });
  });
});

describe('working-day arithmetic', () => {
  it('finds the next and previous working days across holidays', () => {
    expect(calendar.nextWorkingDay('2025-12-30')).toBe('2026-01-12');
    expect(calendar.previousWorkingDay('2026-01-12')).toBe('2025-12-30');
    expect(calendar.nextWorkingDay('2024-04-26')).toBe('2024-04-27');
    expect(calendar.previousWorkingDay('2024-05-02')).toBe('2024-04-27');
    expect(calendar.nextWorkingDay('2024-12-31')).toBe('2025-01-09');
    expect(calendar.workingDayOnOrAfter('2026-03-10')).toBe('2026-03-10');
    expect(calendar.workingDayOnOrAfter('2026-03-07')).toBe('2026-03-10');
    expect(calendar.workingDayOnOrBefore('2026-03-09')).toBe('2026-03-06');
  });

  it('adds working days, counting from the next day', () => {
    expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-10');
    expect(calendar.addWorkingDays('2025-04-29', 10)).toBe('2025-05-19');
    expect(calendar.addWorkingDays('2024-04-26', 10)).toBe('2024-05-16');
    expect(calendar.addWorkingDays('2025-05-19', -10)).toBe('2025-04-29');
    expect(calendar.addWorkingDays('2026-03-07', 0)).toBe('2026-03-07');
  });

  it('counts working days in (a, b], signed', () => {
    expect(calendar.workingDaysBetween('2025-04-29', '2025-05-19')).toBe(10);
    expect(calendar.workingDaysBetween('2025-05-19', '2025-04-29')).toBe(-10);
    expect(calendar.workingDaysBetween('2026-03-06', '2026-03-10')).toBe(1);
    expect(calendar.workingDaysBetween('2025-12-30', '2026-01-11')).toBe(0);
    expect(calendar.workingDaysBetween('2026-01-01', '2026-01-01')).toBe(0);
    for (const n of [1, 5, 22, 60]) {
      expect(calendar.workingDaysBetween('2025-12-25', calendar.addWorkingDays('2025-12-25', n))).toBe(n);
    }
  });

  it('falls back to Monday–Friday outside the data and says so', () => {
    expect(calendar.dayInfo('2030-01-01')).toEqual({ date: '2030-01-01', working: true, kind: 'working', covered: false });
    expect(calendar.isWorkingDay('2030-01-05')).toBe(false);
    expect(calendar.workingDaysInYear(2030)).toBe(261);
    expect(calendar.nextWorkingDay('2027-12-30')).toBe('2028-01-03');
  });
});

// The straightforward day-by-day walk the indexed arithmetic must agree with.
const walk = {
  next(day: string) { do day = addDays(day, 1); while (!calendar.isWorkingDay(day)); return day; },
  previous(day: string) { do day = addDays(day, -1); while (!calendar.isWorkingDay(day)); return day; },
  add(date: string, n: number) {
    let day = date;
    for (let left = Math.abs(n); left > 0; left--) day = n > 0 ? walk.next(day) : walk.previous(day);
    return day;
  },
  between(a: string, b: string) {
    const [from, to] = a < b ? [a, b] : [b, a];
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) count++;
    return a < b ? count : -count;
  },
};

/** Every date from 2023-12-01 to 2028-01-31: the covered years, their boundaries and the fallback on both sides. */
const DAYS: string[] = [];
for (let day = '2023-12-01'; day <= '2028-01-31'; day = addDays(day, 1)) DAYS.push(day);

/** A small deterministic generator, so a failure names the same pair on every run. */
function random(seed: number) {
  return () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
}

describe('indexed working-day arithmetic agrees with the day-by-day walk', () => {
  it('next and previous working day of every date', () => {
    for (const day of DAYS) {
      expect(calendar.nextWorkingDay(day), day).toBe(walk.next(day));
      expect(calendar.previousWorkingDay(day), day).toBe(walk.previous(day));
    }
  });

  it('adds -45…45 working days to every date', () => {
    for (const day of DAYS) {
      for (const n of [-45, -30, -11, -10, -3, -2, -1, 0, 1, 2, 3, 10, 11, 22, 30, 45]) {
        expect(calendar.addWorkingDays(day, n), `${day} ${n}`).toBe(walk.add(day, n));
      }
    }
  });

  it('counts working days from each year boundary and each holiday to every date', () => {
    const anchors = ['2023-12-31', '2024-01-01', '2024-12-31', '2025-01-01', '2025-12-31', '2026-01-01', '2026-12-31', '2027-01-01', '2027-12-31', '2028-01-01',
      ...DAYS.filter((d) => ['holiday', 'day_off', 'working_weekend', 'shortened'].includes(calendar.dayInfo(d).kind)).filter((_, i) => i % 4 === 0)];
    for (const a of anchors) {
      let forward = 0;
      const from = DAYS.indexOf(a);
      for (let i = from + 1; i < DAYS.length; i++) {
        if (calendar.isWorkingDay(DAYS[i])) forward++;
        expect(calendar.workingDaysBetween(a, DAYS[i])).toBe(forward);
        expect(calendar.workingDaysBetween(DAYS[i], a)).toBe(forward === 0 ? 0 : -forward);
      }
    }
  });

  it('counts and steps over random pairs of dates', () => {
    const next = random(2026);
    for (let i = 0; i < 2000; i++) {
      const a = DAYS[Math.floor(next() * DAYS.length)];
      const b = DAYS[Math.floor(next() * DAYS.length)];
      const n = calendar.workingDaysBetween(a, b);
      expect(n, `${a} ${b}`).toBe(walk.between(a, b) || 0);
      expect(calendar.addWorkingDays(a, n), `${a} ${n}`).toBe(walk.add(a, n));
    }
  });

  it('agrees far outside the data, where Monday–Friday applies', () => {
    for (const [a, n] of [['1969-12-31', 5], ['1970-01-03', -7], ['2099-12-30', 3], ['2031-06-15', -250]] as const) {
      expect(calendar.addWorkingDays(a, n)).toBe(walk.add(a, n));
      expect(calendar.workingDaysBetween(a, walk.add(a, n))).toBe(walk.between(a, walk.add(a, n)));
    }
    expect(calendar.workingDaysBetween('2023-06-01', '2029-06-01')).toBe(walk.between('2023-06-01', '2029-06-01'));
  });

  it('a calendar with a year of its own data counts that year from its days', () => {
    const custom = new ProductionCalendar({ country: 'ru', source: 'test', years: [{ year: 2030, days: [{ date: '2030-01-07', kind: 'holiday' }, { date: '2030-01-12', kind: 'working_weekend' }, { date: '2030-01-13', kind: 'working_weekend' }] }] });
    // 1–4, 8–11, the working weekend 12–13 and 14 January; the 7th is a holiday.
    expect(custom.workingDaysBetween('2029-12-31', '2030-01-14')).toBe(11);
    expect(custom.workingDaysInYear(2030)).toBe(262);
    let walked = 0;
    for (let day = '2029-07-01'; day <= '2031-06-30'; day = addDays(day, 1)) if (custom.isWorkingDay(day)) walked++;
    expect(custom.workingDaysBetween('2029-06-30', '2031-06-30')).toBe(walked);
    expect(custom.addWorkingDays('2030-01-11', 2)).toBe('2030-01-13');
    expect(custom.addWorkingDays('2031-01-01', -1)).toBe('2030-12-31');
  });
});

describe('ProductionCalendar data checks', () => {
  const year = (days: unknown[]) => ({ country: 'ru', source: 'test', years: [{ year: 2030, days }] }) as never;

  it('refuses dates of another year, unknown kinds and duplicates', () => {
    expect(() => new ProductionCalendar(year([{ date: '2031-01-01', kind: 'holiday' }]))).toThrow(/does not belong/);
    expect(() => new ProductionCalendar(year([{ date: '2030-01-01', kind: 'party' }]))).toThrow(/unknown kind/);
    expect(() => new ProductionCalendar(year([{ date: '2030-01-01', kind: 'holiday' }, { date: '2030-01-01', kind: 'day_off' }]))).toThrow(/twice/);
  });

  it('uses its own data', () => {
    const custom = new ProductionCalendar(year([{ date: '2030-01-07', kind: 'holiday', title: 'Рождество Христово' }, { date: '2030-01-12', kind: 'working_weekend' }]));
    expect(custom.isWorkingDay('2030-01-07')).toBe(false);
    expect(custom.isWorkingDay('2030-01-12')).toBe(true);
    expect(custom.workingDaysInYear(2030)).toBe(261);
  });
});

const XML_2026 = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="2026" lang="ru" date="2025.09.30" country="ru">
    <holidays>
        <holiday id="1" title="Новогодние каникулы"/>
        <holiday id="2" title="Рождество Христово"/>
        <holiday id="3" title="День защитника Отечества"/>
        <holiday id="4" title="Международный женский день"/>
        <holiday id="5" title="Праздник Весны и Труда"/>
        <holiday id="6" title="День Победы"/>
        <holiday id="7" title="День России"/>
        <holiday id="8" title="День народного единства"/>
    </holidays>
    <days>
        <day d="01.01" t="1" h="1"/>
        <day d="01.02" t="1" h="1"/>
        <day d="01.03" t="1" h="1"/>
        <day d="01.04" t="1" h="1"/>
        <day d="01.05" t="1" h="1"/>
        <day d="01.06" t="1" h="1"/>
        <day d="01.07" t="1" h="2"/>
        <day d="01.08" t="1" h="1"/>
        <day d="01.09" t="1" f="01.03"/>
        <day d="02.23" t="1" h="3"/>
        <day d="03.08" t="1" h="4"/>
        <day d="03.09" t="1" f="03.08"/>
        <day d="04.30" t="2"/>
        <day d="05.01" t="1" h="5"/>
        <day d="05.08" t="2"/>
        <day d="05.09" t="1" h="6"/>
        <day d="05.11" t="1" f="05.09"/>
        <day d="06.11" t="2"/>
        <day d="06.12" t="1" h="7"/>
        <day d="11.03" t="2"/>
        <day d="11.04" t="1" h="8"/>
        <day d="12.31" t="1" f="01.04"/>
    </days>
</calendar>`;

describe('xmlcalendar format', () => {
  it('reads a year exactly as shipped', () => {
    const parsed = parseXmlCalendar(XML_2026);
    const shipped = new ProductionCalendar({ country: 'ru', source: 'test', years: [parsed] });
    expect(parsed.year).toBe(2026);
    expect(parsed.published).toBe('2025-09-30');
    expect(parsed.days).toHaveLength(22);
    expect(parsed.days[8]).toEqual({ date: '2026-01-09', kind: 'day_off', transferredFrom: '2026-01-03' });
    expect(shipped.workingDaysInYear(2026)).toBe(247);
    for (const day of parsed.days) expect(calendar.dayInfo(day.date)).toMatchObject(day);
  });

  it('reads attributes in any order, with entities and working weekends', () => {
    const parsed = parseXmlCalendar(`<calendar lang='ru' year='2030'><holidays><holiday title="A &amp; B" id="9"/></holidays>
      <days><day t="3" d="01.12"></day><day h="9" d="01.07" t="1"/></days></calendar>`);
    expect(parsed).toEqual({
      year: 2030,
      days: [
        { date: '2030-01-07', kind: 'holiday', title: 'A & B' },
        { date: '2030-01-12', kind: 'working_weekend' },
      ],
    });
  });

  it('refuses what it cannot read', () => {
    expect(() => parseXmlCalendar('<nothing/>')).toThrow(/no <calendar>/);
    expect(() => parseXmlCalendar('<calendar year="2030"><days><day d="02.30" t="1"/></days></calendar>')).toThrow(/bad day/);
    expect(() => parseXmlCalendar('<calendar year="2030"><days><day d="02.03" t="7"/></days></calendar>')).toThrow(/unknown type/);
    expect(() => parseXmlCalendar('<calendar year="2030"><days><day d="02.03" t="1" h="4"/></days></calendar>')).toThrow(/unknown holiday/);
  });
});
