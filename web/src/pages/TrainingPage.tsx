// One training: programme, materials and participants; an administration enrols its staff (an executor
// themself), ЦУР enrols anyone and marks who attended.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Checkbox, Select, Table, Text, type TableColumnConfig } from '@gravity-ui/uikit';
import '../directory.css';
import { api } from '../api';
import { methodologyApi, type Participant, type Training } from '../methodologyApi';
import { isRegionalRole } from '../../../domain/roles';
import { FileList } from '../components/Files';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../components/notify';
import { useSubmit } from '../components/useSubmit';

export function TrainingPage() {
  const { id = '' } = useParams();
  const { t, errorText, formatDateTime } = useI18n();
  const s = t.methodology.trainings;
  const session = useCurrentSession();
  const notify = useNotify();
  const { data: item, error, set } = useResource(() => methodologyApi.training(id), [id]);
  const staffEnroller = session.user.role !== 'executor';
  const { data: staff } = useResource(staffEnroller ? () => api.users.list({ active: true }).then((r) => r.items.filter((u) => !isRegionalRole(u.role))) : null, [staffEnroller]);
  const [who, setWho] = useState('');
  const [present, setPresent] = useState<Set<string>>(new Set());
  const { failure, busy, run } = useSubmit();
  useEffect(() => { if (item) setPresent(new Set(item.participants.filter((p) => p.attended).map((p) => p.userId))); }, [item]);

  const act = async (action: () => Promise<Training>, message: string) => {
    const next = await run(action);
    if (next) { set(next); notify.success(message); }
  };

  if (error) return <div className="page"><Text color="danger">{errorText(error)}</Text><p><Link to="/trainings">{s.back}</Link></p></div>;
  if (!item) return null;
  const enrolledIds = new Set(item.participants.map((p) => p.userId));
  const columns: TableColumnConfig<Participant>[] = [
    { id: 'fullName', name: s.enrolWho, template: (p) => <div><Text>{p.fullName}</Text>{p.position && <div><Text color="secondary">{p.position}</Text></div>}</div> },
    { id: 'municipality', name: s.columns.municipality, template: (p) => p.municipalityName },
    {
      id: 'attended', name: s.columns.attended,
      template: (p) => (item.can.markAttendance
        ? <Checkbox checked={present.has(p.userId)} onUpdate={(on) => setPresent((cur) => { const next = new Set(cur); if (on) next.add(p.userId); else next.delete(p.userId); return next; })}>{s.attended.yes}</Checkbox>
        : s.attended[p.attended === null ? 'unknown' : p.attended ? 'yes' : 'no']),
    },
    {
      id: 'actions', name: '',
      template: (p) => (item.can.enrol && (staffEnroller || p.userId === session.user.id)
        ? <Button size="s" view="flat" onClick={() => act(() => methodologyApi.unenrol(item.id, p.userId), s.unenrol)}>{s.unenrol}</Button> : null),
    },
  ];
  return (
    <div className="page">
      <p><Link to="/trainings">← {s.back}</Link></p>
      <PageHeader title={item.title}>
        <Text color="secondary">{formatDateTime(item.startsAt)} · {s.format[item.format]}{item.place ? ` · ${item.place}` : ''}</Text>
      </PageHeader>
      {item.description && <section className="requests-card"><Text className="requests-text">{item.description}</Text></section>}
      <Text as="h2" variant="subheader-3">{s.materials}</Text>
      {item.materials.length ? <FileList files={item.materials} url={(fileId) => methodologyApi.trainingFileUrl(item.id, fileId)} /> : <Text color="secondary">{s.noMaterials}</Text>}
      <Text as="h2" variant="subheader-3">{s.participants} ({item.enrolled})</Text>
      {item.can.enrol && (staffEnroller ? (
        <div className="directory-toolbar">
          <Select width={360} filterable qa="enrol-who" value={who ? [who] : []} onUpdate={([v]) => setWho(v ?? '')} aria-label={s.enrolWho} placeholder={s.enrolWho}
            options={(staff ?? []).filter((u) => !enrolledIds.has(u.id)).map((u) => ({ value: u.id, content: `${u.fullName}${isRegionalRole(session.user.role) ? ` — ${u.organization.shortName}` : ''}` }))} />
          <Button view="action" disabled={!who} loading={busy} onClick={() => act(() => methodologyApi.enrol(item.id, who), s.enrolled).then(() => setWho(''))}>{s.enrol}</Button>
        </div>
      ) : !enrolledIds.has(session.user.id) && <Button view="action" loading={busy} onClick={() => act(() => methodologyApi.enrol(item.id, session.user.id), s.enrolled)}>{s.enrolSelf}</Button>)}
      {item.participants.length ? <Table data={item.participants} columns={columns} width="max" qa="participants" /> : <Text color="secondary">{s.noParticipants}</Text>}
      {item.can.markAttendance && item.participants.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Button view="action" loading={busy} onClick={() => act(() => methodologyApi.attendance(item.id, [...present], item.participants.map((p) => p.userId).filter((u) => !present.has(u))), s.attendanceSaved)}>{s.attendance}</Button>
        </div>
      )}
      {failure && <Text color="danger">{failure}</Text>}
    </div>
  );
}
