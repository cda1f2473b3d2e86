// One request of ЦУР: its text and files, and the answers — side by side for ЦУР, the own answer form
// for the administration addressed.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Text, TextArea } from '@gravity-ui/uikit';
import '../directory.css';
import { ApiError } from '../api';
import { directoryApi, type RequestFile } from '../directoryApi';
import { FileList, FilePicker } from '../components/Files';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { RequestStatus, useDueText } from '../components/RequestStatus';
import { useNotify } from '../components/notify';

function Files({ requestId, files }: { requestId: string; files: RequestFile[] }) {
  return <FileList files={files} url={(fileId) => directoryApi.fileUrl(requestId, fileId)} />;
}

export function InfoRequestPage() {
  const { id = '' } = useParams();
  const { t, errorText, formatDateTime } = useI18n();
  const s = t.directory.requests;
  const session = useCurrentSession();
  const regional = session.user.organization.kind === 'regional_center';
  const notify = useNotify();
  const dueText = useDueText();
  const { data: item, error, set: setItem } = useResource(() => directoryApi.request(id), [id]);
  const [answer, setAnswer] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [answerError, setAnswerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    setBusy(true);
    setAnswerError(null);
    const form = new FormData();
    form.set('text', answer);
    for (const f of files) form.append('files', f, f.name);
    try {
      setItem(await directoryApi.answer(id, form));
      notify.success(s.answerSent);
    } catch (e) {
      setAnswerError(e instanceof ApiError && e.details.length ? e.details.map((d) => d.message).join('; ') : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (error) return <div className="page"><Text color="danger">{errorText(error)}</Text><p><Link className="text-link" to="/requests">{s.back}</Link></p></div>;
  if (!item) return null;
  const own = item.addressees[0];
  return (
    <div className="page">
      <p><Link className="text-link" to="/requests">← {s.back}</Link></p>
      <PageHeader title={`${item.number}: ${item.subject}`}>
        <Text color="secondary">{s.dueAt}: {formatDateTime(item.dueAt)} · {dueText(item.dueAt)}</Text>
      </PageHeader>
      <section className="requests-card">
        <Text variant="subheader-2">{s.request}</Text>
        <Text className="requests-text">{item.text}</Text>
        <Files requestId={item.id} files={item.files} />
      </section>
      {regional ? (
        <>
          <Text as="h2" variant="subheader-3">{s.answers}</Text>
          <div className="requests-answers">
            {[...item.addressees].sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, 'ru')).map((a) => (
              <section key={a.municipality} className="requests-card" data-municipality={a.municipality}>
                <Text variant="subheader-2">{a.municipalityName}</Text>
                <div><RequestStatus status={a.status} /></div>
                {a.readAt && <Text color="secondary">{s.readAt}: {formatDateTime(a.readAt)}</Text>}
                {a.answeredAt && <Text color="secondary">{s.answeredAt}: {formatDateTime(a.answeredAt)}</Text>}
                {a.answerText ? <Text className="requests-text">{a.answerText}</Text> : <Text color="secondary">{s.noAnswer}</Text>}
                <Files requestId={item.id} files={a.files} />
              </section>
            ))}
          </div>
        </>
      ) : own && (
        <section className="requests-card">
          <Text variant="subheader-2">{s.yourAnswer}</Text>
          <div><RequestStatus status={own.status} /></div>
          {own.answerText ? (
            <>
              <Text color="secondary">{s.answeredAt}: {formatDateTime(own.answeredAt)}</Text>
              <Text className="requests-text">{own.answerText}</Text>
              <Files requestId={item.id} files={own.files} />
            </>
          ) : item.can.answer ? (
            <div className="requests-form">
              <label className="directory-field"><Text variant="subheader-1">{s.answerText}</Text>
                <TextArea value={answer} onUpdate={setAnswer} minRows={5} controlProps={{ 'aria-label': s.answerText }} qa="answer-text" /></label>
              <div className="directory-field"><Text variant="subheader-1">{s.answerFiles}</Text>
                <FilePicker files={files} onChange={setFiles} accept=".pdf,.docx,.jpg,.jpeg,.png" choose={s.form.choose} hint={s.form.hint} label={s.answerFiles} qa="answer-files" /></div>
              {answerError && <Text color="danger">{answerError}</Text>}
              <div><Button view="action" loading={busy} onClick={send}>{s.sendAnswer}</Button></div>
            </div>
          ) : <Text color="secondary">{s.noAnswer}</Text>}
        </section>
      )}
    </div>
  );
}
