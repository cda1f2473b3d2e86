// Information risks: for ЦУР the board of every open risk of the region, what runs out first on top;
// for the administration the inbox of its municipality's signals, new ones highlighted. Closed ones on
// their own tab. The list reads again as soon as a risk it may show changes (the bell's event stream);
// the clocks tick every second.
import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Icon, Loader, SegmentedRadioGroup, Text } from '@gravity-ui/uikit';
import { ChartColumn, Plus } from '@gravity-ui/icons';
import { riskApi, type RiskFilter } from '../riskApi';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import { useLiveReload } from '../state/notifications';
import { PageHeader } from '../components/PageHeader';
import { RiskFilters, riskFilterFromParams, riskFilterToParams, type RiskBoardFilter } from '../components/RiskFilters';
import { RiskTable } from '../components/RiskTable';
import '../risks.css';

export function RisksPage() {
  const { t, errorText } = useI18n();
  const r = t.risks;
  const session = useCurrentSession();
  const { enabled: regional, selected } = useMunicipality();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => riskFilterFromParams(params), [params]);

  const query = useMemo<RiskFilter>(() => ({
    municipality: regional ? selected?.slug : undefined,
    open: filter.closed ? undefined : true,
    status: filter.closed ? 'closed' : filter.status.join(',') || undefined,
    level: filter.level.join(',') || undefined,
    platform: filter.platform.join(',') || undefined,
    overdue: filter.overdue || undefined,
    from: filter.from || undefined,
    to: filter.to || undefined,
    q: filter.q.trim() || undefined,
    sort: filter.closed ? '-detectedAt' : 'urgency',
    limit: 200,
  }), [filter, regional, selected?.slug]);

  const list = useResource(() => riskApi.list(query).then((r) => r.items), [query], { keep: true, refreshOnFocus: true });
  const { data: items, error, receivedAt } = list;
  useLiveReload(['risk'], list.reload);

  const change = useCallback((next: RiskBoardFilter) => setParams(riskFilterToParams(next), { replace: true }), [setParams]);
  const fresh = !regional && items ? items.filter((i) => i.status === 'detected').length : 0;

  return (
    <div className="page page_wide risks-page" data-qa={regional ? 'risk-board' : 'risk-inbox'}>
      <PageHeader
        title={regional ? r.boardTitle : r.inboxTitle}
        actions={(
          <>
            <Button view="outlined" onClick={() => navigate('/risks/statistics')} qa="risk-statistics">
              <Icon data={ChartColumn} size={16} />{r.statistics}
            </Button>
            {session.policies['risks.create'] === true && (
              <Button view="action" onClick={() => navigate('/risks/new')} qa="new-risk">
                <Icon data={Plus} size={16} />{r.register}
              </Button>
            )}
          </>
        )}
      >
        <SegmentedRadioGroup
          className="risk-tabs" value={filter.closed ? 'closed' : 'open'} onUpdate={(v) => change({ ...filter, closed: v === 'closed', status: [] })} qa="risk-tabs"
          options={[{ value: 'open', content: r.tabs.open }, { value: 'closed', content: r.tabs.closed }]}
        />
        <RiskFilters filter={filter} onChange={change} />
      </PageHeader>
      {fresh > 0 && !filter.closed && <Alert theme="danger" message={r.newSignals(fresh)} qa="risk-new-alert" />}
      {error !== null && <Text color="danger">{errorText(error)}</Text>}
      {items === null && error === null && <Loader />}
      {items && (
        <>
          <Text color="secondary" qa="risks-total">{r.total(items.length)}</Text>
          <RiskTable
            items={items} receivedAt={receivedAt} showMunicipality={regional && !selected} highlightNew={!regional}
            emptyMessage={filter.closed ? r.emptyClosed : r.empty}
          />
        </>
      )}
    </div>
  );
}
