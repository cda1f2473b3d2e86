// The risk card: the publication and its details, the two clocks live, the steps with their times,
// the versions of the comment with a comparison, the buttons of exactly what this user may do now,
// screenshots and the official comment as DOCX and PDF. Refreshes itself while open.
import { useState } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { Alert, Button, Icon, Loader, Text } from '@gravity-ui/uikit';
import { ArrowLeft } from '@gravity-ui/icons';
import { isRiskAction, RISK_ACTION_LABELS, type RiskAction } from '../../../domain/risks';
import { ApiError } from '../api';
import { riskApi, RISK_FILE_PURPOSES, type Risk } from '../riskApi';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { useLiveReload } from '../state/notifications';
import { MessagePage } from '../components/MessagePage';
import { useNotify } from '../components/notify';
import { RiskLevelLabel, RiskStatusLabel } from '../components/RiskBadges';
import { RiskClocks, RiskDetails, RiskOfficialComment, RiskPublication } from '../components/RiskPanels';
import { RiskSteps } from '../components/RiskSteps';
import { RiskVersions } from '../components/RiskVersions';
import { FilesPanel } from '../components/Files';
import { RiskActionDialog } from '../components/RiskActionDialog';
import '../risks.css';

/** The step forward of each side gets the «action» look; closing gets the «danger» one. */
const PRIMARY: RiskAction[] = ['acknowledge', 'submit_draft', 'approve', 'publish', 'propose'];

export function RiskCardPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { t, locale, errorText } = useI18n();
  const c = t.risks.card;
  const notify = useNotify();
  const card = useResource(() => riskApi.get(id), [id], { refreshOnFocus: true });
  const { data: risk, error, receivedAt, set: show } = card;
  useLiveReload(['risk'], card.reload);
  const [action, setAction] = useState<RiskAction | null>(null);
  const notice = (location.state as { notice?: string } | null)?.notice;

  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return <MessagePage title={c.notFound} text={errorText(error)} action={<RouterLink className="text-link" to="/risks">{c.back}</RouterLink>} />;
  }
  if (!risk && error) return <Text color="danger">{errorText(error)}</Text>;
  if (!risk) return <Loader />;

  const actions = risk.actions.filter(isRiskAction);
  const primary = PRIMARY.find((a) => actions.includes(a));

  const done = (updated: Risk, performed: RiskAction) => {
    show(updated);
    setAction(null);
    notify.success(t.risks.action.done[performed]);
  };

  return (
    <div className="page page_wide risk-card" data-qa="risk-card">
      <RouterLink className="text-link back-link" to="/risks">
        <Icon data={ArrowLeft} size={14} />{c.back}
      </RouterLink>
      <header className="page-header">
        <div className="page-header__row">
          <div className="risk-card__title">
            <Text as="h1" variant="header-2" qa="risk-number">{risk.number}</Text>
            <RiskStatusLabel status={risk.status} />
            <RiskLevelLabel level={risk.level} />
            <Text color="secondary">{risk.municipalityName}</Text>
          </div>
        </div>
        {notice && <Alert theme="info" message={notice} qa="risk-notice" />}
        <div className="risk-actions" role="group" aria-label={c.actions} data-qa="risk-actions">
          {actions.length === 0 && <Text color="secondary">{c.noActions}</Text>}
          {actions.map((a) => (
            <Button key={a} view={a === primary ? 'action' : a === 'close' ? 'outlined-danger' : 'outlined'} onClick={() => setAction(a)} qa={`risk-action-${a}`}>
              {RISK_ACTION_LABELS[locale][a]}
            </Button>
          ))}
        </div>
      </header>
      <div className="risk-card__grid">
        <div className="risk-card__main">
          <RiskPublication risk={risk} />
          <RiskOfficialComment risk={risk} />
          <RiskVersions versions={risk.versions} />
          <FilesPanel
            files={risk.files} url={(fileId) => riskApi.fileUrl(risk.id, fileId)} texts={t.risks.files}
            purposes={RISK_FILE_PURPOSES} initialPurpose={risk.publication ? 'refutation' : 'publication'}
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" canUpload={risk.can.upload}
            upload={async (files, purpose) => show(await riskApi.attach(risk.id, files, purpose))}
            qa="risk-files" qaPrefix="risk-"
          />
        </div>
        <aside className="risk-card__side">
          <RiskClocks risk={risk} receivedAt={receivedAt} />
          <RiskSteps risk={risk} />
          <RiskDetails risk={risk} />
        </aside>
      </div>
      <RiskActionDialog risk={risk} action={action} onClose={() => setAction(null)} onDone={done} />
    </div>
  );
}
