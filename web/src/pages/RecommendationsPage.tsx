// ЦУР's recommendations: ЦУР sends them and sees each addressee's status and who has not acknowledged;
// an administration sees those addressed to it, the ones still owing something first.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Dialog, Label, SegmentedRadioGroup, Table, Text, TextArea, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import '../directory.css';
import { methodologyApi, type RecommendationStatus, type RecommendationSummary } from '../methodologyApi';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../components/notify';
import { MunicipalityChecklist } from '../components/MunicipalityChecklist';
import { formData, useSubmit } from '../components/useSubmit';

const THEMES: Record<RecommendationStatus, 'normal' | 'info' | 'warning' | 'success' | 'danger'> = { sent: 'normal', acknowledged: 'info', reported: 'warning', accepted: 'success', returned: 'danger' };

export function RecommendationStatusLabel({ status, overdue, prefix }: { status: RecommendationStatus; overdue?: boolean; prefix?: string }) {
  const { t } = useI18n();
  const s = t.methodology.recommendations;
  return <Label theme={overdue ? 'danger' : THEMES[status]}>{prefix ? `${prefix}: ` : ''}{s.status[status]}{overdue ? ` · ${s.overdue}` : ''}</Label>;
}

function NewRecommendationDialog({ onClose, onSent }: { onClose(): void; onSent(id: string, number: string): void }) {
  const { t } = useI18n();
  const s = t.methodology.recommendations.form;
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [dueAt, setDueAt] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const { errors, failure, busy, run } = useSubmit();
  const send = async () => {
    const created = await run(() => methodologyApi.createRecommendation(formData({
      subject, text, municipalities: chosen.join(','), dueAt: dueAt ? new Date(dueAt).toISOString() : undefined,
    }, files)));
    if (created) onSent(created.id, created.number);
  };
  return (
    <Dialog open onClose={onClose} size="l">
      <Dialog.Header caption={t.methodology.recommendations.create} />
      <Dialog.Body>
        <div className="requests-form">
          <label className="directory-field"><Text variant="subheader-1">{s.subject}</Text>
            <TextInput value={subject} onUpdate={setSubject} validationState={errors.subject ? 'invalid' : undefined} errorMessage={errors.subject} controlProps={{ 'aria-label': s.subject }} /></label>
          <label className="directory-field"><Text variant="subheader-1">{s.text}</Text>
            <TextArea value={text} onUpdate={setText} minRows={5} validationState={errors.text ? 'invalid' : undefined} errorMessage={errors.text} controlProps={{ 'aria-label': s.text }} /></label>
          <MunicipalityChecklist label={s.municipalities} chosen={chosen} onChange={setChosen} labels={s} error={errors.municipalities} />
          <label className="directory-field"><Text variant="subheader-1">{s.dueAt}</Text>
            <input type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)} aria-label={s.dueAt} />
            {errors.dueAt && <Text color="danger">{errors.dueAt}</Text>}</label>
          <label className="directory-field"><Text variant="subheader-1">{t.methodology.files}</Text>
            <input type="file" multiple accept=".pdf,.docx,.jpg,.jpeg,.png" onChange={(e) => setFiles([...(e.target.files ?? [])])} aria-label={t.methodology.files} /></label>
          {failure && <Text color="danger">{failure}</Text>}
        </div>
      </Dialog.Body>
      <Dialog.Footer onClickButtonCancel={onClose} onClickButtonApply={send} textButtonApply={t.methodology.send} textButtonCancel={t.methodology.cancel} loading={busy} />
    </Dialog>
  );
}

function Unacknowledged() {
  const { t, errorText, formatDate } = useI18n();
  const s = t.methodology.recommendations;
  const { data, error } = useResource(() => methodologyApi.unacknowledged(), []);
  type Row = NonNullable<typeof data>['items'][number];
  const columns: TableColumnConfig<Row>[] = [
    { id: 'municipality', name: s.columns.municipality, template: (r) => r.municipalityName },
    { id: 'number', name: s.columns.number, template: (r) => <Link className="requests-nowrap" to={`/recommendations/${r.recommendationId}`}>{r.number}</Link> },
    { id: 'subject', name: s.columns.subject, template: (r) => r.subject },
    { id: 'sentAt', name: s.columns.sentAt, template: (r) => formatDate(r.sentAt) },
    { id: 'waiting', name: s.columns.waiting, template: (r) => s.days(r.days) },
  ];
  if (error) return <Text color="danger">{errorText(error)}</Text>;
  if (!data) return null;
  return data.items.length ? <Table data={data.items} columns={columns} width="max" wordWrap qa="unacknowledged" /> : <Text color="secondary">{s.pendingEmpty}</Text>;
}

export function RecommendationsPage() {
  const { t, errorText, formatDateTime } = useI18n();
  const s = t.methodology.recommendations;
  const session = useCurrentSession();
  const regional = session.user.organization.kind === 'regional_center';
  const navigate = useNavigate();
  const notify = useNotify();
  const { municipalities } = useMunicipality();
  const nameOf = (slug: string) => municipalities.find((m) => m.slug === slug)?.shortName ?? slug;
  const done = (r: RecommendationSummary) => Number(['reported', 'accepted'].includes(r.addressees[0]?.status ?? ''));
  const { data: items, error } = useResource(
    () => methodologyApi.recommendations().then(({ items: list }) => (regional ? list : [...list].sort((a, b) => done(a) - done(b)))),
    [regional],
  );
  const [view, setView] = useState<'all' | 'pending'>('all');
  const [creating, setCreating] = useState(false);

  const columns: TableColumnConfig<RecommendationSummary>[] = [
    { id: 'number', name: s.columns.number, template: (r) => <Link className="requests-nowrap" to={`/recommendations/${r.id}`}>{r.number}</Link> },
    { id: 'subject', name: s.columns.subject, template: (r) => <Link to={`/recommendations/${r.id}`}>{r.subject}</Link> },
    { id: 'dueAt', name: s.columns.dueAt, template: (r) => <Text className="requests-nowrap">{r.dueAt ? formatDateTime(r.dueAt) : s.noDue}</Text> },
    regional
      ? { id: 'addressees', name: s.columns.addressees, template: (r) => <div className="requests-chips">{r.addressees.map((a) => <RecommendationStatusLabel key={a.municipality} status={a.status} overdue={a.overdue} prefix={nameOf(a.municipality)} />)}</div> }
      : { id: 'status', name: s.columns.status, template: (r) => (r.addressees[0] ? <RecommendationStatusLabel status={r.addressees[0].status} overdue={r.addressees[0].overdue} /> : null) },
  ];

  return (
    <div className="page">
      <PageHeader title={s.title} actions={session.policies['recommendations.create'] === true ? <Button view="action" onClick={() => setCreating(true)}>{s.create}</Button> : undefined} />
      <div className="directory-toolbar">
        <SegmentedRadioGroup value={view} onUpdate={(v) => setView(v as 'all' | 'pending')} options={[{ value: 'all', content: s.all }, { value: 'pending', content: s.pending }]} />
      </div>
      {view === 'pending' ? <Unacknowledged /> : (
        <>
          {error !== null && <Text color="danger">{errorText(error)}</Text>}
          {items && (items.length ? <Table data={items} columns={columns} width="max" wordWrap /> : <Text color="secondary">{t.methodology.empty}</Text>)}
        </>
      )}
      {creating && (
        <NewRecommendationDialog
          onClose={() => setCreating(false)}
          onSent={(id, number) => { setCreating(false); notify.success(s.sent(number)); navigate(`/recommendations/${id}`); }}
        />
      )}
    </div>
  );
}
