export * from './localDate';
export * from './productionCalendar';
export { parseXmlCalendar } from './xmlCalendar';
export { russianCalendar, RUSSIAN_CALENDAR_DATA } from './russianCalendar';
