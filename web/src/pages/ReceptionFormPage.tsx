// The e-reception form of one municipality: the author, where to answer, the appeal, files, consent.
// With files it goes as multipart, otherwise as JSON; the answer gives the number and the tracking code.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, Navigate, useParams } from 'react-router';
import { Alert, Button, Checkbox, ClipboardButton, Loader, Text } from '@gravity-ui/uikit';
import { api, type PublicAppealInput } from '../api';
import { useI18n } from '../i18n';
import { PublicLayout } from '../components/PublicLayout';
import { FilePicker, PublicTextField } from '../components/PublicFields';
import { fieldErrorOf } from '../components/form';
import { useResource } from '../state/useResource';

type Values = Omit<PublicAppealInput, 'municipality' | 'consent'>;
const EMPTY: Required<Values> = { surname: '', name: '', patronymic: '', email: '', postalAddress: '', phone: '', text: '', address: '', website: '' };

export function ReceptionFormPage() {
  const { slug = '' } = useParams();
  const { t, errorText } = useI18n();
  const r = t.reception;
  const [values, setValues] = useState(EMPTY);
  const [consent, setConsent] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [sent, setSent] = useState<{ number: string; trackingCode: string; email: string | null } | null>(null);
  const [copied, setCopied] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const sentRef = useRef<HTMLHeadingElement>(null);

  // The municipality of the address: undefined while asked, null when there is no such one.
  const found = useResource(() => api.public.municipalities().then(({ items }) => ({ municipality: items.find((m) => m.slug === slug) ?? null })), [slug]);
  const municipality = found.data ? found.data.municipality : undefined;
  const shownError = error ?? found.error;

  useEffect(() => { if (sent) sentRef.current?.focus(); }, [sent]);
  useEffect(() => { if (shownError) alertRef.current?.focus(); }, [shownError]);

  if (municipality === null) return <Navigate to="/reception" replace state={{ unknown: true }} />;

  const set = (key: keyof Values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const err = (field: string) => fieldErrorOf(error, field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Consent is checked by the server together with every other field: one round of messages, not two.
    setSubmitting(true);
    setError(null);
    const filled = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== '')) as Values;
    try {
      let body: PublicAppealInput | FormData;
      if (files.length > 0) {
        const form = new FormData();
        form.set('municipality', slug);
        for (const [k, v] of Object.entries(filled)) form.set(k, v as string);
        form.set('consent', consent ? 'true' : 'false');
        for (const file of files) form.append('files', file);
        body = form;
      } else {
        body = { ...filled, surname: filled.surname ?? '', name: filled.name ?? '', text: filled.text ?? '', municipality: slug, consent };
      }
      setSent({ ...(await api.public.submit(body)), email: filled.email ?? null });
      setCopied(false);
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  if (sent) {
    const statusLink = `/status/${encodeURIComponent(sent.number)}?code=${encodeURIComponent(sent.trackingCode)}`;
    return (
      <PublicLayout title={r.title}>
        <section className="public-card public-card_success" aria-live="polite" data-qa="reception-sent">
          <h2 ref={sentRef} tabIndex={-1} className="public-card__title">{r.sentTitle}</h2>
          <Text as="p">{r.sentLead}</Text>
          <dl className="receipt">
            <div><dt>{r.number}</dt><dd data-qa="sent-number">{sent.number}</dd></div>
            <div><dt>{r.code}</dt><dd data-qa="sent-code">{sent.trackingCode}</dd></div>
          </dl>
          <div className="receipt__copy">
            <ClipboardButton text={r.copyText(sent.number, sent.trackingCode)} view="outlined" size="l" onCopy={() => setCopied(true)} qa="sent-copy">{r.copy}</ClipboardButton>
            {copied && <Text color="positive" role="status" qa="sent-copied">{r.copied}</Text>}
          </div>
          <Text as="p" color="secondary" qa="sent-mail">{sent.email ? r.mailSent(sent.email) : r.noMail}</Text>
          <div className="public-actions">
            <RouterLink className="public-button" to={statusLink}>{r.goToStatus}</RouterLink>
            <button type="button" className="public-button public-button_secondary" onClick={() => { setSent(null); setValues(EMPTY); setFiles([]); setConsent(false); }}>{r.sendAnother}</button>
          </div>
        </section>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title={r.title}>
      {municipality === undefined && shownError === null ? <Loader /> : (
        <form className="public-form" onSubmit={submit} noValidate data-qa="reception-form">
          <Text as="p" variant="subheader-2">{r.formLead(municipality?.name ?? slug)}</Text>
          <Text as="p" color="secondary">{r.formHint} <RouterLink className="text-link" to="/reception">{r.otherMunicipality}</RouterLink></Text>
          {shownError !== null && (
            <div ref={alertRef} tabIndex={-1}>
              <Alert theme="danger" message={errorText(shownError)} qa="reception-error" />
            </div>
          )}
          <fieldset className="public-form__section">
            <legend>{r.about}</legend>
            <PublicTextField name="surname" label={r.surname} value={values.surname} onUpdate={set('surname')} error={err('surname')} required autoComplete="family-name" />
            <PublicTextField name="name" label={r.name} value={values.name} onUpdate={set('name')} error={err('name')} required autoComplete="given-name" />
            <PublicTextField name="patronymic" label={r.patronymic} value={values.patronymic} onUpdate={set('patronymic')} error={err('patronymic')} autoComplete="additional-name" />
          </fieldset>
          <fieldset className="public-form__section">
            <legend>{r.contacts}</legend>
            <Text as="p" color="secondary">{r.contactsHint}</Text>
            <PublicTextField name="email" type="email" label={r.email} value={values.email} onUpdate={set('email')} error={err('email')} autoComplete="email" />
            <PublicTextField name="postalAddress" label={r.postalAddress} value={values.postalAddress} onUpdate={set('postalAddress')} error={err('postalAddress')} autoComplete="street-address" />
            <PublicTextField name="phone" type="tel" label={r.phone} value={values.phone} onUpdate={set('phone')} error={err('phone')} autoComplete="tel" />
          </fieldset>
          <fieldset className="public-form__section">
            <legend>{r.appeal}</legend>
            <PublicTextField name="text" label={r.text} value={values.text} onUpdate={set('text')} error={err('text')} hint={r.textHint} required multiline />
            <PublicTextField name="address" label={r.address} value={values.address} onUpdate={set('address')} error={err('address')} />
            <FilePicker files={files} onChange={setFiles} error={err('files')} />
          </fieldset>
          {/* A trap for robots: people neither see nor reach it; a filled one marks the form as spam. */}
          <div className="honeypot" aria-hidden="true">
            <label htmlFor="reception-website">{r.honeypot}</label>
            <input id="reception-website" type="text" name="website" tabIndex={-1} autoComplete="off" value={values.website} onChange={(e) => set('website')(e.target.value)} />
          </div>
          <fieldset className="public-form__section consent" data-qa="field-consent">
            <legend>{r.consent}</legend>
            <Text as="p" color="secondary" id="consent-text" className="consent__text">{r.consentText}</Text>
            <Checkbox size="l" checked={consent} onUpdate={setConsent} controlProps={{ 'aria-describedby': 'consent-text', 'aria-invalid': !!err('consent') } as never} qa="consent">
              {r.consentAgree}
            </Checkbox>
            {err('consent') && <Text as="p" color="danger" role="alert">{err('consent')}</Text>}
          </fieldset>
          <Button type="submit" view="action" size="xl" width="max" loading={submitting} qa="reception-submit">{submitting ? r.submitting : r.submit}</Button>
        </form>
      )}
    </PublicLayout>
  );
}
