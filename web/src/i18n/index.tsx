// The language of the interface: Russian by default, English on request, remembered in the browser.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { configure } from '@gravity-ui/uikit';
import type { Locale } from '../../../domain/labels';
import { ru, type Messages } from './ru';
import { en } from './en';
import { ApiError } from '../api';

const MESSAGES: Record<Locale, Messages> = { ru, en };
const STORAGE_KEY = 'otklik.lang';

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ru';
  } catch {
    return 'ru';
  }
}

interface I18nValue {
  locale: Locale;
  t: Messages;
  setLocale(locale: Locale): void;
  /** Text of an error for the user: the server's (Russian) message, or a translation for English. */
  errorText(error: unknown): string;
  /** A moment in the time zone of the municipality shown (see TimeZoneScope), its zone named when it is not the browser's. */
  formatDateTime(iso: string | null | undefined): string;
  /** A local date (2026-03-05) or the date of an instant in the municipality's zone, without the time. */
  formatDate(value: string | null | undefined): string;
  /** The time zone the times are shown in. */
  timeZone: string;
}

interface Formatters extends Omit<I18nValue, 'formatDateTime' | 'formatDate' | 'timeZone'> {
  formatDateTime(iso: string | null | undefined, timeZone: string): string;
  formatDate(value: string | null | undefined, timeZone: string): string;
}

const I18nContext = createContext<Formatters | null>(null);

export const BROWSER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Russian names of the zones of Russia; another zone is named by its IANA city. */
const ZONE_CITIES: Record<string, string> = {
  'Europe/Kaliningrad': 'Калининград', 'Europe/Moscow': 'Москва', 'Europe/Samara': 'Самара', 'Europe/Volgograd': 'Волгоград',
  'Asia/Yekaterinburg': 'Екатеринбург', 'Asia/Omsk': 'Омск', 'Asia/Novosibirsk': 'Новосибирск', 'Asia/Krasnoyarsk': 'Красноярск',
  'Asia/Irkutsk': 'Иркутск', 'Asia/Yakutsk': 'Якутск', 'Asia/Vladivostok': 'Владивосток', 'Asia/Magadan': 'Магадан', 'Asia/Kamchatka': 'Камчатка',
};

/** «Екатеринбург, UTC+5». */
export function zoneName(timeZone: string, at = new Date()): string {
  let offset = '';
  try {
    offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return timeZone;
  }
  const city = ZONE_CITIES[timeZone] ?? timeZone.split('/').pop()!.replace(/_/g, ' ');
  return `${city}, ${offset.replace('GMT', 'UTC') || 'UTC'}`;
}

interface TimeZoneValue { zone: string; setZone(zone: string): void }
const TimeZoneContext = createContext<TimeZoneValue>({ zone: BROWSER_TIME_ZONE, setZone: () => {} });

/** The time zone of times shown inside: the app's (set by `DisplayTimeZone`), or a given one for one object. */
export function TimeZoneScope({ zone, children }: { zone?: string | null; children: ReactNode }) {
  const outer = useContext(TimeZoneContext);
  const [own, setOwn] = useState<string | null>(null);
  const value = useMemo<TimeZoneValue>(() => (zone ? { zone, setZone: outer.setZone } : { zone: own ?? outer.zone, setZone: setOwn }), [zone, own, outer]);
  return <TimeZoneContext.Provider value={value}>{children}</TimeZoneContext.Provider>;
}

/** Sets the zone of the surrounding TimeZoneScope (the municipality of the user or the one chosen). */
export function useSetTimeZone(zone: string | null | undefined): void {
  const { setZone } = useContext(TimeZoneContext);
  useEffect(() => { if (zone) setZone(zone); }, [zone, setZone]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
    configure({ lang: locale });
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts until the page is closed.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<Formatters>(() => {
    const t = MESSAGES[locale];
    const lang = locale === 'ru' ? 'ru-RU' : 'en-GB';
    type Pair = { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat };
    const formats = new Map<string, Pair>();
    const formatsOf = (timeZone: string): Pair => {
      let f = formats.get(timeZone);
      if (!f) {
        try {
          f = {
            time: new Intl.DateTimeFormat(lang, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
            day: new Intl.DateTimeFormat(lang, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }),
          };
        } catch {
          f = formatsOf(BROWSER_TIME_ZONE);
        }
        formats.set(timeZone, f);
      }
      return f;
    };
    return {
      locale,
      t,
      setLocale,
      errorText(error) {
        if (error instanceof ApiError) {
          const local = t.errors[error.code];
          // The server speaks Russian; in English its known codes get an English text.
          if (locale === 'ru') return error.message || local || error.code;
          return local ?? error.message;
        }
        return error instanceof Error ? error.message : String(error);
      },
      formatDateTime(iso, timeZone) {
        if (!iso) return '—';
        const date = new Date(iso);
        if (Number.isNaN(date.getTime())) return iso;
        const text = formatsOf(timeZone).time.format(date);
        return timeZone === BROWSER_TIME_ZONE ? text : `${text} (${zoneName(timeZone, date)})`;
      },
      formatDate(value, timeZone) {
        if (!value) return '—';
        const local = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
        // A local date names a day of the municipality's calendar: no time-zone shift.
        if (local) return `${local[3]}.${local[2]}.${local[1]}`;
        const date = new Date(value);
        return Number.isNaN(date.getTime()) ? value : formatsOf(timeZone).day.format(date);
      },
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const context = useContext(I18nContext);
  const { zone } = useContext(TimeZoneContext);
  const bound = useMemo(() => {
    if (!context) return null;
    const value = context;
    return {
    ...value,
    timeZone: zone,
    formatDateTime: (iso: string | null | undefined) => value.formatDateTime(iso, zone),
    formatDate: (v: string | null | undefined) => value.formatDate(v, zone),
    };
  }, [context, zone]);
  if (!bound) throw new Error('useI18n outside I18nProvider');
  return bound;
}
