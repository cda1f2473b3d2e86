// The list of risks of the board and the inbox: one row each with its municipality, publication, level,
// step and the two clocks ticking live.
import { Link as RouterLink, useNavigate } from 'react-router';
import { Label, Table, Text, type TableColumnConfig } from '@gravity-ui/uikit';
import { RISK_KIND_LABELS, RISK_PLATFORM_LABELS, type RiskKind, type RiskPlatform } from '../../../domain/risks';
import type { RiskListItem } from '../riskApi';
import { useI18n } from '../i18n';
import { RiskLevelLabel, RiskStatusLabel } from './RiskBadges';
import { RiskClock, liveClock, useNow } from './RiskClock';

interface RiskTableProps {
  items: RiskListItem[];
  /** When the list came from the server (browser time), for the clocks. */
  receivedAt: number;
  showMunicipality: boolean;
  /** Signals not yet acknowledged are new to the administration. */
  highlightNew: boolean;
  emptyMessage: string;
}

export function RiskTable({ items, receivedAt, showMunicipality, highlightNew, emptyMessage }: RiskTableProps) {
  const { t, locale, formatDateTime } = useI18n();
  const r = t.risks;
  const navigate = useNavigate();
  const now = useNow();

  const rowState = (item: RiskListItem) => {
    const stopped = item.status === 'closed';
    const states = [liveClock(item.clocks.curProposal, now, receivedAt, stopped).state, liveClock(item.clocks.draft, now, receivedAt, stopped).state];
    if (states.includes('overdue')) return 'risk-row_overdue';
    if (states.includes('due_soon')) return 'risk-row_due-soon';
    return '';
  };

  const columns: TableColumnConfig<RiskListItem>[] = [
    {
      id: 'number', name: r.columns.number, width: 130, template: (item) => (
        <div>
          <RouterLink className="text-link risk-number" to={`/risks/${item.id}`} onClick={(e) => e.stopPropagation()}>{item.number}</RouterLink>
          <Text as="div" color="secondary" variant="caption-2">{formatDateTime(item.detectedAt)}</Text>
        </div>
      ),
    },
    ...(showMunicipality ? [{ id: 'municipality', name: r.columns.municipality, width: 120, template: (item: RiskListItem) => item.municipalityName }] : []),
    {
      id: 'source', name: r.columns.source, template: (item) => (
        <div className="risk-excerpt">
          <Text as="div" variant="caption-2" color="secondary">
            {RISK_PLATFORM_LABELS[locale][item.platform as RiskPlatform] ?? item.platform}
            {item.sourceName ? ` · ${item.sourceName}` : ''} · {RISK_KIND_LABELS[locale][item.kind as RiskKind] ?? item.kind}
          </Text>
          <div className="risk-excerpt__text">{item.excerpt}</div>
        </div>
      ),
    },
    {
      id: 'status', name: r.columns.levelStatus, width: 140, template: (item) => (
        <div className="risk-labels">
          <RiskLevelLabel level={item.level} />
          <RiskStatusLabel status={item.status} />
          {highlightNew && item.status === 'detected' && <Label theme="danger" size="xs" qa="risk-new">{r.newSignal}</Label>}
        </div>
      ),
    },
    {
      id: 'curProposal', name: r.columns.curProposal, width: 125, template: (item) => (
        <RiskClock clock={item.clocks.curProposal} receivedAt={receivedAt} stopped={item.status === 'closed'} qa="clock-curProposal" />
      ),
    },
    {
      id: 'draft', name: r.columns.draft, width: 125, template: (item) => (
        <RiskClock clock={item.clocks.draft} receivedAt={receivedAt} stopped={item.status === 'closed'} qa="clock-draft" />
      ),
    },
  ];

  return (
    <div className="table-wrap">
      <Table
        data={items} columns={columns} width="max" wordWrap emptyMessage={emptyMessage} qa="risks-table"
        getRowDescriptor={(item) => ({
          id: item.id,
          interactive: true,
          classNames: [rowState(item), highlightNew && item.status === 'detected' ? 'risk-row_new' : ''].filter(Boolean),
        })}
        onRowClick={(item) => navigate(`/risks/${item.id}`)}
      />
    </div>
  );
}
