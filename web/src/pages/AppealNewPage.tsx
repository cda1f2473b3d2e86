// Registration of an appeal by staff: channel and how it came, dates, author, text, place, topic, kind.
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Checkbox, Select, Text, TextArea } from '@gravity-ui/uikit';
import {
  APPEAL_KINDS, CHANNELS, CHANNEL_LABELS, CHANNEL_OF_SUB_CHANNEL, KIND_LABELS, SUB_CHANNELS, SUB_CHANNEL_LABELS,
  type AppealKind, type Channel, type SubChannel,
} from '../../../domain/appeals';
import { api, type CreateAppeal, type TopicSuggestion } from '../api';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useMunicipality } from '../state/municipality';
import { PageHeader } from '../components/PageHeader';
import { Field, SelectField, TextField, fieldErrorOf } from '../components/form';
import { AuthorFields, EMPTY_AUTHOR, authorPayload, type AuthorValues } from '../components/AuthorFields';
import { TopicSelect } from '../components/TopicSelect';
import { TopicSuggestions } from '../components/TopicSuggestions';
import { DateInput, isoToZoned, zonedToIso } from '../components/DateInput';
import { useResource } from '../state/useResource';

/** Channels whose messages carry an id of the source system: registering it twice opens the same appeal. */
const EXTERNAL_ID_CHANNELS: Channel[] = ['pos', 'social', 'voice', 'survey'];

function subChannelsOf(channel: Channel): SubChannel[] {
  // A phone call counts as `other` by default, but a call recorded under 59-ФЗ is allowed too.
  return SUB_CHANNELS.filter((s) => CHANNEL_OF_SUB_CHANNEL[s] === channel || (channel === 'fz59' && s === 'phone'));
}


export function AppealNewPage() {
  const { t, locale, errorText } = useI18n();
  const f = t.appeals.form;
  const session = useCurrentSession();
  const { enabled: regional, municipalities, selected } = useMunicipality();
  const navigate = useNavigate();
  const [municipality, setMunicipality] = useState(selected?.slug ?? '');
  const [channel, setChannel] = useState<Channel>('fz59');
  const [subChannel, setSubChannel] = useState<SubChannel>('letter');
  const [externalId, setExternalId] = useState('');
  // Dates and times are typed on the clock of the appeal's municipality.
  const zone = (regional ? municipalities.find((m) => m.slug === municipality)?.timeZone : session.user.organization.timeZone) ?? session.user.organization.timeZone;
  const [receivedAt, setReceivedAt] = useState(() => isoToZoned(new Date(), zone));
  const [registeredAt, setRegisteredAt] = useState('');
  const [author, setAuthor] = useState<AuthorValues>(EMPTY_AUTHOR);
  const [text, setText] = useState('');
  const [address, setAddress] = useState('');
  const [topic, setTopic] = useState('');
  const [kind, setKind] = useState('');
  const [department, setDepartment] = useState('');
  const departmentsOf = regional ? municipality : session.user.organization.slug;
  const departments = useResource(departmentsOf ? () => api.departments.list(departmentsOf).then((r) => r.items.filter((d) => d.active)) : null, [departmentsOf]).data ?? [];
  const [onControl, setOnControl] = useState(false);
  const [repeated, setRepeated] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [suggestions, setSuggestions] = useState<TopicSuggestion[]>([]);

  // The likeliest topics follow the text as it is typed, read once the typing pauses.
  useEffect(() => {
    const draft = text.trim();
    if (draft.length < 10) {
      setSuggestions([]);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      api.text.suggest(draft).then((r) => { if (!cancelled) setSuggestions(r.suggestions); }).catch(() => {});
    }, 400);
    return () => { cancelled = true; clearTimeout(timer); };
  }, [text]);

  const chooseChannel = (next: Channel) => {
    setChannel(next);
    setSubChannel(subChannelsOf(next)[0]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    const toIso = (value: string) => (value ? zonedToIso(value, zone) : undefined);
    const body: CreateAppeal = {
      municipality: regional ? municipality || undefined : session.user.organization.slug,
      channel,
      subChannel,
      externalId: EXTERNAL_ID_CHANNELS.includes(channel) ? externalId.trim() || undefined : undefined,
      receivedAt: toIso(receivedAt),
      registeredAt: toIso(registeredAt),
      author: authorPayload(author),
      text,
      address: address.trim() || undefined,
      topic: topic || undefined,
      kind: (kind || undefined) as AppealKind | undefined,
      department: department || undefined,
      onControl: onControl || undefined,
      repeated: repeated || undefined,
    };
    try {
      const { appeal, created } = await api.appeals.create(body);
      navigate(`/appeals/${appeal.id}`, { state: { notice: created ? t.appeals.card.created(appeal.number) : t.appeals.card.existing } });
    } catch (e) {
      setError(e);
      setSubmitting(false);
    }
  };

  const dateField = (name: 'receivedAt' | 'registeredAt', label: string, value: string, set: (v: string) => void, hint?: string, required?: boolean) => {
    const message = fieldErrorOf(error, name);
    return (
      <Field label={label + (required ? ' *' : '')} hint={hint} error={message} qa={`field-${name}`}>
        <DateInput withTime name={name} value={value} max={isoToZoned(new Date(), zone)} onUpdate={set} label={label} error={message} size="l" />
      </Field>
    );
  };

  const textMessage = fieldErrorOf(error, 'text');

  return (
    <div className="page">
      <PageHeader title={f.title} />
      <Card view="outlined" className="panel appeal-form-card">
        <form className="stack appeal-form" onSubmit={submit} noValidate data-qa="appeal-form">
          {error !== null && <Alert theme="danger" message={errorText(error)} qa="form-error" />}
          <fieldset className="form-section">
            <legend className="form-section__title">{f.channel}</legend>
            {regional && (
              <SelectField
                label={`${f.municipality} *`} name="municipality" value={municipality} onUpdate={setMunicipality} error={error} placeholder={f.chooseMunicipality}
                filterable={municipalities.length > 8} options={municipalities.filter((m) => m.active).map((m) => ({ value: m.slug, content: m.shortName }))}
              />
            )}
            <div className="form-row">
              <SelectField label={`${f.channel} *`} name="channel" value={channel} onUpdate={(v) => chooseChannel(v as Channel)} error={error} options={CHANNELS.map((c) => ({ value: c, content: CHANNEL_LABELS[locale][c] }))} />
              <SelectField label={f.subChannel} name="subChannel" value={subChannel} onUpdate={(v) => setSubChannel(v as SubChannel)} error={error} options={subChannelsOf(channel).map((s) => ({ value: s, content: SUB_CHANNEL_LABELS[locale][s] }))} />
            </div>
            {EXTERNAL_ID_CHANNELS.includes(channel) && <TextField label={f.externalId} name="externalId" value={externalId} onUpdate={setExternalId} error={error} hint={f.externalIdHint} />}
            <div className="form-row">
              {dateField('receivedAt', f.receivedAt, receivedAt, setReceivedAt, undefined, true)}
              {dateField('registeredAt', f.registeredAt, registeredAt, setRegisteredAt, f.registeredAtHint)}
            </div>
          </fieldset>
          <AuthorFields value={author} onChange={setAuthor} error={error} />
          <fieldset className="form-section">
            <legend className="form-section__title">{f.appeal}</legend>
            <Field label={`${f.text} *`} error={textMessage} qa="field-text">
              <TextArea name="text" value={text} onUpdate={setText} minRows={6} maxRows={24} controlProps={{ 'aria-label': f.text }} validationState={textMessage ? 'invalid' : undefined} errorMessage={textMessage} />
            </Field>
            <TextField label={f.address} name="address" value={address} onUpdate={setAddress} error={error} />
            <Field label={f.topic} error={fieldErrorOf(error, 'topic')} qa="field-topic">
              <TopicSelect value={topic} onUpdate={setTopic} label={f.topic} placeholder={f.chooseTopic} error={fieldErrorOf(error, 'topic')} qa="select-topic" />
              <TopicSuggestions suggestions={suggestions} current={topic || null} onChoose={(s) => setTopic(s.topic)} />
            </Field>
            <Field label={f.kind} qa="field-kind">
              <Select
                width="max" value={[kind || '__none__']} onUpdate={([v]) => setKind(v === '__none__' ? '' : v ?? '')} aria-label={f.kind} qa="select-kind"
                options={[{ value: '__none__', content: f.noKind }, ...APPEAL_KINDS.map((k) => ({ value: k, content: KIND_LABELS[locale][k] }))]}
              />
            </Field>
            <Field label={t.appeals.classify.department} qa="field-department">
              <Select
                width="max" value={[department || '__none__']} onUpdate={([v]) => setDepartment(v === '__none__' ? '' : v ?? '')} aria-label={t.appeals.classify.department} qa="select-department"
                options={[{ value: '__none__', content: t.appeals.classify.noDepartment }, ...departments.map((d) => ({ value: d.id, content: d.name }))]}
              />
            </Field>
            <div className="appeal-form__flags">
              <Checkbox checked={repeated} onUpdate={setRepeated}>{f.repeated}</Checkbox>
              <Checkbox checked={onControl} onUpdate={setOnControl}>{f.onControl}</Checkbox>
            </div>
          </fieldset>
          <div className="form-actions">
            <Button type="submit" view="action" size="l" loading={submitting} qa="appeal-submit">{f.submit}</Button>
            <Button view="flat" size="l" onClick={() => navigate('/appeals')}>{f.cancel}</Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
