// Working-day arithmetic: the indexed production calendar against the day-by-day walk it replaced,
// both measured in this run over the same dates (a registry page computes a deadline state per row).
//
//   npx tsx bench/calendar.ts
import { performance } from 'node:perf_hooks';
import { computeDeadlines, DEFAULT_DEADLINE_RULES, workingDaysLeft } from '../domain/appeals/deadlines';
import { addDays, toLocalDate } from '../domain/calendar/localDate';
import { ProductionCalendar } from '../domain/calendar/productionCalendar';
import { RUSSIAN_CALENDAR_DATA } from '../domain/calendar/russianCalendar';

/** The previous implementation: every step and every count walks the days one by one. */
class DayWalkCalendar extends ProductionCalendar {
  override nextWorkingDay(date: string): string {
    let day = addDays(date, 1);
    while (!this.dayInfo(day).working) day = addDays(day, 1);
    return day;
  }

  override previousWorkingDay(date: string): string {
    let day = addDays(date, -1);
    while (!this.dayInfo(day).working) day = addDays(day, -1);
    return day;
  }

  override addWorkingDays(date: string, n: number): string {
    let day = date;
    for (let left = Math.abs(n); left > 0; left--) day = n > 0 ? this.nextWorkingDay(day) : this.previousWorkingDay(day);
    return day;
  }

  override workingDaysBetween(a: string, b: string): number {
    if (a === b) return 0;
    const [from, to] = a < b ? [a, b] : [b, a];
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.dayInfo(day).working) count++;
    return a < b ? count : -count;
  }
}

const indexed = new ProductionCalendar(RUSSIAN_CALENDAR_DATA);
const walking = new DayWalkCalendar(RUSSIAN_CALENDAR_DATA);

// A registry at 1M: deadlines spread over two years, seen from one "now".
const now = new Date('2026-06-15T06:00:00Z');
const deadlines: string[] = [];
for (let i = 0; i < 5_000; i++) deadlines.push(addDays('2024-09-01', (i * 7919) % 700));
const received = deadlines.map((d, i) => new Date(`${addDays(d, -30)}T0${i % 10}:00:00Z`));
const channels = ['fz59', 'pos', 'social', 'voice'] as const;

function measure(name: string, rounds: number, run: () => unknown): number {
  for (let i = 0; i < Math.max(1, rounds / 10); i++) run();
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) run();
  return (performance.now() - t0) / rounds;
}

function row(name: string, perCallMs: (calendar: ProductionCalendar) => number) {
  const before = perCallMs(walking);
  const after = perCallMs(indexed);
  console.log(`${name.padEnd(48)} ${(before * 1000).toFixed(2).padStart(9)} ${(after * 1000).toFixed(2).padStart(9)} ${(before / after).toFixed(1).padStart(8)}×`);
}

console.log(`Мкс на вызов, ${deadlines.length} сроков 2024–2026, «сейчас» ${now.toISOString()}.`);
console.log(`${'операция'.padEnd(48)} ${'обход'.padStart(9)} ${'индекс'.padStart(9)} ${'ускорение'.padStart(9)}`);
row('workingDaysLeft (состояние срока строки)', (c) => measure('left', 5, () => {
  for (const d of deadlines) workingDaysLeft(d, now, 'Asia/Yekaterinburg', c);
}) / deadlines.length);
row('computeDeadlines (сроки при регистрации)', (c) => measure('compute', 5, () => {
  received.forEach((at, i) => computeDeadlines({ channel: channels[i % 4], receivedAt: at, registeredAt: at, calendar: c, rules: DEFAULT_DEADLINE_RULES }));
}) / received.length);

// The local date of an instant: a formatter built per call, formatToParts on a cached one, and toLocalDate.
const options = { timeZone: 'Asia/Yekaterinburg', year: 'numeric', month: '2-digit', day: '2-digit' } as const;
const cached = new Intl.DateTimeFormat('en-US', options);
const viaParts = (formatter: Intl.DateTimeFormat, at: Date) => {
  const parts = formatter.formatToParts(at);
  return ['year', 'month', 'day'].map((t) => parts.find((p) => p.type === t)!.value).join('-');
};
const perCall = measure('new', 5, () => { for (const at of received) viaParts(new Intl.DateTimeFormat('en-US', options), at); }) / received.length;
const parts = measure('parts', 20, () => { for (const at of received) viaParts(cached, at); }) / received.length;
const local = measure('toLocalDate', 20, () => { for (const at of received) toLocalDate(at, 'Asia/Yekaterinburg'); }) / received.length;
console.log(`\nМестная дата момента, мкс на вызов:`);
console.log(`  новый Intl.DateTimeFormat на вызов  ${(perCall * 1000).toFixed(2).padStart(7)}  (база)`);
console.log(`  кэш форматтера, formatToParts       ${(parts * 1000).toFixed(2).padStart(7)}  ${(perCall / parts).toFixed(1)}× быстрее базы`);
console.log(`  toLocalDate (кэш, format)           ${(local * 1000).toFixed(2).padStart(7)}  ${(perCall / local).toFixed(1)}× быстрее базы`);
