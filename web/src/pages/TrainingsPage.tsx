// Training of the administrations' staff: the year's courses and events, and who in each municipality has
// not been trained this year (ЦУР — across the region, an administration — its own staff).
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Dialog, Select, Table, Text, TextArea, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import '../directory.css';
import { methodologyApi, type Coverage, type TrainingSummary } from '../methodologyApi';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../components/notify';
import { formData, useSubmit } from '../components/useSubmit';

function NewTrainingDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { t } = useI18n();
  const s = t.methodology.trainings;
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [format, setFormat] = useState<TrainingSummary['format']>('webinar');
  const [place, setPlace] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const { errors, failure, busy, run } = useSubmit();
  const save = async () => {
    const created = await run(() => methodologyApi.createTraining(formData({
      title, description, format, place, startsAt: startsAt ? new Date(startsAt).toISOString() : undefined,
    }, files)));
    if (created) onCreated(created.id);
  };
  return (
    <Dialog open onClose={onClose} size="m">
      <Dialog.Header caption={s.create} />
      <Dialog.Body>
        <div className="requests-form">
          <label className="directory-field"><Text variant="subheader-1">{s.form.title}</Text>
            <TextInput value={title} onUpdate={setTitle} validationState={errors.title ? 'invalid' : undefined} errorMessage={errors.title} controlProps={{ 'aria-label': s.form.title }} /></label>
          <label className="directory-field"><Text variant="subheader-1">{s.form.startsAt}</Text>
            <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} aria-label={s.form.startsAt} />
            {errors.startsAt && <Text color="danger">{errors.startsAt}</Text>}</label>
          <div className="directory-field"><Text variant="subheader-1">{s.form.format}</Text>
            <Select value={[format]} onUpdate={([v]) => setFormat(v as TrainingSummary['format'])} aria-label={s.form.format} options={(['in_person', 'online', 'webinar'] as const).map((f) => ({ value: f, content: s.format[f] }))} /></div>
          <label className="directory-field"><Text variant="subheader-1">{s.form.place}</Text>
            <TextInput value={place} onUpdate={setPlace} controlProps={{ 'aria-label': s.form.place }} /></label>
          <label className="directory-field"><Text variant="subheader-1">{s.form.description}</Text>
            <TextArea value={description} onUpdate={setDescription} minRows={4} controlProps={{ 'aria-label': s.form.description }} /></label>
          <label className="directory-field"><Text variant="subheader-1">{s.form.materials}</Text>
            <input type="file" multiple accept=".pdf,.docx,.jpg,.jpeg,.png" onChange={(e) => setFiles([...(e.target.files ?? [])])} aria-label={s.form.materials} /></label>
          {failure && <Text color="danger">{failure}</Text>}
        </div>
      </Dialog.Body>
      <Dialog.Footer onClickButtonCancel={onClose} onClickButtonApply={save} textButtonApply={t.common.create} textButtonCancel={t.methodology.cancel} loading={busy} />
    </Dialog>
  );
}

function CoverageTable({ year }: { year: number }) {
  const { t, errorText } = useI18n();
  const s = t.methodology.trainings;
  const { data, error } = useResource(() => methodologyApi.coverage(year), [year]);
  type Row = Coverage['items'][number];
  const columns: TableColumnConfig<Row>[] = [
    { id: 'municipality', name: s.columns.municipality, template: (r) => r.municipalityName },
    { id: 'staff', name: s.columns.staff, align: 'end', template: (r) => r.staff },
    { id: 'trained', name: s.columns.trained, align: 'end', template: (r) => r.trained },
    { id: 'untrained', name: s.columns.untrained, template: (r) => (r.untrained.length ? r.untrained.map((u) => u.fullName).join(', ') : <Text color="secondary">{s.allTrained}</Text>) },
  ];
  if (error) return <Text color="danger">{errorText(error)}</Text>;
  return data ? <Table data={data.items} columns={columns} width="max" wordWrap qa="coverage" /> : null;
}

export function TrainingsPage() {
  const { t, errorText, formatDateTime } = useI18n();
  const s = t.methodology.trainings;
  const session = useCurrentSession();
  const navigate = useNavigate();
  const notify = useNotify();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const { data, error } = useResource(() => methodologyApi.trainings(year), [year]);
  const [creating, setCreating] = useState(false);
  const columns: TableColumnConfig<TrainingSummary>[] = [
    { id: 'startsAt', name: s.columns.startsAt, template: (r) => <Text className="requests-nowrap">{formatDateTime(r.startsAt)}</Text> },
    { id: 'title', name: s.columns.title, template: (r) => <Link to={`/trainings/${r.id}`}>{r.title}</Link> },
    { id: 'format', name: s.columns.format, template: (r) => s.format[r.format] },
    { id: 'place', name: s.columns.place, template: (r) => r.place ?? '' },
    { id: 'enrolled', name: s.columns.enrolled, align: 'end', template: (r) => r.enrolled },
    { id: 'attended', name: s.columns.attended, align: 'end', template: (r) => r.attended },
  ];
  return (
    <div className="page">
      <PageHeader title={s.title} actions={session.policies['trainings.manage'] === true ? <Button view="action" onClick={() => setCreating(true)}>{s.create}</Button> : undefined}>
        <div className="directory-toolbar">
          <Select width={120} value={[String(year)]} onUpdate={([v]) => setYear(Number(v))} aria-label={s.columns.startsAt}
            options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), content: String(y) }))} />
        </div>
      </PageHeader>
      <Text as="h2" variant="subheader-3">{s.events}</Text>
      {error !== null && <Text color="danger">{errorText(error)}</Text>}
      {data && (data.items.length ? <Table data={data.items} columns={columns} width="max" wordWrap /> : <Text color="secondary">{t.methodology.empty}</Text>)}
      <Text as="h2" variant="subheader-3">{s.coverage(year)}</Text>
      <CoverageTable year={year} />
      {creating && <NewTrainingDialog onClose={() => setCreating(false)} onCreated={(id) => { setCreating(false); notify.success(s.created); navigate(`/trainings/${id}`); }} />}
    </div>
  );
}
