// One recommendation of ЦУР: its text and files; for the administration, «ознакомлен» and the report on
// implementation; for ЦУР, every addressee side by side with its report to accept or return with remarks.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Text, TextArea } from '@gravity-ui/uikit';
import '../directory.css';
import { methodologyApi, type Recommendation, type RecommendationAddressee } from '../methodologyApi';
import { FileList } from '../components/Files';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../components/notify';
import { formData, useSubmit } from '../components/useSubmit';
import { RecommendationStatusLabel } from './RecommendationsPage';

function Addressee({ item, a, onChange }: { item: Recommendation; a: RecommendationAddressee; onChange(next: Recommendation): void }) {
  const { t, formatDateTime } = useI18n();
  const s = t.methodology.recommendations;
  const notify = useNotify();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [remarks, setRemarks] = useState('');
  const { failure, busy, run } = useSubmit();
  const act = async (action: () => Promise<Recommendation>, message: string) => {
    const next = await run(action);
    if (next) { onChange(next); notify.success(message); }
  };
  return (
    <section className="requests-card" data-municipality={a.municipality} data-qa="addressee">
      <Text variant="subheader-2">{a.municipalityName}</Text>
      <div><RecommendationStatusLabel status={a.status} overdue={a.overdue} /></div>
      <Text color="secondary">{a.acknowledgedAt ? s.acknowledged(a.acknowledgedBy ?? '', formatDateTime(a.acknowledgedAt)) : s.notAcknowledged}</Text>
      {a.reportText ? (
        <>
          <Text color="secondary">{s.reportedBy(a.reportedBy ?? '', formatDateTime(a.reportedAt))}</Text>
          <Text className="requests-text">{a.reportText}</Text>
          <FileList files={a.files} url={(fileId) => methodologyApi.recommendationFileUrl(item.id, fileId)} />
        </>
      ) : a.acknowledgedAt && <Text color="secondary">{s.noReport}</Text>}
      {a.remarks && <Text><b>{s.remarks}:</b> {a.remarks}</Text>}
      {a.can.acknowledge && <div><Button view="action" loading={busy} onClick={() => act(() => methodologyApi.acknowledge(item.id), s.acknowledgedToast)}>{s.acknowledge}</Button></div>}
      {a.can.report && (
        <div className="requests-form">
          <Text variant="subheader-1">{s.report}</Text>
          <TextArea value={text} onUpdate={setText} minRows={4} placeholder={s.reportText} controlProps={{ 'aria-label': s.reportText }} />
          <label className="directory-field"><Text>{s.reportFiles}</Text>
            <input type="file" multiple accept=".pdf,.docx,.jpg,.jpeg,.png" onChange={(e) => setFiles([...(e.target.files ?? [])])} aria-label={s.reportFiles} /></label>
          <div><Button view="action" loading={busy} onClick={() => act(() => methodologyApi.report(item.id, formData({ text }, files)), s.reportSent)}>{s.sendReport}</Button></div>
        </div>
      )}
      {(a.can.accept || a.can.return) && (
        <div className="requests-form">
          <TextArea value={remarks} onUpdate={setRemarks} minRows={2} placeholder={s.remarksField} controlProps={{ 'aria-label': `${s.remarksField}: ${a.municipalityName}` }} />
          <div className="directory-actions" style={{ justifyContent: 'flex-start' }}>
            {a.can.accept && <Button view="action" loading={busy} onClick={() => act(() => methodologyApi.review(item.id, a.municipality, 'accept', remarks.trim() || undefined), s.accepted)}>{s.accept}</Button>}
            {a.can.return && <Button view="outlined-danger" loading={busy} onClick={() => act(() => methodologyApi.review(item.id, a.municipality, 'return', remarks), s.returned)}>{s.return}</Button>}
          </div>
        </div>
      )}
      {failure && <Text color="danger">{failure}</Text>}
    </section>
  );
}

export function RecommendationPage() {
  const { id = '' } = useParams();
  const { t, errorText, formatDateTime } = useI18n();
  const s = t.methodology.recommendations;
  const { data: item, error, set } = useResource(() => methodologyApi.recommendation(id), [id]);

  if (error) return <div className="page"><Text color="danger">{errorText(error)}</Text><p><Link to="/recommendations">{s.back}</Link></p></div>;
  if (!item) return null;
  return (
    <div className="page">
      <p><Link to="/recommendations">← {s.back}</Link></p>
      <PageHeader title={`${item.number}: ${item.subject}`}>
        <Text color="secondary">{s.columns.dueAt}: {item.dueAt ? formatDateTime(item.dueAt) : s.noDue}</Text>
      </PageHeader>
      <section className="requests-card">
        <Text variant="subheader-2">{s.recommendation}</Text>
        <Text className="requests-text">{item.text}</Text>
        <FileList files={item.files} url={(fileId) => methodologyApi.recommendationFileUrl(item.id, fileId)} />
      </section>
      <Text as="h2" variant="subheader-3">{item.addressees.length > 1 ? s.addressees : s.own}</Text>
      <div className="requests-answers">
        {item.addressees.map((a) => <Addressee key={a.municipality} item={item} a={a} onChange={set} />)}
      </div>
    </div>
  );
}
