// Roadmaps: the administration's plans of measures against the causes of repeated appeals; ЦУР sees all.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Dialog, Label, Table, Text, TextArea, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import { programsApi, type Roadmap, type RoadmapSummary } from '../programsApi';
import { useI18n } from '../i18n';
import { useSubmit } from '../components/useSubmit';
import { useCurrentSession } from '../state/session';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { TopicSelect, useTopics } from '../components/TopicSelect';
import { useNotify } from '../components/notify';
import '../programs.css';
import { DateInput } from '../components/DateInput';

/** Topics chosen one by one from the classifier, shown as removable labels. */
export function TopicList({ value, onUpdate, label, error }: { value: string[]; onUpdate(codes: string[]): void; label: string; error?: string }) {
  const { t } = useI18n();
  const topics = useTopics();
  const title = (code: string) => topics.find((x) => x.code === code)?.title ?? code;
  return (
    <div className="programs-field">
      <Text variant="subheader-1">{label}</Text>
      <div className="programs-chips">
        {value.map((code) => <Label key={code} type="close" onCloseClick={() => onUpdate(value.filter((c) => c !== code))} closeButtonLabel={t.programs.roadmaps.form.remove}>{title(code)}</Label>)}
      </div>
      <TopicSelect forFilter value="" onUpdate={(code) => code && !value.includes(code) && onUpdate([...value, code])} label={t.programs.roadmaps.form.addTopic} placeholder={t.programs.roadmaps.form.addTopic} qa="roadmap-topic" />
      {error && <Text color="danger">{error}</Text>}
    </div>
  );
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** A new roadmap of the municipality, or the changes of an existing one. */
export function RoadmapDialog({ municipality, roadmap, onClose, onSaved }: { municipality: string; roadmap?: Roadmap; onClose(): void; onSaved(r: Roadmap): void }) {
  const { t } = useI18n();
  const s = t.programs.roadmaps.form;
  const [title, setTitle] = useState(roadmap?.title ?? '');
  const [description, setDescription] = useState(roadmap?.description ?? '');
  const [topics, setTopics] = useState<string[]>(roadmap?.topics.map((x) => x.code) ?? []);
  const [streets, setStreets] = useState(roadmap?.places.filter((p) => p.kind === 'street').map((p) => p.name).join('\n') ?? '');
  const [settlements, setSettlements] = useState(roadmap?.places.filter((p) => p.kind === 'settlement').map((p) => p.name).join('\n') ?? '');
  const [startsOn, setStartsOn] = useState(roadmap?.startsOn ?? '');
  const { errors, failure, busy, run } = useSubmit((field) => field.replace(/\/\d+$/, ''));
  const save = () => run(async () => {
    const places = [...lines(streets), ...lines(settlements).map((name) => ({ kind: 'settlement' as const, name }))];
    onSaved(roadmap
      ? await programsApi.updateRoadmap(roadmap.id, { title, description, topics, places, startsOn })
      : await programsApi.createRoadmap({ municipality, title, description, topics, places, startsOn }));
  });
  return (
    <Dialog open onClose={onClose} size="l">
      <Dialog.Header caption={roadmap ? roadmap.title : t.programs.roadmaps.create} />
      <Dialog.Body>
        <div className="programs-form">
          <label className="programs-field"><Text variant="subheader-1">{s.title}</Text>
            <TextInput value={title} onUpdate={setTitle} validationState={errors.title ? 'invalid' : undefined} errorMessage={errors.title} controlProps={{ 'aria-label': s.title }} /></label>
          <label className="programs-field"><Text variant="subheader-1">{s.description}</Text>
            <TextArea value={description} onUpdate={setDescription} minRows={2} controlProps={{ 'aria-label': s.description }} /></label>
          <TopicList value={topics} onUpdate={setTopics} label={s.topics} error={errors.topics} />
          <label className="programs-field"><Text variant="subheader-1">{s.streets}</Text>
            <TextArea value={streets} onUpdate={setStreets} minRows={2} controlProps={{ 'aria-label': s.streets }} /></label>
          <label className="programs-field"><Text variant="subheader-1">{s.settlements}</Text>
            <TextArea value={settlements} onUpdate={setSettlements} minRows={1} controlProps={{ 'aria-label': s.settlements }} /></label>
          {errors.places && <Text color="danger">{errors.places}</Text>}
          <label className="programs-field"><Text variant="subheader-1">{s.startsOn}</Text>
            <DateInput value={startsOn} onUpdate={setStartsOn} label={s.startsOn} error={errors.startsOn} /></label>
          {failure && <Text color="danger">{failure}</Text>}
        </div>
      </Dialog.Body>
      <Dialog.Footer onClickButtonCancel={onClose} onClickButtonApply={save} textButtonApply={s.save} textButtonCancel={s.cancel} loading={busy} />
    </Dialog>
  );
}

export function RoadmapsPage() {
  const { t, errorText, formatDate } = useI18n();
  const s = t.programs.roadmaps;
  const session = useCurrentSession();
  const { selected } = useMunicipality();
  const regional = session.user.organization.kind === 'regional_center';
  const navigate = useNavigate();
  const notify = useNotify();
  const { data, error } = useResource(() => programsApi.roadmaps(selected?.slug), [selected?.slug]);
  const [creating, setCreating] = useState(false);
  const columns: TableColumnConfig<RoadmapSummary>[] = [
    { id: 'title', name: s.columns.title, template: (r) => <Link to={`/roadmaps/${r.id}`}>{r.title}</Link> },
    ...(regional ? [{ id: 'municipality', name: s.columns.municipality, template: (r: RoadmapSummary) => r.municipalityName }] : []),
    { id: 'startsOn', name: s.columns.startsOn, template: (r) => formatDate(r.startsOn) },
    { id: 'measures', name: s.columns.measures, template: (r) => `${r.done} / ${r.measures}` },
    { id: 'overdue', name: s.columns.overdue, template: (r) => (r.overdue ? <Text color="danger">{r.overdue}</Text> : '0') },
  ];
  return (
    <div className="page">
      <PageHeader title={s.title} actions={session.policies['roadmaps.create'] === true ? <Button view="action" onClick={() => setCreating(true)} qa="roadmap-create">{s.create}</Button> : undefined} />
      {error !== null && <Text color="danger">{errorText(error)}</Text>}
      {data && (data.items.length ? <Table data={data.items} columns={columns} width="max" wordWrap qa="roadmaps" /> : <Text color="secondary">{s.empty}</Text>)}
      {creating && (
        <RoadmapDialog
          municipality={session.user.organization.slug}
          onClose={() => setCreating(false)}
          onSaved={(created) => { setCreating(false); notify.success(s.created); navigate(`/roadmaps/${created.id}`); }}
        />
      )}
    </div>
  );
}
