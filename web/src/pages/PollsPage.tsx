// Results of votes and public discussions, filtered by topic, each beside the appeals of its topic over its
// period; entered by hand or loaded from a CSV or XLSX table.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Dialog, Select, Table, Text, TextInput } from '@gravity-ui/uikit';
import { POLL_KINDS } from '../../../domain/polls';
import { programsApi, type NewPoll, type Poll, type PollImportResult } from '../programsApi';
import { useI18n } from '../i18n';
import { useSubmit } from '../components/useSubmit';
import { useCurrentSession } from '../state/session';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { TopicSelect } from '../components/TopicSelect';
import { useNotify } from '../components/notify';
import '../programs.css';
import { DateInput } from '../components/DateInput';

function PollDialog({ municipality, onClose, onSaved }: { municipality: string; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const s = t.programs.polls;
  const [kind, setKind] = useState<NewPoll['kind']>('vote');
  const [question, setQuestion] = useState('');
  const [topic, setTopic] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [options, setOptions] = useState([{ label: '', count: '' }, { label: '', count: '' }]);
  const { errors, failure, busy, run } = useSubmit((field) => field.split('/')[0]);
  const save = () => run(async () => {
    await programsApi.createPoll({
      municipality, kind, question, topic, startsOn, endsOn,
      options: options.filter((o) => o.label.trim()).map((o) => ({ label: o.label.trim(), count: Number(o.count || 0) })),
    });
    onSaved();
  });
  const setOption = (i: number, patch: Partial<{ label: string; count: string }>) => setOptions((list) => list.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <Dialog open onClose={onClose} size="m">
      <Dialog.Header caption={s.create} />
      <Dialog.Body>
        <div className="programs-form">
          <label className="programs-field"><Text variant="subheader-1">{s.fields.kind}</Text>
            <Select value={[kind]} onUpdate={([v]) => setKind(v as NewPoll['kind'])} options={POLL_KINDS.map((k) => ({ value: k, content: s.kinds[k] }))} /></label>
          <label className="programs-field"><Text variant="subheader-1">{s.fields.question}</Text>
            <TextInput value={question} onUpdate={setQuestion} validationState={errors.question ? 'invalid' : undefined} errorMessage={errors.question} controlProps={{ 'aria-label': s.fields.question }} /></label>
          <TopicSelect forFilter value={topic} onUpdate={setTopic} label={s.fields.topic} placeholder={s.fields.topic} error={errors.topic} qa="poll-topic" />
          <div className="programs-inline-form">
            <label className="programs-field"><Text variant="subheader-1">{s.fields.startsOn}</Text>
              <DateInput value={startsOn} onUpdate={setStartsOn} label={s.fields.startsOn} error={errors.startsOn} /></label>
            <label className="programs-field"><Text variant="subheader-1">{s.fields.endsOn}</Text>
              <DateInput value={endsOn} onUpdate={setEndsOn} label={s.fields.endsOn} error={errors.endsOn} /></label>
          </div>
          {(errors.startsOn || errors.endsOn) && <Text color="danger">{errors.startsOn ?? errors.endsOn}</Text>}
          <div className="programs-field">
            <Text variant="subheader-1">{s.fields.options}</Text>
            {options.map((o, i) => (
              <div className="programs-inline-form" key={i}>
                <TextInput value={o.label} onUpdate={(label) => setOption(i, { label })} placeholder={s.fields.option} controlProps={{ 'aria-label': `${s.fields.option} ${i + 1}` }} />
                <TextInput type="number" value={o.count} onUpdate={(count) => setOption(i, { count })} placeholder={s.fields.count} controlProps={{ 'aria-label': `${s.fields.count} ${i + 1}`, min: 0 }} />
              </div>
            ))}
            <div><Button view="flat" onClick={() => setOptions((list) => [...list, { label: '', count: '' }])}>{s.fields.addOption}</Button></div>
            {errors.options && <Text color="danger">{errors.options}</Text>}
          </div>
          {failure && <Text color="danger">{failure}</Text>}
        </div>
      </Dialog.Body>
      <Dialog.Footer onClickButtonCancel={onClose} onClickButtonApply={save} textButtonApply={s.save} textButtonCancel={s.cancel} loading={busy} />
    </Dialog>
  );
}

function PollCard({ poll, canEdit, onRemoved }: { poll: Poll; canEdit: boolean; onRemoved(): void }) {
  const { t, formatDate } = useI18n();
  const s = t.programs.polls;
  const notify = useNotify();
  const remove = async () => {
    try {
      await programsApi.deletePoll(poll.id);
      notify.success(s.removed);
      onRemoved();
    } catch (e) {
      notify.failure(e);
    }
  };
  return (
    <Card view="outlined" className="programs-poll" qa="poll">
      <Text color="secondary">{s.kinds[poll.kind]} · {poll.municipalityName} · {s.period(formatDate(poll.startsOn), formatDate(poll.endsOn))} · {poll.topicTitle}</Text>
      <Text as="h2" variant="subheader-3">{poll.question}</Text>
      <ul className="programs-bars">
        {poll.options.map((o) => (
          <li key={o.label}>
            <span className="programs-bars__label">{o.label}</span>
            <span className="programs-bars__track"><span className="programs-bars__fill" style={{ width: `${o.share}%` }} /></span>
            <span className="programs-bars__value">{o.count} ({o.share.toLocaleString('ru-RU')} %)</span>
          </li>
        ))}
      </ul>
      <Text color="secondary">{s.total(poll.total)}</Text>
      <div className="programs-poll__foot">
        <Link to={poll.appeals.link} data-qa="poll-appeals">{s.appeals(poll.appeals.count)}</Link>
        {canEdit && <Button view="flat-danger" size="s" onClick={remove}>{s.remove}</Button>}
      </div>
    </Card>
  );
}

export function PollsPage() {
  const { t, errorText } = useI18n();
  const s = t.programs.polls;
  const session = useCurrentSession();
  const notify = useNotify();
  const { selected } = useMunicipality();
  const regional = session.user.organization.kind === 'regional_center';
  const municipality = regional ? selected?.slug : session.user.organization.slug;
  const [topic, setTopic] = useState('');
  const polls = useResource(() => programsApi.polls({ municipality: selected?.slug, topic: topic || undefined }), [selected?.slug, topic]);
  const [creating, setCreating] = useState(false);
  const [result, setResult] = useState<PollImportResult | null>(null);
  const canEdit = session.policies['polls.manage'] === true;
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    if (municipality) form.set('municipality', municipality);
    form.append('file', file, file.name);
    try {
      const r = await programsApi.importPolls(form);
      setResult(r);
      notify.success(s.imported(r.created, r.updated));
      void polls.reload();
    } catch (e) {
      notify.failure(e);
    }
  };
  return (
    <div className="page">
      <PageHeader title={s.title} actions={canEdit ? (
        <>
          {municipality && <Button view="action" onClick={() => setCreating(true)} qa="poll-create">{s.create}</Button>}
          <label className="programs-upload">
            <Text>{s.import}</Text>
            <input type="file" accept=".csv,.xlsx" aria-label={s.import} onChange={(e) => void upload(e.target.files?.[0])} />
          </label>
        </>
      ) : undefined}>
        <div className="programs-filter">
          <TopicSelect forFilter anyLabel={s.anyTopic} value={topic} onUpdate={setTopic} label={s.topic} width={360} qa="polls-topic" />
        </div>
        {canEdit && <Text color="secondary">{s.importHint}</Text>}
      </PageHeader>
      {result && result.rejected.length > 0 && (
        <div className="programs-rejected">
          <Text variant="subheader-2">{s.rejected}</Text>
          <Table data={result.rejected} width="max" columns={[{ id: 'row', name: s.row }, { id: 'column', name: s.column }, { id: 'problem', name: s.problem }, { id: 'value', name: s.value }]} />
        </div>
      )}
      {polls.error !== null && <Text color="danger">{errorText(polls.error)}</Text>}
      {polls.data && (polls.data.items.length
        ? <div className="programs-polls">{polls.data.items.map((p) => <PollCard key={p.id} poll={p} canEdit={canEdit} onRemoved={() => void polls.reload()} />)}</div>
        : <Text color="secondary">{s.empty}</Text>)}
      {creating && municipality && (
        <PollDialog municipality={municipality} onClose={() => setCreating(false)} onSaved={() => { setCreating(false); notify.success(s.saved); void polls.reload(); }} />
      )}
    </div>
  );
}
