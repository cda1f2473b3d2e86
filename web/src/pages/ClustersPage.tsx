// Problems: clusters of appeals of different authors about one problem at one place, biggest or fastest
// growing first, for ЦУР across the region (or the municipality chosen in the header) and for a
// municipality its own. Each cluster opens its appeals, each appeal links to its card.
import { Fragment, useMemo, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Button, Loader, SegmentedRadioGroup, Text } from '@gravity-ui/uikit';
import { analyticsApi, type ProblemCluster } from '../analyticsApi';
import { useI18n } from '../i18n';
import { PageHeader } from '../components/PageHeader';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import '../analytics.css';
import { DateInput } from '../components/DateInput';

const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The last three whole months and the current one. */
function defaultPeriod(): { from: string; to: string } {
  const now = new Date();
  return { from: day(new Date(now.getFullYear(), now.getMonth() - 3, 1)), to: day(now) };
}

const localDate = (iso: string) => new Date(iso).toLocaleDateString('ru-RU');

export function ClustersPage() {
  const { t, errorText } = useI18n();
  const c = t.clusters;
  const { enabled: regional, selected } = useMunicipality();
  const [params, setParams] = useSearchParams();
  const fallback = useMemo(defaultPeriod, []);
  const from = DATE.test(params.get('from') ?? '') ? params.get('from')! : fallback.from;
  const to = DATE.test(params.get('to') ?? '') ? params.get('to')! : fallback.to;
  const sort = params.get('sort') === 'growth' ? 'growth' : 'size';
  const municipality = regional ? selected?.slug : undefined;
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
    setParams(next, { replace: true });
  };
  const list = useResource(() => analyticsApi.clusters({ from, to, sort, municipality, limit: 100 }), [from, to, sort, municipality], { keep: true });
  const [open, setOpen] = useState<string | null>(null);
  const items = list.data?.items ?? [];

  return (
    <div className="page page_wide" data-qa="clusters-page">
      <PageHeader title={c.title}>
        <div className="filters" data-qa="clusters-filters">
          <label className="date-field">
            <span>{c.from}</span>
            <DateInput value={from} max={to} onUpdate={(v) => DATE.test(v) && set({ from: v })} label={c.from} width={150} qa="clusters-from" />
          </label>
          <label className="date-field">
            <span>{c.to}</span>
            <DateInput value={to} min={from} onUpdate={(v) => DATE.test(v) && set({ to: v })} label={c.to} width={150} qa="clusters-to" />
          </label>
          <SegmentedRadioGroup
            value={sort} onUpdate={(v) => set({ sort: v === 'growth' ? 'growth' : '' })} aria-label={c.sort} qa="clusters-sort"
            options={[{ value: 'size', content: c.bySize }, { value: 'growth', content: c.byGrowth }]}
          />
        </div>
      </PageHeader>
      <Text as="p" color="secondary">{c.lead}</Text>
      {list.error !== null && <Text color="danger">{errorText(list.error)}</Text>}
      {!list.data && list.error === null && <Loader />}
      {list.data && (
        <div className="table-wrap">
          <table className="clusters-table" data-qa="clusters-table">
            <thead>
              <tr>
                <th scope="col">{c.problem}</th>
                <th scope="col">{c.topic}</th>
                {regional && <th scope="col">{c.municipality}</th>}
                <th scope="col">{c.place}</th>
                <th scope="col" className="num">{c.size}</th>
                <th scope="col" className="num">{c.growth}</th>
                <th scope="col">{c.period}</th>
                <th scope="col"><span className="visually-hidden">{c.appeals}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 && <tr><td colSpan={regional ? 8 : 7}>{c.empty}</td></tr>}
              {items.map((cluster) => (
                <Fragment key={cluster.id}>
                  <ClusterRow cluster={cluster} regional={regional} open={open === cluster.id} onToggle={() => setOpen(open === cluster.id ? null : cluster.id)} />
                  {open === cluster.id && (
                    <tr data-qa="cluster-appeals">
                      <td colSpan={regional ? 8 : 7}><ClusterAppeals cluster={cluster} /></td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function ClusterRow({ cluster, regional, open, onToggle }: { cluster: ProblemCluster; regional: boolean; open: boolean; onToggle(): void }) {
  const { t } = useI18n();
  const c = t.clusters;
  const address = cluster.appeals.find((a) => a.address)?.address ?? '—';
  return (
    <tr data-qa="cluster-row" data-cluster={cluster.id}>
      <td data-qa="cluster-title">{cluster.title}</td>
      <td data-qa="cluster-topic">{cluster.topic?.title ?? '—'}</td>
      {regional && <td>{cluster.municipalityName}</td>}
      <td>{address}</td>
      <td className="num"><RouterLink className="text-link" to={`/appeals?cluster=${cluster.id}`} data-qa="cluster-size" title={c.inRegistry}>{cluster.size}</RouterLink></td>
      <td className="num" data-qa="cluster-growth">{cluster.growth > 0 ? `+${cluster.growth}` : '0'}</td>
      <td>{localDate(cluster.firstAt)} — {localDate(cluster.lastAt)}</td>
      <td>
        <Button view="flat-action" size="s" onClick={onToggle} qa="cluster-toggle" extraProps={{ 'aria-expanded': open }}>
          {open ? c.hide : c.open}
        </Button>
      </td>
    </tr>
  );
}

function ClusterAppeals({ cluster }: { cluster: ProblemCluster }) {
  const { t } = useI18n();
  const c = t.clusters;
  return (
    <table className="clusters-table" aria-label={`${c.appeals}: ${cluster.title}`}>
      <thead>
        <tr><th scope="col">{c.number}</th><th scope="col">{c.received}</th><th scope="col">{c.place}</th><th scope="col">{c.excerpt}</th></tr>
      </thead>
      <tbody>
        {cluster.appeals.map((a) => (
          <tr key={a.id} data-qa="cluster-appeal">
            <td><RouterLink className="text-link" to={`/appeals/${a.id}`}>{a.number}</RouterLink></td>
            <td>{localDate(a.receivedAt)}</td>
            <td>{a.address ?? '—'}</td>
            <td>{a.excerpt}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
