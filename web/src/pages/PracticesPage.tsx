// The library of best practices and optimised regulations: search in Russian over titles and texts,
// a municipality proposes its own, ЦУР publishes them for the region.
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Dialog, Label, Select, Text, TextArea, TextInput } from '@gravity-ui/uikit';
import '../directory.css';
import { methodologyApi, type Practice, type PracticeSummary } from '../methodologyApi';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../components/notify';
import { TopicSelect } from '../components/TopicSelect';
import { formData, useSubmit } from '../components/useSubmit';

const STATUS_THEMES = { proposed: 'info', published: 'success', returned: 'danger' } as const;

export function PracticeStatusLabel({ status }: { status: Practice['status'] }) {
  const { t } = useI18n();
  return <Label theme={STATUS_THEMES[status]}>{t.methodology.practices.status[status]}</Label>;
}

/** The found words, marked by the server between « and », in bold. */
function Excerpt({ text }: { text: string }) {
  const parts: ReactNode[] = text.split(/«([^»]*)»/).map((part, i) => (i % 2 ? <b key={i}>{part}</b> : part));
  return <Text color="secondary" className="requests-text">{parts}</Text>;
}

/** The fields of a practice, to propose a new one or correct a returned one. */
export function PracticeDialog({ practice, onClose, onSaved }: { practice?: Practice; onClose(): void; onSaved(p: Practice): void }) {
  const { t } = useI18n();
  const s = t.methodology.practices;
  const [title, setTitle] = useState(practice?.title ?? '');
  const [kind, setKind] = useState<Practice['kind']>(practice?.kind ?? 'practice');
  const [topic, setTopic] = useState(practice?.topics[0]?.code ?? '');
  const [text, setText] = useState(practice?.text ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const { errors, failure, busy, run } = useSubmit();
  const save = async () => {
    const saved = await run(() => (practice
      ? methodologyApi.updatePractice(practice.id, { title, kind, text, topics: topic ? [topic] : [] })
      : methodologyApi.proposePractice(formData({ title, kind, text, topics: topic }, files))));
    if (saved) onSaved(saved);
  };
  return (
    <Dialog open onClose={onClose} size="l">
      <Dialog.Header caption={practice ? s.edit : s.propose} />
      <Dialog.Body>
        <div className="requests-form">
          <label className="directory-field"><Text variant="subheader-1">{s.form.title}</Text>
            <TextInput value={title} onUpdate={setTitle} validationState={errors.title ? 'invalid' : undefined} errorMessage={errors.title} controlProps={{ 'aria-label': s.form.title }} /></label>
          <div className="directory-field"><Text variant="subheader-1">{s.form.kind}</Text>
            <Select value={[kind]} onUpdate={([v]) => setKind(v as Practice['kind'])} aria-label={s.form.kind} options={(['practice', 'regulation'] as const).map((k) => ({ value: k, content: s.kind[k] }))} /></div>
          <div className="directory-field"><Text variant="subheader-1">{s.form.topics}</Text>
            <TopicSelect value={topic} onUpdate={setTopic} label={s.form.topics} error={errors.topics} /></div>
          <label className="directory-field"><Text variant="subheader-1">{s.form.text}</Text>
            <TextArea value={text} onUpdate={setText} minRows={8} validationState={errors.text ? 'invalid' : undefined} errorMessage={errors.text} controlProps={{ 'aria-label': s.form.text }} /></label>
          {!practice && <label className="directory-field"><Text variant="subheader-1">{t.methodology.files}</Text>
            <input type="file" multiple accept=".pdf,.docx,.jpg,.jpeg,.png" onChange={(e) => setFiles([...(e.target.files ?? [])])} aria-label={t.methodology.files} /></label>}
          {failure && <Text color="danger">{failure}</Text>}
        </div>
      </Dialog.Body>
      <Dialog.Footer onClickButtonCancel={onClose} onClickButtonApply={save} textButtonApply={practice ? s.save : t.methodology.send} textButtonCancel={t.methodology.cancel} loading={busy} />
    </Dialog>
  );
}

export function PracticesPage() {
  const { t, errorText, formatDate } = useI18n();
  const s = t.methodology.practices;
  const session = useCurrentSession();
  const navigate = useNavigate();
  const notify = useNotify();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const { data, error } = useResource(
    () => methodologyApi.practices({ q: q.trim() || undefined, status: (status || undefined) as PracticeSummary['status'] | undefined }),
    [q, status], { keep: true, delayMs: 300 },
  );
  const [proposing, setProposing] = useState(false);

  return (
    <div className="page">
      <PageHeader title={s.title} actions={session.policies['practices.propose'] === true ? <Button view="action" onClick={() => setProposing(true)}>{s.propose}</Button> : undefined}>
        <div className="directory-toolbar">
          <TextInput className="directory-search" value={q} onUpdate={setQ} placeholder={s.search} hasClear controlProps={{ 'aria-label': s.search }} />
          <Select width={220} value={[status]} onUpdate={([v]) => setStatus(v ?? '')} aria-label={s.statusFilter}
            options={[{ value: '', content: s.anyStatus }, ...(['published', 'proposed', 'returned'] as const).map((v) => ({ value: v, content: s.status[v] }))]} />
        </div>
      </PageHeader>
      {error !== null && <Text color="danger">{errorText(error)}</Text>}
      {data && (data.items.length ? (
        <div className="requests-answers" data-qa="practices">
          {data.items.map((p) => (
            <section key={p.id} className="requests-card" data-qa="practice">
              <Link to={`/practices/${p.id}`}><Text variant="subheader-2">{p.title}</Text></Link>
              <div className="requests-chips"><Label>{s.kind[p.kind]}</Label>{p.status !== 'published' && <PracticeStatusLabel status={p.status} />}{p.topics.map((tp) => <Label key={tp.code} theme="clear">{tp.title}</Label>)}</div>
              <Text color="secondary">{p.municipalityName}{p.publishedAt ? ` · ${formatDate(p.publishedAt)}` : ''}</Text>
              <Excerpt text={p.excerpt} />
            </section>
          ))}
        </div>
      ) : <Text color="secondary">{s.empty}</Text>)}
      {proposing && <PracticeDialog onClose={() => setProposing(false)} onSaved={(p) => { setProposing(false); notify.success(s.proposed); navigate(`/practices/${p.id}`); }} />}
    </div>
  );
}
