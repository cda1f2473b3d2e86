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
  formatDateTime(iso: string | null | undefined): string;
  /** A local date (2026-03-05) or the date of an instant, without the time. */
  formatDate(value: string | null | undefined): string;
}

const I18nContext = createContext<I18nValue | null>(null);

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

  const value = useMemo<I18nValue>(() => {
    const t = MESSAGES[locale];
    const dateFormat = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
    const dayFormat = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' });
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
      formatDateTime(iso) {
        return iso ? dateFormat.format(new Date(iso)) : '—';
      },
      formatDate(value) {
        if (!value) return '—';
        const local = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
        // A local date names a day of the municipality's calendar: no time-zone shift.
        const date = local ? new Date(Number(local[1]), Number(local[2]) - 1, Number(local[3])) : new Date(value);
        return Number.isNaN(date.getTime()) ? value : dayFormat.format(date);
      },
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
