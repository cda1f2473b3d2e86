// A roadmap: its links, the measured effect (numbers and a chart by month), the measures with their evidence,
// and the comments of ЦУР and the administration.
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Button, Label, Select, Table, Text, TextArea, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import { MEASURE_STATUSES } from '../../../domain/roadmaps';
import { programsApi, type Measure, type Roadmap } from '../programsApi';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { Facts, Panel } from '../components/Facts';
import { AnalyticsChart } from '../components/AnalyticsChart';
import { useNotify } from '../components/notify';
import { RoadmapDialog } from './RoadmapsPage';
import '../analytics.css';
import '../programs.css';
import { DateInput } from '../components/DateInput';

function percent(change: number | null, none: string): string {
  if (change === null) return none;
  const value = Math.round(change * 1000) / 10;
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toLocaleString('ru-RU')} %`;
}

function EffectPanel({ roadmap }: { roadmap: Roadmap }) {
  const { t, formatDate } = useI18n();
  const s = t.programs.roadmaps.effect;
  const e = roadmap.effect;
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { data: [s.before, s.after] },
    grid: { left: 40, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: e.months.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: s.before, type: 'bar', stack: 'appeals', data: e.months.map((m) => m.before), itemStyle: { color: '#b0b7c3' } },
      { name: s.after, type: 'bar', stack: 'appeals', data: e.months.map((m) => m.after), itemStyle: { color: '#2f80ed' } },
    ],
  }), [e.months, s.before, s.after]);
  return (
    <Panel title={s.title} qa="roadmap-effect">
      {e.window.days === 0 ? <Text color="secondary">{s.notStarted}</Text> : (
        <>
          <div className="programs-effect">
            <div><Text color="secondary">{s.before}</Text><Text variant="display-1" qa="effect-before">{e.before}</Text></div>
            <div><Text color="secondary">{s.after}</Text><Text variant="display-1" qa="effect-after">{e.after}</Text></div>
            <div><Text color="secondary">{s.change}</Text><Text variant="display-1" qa="effect-change" color={e.change !== null && e.change < 0 ? 'positive' : e.change ? 'danger' : undefined}>{percent(e.change, s.noChange)}</Text></div>
          </div>
          <Text color="secondary">{s.window(e.window.days, formatDate(e.window.beforeFrom), formatDate(e.window.beforeTo), formatDate(e.window.afterFrom), formatDate(e.window.afterTo))}</Text>
          <AnalyticsChart name={s.chart} option={option} file="effect" qa="effect-chart" />
          <Table
            data={e.months} width="max" qa="effect-months"
            columns={[{ id: 'month', name: s.month }, { id: 'before', name: s.before }, { id: 'after', name: s.after }]}
          />
        </>
      )}
    </Panel>
  );
}

function MeasureForm({ roadmap, onSaved }: { roadmap: Roadmap; onSaved(r: Roadmap): void }) {
  const { t, errorText } = useI18n();
  const s = t.programs.roadmaps.measures;
  const notify = useNotify();
  const [title, setTitle] = useState('');
  const [responsible, setResponsible] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const add = async () => {
    setFailure(null);
    try {
      onSaved(await programsApi.addMeasure(roadmap.id, { title, responsible, dueOn }));
      setTitle('');
      setResponsible('');
      setDueOn('');
      notify.success(s.saved);
    } catch (error) {
      setFailure(errorText(error));
    }
  };
  return (
    <div className="programs-inline-form">
      <TextInput value={title} onUpdate={setTitle} placeholder={s.name} controlProps={{ 'aria-label': s.name }} />
      <TextInput value={responsible} onUpdate={setResponsible} placeholder={s.responsible} controlProps={{ 'aria-label': s.responsible }} />
      <DateInput value={dueOn} onUpdate={setDueOn} label={s.dueOn} width={150} />
      <Button view="action" onClick={add} qa="measure-add">{s.add}</Button>
      {failure && <Text color="danger">{failure}</Text>}
    </div>
  );
}

export function RoadmapCardPage() {
  const { id = '' } = useParams();
  const { t, errorText, formatDate, formatDateTime } = useI18n();
  const s = t.programs.roadmaps;
  const notify = useNotify();
  const { data: roadmap, error, set } = useResource(() => programsApi.roadmap(id), [id]);
  const [comment, setComment] = useState('');
  const [editing, setEditing] = useState(false);
  const act = async (action: () => Promise<Roadmap>, done?: string) => {
    try {
      set(await action());
      if (done) notify.success(done);
    } catch (e) {
      notify.failure(e);
    }
  };
  if (error !== null) return <div className="page"><Text color="danger">{errorText(error)}</Text></div>;
  if (!roadmap) return null;
  const upload = (measure: Measure, files: FileList | null) => {
    if (!files?.length) return;
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    void act(() => programsApi.addEvidence(roadmap.id, measure.id, form), s.measures.saved);
  };
  const columns: TableColumnConfig<Measure>[] = [
    { id: 'title', name: s.measures.name, template: (m) => m.title },
    { id: 'responsible', name: s.measures.responsible, template: (m) => m.responsible },
    { id: 'dueOn', name: s.measures.dueOn, template: (m) => <div>{formatDate(m.dueOn)}{m.overdue && <div><Text color="danger">{s.measures.overdue}</Text></div>}</div> },
    {
      id: 'status', name: s.measures.status,
      template: (m) => (roadmap.can.edit
        ? <Select value={[m.status]} width={170} qa={`measure-status-${m.id}`} aria-label={s.measures.status}
          options={MEASURE_STATUSES.map((st) => ({ value: st, content: s.measures.statuses[st] }))}
          onUpdate={([status]) => void act(() => programsApi.updateMeasure(roadmap.id, m.id, { status: status as Measure['status'] }), s.measures.saved)} />
        : s.measures.statuses[m.status]),
    },
    {
      id: 'evidence', name: s.measures.evidence,
      template: (m) => (
        <div className="programs-files">
          {m.evidence.map((f) => <a key={f.id} href={programsApi.evidenceUrl(roadmap.id, m.id, f.id)}>{f.filename}</a>)}
          {roadmap.can.edit && <input type="file" accept=".pdf,.docx,.jpg,.jpeg,.png" aria-label={`${s.measures.attach}: ${m.title}`} onChange={(e) => upload(m, e.target.files)} />}
        </div>
      ),
    },
  ];
  return (
    <div className="page">
      <PageHeader title={roadmap.title} actions={roadmap.can.edit ? <Button onClick={() => setEditing(true)} qa="roadmap-edit">{s.edit}</Button> : undefined} />
      {editing && (
        <RoadmapDialog municipality={roadmap.municipality} roadmap={roadmap} onClose={() => setEditing(false)}
          onSaved={(saved) => { setEditing(false); set(saved); notify.success(s.measures.saved); }} />
      )}
      <Panel title={t.programs.roadmaps.title}>
        <Facts rows={[
          [s.facts.municipality, roadmap.municipalityName],
          [s.facts.startsOn, formatDate(roadmap.startsOn)],
          [s.facts.topics, <div className="programs-chips">{roadmap.topics.map((x) => <Label key={x.code}>{x.title}</Label>)}</div>],
          [s.facts.places, roadmap.places.length ? roadmap.places.map((p) => `${p.name} (${p.kind === 'street' ? s.street : s.settlement})`).join('; ') : null],
          [s.facts.clusters, roadmap.clusters.length ? roadmap.clusters.map((c) => `${c.title} (${c.size})`).join('; ') : null],
          [s.facts.description, roadmap.description || null],
        ]} />
      </Panel>
      <EffectPanel roadmap={roadmap} />
      <Panel title={s.measures.title} qa="roadmap-measures">
        {roadmap.measures.length ? <Table data={roadmap.measures} columns={columns} width="max" wordWrap /> : <Text color="secondary">{s.measures.empty}</Text>}
        {roadmap.can.edit && <MeasureForm roadmap={roadmap} onSaved={set} />}
      </Panel>
      <Panel title={s.comments.title} qa="roadmap-comments">
        {roadmap.comments.length ? (
          <ul className="programs-comments">
            {roadmap.comments.map((c) => (
              <li key={c.id}><Text color="secondary">{formatDateTime(c.createdAt)} · {c.side === 'cur' ? s.comments.cur : s.comments.municipality} · {c.author}</Text><div>{c.text}</div></li>
            ))}
          </ul>
        ) : <Text color="secondary">{s.comments.empty}</Text>}
        {roadmap.can.comment && (
          <div className="programs-inline-form">
            <TextArea value={comment} onUpdate={setComment} minRows={2} placeholder={s.comments.placeholder} controlProps={{ 'aria-label': s.comments.placeholder }} />
            <Button view="action" qa="comment-send" onClick={() => void act(() => programsApi.comment(roadmap.id, comment)).then(() => setComment(''))}>{s.comments.send}</Button>
          </div>
        )}
      </Panel>
    </div>
  );
}
