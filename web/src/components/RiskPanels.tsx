// Panels of the risk card: the publication, its details, the two clocks, the published comment.
import { Button, Icon, Text } from '@gravity-ui/uikit';
import { ArrowDownToLine } from '@gravity-ui/icons';
import {
  RISK_KIND_LABELS, RISK_OUTCOME_LABELS, RISK_PLATFORM_LABELS, type RiskKind, type RiskOutcome, type RiskPlatform,
} from '../../../domain/risks';
import { riskApi, type Risk } from '../riskApi';
import { useI18n } from '../i18n';
import { Facts, Panel } from './Facts';
import { RiskLevelLabel } from './RiskBadges';
import { RiskClock } from './RiskClock';
import { useTopics } from './TopicSelect';

const external = (href: string | null) => (href ? <a className="text-link risk-link" href={href} target="_blank" rel="noopener noreferrer">{href}</a> : null);

export function RiskPublication({ risk }: { risk: Risk }) {
  const { t } = useI18n();
  return (
    <Panel title={t.risks.card.publication} qa="risk-publication">
      <blockquote className="risk-quote">{risk.text}</blockquote>
      {risk.link && <Text color="secondary">{external(risk.link)}</Text>}
    </Panel>
  );
}

export function RiskDetails({ risk }: { risk: Risk }) {
  const { t, locale, formatDateTime } = useI18n();
  const c = t.risks.card;
  const topics = useTopics();
  const topic = risk.topic ? topics.find((x) => x.code === risk.topic)?.title ?? risk.topic : null;
  const number = (n: number | null) => (n === null ? '—' : n.toLocaleString(locale === 'ru' ? 'ru-RU' : 'en-GB'));
  const { views, comments, reposts } = risk.reach;
  return (
    <Panel title={c.details} qa="risk-details">
      <Facts rows={[
        [c.municipality, risk.municipalityName],
        [c.platform, RISK_PLATFORM_LABELS[locale][risk.platform as RiskPlatform] ?? risk.platform],
        [c.source, risk.sourceName],
        [c.publishedAt, risk.publishedAt ? formatDateTime(risk.publishedAt) : null],
        [c.detectedAt, formatDateTime(risk.detectedAt)],
        [c.reach, views === null && comments === null && reposts === null ? null : c.reachText(number(views), number(comments), number(reposts))],
        [c.topic, topic],
        [c.kind, RISK_KIND_LABELS[locale][risk.kind as RiskKind] ?? risk.kind],
        [c.level, <RiskLevelLabel level={risk.level} />],
        [c.registeredBy, c.bySide[risk.registeredBySide] ?? risk.registeredBySide],
        [c.curator, risk.curator?.fullName],
        [c.sectorCurators, risk.sectorCurators.map((u) => u.fullName).join(', ') || null, 'risk-sector-curators'],
        [c.outcome, risk.outcome ? RISK_OUTCOME_LABELS[locale][risk.outcome as RiskOutcome] : null, 'risk-outcome'],
      ]} />
    </Panel>
  );
}

export function RiskClocks({ risk, receivedAt }: { risk: Risk; receivedAt: number }) {
  const { t } = useI18n();
  const c = t.risks.clock;
  const stopped = risk.status === 'closed';
  const clock = (key: 'curProposal' | 'draft', label: string, hint: string) => (
    <div className="risk-clock-box" data-qa={`card-clock-${key}`}>
      <Text variant="subheader-1">{label}</Text>
      <RiskClock clock={risk.clocks[key]} receivedAt={receivedAt} stopped={stopped} detailed qa={`clock-${key}`} />
      <Text variant="caption-2" color="secondary">{hint}</Text>
    </div>
  );
  return (
    <Panel title={t.risks.card.clocks} qa="risk-clocks">
      <div className="risk-clocks">
        {clock('curProposal', c.curProposal, c.curProposalHint)}
        {clock('draft', c.draft, c.draftHint)}
      </div>
    </Panel>
  );
}

/** The published comment, and the official comment on the letterhead as DOCX and PDF once a draft exists. */
export function RiskOfficialComment({ risk }: { risk: Risk }) {
  const { t, formatDateTime } = useI18n();
  const c = t.risks.card;
  if (!risk.can.exportComment) return null;
  const downloads = (
    <div className="risk-downloads" data-qa="risk-downloads">
      <Button view="outlined" size="s" href={riskApi.commentUrl(risk.id, 'docx')} qa="comment-docx"><Icon data={ArrowDownToLine} size={14} />{c.docx}</Button>
      <Button view="outlined" size="s" href={riskApi.commentUrl(risk.id, 'pdf')} qa="comment-pdf"><Icon data={ArrowDownToLine} size={14} />{c.pdf}</Button>
    </div>
  );
  return (
    <Panel title={risk.publication ? c.official : c.download} qa="risk-official" actions={downloads}>
      {risk.publication && (
        <>
          <div className="risk-text" data-qa="risk-published-text">{risk.publication.text}</div>
          <Facts rows={[
            [c.place, risk.publication.place],
            [c.link, external(risk.publication.link)],
            [c.at, formatDateTime(risk.publication.at)],
          ]} />
        </>
      )}
    </Panel>
  );
}
