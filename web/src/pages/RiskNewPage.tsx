// Registration of an information risk: the publication (link, platform, source, times, text, reach),
// its assessment (topic, kind, level) and screenshots. ЦУР picks the municipality; an administration
// registers for its own.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Icon, SegmentedRadioGroup, Text, TextArea } from '@gravity-ui/uikit';
import { Paperclip } from '@gravity-ui/icons';
import {
  RISK_KINDS, RISK_KIND_LABELS, RISK_LEVELS, RISK_LEVEL_LABELS, RISK_PLATFORMS, RISK_PLATFORM_LABELS,
  type RiskKind, type RiskLevel, type RiskPlatform,
} from '../../../domain/risks';
import { riskApi, type CreateRisk } from '../riskApi';
import { useI18n } from '../i18n';
import { useMunicipality } from '../state/municipality';
import { PageHeader } from '../components/PageHeader';
import { Field, SelectField, TextField, fieldErrorOf } from '../components/form';
import { TopicSelect } from '../components/TopicSelect';
import { localInput } from '../components/RiskClock';
import '../risks.css';
import { DateInput } from '../components/DateInput';

/** A reach figure: a whole number, or nothing when the field is empty. */
const count = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined);

export function RiskNewPage() {
  const { t, locale, errorText } = useI18n();
  const f = t.risks.form;
  const { enabled: regional, municipalities, selected } = useMunicipality();
  const navigate = useNavigate();
  const [municipality, setMunicipality] = useState(selected?.slug ?? '');
  const [link, setLink] = useState('');
  const [platform, setPlatform] = useState<RiskPlatform>('vk');
  const [sourceName, setSourceName] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  // The form opens at «now»; left as it is, the server takes the moment of registration to the second.
  const [openedAt] = useState(() => localInput(new Date()));
  const [detectedAt, setDetectedAt] = useState(openedAt);
  const [text, setText] = useState('');
  const [reach, setReach] = useState({ views: '', comments: '', reposts: '' });
  const [topic, setTopic] = useState('');
  const [kind, setKind] = useState<RiskKind>('misinformation');
  const [level, setLevel] = useState<RiskLevel>('medium');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    const toIso = (value: string) => (value ? new Date(value).toISOString() : undefined);
    const body: CreateRisk = {
      municipality: regional ? municipality || undefined : undefined,
      // Empty fields are left out rather than sent as null.
      link: link.trim() || undefined,
      platform,
      sourceName: sourceName.trim() || undefined,
      publishedAt: toIso(publishedAt),
      detectedAt: detectedAt === openedAt ? undefined : toIso(detectedAt),
      text,
      reach: { views: count(reach.views), comments: count(reach.comments), reposts: count(reach.reposts) },
      topic: topic || undefined,
      kind,
      level,
    };
    let created;
    try {
      created = await riskApi.create(body);
    } catch (e) {
      setError(e);
      setSubmitting(false);
      return;
    }
    let notice = t.risks.card.created(created.number);
    if (files.length) {
      try {
        await riskApi.attach(created.id, files, 'publication');
      } catch {
        notice = f.uploadFailed;
      }
    }
    navigate(`/risks/${created.id}`, { state: { notice } });
  };

  const dateField = (name: 'publishedAt' | 'detectedAt', label: string, value: string, set: (v: string) => void, hint?: string) => {
    const message = fieldErrorOf(error, name);
    return (
      <Field label={label} hint={hint} error={message} qa={`field-${name}`}>
        <DateInput withTime name={name} value={value} max={localInput(new Date())} onUpdate={set} label={label} error={message} size="l" />
      </Field>
    );
  };

  const reachField = (key: keyof typeof reach, label: string) => {
    const message = fieldErrorOf(error, `reach.${key}`);
    return (
      <Field label={label} error={message} qa={`field-reach-${key}`}>
        <input
          type="number" min={0} step={1} inputMode="numeric" className="date-input date-input_l" name={`reach.${key}`} value={reach[key]}
          onChange={(e) => setReach((r) => ({ ...r, [key]: e.target.value }))} aria-label={label} aria-invalid={!!message}
        />
        {message && <Text color="danger" variant="caption-2">{message}</Text>}
      </Field>
    );
  };

  const section = (title: string, children: ReactNode) => (
    <fieldset className="form-section">
      <legend className="form-section__title">{title}</legend>
      {children}
    </fieldset>
  );
  const textMessage = fieldErrorOf(error, 'text');

  return (
    <div className="page">
      <PageHeader title={f.title} />
      <Card view="outlined" className="panel risk-form-card">
        <form className="stack" onSubmit={submit} noValidate data-qa="risk-form">
          {error !== null && <Alert theme="danger" message={errorText(error)} qa="form-error" />}
          {section(f.publication, (
            <>
              {regional && (
                <SelectField
                  label={`${f.municipality} *`} name="municipality" value={municipality} onUpdate={setMunicipality} error={error} placeholder={f.chooseMunicipality}
                  filterable={municipalities.length > 8} options={municipalities.filter((m) => m.active).map((m) => ({ value: m.slug, content: m.shortName }))}
                />
              )}
              <TextField label={f.link} name="link" value={link} onUpdate={setLink} error={error} placeholder={f.linkHint} />
              <div className="form-row">
                <SelectField
                  label={`${f.platform} *`} name="platform" value={platform} onUpdate={(v) => setPlatform(v as RiskPlatform)} error={error}
                  options={RISK_PLATFORMS.map((p) => ({ value: p, content: RISK_PLATFORM_LABELS[locale][p] }))}
                />
                <TextField label={f.sourceName} name="sourceName" value={sourceName} onUpdate={setSourceName} error={error} />
              </div>
              <div className="form-row">
                {dateField('publishedAt', f.publishedAt, publishedAt, setPublishedAt)}
                {dateField('detectedAt', `${f.detectedAt} *`, detectedAt, setDetectedAt, f.detectedAtHint)}
              </div>
              <Field label={`${f.text} *`} error={textMessage} qa="field-text">
                <TextArea name="text" value={text} onUpdate={setText} minRows={5} maxRows={20} controlProps={{ 'aria-label': f.text }} validationState={textMessage ? 'invalid' : undefined} errorMessage={textMessage} />
              </Field>
              <div className="form-row" role="group" aria-label={f.reach}>
                {reachField('views', f.views)}
                {reachField('comments', f.comments)}
                {reachField('reposts', f.reposts)}
              </div>
            </>
          ))}
          {section(f.assessment, (
            <>
              <Field label={f.topic} error={fieldErrorOf(error, 'topic')} qa="field-topic">
                <TopicSelect value={topic} onUpdate={setTopic} label={f.topic} placeholder={f.chooseTopic} error={fieldErrorOf(error, 'topic')} qa="select-topic" />
              </Field>
              <SelectField
                label={`${f.kind} *`} name="kind" value={kind} onUpdate={(v) => setKind(v as RiskKind)} error={error}
                options={RISK_KINDS.map((k) => ({ value: k, content: RISK_KIND_LABELS[locale][k] }))}
              />
              <Field label={`${f.level} *`} error={fieldErrorOf(error, 'level')} qa="field-level">
                <SegmentedRadioGroup
                  className={`risk-level-picker risk-level-picker_${level}`} value={level} onUpdate={(v) => setLevel(v as RiskLevel)} aria-label={f.level} qa="select-level"
                  options={RISK_LEVELS.map((l) => ({ value: l, content: RISK_LEVEL_LABELS[locale][l] }))}
                />
              </Field>
              <Field label={f.screenshots} hint={files.length ? files.map((x) => x.name).join(', ') : f.screenshotsHint} qa="field-screenshots">
                <label className="upload-form__picker">
                  <Icon data={Paperclip} size={16} />
                  <span>{t.risks.files.choose}</span>
                  <input type="file" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" onChange={(e) => setFiles(Array.from(e.target.files ?? []))} data-qa="risk-screenshots" />
                </label>
              </Field>
            </>
          ))}
          <div className="form-actions">
            <Button type="submit" view="action" size="l" loading={submitting} qa="risk-submit">{f.submit}</Button>
            <Button view="flat" size="l" onClick={() => navigate('/risks')}>{f.cancel}</Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
