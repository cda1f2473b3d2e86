// One practice of the library: its text and files; ЦУР publishes it or returns it with remarks, its
// administration corrects a returned one and sends it again.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Label, Text, TextArea } from '@gravity-ui/uikit';
import '../directory.css';
import { methodologyApi, type Practice } from '../methodologyApi';
import { FileList } from '../components/Files';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../components/notify';
import { useSubmit } from '../components/useSubmit';
import { PracticeDialog, PracticeStatusLabel } from './PracticesPage';

export function PracticePage() {
  const { id = '' } = useParams();
  const { t, errorText, formatDate } = useI18n();
  const s = t.methodology.practices;
  const notify = useNotify();
  const { data: p, error, set } = useResource(() => methodologyApi.practice(id), [id]);
  const [remarks, setRemarks] = useState('');
  const [editing, setEditing] = useState(false);
  const { failure, busy, run } = useSubmit();
  const review = async (decision: 'publish' | 'return') => {
    const next = await run(() => methodologyApi.reviewPractice(id, decision, remarks.trim() || undefined));
    if (next) { set(next); notify.success(decision === 'publish' ? s.published : s.returned); }
  };

  if (error) return <div className="page"><Text color="danger">{errorText(error)}</Text><p><Link to="/practices">{s.back}</Link></p></div>;
  if (!p) return null;
  return (
    <div className="page">
      <p><Link to="/practices">← {s.back}</Link></p>
      <PageHeader title={p.title} actions={p.can.edit ? <Button onClick={() => setEditing(true)}>{s.edit}</Button> : undefined}>
        <div className="requests-chips">
          <Label>{s.kind[p.kind]}</Label><PracticeStatusLabel status={p.status} />
          {p.topics.map((tp) => <Label key={tp.code} theme="clear">{tp.title}</Label>)}
        </div>
        <Text color="secondary">{s.by(p.municipalityName)}{p.proposedBy ? ` · ${p.proposedBy}` : ''}{p.publishedAt ? ` · ${s.publishedAt} ${formatDate(p.publishedAt)}` : ''}</Text>
      </PageHeader>
      {p.remarks && <section className="requests-card"><Text variant="subheader-1">{s.remarks}</Text><Text className="requests-text">{p.remarks}</Text></section>}
      <section className="requests-card">
        <Text className="requests-text">{p.text}</Text>
        <FileList files={p.files} url={(fileId) => methodologyApi.practiceFileUrl(p.id, fileId)} />
      </section>
      {(p.can.publish || p.can.return) && (
        <div className="requests-form" style={{ marginTop: 16 }}>
          <TextArea value={remarks} onUpdate={setRemarks} minRows={2} placeholder={s.remarksField} controlProps={{ 'aria-label': s.remarksField }} />
          <div className="directory-actions" style={{ justifyContent: 'flex-start' }}>
            {p.can.publish && <Button view="action" loading={busy} onClick={() => review('publish')}>{s.publish}</Button>}
            {p.can.return && <Button view="outlined-danger" loading={busy} onClick={() => review('return')}>{s.return}</Button>}
          </div>
          {failure && <Text color="danger">{failure}</Text>}
        </div>
      )}
      {editing && <PracticeDialog practice={p} onClose={() => setEditing(false)} onSaved={(next: Practice) => { setEditing(false); set(next); notify.success(s.saved); }} />}
    </div>
  );
}
