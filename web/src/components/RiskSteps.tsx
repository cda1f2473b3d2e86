// The steps of §7 with their actual times: detected → signal received → ЦУР proposal → draft →
// agreement → publication → closed; the two clocked steps marked «в срок» or «с опозданием».
import { Label, Text } from '@gravity-ui/uikit';
import { RISK_OUTCOME_LABELS, type RiskOutcome } from '../../../domain/risks';
import type { Risk, RiskClockInfo } from '../riskApi';
import { useI18n } from '../i18n';
import { Panel } from './Facts';

interface Step {
  key: string;
  label: string;
  at: string | null;
  detail?: string | null;
  clock?: RiskClockInfo;
}

export function RiskSteps({ risk }: { risk: Risk }) {
  const { t, locale, formatDateTime } = useI18n();
  const s = t.risks.steps;
  const c = t.risks.clock;
  const { steps } = risk;
  const approvals = [
    steps.headApprovedAt ? `${s.headApproved} ${formatDateTime(steps.headApprovedAt)}` : null,
    steps.curApprovedAt ? `${s.curApproved} ${formatDateTime(steps.curApprovedAt)}` : null,
  ].filter(Boolean).join(' · ');
  const bothApproved = steps.headApprovedAt && steps.curApprovedAt
    ? [steps.headApprovedAt, steps.curApprovedAt].sort().at(-1) ?? null
    : null;
  const list: Step[] = [
    { key: 'detected', label: s.detected, at: risk.detectedAt },
    // The clock runs from the delivery; the reading is a fact shown beside it («прочитано 26.11.2026, 23:50»).
    { key: 'signal', label: s.signal, at: steps.signalReceivedAt, detail: steps.signalReceivedAt ? (steps.acknowledgedAt ? `${s.read} ${formatDateTime(steps.acknowledgedAt)}` : s.unread) : null },
    { key: 'curProposal', label: s.curProposal, at: steps.curProposalAt, clock: risk.clocks.curProposal },
    { key: 'draft', label: s.draft, at: steps.draftAt, clock: risk.clocks.draft },
    { key: 'agreement', label: s.agreement, at: bothApproved, detail: approvals || null },
    { key: 'publication', label: s.publication, at: steps.publicationAt, detail: risk.publication?.place },
    { key: 'closed', label: s.closed, at: steps.closedAt, detail: risk.outcome ? RISK_OUTCOME_LABELS[locale][risk.outcome as RiskOutcome] : null },
  ];

  const mark = (clock?: RiskClockInfo) => {
    if (!clock) return null;
    if (clock.state === 'met') return <Label theme="success" size="xs" qa="step-met">{c.met}</Label>;
    if (clock.state === 'late') return <Label theme="danger" size="xs" qa="step-late">{c.late}</Label>;
    if (clock.state === 'overdue') return <Label theme="danger" size="xs" qa="step-overdue">{c.overdue}</Label>;
    return null;
  };

  return (
    <Panel title={t.risks.card.steps} qa="risk-steps">
      <ol className="risk-steps">
        {list.map((step) => (
          <li key={step.key} className={`risk-steps__item${step.at || step.detail ? ' risk-steps__item_done' : ''}`} data-qa={`step-${step.key}`}>
            <div className="risk-steps__head">
              <Text variant="subheader-1">{step.label}</Text>
              {mark(step.clock)}
            </div>
            <Text variant="caption-2" color="secondary">{step.at ? formatDateTime(step.at) : step.detail ? null : s.pending}</Text>
            {step.detail && <Text as="div" variant="caption-2" color="secondary">{step.detail}</Text>}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
