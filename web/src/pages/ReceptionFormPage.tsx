// The e-reception form of one municipality: the author, where to answer, the appeal, files, consent.
// With files it goes as multipart, otherwise as JSON; the answer gives the number and the tracking code.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, Navigate, useParams } from 'react-router';
import { Alert, Button, Checkbox, ClipboardButton, Loader, RadioGroup, Text } from '@gravity-ui/uikit';
import { api, ApiError, type PublicAppealInput } from '../api';
import { useI18n } from '../i18n';
import { PublicLayout } from '../components/PublicLayout';
import { FilePicker, PublicTextField } from '../components/PublicFields';
import { fieldErrorOf } from '../components/form';
import { useResource } from '../state/useResource';

type Values = Omit<PublicAppealInput, 'municipality' | 'consent' | 'authorKind' | 'organization' | 'inn' | 'signers'>;
type Kind = NonNullable<PublicAppealInput['authorKind']>;
const KINDS: Kind[] = ['person', 'legal_entity', 'collective'];
interface SignerValues { surname: string; name: string; patronymic: string }
const EMPTY_SIGNER: SignerValues = { surname: '', name: '', patronymic: '' };
const EMPTY: Required<Values> = { surname: '', name: '', patronymic: '', email: '', postalAddress: '', phone: '', text: '', address: '', website: '' };

export function ReceptionFormPage() {
  const { slug = '' } = useParams();
  const { t, errorText } = useI18n();
  const r = t.reception;
  const [values, setValues] = useState(EMPTY);
  const [kind, setKind] = useState<Kind>('person');
  const [organization, setOrganization] = useState({ organization: '', inn: '' });
  const [signers, setSigners] = useState<SignerValues[]>([{ ...EMPTY_SIGNER }]);
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
    // The author's kind and only its own fields: an organisation's name and ИНН, or the group's other signatories.
    const authorFields: Pick<PublicAppealInput, 'authorKind' | 'organization' | 'inn' | 'signers'> = { authorKind: kind };
    if (kind === 'legal_entity') {
      if (organization.organization.trim()) authorFields.organization = organization.organization.trim();
      if (organization.inn.trim()) authorFields.inn = organization.inn.trim();
    }
    if (kind === 'collective') {
      authorFields.signers = signers.filter((s) => s.surname.trim() || s.name.trim())
        .map((s) => ({ surname: s.surname.trim(), name: s.name.trim(), ...(s.patronymic.trim() ? { patronymic: s.patronymic.trim() } : {}) }));
    }
    try {
      let body: PublicAppealInput | FormData;
      if (files.length > 0) {
        const form = new FormData();
        form.set('municipality', slug);
        for (const [k, v] of Object.entries(filled)) form.set(k, v as string);
        for (const [k, v] of Object.entries(authorFields)) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
        form.set('consent', consent ? 'true' : 'false');
        for (const file of files) form.append('files', file);
        body = form;
      } else {
        body = { ...filled, ...authorFields, surname: filled.surname ?? '', name: filled.name ?? '', text: filled.text ?? '', municipality: slug, consent };
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
            <button type="button" className="public-button public-button_secondary" onClick={() => { setSent(null); setValues(EMPTY); setFiles([]); setConsent(false); setKind('person'); setOrganization({ organization: '', inn: '' }); setSigners([{ ...EMPTY_SIGNER }]); }}>{r.sendAnother}</button>
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
          <fieldset className="public-form__section" data-qa="author-kind">
            <legend>{r.authorKind}</legend>
            <RadioGroup
              size="l" direction="vertical" value={kind} onUpdate={(v) => setKind(v as Kind)} name="authorKind" qa="author-kind-choice"
              options={KINDS.map((k) => ({ value: k, content: r.authorKinds[k] }))}
            />
            {kind === 'legal_entity' && (
              <>
                <PublicTextField name="organization" label={r.organization} value={organization.organization} onUpdate={(v) => setOrganization((o) => ({ ...o, organization: v }))} error={err('organization')} required autoComplete="organization" />
                <PublicTextField name="inn" label={r.inn} value={organization.inn} onUpdate={(v) => setOrganization((o) => ({ ...o, inn: v }))} error={err('inn')} hint={r.innHint} />
              </>
            )}
          </fieldset>
          <fieldset className="public-form__section">
            <legend>{kind === 'legal_entity' ? r.signerLead : kind === 'collective' ? r.firstSignerLead : r.about}</legend>
            <PublicTextField name="surname" label={r.surname} value={values.surname} onUpdate={set('surname')} error={err('surname')} required autoComplete="family-name" />
            <PublicTextField name="name" label={r.name} value={values.name} onUpdate={set('name')} error={err('name')} required autoComplete="given-name" />
            <PublicTextField name="patronymic" label={r.patronymic} value={values.patronymic} onUpdate={set('patronymic')} error={err('patronymic')} autoComplete="additional-name" />
          </fieldset>
          {kind === 'collective' && (
            <fieldset className="public-form__section" data-qa="signers">
              <legend>{r.signers}</legend>
              {err('signers') && <Text as="p" color="danger" role="alert">{err('signers')}</Text>}
              {signers.map((s, i) => (
                <div key={i} className="public-signer" data-qa={`signer-${i}`}>
                  <Text as="p" variant="subheader-1">{r.signer(i + 2)}</Text>
                  {(['surname', 'name', 'patronymic'] as const).map((key) => (
                    <PublicTextField
                      key={key} name={`signers.${i}.${key}`} label={r[key]} value={s[key]} required={key !== 'patronymic'}
                      error={key === 'surname' ? err(`signers.${i}`) ?? err(`signers.${i}.surname`) : err(`signers.${i}.${key}`)}
                      onUpdate={(v) => setSigners((list) => list.map((x, j) => (j === i ? { ...x, [key]: v } : x)))}
                    />
                  ))}
                  {signers.length > 1 && <Button view="flat" onClick={() => setSigners((list) => list.filter((_, j) => j !== i))}>{r.removeSigner}</Button>}
                </div>
              ))}
              <Button view="outlined" size="l" onClick={() => setSigners((list) => [...list, { ...EMPTY_SIGNER }])} qa="add-signer">{r.addSigner}</Button>
            </fieldset>
          )}
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
