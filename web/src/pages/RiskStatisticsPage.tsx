// Statistics of information risks for a period (the current month by default): per municipality the
// counts by kind and level, the median time of each step, the share of clocks met and the overdue ones.
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Icon, Loader, Table, Text, type TableColumnConfig } from '@gravity-ui/uikit';
import { ArrowLeft } from '@gravity-ui/icons';
import { RISK_KINDS, RISK_KIND_LABELS, RISK_LEVELS, RISK_LEVEL_LABELS } from '../../../domain/risks';
import { riskApi, type RiskStatisticsRow } from '../riskApi';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Facts';
import { RiskStatisticsChart } from '../components/RiskStatisticsChart';
import '../risks.css';
import { DateInput } from '../components/DateInput';

const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function currentMonth(): { from: string; to: string } {
  const now = new Date();
  return { from: day(new Date(now.getFullYear(), now.getMonth(), 1)), to: day(new Date(now.getFullYear(), now.getMonth() + 1, 0)) };
}

export function RiskStatisticsPage() {
  const { t, locale, errorText } = useI18n();
  const s = t.risks.stats;
  const [period, setPeriod] = useState(currentMonth);
  // The previous figures stay on screen while a changed period is counted; a half-typed period asks nothing.
  const { data, error } = useResource(period.from && period.to ? () => riskApi.statistics(period.from, period.to) : null, [period], { keep: true });

  const share = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
  const counts = (values: Record<string, number>, keys: readonly string[], labels: Record<string, string>) => (
    <span className="risk-counts">
      {keys.filter((k) => values[k]).map((k) => <span key={k} className={`risk-count risk-count_${k}`}>{labels[k]}: {values[k]}</span>)}
      {keys.every((k) => !values[k]) && '—'}
    </span>
  );

  /** A two-line column header: the group (small) over the column's own name. */
  const head = (group: string, name: string) => () => (
    <span className="risk-th"><span className="risk-th__group">{group}</span>{name}</span>
  );

  const columns: TableColumnConfig<RiskStatisticsRow>[] = [
    { id: 'name', name: s.municipality, template: (r) => (r.municipality === 'region' ? <b>{s.region}</b> : r.municipalityName) },
    { id: 'total', name: s.total, align: 'end', template: (r) => r.total },
    { id: 'kind', name: s.byKind, template: (r) => counts(r.byKind, RISK_KINDS, RISK_KIND_LABELS[locale]) },
    { id: 'level', name: s.byLevel, template: (r) => counts(r.byLevel, RISK_LEVELS, RISK_LEVEL_LABELS[locale]) },
    { id: 'ack', name: head(s.medians, s.acknowledge), align: 'end', template: (r) => t.risks.duration(r.medianMinutes.acknowledge) },
    { id: 'cur', name: head(s.medians, s.curProposal), align: 'end', template: (r) => t.risks.duration(r.medianMinutes.curProposal) },
    { id: 'draft', name: head(s.medians, s.draft), align: 'end', template: (r) => t.risks.duration(r.medianMinutes.draft) },
    { id: 'pub', name: head(s.medians, s.publication), align: 'end', template: (r) => t.risks.duration(r.medianMinutes.publication) },
    { id: 'onTimeCur', name: head(s.onTime, s.onTimeCur), align: 'end', template: (r) => share(r.onTime.curProposal) },
    { id: 'onTimeDraft', name: head(s.onTime, s.onTimeDraft), align: 'end', template: (r) => share(r.onTime.draft) },
    {
      id: 'overdue', name: head(s.overdue, `${s.onTimeCur} / ${s.onTimeDraft}`), align: 'end', template: (r) => (
        <span className={r.overdue.curProposal + r.overdue.draft ? 'risk-overdue-count' : undefined}>{r.overdue.curProposal} / {r.overdue.draft}</span>
      ),
    },
  ];

  return (
    <div className="page page_wide" data-qa="risk-statistics-page">
      <RouterLink className="text-link back-link" to="/risks"><Icon data={ArrowLeft} size={14} />{t.risks.card.back}</RouterLink>
      <PageHeader title={s.title}>
        <div className="filters">
          <label className="date-field">
            <span>{s.from}</span>
            <DateInput value={period.from} max={period.to} onUpdate={(v) => v && setPeriod((p) => ({ ...p, from: v }))} label={s.from} width={140} qa="stats-from" />
          </label>
          <label className="date-field">
            <span>{s.to}</span>
            <DateInput value={period.to} min={period.from} onUpdate={(v) => v && setPeriod((p) => ({ ...p, to: v }))} label={`${s.from} ${s.to}`} width={140} qa="stats-to" />
          </label>
        </div>
      </PageHeader>
      {error !== null && <Text color="danger">{errorText(error)}</Text>}
      {!data && error === null && <Loader />}
      {data && (
        <>
          <div className="table-wrap">
            <Table
              data={data.rows.length ? [...data.rows, data.region] : []} columns={columns} width="max" wordWrap emptyMessage={s.empty} qa="risk-statistics"
              getRowDescriptor={(r) => ({ id: r.municipality, classNames: r.municipality === 'region' ? ['risk-stats-total'] : [] })}
            />
          </div>
          {data.rows.length > 0 && (
            <Panel title={s.chart} qa="risk-chart-panel">
              <RiskStatisticsChart rows={data.rows} />
            </Panel>
          )}
        </>
      )}
    </div>
  );
}
