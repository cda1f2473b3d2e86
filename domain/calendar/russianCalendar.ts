// The Russian production calendar shipped with Otklik (data/production-calendar/ru.json).
// Imported statically so that it works the same under Node and in the browser bundle.
import data from '../../data/production-calendar/ru.json';
import { ProductionCalendar, type CalendarData } from './productionCalendar';

export const RUSSIAN_CALENDAR_DATA: CalendarData = data as CalendarData;

/** Validated once at import; years outside the data fall back to Monday–Friday. */
export const russianCalendar = new ProductionCalendar(RUSSIAN_CALENDAR_DATA);
