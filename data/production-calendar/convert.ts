// Adds or replaces years in ru.json from xmlcalendar.ru files and prints each year's working-day count.
//
//   npx tsx data/production-calendar/convert.ts path/to/ru_2028_calendar.xml [more.xml …] [--provisional]
//
// --provisional marks the converted years as resting on a draft decree.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ProductionCalendar, type CalendarData, type CalendarYear } from '../../domain/calendar/productionCalendar';
import { parseXmlCalendar } from '../../domain/calendar/xmlCalendar';

const target = fileURLToPath(new URL('./ru.json', import.meta.url));

function format(data: CalendarData): string {
  const years = data.years.map((year) => {
    const head = Object.entries(year)
      .filter(([key]) => key !== 'days')
      .map(([key, value]) => `      ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    const days = year.days.map((day) => `        ${JSON.stringify(day)}`);
    return `    {\n${head.join(',\n')},\n      "days": [\n${days.join(',\n')}\n      ]\n    }`;
  });
  return `{\n  "country": ${JSON.stringify(data.country)},\n  "source": ${JSON.stringify(data.source)},\n  "years": [\n${years.join(',\n')}\n  ]\n}\n`;
}

function main(args: string[]): void {
  const provisional = args.includes('--provisional');
  const files = args.filter((arg) => !arg.startsWith('--'));
  if (files.length === 0) {
    console.error('usage: npx tsx data/production-calendar/convert.ts path/to/ru_YYYY_calendar.xml [...] [--provisional]');
    process.exitCode = 2;
    return;
  }
  const data = JSON.parse(readFileSync(target, 'utf8')) as CalendarData;
  for (const file of files) {
    const parsed = parseXmlCalendar(readFileSync(file, 'utf8'));
    const year: CalendarYear = {
      year: parsed.year,
      ...(parsed.published ? { published: parsed.published } : {}),
      ...(provisional ? { provisional: true } : {}),
      days: parsed.days,
    };
    data.years = [...data.years.filter((y) => y.year !== year.year), year].sort((a, b) => a.year - b.year);
  }
  // Constructing the calendar validates the merged data before anything is written.
  const calendar = new ProductionCalendar(data);
  writeFileSync(target, format(data));
  for (const year of calendar.years) {
    const mark = calendar.isProvisional(year) ? ' (provisional)' : '';
    console.log(`${year}: ${calendar.workingDaysInYear(year)} working days${mark}`);
  }
}

main(process.argv.slice(2));
