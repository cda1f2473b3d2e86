// The analytical part of a quarterly report: main problems, measures taken, proposals. Editable in a
// draft and after ЦУР returns the report; saved by the button and on its own once typing pauses.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Icon, Text, TextArea } from '@gravity-ui/uikit';
import { FloppyDisk } from '@gravity-ui/icons';
import { ANALYTICS_FIELDS, analyticsOf, reportApi, type Report, type ReportAnalytics as Analytics } from '../reportApi';
import { useI18n } from '../i18n';
import { fieldErrorOf } from './form';

const AUTOSAVE_MS = 1500;
const same = (a: Analytics, b: Analytics) => ANALYTICS_FIELDS.every((k) => a[k] === b[k]);

export interface AnalyticsState {
  values: Analytics;
  set(field: keyof Analytics, value: string): void;
  dirty: boolean;
  saving: boolean;
  savedAt: Date | null;
  error: unknown;
  /** Saves what has not been saved yet; resolves to false when saving failed. */
  save(): Promise<boolean>;
}

/** The analytical part's editing state; `onSaved` gets the report as the server returns it. */
export function useReportAnalytics(report: Report, editable: boolean, onSaved: (report: Report) => void): AnalyticsState {
  const [values, setValues] = useState<Analytics>(() => analyticsOf(report));
  const [saved, setSaved] = useState<Analytics>(() => analyticsOf(report));
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(values);
  latest.current = values;
  const savedRef = useRef(saved);
  savedRef.current = saved;
  const pending = useRef<Promise<boolean> | null>(null);

  // A report opened anew or moved to another status starts from the server's text.
  useEffect(() => {
    const fresh = analyticsOf(report);
    setValues(fresh);
    setSaved(fresh);
    savedRef.current = fresh;
    setError(null);
    // Only another report or status resets the text; a saved answer must not wipe what is being typed.
  }, [report.id, report.status]);

  const dirty = editable && !same(values, saved);

  const save = useCallback(async (): Promise<boolean> => {
    if (pending.current) await pending.current;
    const sent = latest.current;
    if (!editable || same(sent, savedRef.current)) return true;
    const run = (async () => {
      setSaving(true);
      try {
        const updated = await reportApi.saveAnalytics(report.id, sent);
        setSaved(sent);
        savedRef.current = sent;
        setSavedAt(new Date());
        setError(null);
        onSaved(updated);
        return true;
      } catch (e) {
        setError(e);
        return false;
      } finally {
        setSaving(false);
        pending.current = null;
      }
    })();
    pending.current = run;
    return run;
  }, [editable, report.id, onSaved]);

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [values, dirty, save]);

  // Leaving the page with unsaved text asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const set = useCallback((field: keyof Analytics, value: string) => setValues((v) => ({ ...v, [field]: value })), []);
  return { values, set, dirty, saving, savedAt, error, save };
}

interface ReportAnalyticsProps {
  state: AnalyticsState;
  editable: boolean;
  /** An answer of the server naming fields `analytics.*`, e.g. a refused signature. */
  fieldErrors?: unknown;
}

export function ReportAnalytics({ state, editable, fieldErrors }: ReportAnalyticsProps) {
  const { t, errorText, locale } = useI18n();
  const a = t.reports.analytics;
  const time = state.savedAt?.toLocaleTimeString(locale === 'ru' ? 'ru-RU' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const status = state.saving ? a.saving : state.dirty ? a.unsaved : time ? a.saved(time) : '';

  return (
    <section className="report-analytics" data-qa="report-analytics" aria-label={a.title}>
      <div className="report-analytics__head">
        <Text as="h2" variant="header-1">{a.title}</Text>
        {editable && (
          <div className="report-analytics__save">
            <Text color="secondary" variant="caption-2" qa="analytics-state" aria-live="polite">{status}</Text>
            <Button view="outlined" loading={state.saving} disabled={!state.dirty} onClick={() => void state.save()} qa="analytics-save">
              <Icon data={FloppyDisk} size={16} />{a.save}
            </Button>
          </div>
        )}
      </div>
      {!editable && <Text color="secondary">{a.readOnly}</Text>}
      {state.error !== null && <Text color="danger" qa="analytics-error">{errorText(state.error)}</Text>}
      {ANALYTICS_FIELDS.map((field) => {
        const message = fieldErrorOf(fieldErrors, `analytics.${field}`) ?? fieldErrorOf(state.error, `analytics.${field}`);
        return (
          <div className="form-field report-analytics__field" key={field} data-qa={`analytics-${field}`}>
            <label className="form-field__label" htmlFor={`analytics-${field}`}>{a[field]}</label>
            {editable ? (
              <TextArea
                id={`analytics-${field}`} name={field} value={state.values[field]} onUpdate={(v) => state.set(field, v)} minRows={4} maxRows={20}
                validationState={message ? 'invalid' : undefined} errorMessage={message}
              />
            ) : (
              <div className="report-analytics__text">{state.values[field].trim() || <Text color="secondary">{a.empty}</Text>}</div>
            )}
          </div>
        );
      })}
    </section>
  );
}
