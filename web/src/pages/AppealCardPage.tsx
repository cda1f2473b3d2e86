// The appeal card: every field, the actions the server allows this user, files and the history.
import { useEffect, useState } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { Alert, Button, Icon, Loader, Text } from '@gravity-ui/uikit';
import { ArrowDownToLine, ArrowLeft, Printer } from '@gravity-ui/icons';
import { ACTION_LABELS, isAppealAction, type AppealAction } from '../../../domain/appeals';
import { api, ApiError, APPEAL_FILE_PURPOSES, type Appeal } from '../api';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import { MessagePage } from '../components/MessagePage';
import { StatusLabel } from '../components/AppealBadges';
import { AppealAnswer, AppealAuthor, AppealDeadlines, AppealDetails } from '../components/AppealPanels';
import { Panel } from '../components/Facts';
import { AppealActionDialog } from '../components/AppealActionDialog';
import { AppealTimeline } from '../components/AppealTimeline';
import { FilesPanel } from '../components/Files';
import { useNotify } from '../components/notify';
import { TopicSuggestions } from '../components/TopicSuggestions';
import { AppealClassification } from '../components/AppealClassification';
import { TimeZoneScope } from '../i18n';

/** Actions that end or undo work get the «danger» look; the main step forward gets «action». */
const DANGER: AppealAction[] = ['leave_without_answer', 'merge', 'return_for_rework', 'reopen'];

export function AppealCardPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { t, locale, errorText, formatDateTime } = useI18n();
  const c = t.appeals.card;
  const session = useCurrentSession();
  const { municipalities } = useMunicipality();
  const notify = useNotify();
  const { failure } = notify;
  const { data: appeal, error, set: setAppeal } = useResource(() => api.appeals.get(id), [id]);
  const timeline = useResource(() => api.appeals.timeline(id).then((r) => r.items), [id]);
  const [action, setAction] = useState<AppealAction | null>(null);
  const [choosing, setChoosing] = useState(false);
  const notice = (location.state as { notice?: string } | null)?.notice;

  // The history is secondary: its failure is a notice, the card stays.
  useEffect(() => { if (timeline.error) failure(timeline.error); }, [timeline.error, failure]);

  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return <MessagePage title={c.notFound} text={errorText(error)} action={<RouterLink className="text-link" to="/appeals">{c.back}</RouterLink>} />;
  }
  if (error) return <Text color="danger">{errorText(error)}</Text>;
  if (!appeal) return <Loader />;

  const own = session.user.organization;
  const organizationId = own.kind === 'municipality' ? own.id : municipalities.find((m) => m.slug === appeal.municipality)?.id ?? null;
  const actions = appeal.actions.filter(isAppealAction);
  const primary = actions.find((a) => !DANGER.includes(a) && !['extend', 'set_control', 'unset_control'].includes(a));

  const done = (updated: Appeal, performed: AppealAction) => {
    setAppeal(updated);
    setAction(null);
    notify.success(t.appeals.action.done[performed]);
    void timeline.reload();
  };

  const chooseTopic = async (topic: string, title: string) => {
    setChoosing(true);
    try {
      setAppeal(await api.appeals.update(appeal.id, { topic }));
      notify.success(t.appeals.suggest.chosen(title));
      void timeline.reload();
    } catch (e) {
      failure(e);
    } finally {
      setChoosing(false);
    }
  };

  // The card's times are on the clock of the appeal's municipality, whichever one the header has chosen.
  const zone = own.kind === 'municipality' ? own.timeZone : municipalities.find((m) => m.slug === appeal.municipality)?.timeZone;
  return (
    <TimeZoneScope zone={zone}>
    <div className="page page_wide appeal-card" data-qa="appeal-card">
      <RouterLink className="text-link back-link no-print" to={`/appeals${(location.state as { search?: string } | null)?.search ?? ''}`}>
        <Icon data={ArrowLeft} size={14} />{c.back}
      </RouterLink>
      <header className="page-header">
        <div className="page-header__row">
          <div className="appeal-card__title">
            <Text as="h1" variant="header-2" qa="appeal-number">{appeal.number}</Text>
            <StatusLabel status={appeal.status} />
          </div>
        </div>
        {notice && <Alert theme="info" message={notice} qa="appeal-notice" />}
        <div className="appeal-card__tools no-print" data-qa="appeal-tools">
          {appeal.answer && (
            <>
              <Button view="flat" size="s" href={api.appeals.answerUrl(appeal.id, 'docx')} title={c.letterTitle} qa="answer-docx">
                <Icon data={ArrowDownToLine} size={14} />{c.letterDocx}
              </Button>
              <Button view="flat" size="s" href={api.appeals.answerUrl(appeal.id, 'pdf')} title={c.letterTitle} qa="answer-pdf">
                <Icon data={ArrowDownToLine} size={14} />{c.letterPdf}
              </Button>
            </>
          )}
          <Button view="flat" size="s" onClick={() => window.print()} qa="appeal-print">
            <Icon data={Printer} size={14} />{c.print}
          </Button>
        </div>
        <Text as="p" color="secondary" className="print-only">{session.user.organization.name} · {c.printedAt(formatDateTime(new Date().toISOString()))}</Text>
        <div className="appeal-actions no-print" role="group" aria-label={c.actions} data-qa="appeal-actions">
          {actions.length === 0 && <Text color="secondary">{c.noActions}</Text>}
          {actions.map((a) => (
            <Button
              key={a} view={a === primary ? 'action' : DANGER.includes(a) ? 'outlined-danger' : 'outlined'}
              onClick={() => setAction(a)} qa={`action-${a}`}
            >
              {ACTION_LABELS[locale][a]}
            </Button>
          ))}
        </div>
      </header>
      <div className="appeal-card__grid">
        <div className="appeal-card__main">
          <Panel title={c.text} qa="appeal-text">
            <div className="appeal-text">{appeal.text}</div>
          </Panel>
          <AppealAnswer appeal={appeal} />
          <FilesPanel
            files={appeal.attachments} url={(fileId) => api.appeals.attachmentUrl(appeal.id, fileId)} texts={t.appeals.attachments}
            purposes={APPEAL_FILE_PURPOSES} accept=".pdf,.docx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" canUpload={appeal.can.upload}
            upload={async (files, purpose) => { setAppeal(await api.appeals.attach(appeal.id, files, purpose)); void timeline.reload(); }}
            qa="appeal-attachments"
          />
          <AppealTimeline appealId={appeal.id} items={timeline.data} canComment={appeal.can.comment} onChange={timeline.set} />
        </div>
        <aside className="appeal-card__side">
          <AppealDeadlines appeal={appeal} />
          {appeal.can.edit && appeal.suggestions.length > 0 && (
            <Panel title={t.appeals.suggest.title} qa="appeal-suggestions">
              <TopicSuggestions suggestions={appeal.suggestions} current={appeal.topic} busy={choosing} onChoose={(s) => void chooseTopic(s.topic, s.topicTitle)} />
            </Panel>
          )}
          {appeal.can.edit && <AppealClassification appeal={appeal} onChange={(a) => { setAppeal(a); void timeline.reload(); }} />}
          <AppealDetails appeal={appeal} onChange={(a) => { setAppeal(a); void timeline.reload(); }} />

          <AppealAuthor appeal={appeal} />
        </aside>
      </div>
      <AppealActionDialog appeal={appeal} action={action} organizationId={organizationId} onClose={() => setAction(null)} onDone={done} />
    </div>
    </TimeZoneScope>
  );
}
