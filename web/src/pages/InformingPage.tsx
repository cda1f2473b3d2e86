// Informing residents: the plan of publications as a month calendar, each publication's status and link, the
// subscribers of the municipality by topic and the public subscription page.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Button, Dialog, Label, Select, Text, TextInput } from '@gravity-ui/uikit';
import { programsApi, type Publication } from '../programsApi';
import { PUBLICATION_CHANNELS, PUBLICATION_STATUSES } from '../../../domain/informing';
import { addDays, dayOfWeek, toLocalDate } from '../../../domain/calendar/localDate';
import { useI18n } from '../i18n';
import { useSubmit } from '../components/useSubmit';
import { useCurrentSession } from '../state/session';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Facts';
import { TopicSelect } from '../components/TopicSelect';
import { useNotify } from '../components/notify';
import '../programs.css';
import { DateInput } from '../components/DateInput';

const STATUS_THEME: Record<string, 'info' | 'success' | 'unknown'> = { planned: 'info', published: 'success', cancelled: 'unknown' };

function PublicationDialog({ municipality, publication, onClose, onSaved }: { municipality: string; publication: Publication | null; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const s = t.programs.informing;
  const [title, setTitle] = useState(publication?.title ?? '');
  const [topic, setTopic] = useState(publication?.topic ?? '');
  const [channel, setChannel] = useState<string>(publication?.channel ?? 'website');
  const [plannedOn, setPlannedOn] = useState(publication?.plannedOn ?? '');
  const [status, setStatus] = useState<string>(publication?.status ?? 'planned');
  const [link, setLink] = useState(publication?.link ?? '');
  const { errors, failure, busy, run } = useSubmit();
  const save = () => run(async () => {
    const common = { title, channel: channel as Publication['channel'], plannedOn };
    if (publication) await programsApi.updatePublication(publication.id, { ...common, topic: topic || null, status: status as Publication['status'], link: link.trim() || null });
    else await programsApi.createPublication({ ...common, municipality, ...(topic ? { topic } : {}) });
    onSaved();
  });
  return (
    <Dialog open onClose={onClose} size="m">
      <Dialog.Header caption={publication ? publication.title : s.create} />
      <Dialog.Body>
        <div className="programs-form">
          <label className="programs-field"><Text variant="subheader-1">{s.fields.title}</Text>
            <TextInput value={title} onUpdate={setTitle} validationState={errors.title ? 'invalid' : undefined} errorMessage={errors.title} controlProps={{ 'aria-label': s.fields.title }} /></label>
          <TopicSelect forFilter anyLabel={s.anyTopic} value={topic} onUpdate={setTopic} label={s.fields.topic} qa="publication-topic" />
          <label className="programs-field"><Text variant="subheader-1">{s.fields.channel}</Text>
            <Select value={[channel]} onUpdate={([v]) => setChannel(v)} options={PUBLICATION_CHANNELS.map((c) => ({ value: c, content: s.channels[c] }))} qa="publication-channel" /></label>
          <label className="programs-field"><Text variant="subheader-1">{s.fields.plannedOn}</Text>
            <DateInput value={plannedOn} onUpdate={setPlannedOn} label={s.fields.plannedOn} error={errors.plannedOn} /></label>
          {publication && (
            <>
              <label className="programs-field"><Text variant="subheader-1">{s.fields.status}</Text>
                <Select value={[status]} onUpdate={([v]) => setStatus(v)} options={PUBLICATION_STATUSES.map((c) => ({ value: c, content: s.statuses[c] }))} qa="publication-status" /></label>
              <label className="programs-field"><Text variant="subheader-1">{s.fields.link}</Text>
                <TextInput value={link} onUpdate={setLink} placeholder="https://" validationState={errors.link ? 'invalid' : undefined} errorMessage={errors.link} controlProps={{ 'aria-label': s.fields.link }} /></label>
            </>
          )}
          {failure && <Text color="danger">{failure}</Text>}
        </div>
      </Dialog.Body>
      <Dialog.Footer onClickButtonCancel={onClose} onClickButtonApply={save} textButtonApply={s.save} textButtonCancel={s.cancel} loading={busy} />
    </Dialog>
  );
}

/** The weeks (Monday first) that show the month, as local dates. */
function monthGrid(month: string): string[][] {
  const first = `${month}-01`;
  let day = addDays(first, 1 - dayOfWeek(first));
  const weeks: string[][] = [];
  do {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
    day = addDays(day, 7);
  } while (day.slice(0, 7) === month);
  return weeks;
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function InformingPage() {
  const { t, errorText } = useI18n();
  const s = t.programs.informing;
  const session = useCurrentSession();
  const notify = useNotify();
  const { selected } = useMunicipality();
  const regional = session.user.organization.kind === 'regional_center';
  const slug = regional ? selected?.slug : session.user.organization.slug;
  const today = toLocalDate(new Date(), session.user.organization.timeZone);
  const [month, setMonth] = useState(today.slice(0, 7));
  const weeks = useMemo(() => monthGrid(month), [month]);
  const from = weeks[0][0];
  const to = weeks[weeks.length - 1][6];
  const plan = useResource(() => programsApi.publications({ from, to, municipality: selected?.slug }), [from, to, selected?.slug]);
  const subscribers = useResource(slug ? () => programsApi.subscribers(slug) : null, [slug]);
  const [editing, setEditing] = useState<Publication | 'new' | null>(null);
  const canPlan = session.policies['publications.manage'] === true && !!slug;
  const [y, m] = month.split('-').map(Number);
  return (
    <div className="page">
      <PageHeader title={s.title} actions={canPlan ? <Button view="action" onClick={() => setEditing('new')} qa="publication-create">{s.create}</Button> : undefined} />
      {!slug && <Text color="secondary">{s.chooseMunicipality}</Text>}
      <Panel title={s.plan} qa="publication-calendar" actions={(
        <div className="programs-month">
          <Button view="flat" onClick={() => setMonth(shiftMonth(month, -1))} aria-label={s.previous}>‹</Button>
          <Text variant="subheader-2" qa="calendar-month">{s.months[m - 1]} {y}</Text>
          <Button view="flat" onClick={() => setMonth(shiftMonth(month, 1))} aria-label={s.next}>›</Button>
        </div>
      )}>
        {plan.error !== null && <Text color="danger">{errorText(plan.error)}</Text>}
        <table className="programs-calendar">
          <thead><tr>{s.weekdays.map((d) => <th key={d}>{d}</th>)}</tr></thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0]}>
                {week.map((day) => (
                  <td key={day} className={[day.slice(0, 7) !== month ? 'programs-calendar__other' : '', day === today ? 'programs-calendar__today' : ''].join(' ')} data-date={day}>
                    <div className="programs-calendar__day">{Number(day.slice(8))}</div>
                    {plan.data?.items.filter((p) => p.plannedOn === day).map((p) => (
                      <button type="button" key={p.id} className="programs-calendar__item" disabled={!p.can.edit} onClick={() => setEditing(p)} data-qa="calendar-publication">
                        <Label theme={STATUS_THEME[p.status]} size="xs">{s.statuses[p.status]}</Label>
                        <span>{p.title}</span>
                        <Text color="secondary" variant="caption-2">{s.channels[p.channel]}{regional && !selected ? ` · ${p.municipalityName}` : ''}</Text>
                        {p.link && <a href={p.link} target="_blank" rel="noreferrer" onClick={(e) => e.stopPropagation()}>{s.open}</a>}
                      </button>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      {slug && (
        <Panel title={s.subscribers} qa="subscribers">
          {subscribers.data && (
            <>
              <Text>{s.subscribersTotal(subscribers.data.total)}</Text>
              {subscribers.data.byTopic.length ? (
                <ul className="programs-list">{subscribers.data.byTopic.map((x) => <li key={x.code}>{x.title}: {x.subscribers}</li>)}</ul>
              ) : <Text color="secondary">{s.noSubscribers}</Text>}
            </>
          )}
          <div><Link to={`/subscribe/${slug}`} target="_blank">{s.publicPage}</Link></div>
        </Panel>
      )}
      {editing && slug && (
        <PublicationDialog
          municipality={slug} publication={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => { setEditing(null); notify.success(s.saved); void plan.reload(); }}
        />
      )}
    </div>
  );
}
