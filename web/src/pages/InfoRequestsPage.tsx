// ЦУР's requests for information: ЦУР sends them and sees every addressee's status; an administration
// sees the requests addressed to it, unanswered first.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Dialog, Table, Text, TextArea, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import '../directory.css';
import { ApiError } from '../api';
import { directoryApi, type InfoRequestSummary } from '../directoryApi';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { RequestStatus, useDueText } from '../components/RequestStatus';
import { useNotify } from '../components/notify';
import { MunicipalityChecklist } from '../components/MunicipalityChecklist';
import { DateInput, isoToZoned, zonedToIso } from '../components/DateInput';
import { FilePicker } from '../components/Files';

const ACCEPT = '.pdf,.docx,.jpg,.jpeg,.png';

function NewRequestDialog({ onClose, onSent }: { onClose(): void; onSent(id: string, number: string): void }) {
  const { t, errorText } = useI18n();
  const s = t.directory.requests.form;
  // The due time is typed on the clock of the sender's organisation.
  const zone = useCurrentSession().user.organization.timeZone;
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [dueAt, setDueAt] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    setErrors({});
    setFailure(null);
    const form = new FormData();
    form.set('subject', subject);
    form.set('text', text);
    form.set('municipalities', chosen.join(','));
    const due = dueAt ? zonedToIso(dueAt, zone) : undefined;
    if (due) form.set('dueAt', due);
    for (const f of files) form.append('files', f, f.name);
    try {
      const created = await directoryApi.createRequest(form);
      onSent(created.id, created.number);
    } catch (error) {
      if (error instanceof ApiError) setErrors(Object.fromEntries(error.details.map((d) => [d.field, d.message])));
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} size="l">
      <Dialog.Header caption={t.directory.requests.create} />
      <Dialog.Body>
        <div className="requests-form">
          <label className="directory-field"><Text variant="subheader-1">{s.subject}</Text>
            <TextInput value={subject} onUpdate={setSubject} validationState={errors.subject ? 'invalid' : undefined} errorMessage={errors.subject} controlProps={{ 'aria-label': s.subject }} /></label>
          <label className="directory-field"><Text variant="subheader-1">{s.text}</Text>
            <TextArea value={text} onUpdate={setText} minRows={4} validationState={errors.text ? 'invalid' : undefined} errorMessage={errors.text} controlProps={{ 'aria-label': s.text }} /></label>
          <MunicipalityChecklist label={s.municipalities} chosen={chosen} onChange={setChosen} labels={s} error={errors.municipalities} />
          <div className="directory-field"><Text variant="subheader-1">{s.dueAt}</Text>
            <DateInput withTime value={dueAt} onUpdate={setDueAt} min={isoToZoned(new Date(), zone)} label={s.dueAt} error={errors.dueAt} width={240} qa="request-due" /></div>
          <div className="directory-field"><Text variant="subheader-1">{s.files}</Text>
            <FilePicker files={files} onChange={setFiles} accept={ACCEPT} choose={s.choose} hint={s.hint} label={s.files} qa="request-files" /></div>
          {failure && <Text color="danger">{failure}</Text>}
        </div>
      </Dialog.Body>
      <Dialog.Footer onClickButtonCancel={onClose} onClickButtonApply={send} textButtonApply={s.send} textButtonCancel={s.cancel} loading={busy} />
    </Dialog>
  );
}

export function InfoRequestsPage() {
  const { t, errorText, formatDateTime } = useI18n();
  const s = t.directory.requests;
  const session = useCurrentSession();
  const regional = session.user.organization.kind === 'regional_center';
  const navigate = useNavigate();
  const notify = useNotify();
  const dueText = useDueText();
  const { municipalities } = useMunicipality();
  const nameOf = (slug: string) => municipalities.find((m) => m.slug === slug)?.shortName ?? slug;
  const byName = <A extends { municipality: string }>(list: A[]) => [...list].sort((a, b) => nameOf(a.municipality).localeCompare(nameOf(b.municipality), 'ru'));
  // An administration sees what still needs an answer first.
  const answered = (r: InfoRequestSummary) => Number(r.addressees[0]?.status === 'answered');
  const { data: items, error } = useResource(
    () => directoryApi.requests().then(({ items: list }) => (regional ? list : [...list].sort((a, b) => answered(a) - answered(b)))),
    [regional],
  );
  const [creating, setCreating] = useState(false);

  const columns: TableColumnConfig<InfoRequestSummary>[] = [
    { id: 'number', name: s.columns.number, template: (r) => <Link className="text-link requests-nowrap" to={`/requests/${r.id}`}>{r.number}</Link> },
    { id: 'subject', name: s.columns.subject, template: (r) => <Link className="text-link" to={`/requests/${r.id}`}>{r.subject}</Link> },
    {
      id: 'dueAt', name: s.columns.dueAt,
      template: (r) => {
        const open = r.addressees.some((a) => a.status !== 'answered');
        return <div><Text className="requests-nowrap">{formatDateTime(r.dueAt)}</Text>{open && <div><Text color={Date.parse(r.dueAt) < Date.now() ? 'danger' : 'secondary'}>{dueText(r.dueAt)}</Text></div>}</div>;
      },
    },
    regional
      ? { id: 'addressees', name: s.columns.addressees, template: (r) => <div className="requests-chips">{byName(r.addressees).map((a) => <RequestStatus key={a.municipality} status={a.status} prefix={nameOf(a.municipality)} />)}</div> }
      : { id: 'status', name: s.columns.status, template: (r) => (r.addressees[0] ? <RequestStatus status={r.addressees[0].status} /> : null) },
  ];

  return (
    <div className="page">
      <PageHeader title={regional ? s.title : s.incoming} actions={session.policies['requests.create'] === true ? <Button view="action" onClick={() => setCreating(true)}>{s.create}</Button> : undefined} />
      {error !== null && <Text color="danger">{errorText(error)}</Text>}
      {items && (items.length ? <Table data={items} columns={columns} width="max" wordWrap /> : <Text color="secondary">{s.empty}</Text>)}
      {creating && (
        <NewRequestDialog
          onClose={() => setCreating(false)}
          onSent={(id, number) => { setCreating(false); notify.success(s.sent(number)); navigate(`/requests/${id}`); }}
        />
      )}
    </div>
  );
}
