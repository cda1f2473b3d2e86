// The situation centre: for ЦУР the rating of municipalities with its components, trends and topic spikes
// over a period of receipt; for a municipality (its own, or any one ЦУР opens) its figures, departments and
// executors. Every number links to the registry filtered to exactly its appeals; charts have tables beside them.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Button, Icon, Loader, SegmentedRadioGroup, Select, Table, Text, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import { ArrowLeft, ArrowDownToLine } from '@gravity-ui/icons';
import { CHANNELS, CHANNEL_LABELS } from '../../../domain/appeals';
import { RATING_COMPONENTS } from '../../../domain/analytics/rating';
import { analyticsApi, type Figures, type MunicipalityAnalytics, type MySector, type Overview, type RatingGroup, type SectorGroup, type Sectors, type Ratings, type RatingSettings, type RatingWeights, type Spikes, type Streets, type Trends, type Unit } from '../analyticsApi';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Facts';
import { AnalyticsChart } from '../components/AnalyticsChart';
import { useNotify } from '../components/notify';
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

const share = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10} %`);
const number = (v: number | null) => (v === null ? '—' : v.toLocaleString('ru-RU'));

/** A figure as a link to the registry filtered to its appeals. */
function Num({ to, children, qa }: { to: string; children: ReactNode; qa?: string }) {
  return <RouterLink className="text-link analytics-num" to={to} data-qa={qa}>{children}</RouterLink>;
}

export function AnalyticsPage() {
  const { t } = useI18n();
  const a = t.analytics;
  const session = useCurrentSession();
  const regional = session.user.organization.kind === 'regional_center';
  const [params, setParams] = useSearchParams();
  const fallback = useMemo(defaultPeriod, []);
  const from = DATE.test(params.get('from') ?? '') ? params.get('from')! : fallback.from;
  const to = DATE.test(params.get('to') ?? '') ? params.get('to')! : fallback.to;
  const channel = params.get('channel') ?? '';
  const municipality = regional ? params.get('municipality') ?? '' : session.user.organization.slug;
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
    setParams(next, { replace: true });
  };
  const period = { from, to, channel: channel || undefined };

  return (
    <div className="page page_wide analytics" data-qa="analytics-page">
      {regional && municipality && (
        <RouterLink className="text-link back-link" to={`/analytics?${new URLSearchParams({ from, to, ...(channel ? { channel } : {}) }).toString()}`}>
          <Icon data={ArrowLeft} size={14} />{a.back}
        </RouterLink>
      )}
      <PageHeader title={a.title}>
        <div className="filters" data-qa="analytics-filters">
          <label className="date-field">
            <span>{a.from}</span>
            <DateInput value={from} max={to} onUpdate={(v) => DATE.test(v) && set({ from: v })} label={a.from} width={140} qa="analytics-from" />
          </label>
          <label className="date-field">
            <span>{a.to}</span>
            <DateInput value={to} min={from} onUpdate={(v) => DATE.test(v) && set({ to: v })} label={`${a.from} ${a.to}`} width={140} qa="analytics-to" />
          </label>
          <Select
            multiple hasCounter={!!channel} width={220} value={channel ? channel.split(',') : []} onUpdate={(v) => set({ channel: v.join(',') })}
            placeholder={a.anyChannel} aria-label={a.channels} title={a.channels} qa="analytics-channel"
            options={CHANNELS.map((c) => ({ value: c, content: CHANNEL_LABELS.ru[c] }))}
          />
        </div>
      </PageHeader>
      {municipality
        ? <MunicipalityView slug={municipality} period={period} />
        : <RegionView period={period} onOpen={(slug) => set({ municipality: slug })} />}
    </div>
  );
}

function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: unknown } {
  const [state, setState] = useState<{ data: T | null; error: unknown }>({ data: null, error: null });
  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ data: s.data, error: null }));
    load().then((data) => { if (!cancelled) setState({ data, error: null }); }).catch((error: unknown) => { if (!cancelled) setState({ data: null, error }); });
    return () => { cancelled = true; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

function Failure({ error }: { error: unknown }) {
  const { errorText } = useI18n();
  return error === null ? null : <Text color="danger">{errorText(error)}</Text>;
}

type Period = { from: string; to: string; channel?: string };

function RegionView({ period, onOpen }: { period: Period; onOpen(slug: string): void }) {
  const { t } = useI18n();
  const a = t.analytics;
  // Saved weights change the rating: the overview is asked again.
  const [reload, setReload] = useState(0);
  const overview = useLoad(() => analyticsApi.overview(period), [period.from, period.to, period.channel, reload]);
  const settings = useLoad(() => analyticsApi.ratingSettings(), []);
  const [weights, setWeights] = useState<RatingSettings | null>(null);
  const current = weights ?? settings.data;
  const shown: Overview | null = overview.data;

  return (
    <>
      <MySectorPanel period={period} />
      <Failure error={overview.error} />
      {!shown && overview.error === null && <Loader />}
      {shown && (
        <Panel title={a.rating.title} qa="analytics-rating">
          <div className="analytics-actions">
            <Button view="outlined" size="m" href={analyticsApi.overviewXlsx(period)} qa="analytics-xlsx">
              <Icon data={ArrowDownToLine} size={16} />{a.exportXlsx}
            </Button>
          </div>
          <RatingTable overview={shown} onOpen={onOpen} />
          {shown.municipalities.length > 0 && (
            <AnalyticsChart
              name={a.rating.title} file={`rating-${period.from}-${period.to}`} qa="analytics-rating-chart"
              option={{
                grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true }, legend: { top: 0 }, tooltip: { trigger: 'axis' },
                xAxis: { type: 'category', data: shown.municipalities.map((m) => m.municipalityName), axisLabel: { interval: 0, rotate: shown.municipalities.length > 6 ? 30 : 0 } },
                yAxis: { type: 'value', min: 0, max: 100 },
                series: [{ name: a.rating.value, type: 'bar', barMaxWidth: 40, data: shown.municipalities.map((m) => m.rating), itemStyle: { color: '#2b5dd9' } }],
              }}
            />
          )}
          {current && <Text as="p" color="secondary" className="analytics-formula"><b>{a.rating.formula}.</b> {current.formula}</Text>}
        </Panel>
      )}
      {current?.can.edit && <WeightsPanel settings={current} onSaved={(s) => { setWeights(s); setReload((n) => n + 1); }} />}
      <SatisfactionPanel period={period} />
      <TrendsPanel period={period} />
      <SpikesPanel />
      <StreetsPanel period={period} />
      <CuratorsPanel />
    </>
  );
}

function RatingTable({ overview, onOpen }: { overview: Overview; onOpen(slug: string): void }) {
  const { t } = useI18n();
  const r = t.analytics.rating;
  const columns: TableColumnConfig<Figures>[] = [
    { id: 'rank', name: r.place, align: 'end', template: (f) => f.rank ?? '' },
    {
      id: 'name', name: r.municipality, template: (f) => (f.municipality === 'region' ? <b>{r.region}</b> : (
        <button type="button" className="link-button" onClick={() => onOpen(f.municipality)} data-qa={`analytics-open-${f.municipality}`}>{f.municipalityName}</button>
      )),
    },
    { id: 'rating', name: r.value, align: 'end', template: (f) => (f.rating === null ? '—' : <b>{f.rating}</b>) },
    { id: 'appeals', name: r.appeals, align: 'end', template: (f) => <Num to={f.links.appeals} qa={`appeals-${f.municipality}`}>{number(f.appeals)}</Num> },
    { id: 'per10k', name: r.per10k, align: 'end', template: (f) => (f.appealsPer10k === null ? '—' : <Num to={f.links.appeals}>{f.appealsPer10k}</Num>) },
    { id: 'overdue', name: r.overdue, align: 'end', template: (f) => <Num to={f.links.overdue} qa={`overdue-${f.municipality}`}>{f.overdue} ({share(f.overdueShare)})</Num> },
    { id: 'late', name: r.answeredLate, align: 'end', template: (f) => <Num to={f.links.answeredLate}>{f.answeredLate}</Num> },
    { id: 'median', name: r.median, align: 'end', template: (f) => <Num to={f.links.appeals}>{f.medianAnswerDays ?? '—'}</Num> },
    { id: 'satisfaction', name: r.satisfaction, align: 'end', template: (f) => <Num to={f.links.rated}>{f.satisfaction.mean ?? '—'}</Num> },
    { id: 'low', name: r.low, align: 'end', template: (f) => <Num to={f.links.lowRated}>{f.satisfaction.low} ({share(f.satisfaction.lowShare)})</Num> },
    { id: 'repeated', name: r.repeated, align: 'end', template: (f) => <Num to={f.links.repeated}>{f.repeated} ({share(f.repeatedShare)})</Num> },
    { id: 'despiteWarning', name: r.despiteWarning, align: 'end', template: (f) => <Num to={f.links.approvedDespiteWarning}>{f.approvedDespiteWarning}</Num> },
    { id: 'risks', name: r.risks, align: 'end', template: (f) => <Num to={f.links.risks}>{f.risks.total}</Num> },
    { id: 'clocks', name: r.clocks, align: 'end', template: (f) => share(f.risks.clocksMetShare) },
    { id: 'reports', name: r.reports, align: 'end', template: (f) => <Num to={f.links.reports}>{share(f.reports.onTimeShare)}</Num> },
    { id: 'requests', name: r.requests, align: 'end', template: (f) => <Num to={f.links.requests}>{share(f.requests.onTimeShare)}</Num> },
    // Each component of the rating in its own column, as points out of 100, so the place can be explained.
    ...RATING_COMPONENTS.map((k): TableColumnConfig<Figures> => ({
      id: `component-${k}`, name: `${r.componentPrefix} ${r.componentShort[k]}`, align: 'end',
      template: (f) => (f.municipality === 'region' || f.ratingComponents[k] === null ? '—' : Math.round(f.ratingComponents[k]! * 100)),
    })),
  ];
  return (
    <div className="table-wrap">
      <Table
        data={overview.municipalities.length ? [...overview.municipalities, overview.region] : []} columns={columns} width="max"
        emptyMessage={t.analytics.empty} qa="analytics-rating-table"
        getRowDescriptor={(f) => ({ id: f.municipality, classNames: f.municipality === 'region' ? ['analytics-total'] : [] })}
      />
    </div>
  );
}

function WeightsPanel({ settings, onSaved }: { settings: RatingSettings; onSaved(s: RatingSettings): void }) {
  const { t, errorText } = useI18n();
  const notify = useNotify();
  const w = t.analytics.weights;
  const [form, setForm] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(settings.weights).map(([k, v]) => [k, String(v)])));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const save = async (weights: RatingWeights) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await analyticsApi.setWeights(weights);
      setForm(Object.fromEntries(Object.entries(saved.weights).map(([k, v]) => [k, String(v)])));
      notify.success(w.saved);
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Panel title={w.title} qa="analytics-weights">
      <div className="analytics-weights">
        {settings.components.map((c) => (
          <TextInput key={c.key} label={c.label} value={form[c.key] ?? ''} onUpdate={(v) => setForm((f) => ({ ...f, [c.key]: v }))} type="number" size="m" qa={`weight-${c.key}`} />
        ))}
      </div>
      {error !== null && <Text color="danger">{errorText(error)}</Text>}
      <div className="analytics-actions">
        <Button view="action" loading={saving} onClick={() => void save(Object.fromEntries(Object.entries(form).map(([k, v]) => [k, Number(v)])) as RatingWeights)} qa="weights-save">{w.save}</Button>
        <Button view="outlined" disabled={saving} onClick={() => void save(settings.defaults)}>{w.reset}</Button>
      </div>
    </Panel>
  );
}

function TrendsPanel({ period, municipality }: { period: Period; municipality?: string }) {
  const { t, formatDate } = useI18n();
  const tr = t.analytics.trends;
  const [granularity, setGranularity] = useState<'week' | 'month'>('week');
  const { data, error } = useLoad(() => analyticsApi.trends({ ...period, granularity, municipality }), [period.from, period.to, period.channel, granularity, municipality]);
  const rows = data ? data.current.points.map((p, i) => ({ i, p, previous: data.previous.points[i], yearAgo: data.yearAgo.points[i] })) : [];
  type Row = (typeof rows)[number];
  const cell = (pt: Trends['current']['points'][number] | undefined) => (pt ? <Num to={pt.link}>{pt.appeals}</Num> : '—');
  const columns: TableColumnConfig<Row>[] = [
    { id: 'bucket', name: tr.bucket, template: (r) => `${formatDate(r.p.from)} — ${formatDate(r.p.to)}` },
    { id: 'current', name: tr.current, align: 'end', template: (r) => cell(r.p) },
    { id: 'previous', name: tr.previous, align: 'end', template: (r) => cell(r.previous) },
    { id: 'yearAgo', name: tr.yearAgo, align: 'end', template: (r) => cell(r.yearAgo) },
  ];
  return (
    <Panel title={tr.title} qa="analytics-trends">
      <SegmentedRadioGroup value={granularity} onUpdate={(v) => setGranularity(v as 'week' | 'month')} options={[{ value: 'week', content: tr.week }, { value: 'month', content: tr.month }]} qa="analytics-granularity" />
      <Failure error={error} />
      {data && (
        <div className="analytics-split">
          <div className="table-wrap">
            <Table data={rows} columns={columns} width="max" qa="analytics-trends-table" emptyMessage={t.analytics.empty} />
            <Text as="p" color="secondary">
              {tr.total}: <Num to={data.current.link}>{data.current.total}</Num> · {tr.previous}: <Num to={data.previous.link}>{data.previous.total}</Num> · {tr.yearAgo}: <Num to={data.yearAgo.link}>{data.yearAgo.total}</Num>
            </Text>
          </div>
          <AnalyticsChart
            name={tr.title} file={`trends-${period.from}-${period.to}`} qa="analytics-trends-chart"
            option={{
              grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true }, legend: { top: 0 }, tooltip: { trigger: 'axis' },
              xAxis: { type: 'category', data: rows.map((r) => formatDate(r.p.from)) },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                { name: tr.current, type: 'line', data: rows.map((r) => r.p.appeals), itemStyle: { color: '#2b5dd9' } },
                { name: tr.previous, type: 'line', data: rows.map((r) => r.previous?.appeals ?? null), itemStyle: { color: '#8a8f99' }, lineStyle: { type: 'dashed' } },
                { name: tr.yearAgo, type: 'line', data: rows.map((r) => r.yearAgo?.appeals ?? null), itemStyle: { color: '#30aa6e' }, lineStyle: { type: 'dotted' } },
              ],
            }}
          />
        </div>
      )}
    </Panel>
  );
}

/** Applicants' satisfaction by municipality, topic, department or executor, worst first, each number a registry link. */
function SatisfactionPanel({ period, municipality }: { period: Period; municipality?: string }) {
  const { t } = useI18n();
  const s = t.analytics.satisfaction;
  const groups: RatingGroup[] = municipality ? ['topic', 'department', 'executor'] : ['municipality', 'topic', 'department', 'executor'];
  const [by, setBy] = useState<RatingGroup>(groups[0]);
  const { data, error } = useLoad<Ratings>(() => analyticsApi.ratings({ ...period, by, municipality }), [period.from, period.to, period.channel, by, municipality]);
  type Row = Ratings['items'][number];
  const number = (value: number, link: string | null) => (link ? <Num to={link}>{value}</Num> : value);
  const columns: TableColumnConfig<Row>[] = [
    { id: 'label', name: s.group, template: (r) => r.label },
    { id: 'rated', name: s.rated, align: 'end', template: (r) => number(r.rated, r.link) },
    { id: 'mean', name: s.mean, align: 'end', template: (r) => (r.mean === null ? '—' : r.mean.toFixed(2)) },
    { id: 'low', name: s.low, align: 'end', template: (r) => number(r.low, r.lowLink) },
    { id: 'distribution', name: s.distribution, template: (r) => r.distribution.join(' / ') },
  ];
  return (
    <Panel title={s.title} qa="analytics-satisfaction">
      <SegmentedRadioGroup value={by} onUpdate={(v) => setBy(v as RatingGroup)} options={groups.map((g) => ({ value: g, content: s.by[g] }))} qa="analytics-satisfaction-by" />
      <Failure error={error} />
      {data && (
        <div className="table-wrap">
          <Table data={[...data.items, { ...data.total, label: `${s.total}: ${data.total.label}` }]} columns={columns} width="max" qa="analytics-satisfaction-table" emptyMessage={t.analytics.empty} />
        </div>
      )}
    </Panel>
  );
}

function SpikesPanel({ municipality }: { municipality?: string }) {
  const { t } = useI18n();
  const s = t.analytics.spikes;
  const { data, error } = useLoad<Spikes>(() => analyticsApi.spikes(municipality), [municipality]);
  type Item = Spikes['items'][number];
  const columns: TableColumnConfig<Item>[] = [
    ...(municipality ? [] : [{ id: 'municipality', name: t.analytics.rating.municipality, template: (i: Item) => i.municipalityName }]),
    { id: 'topic', name: s.topic, template: (i) => i.topicTitle },
    { id: 'count', name: s.count, align: 'end', template: (i) => <Num to={i.link}>{i.count}</Num> },
    { id: 'baseline', name: s.baseline, align: 'end', template: (i) => <Num to={i.baselineLink}>{i.baseline}</Num> },
    { id: 'ratio', name: s.ratio, align: 'end', template: (i) => `×${i.ratio}` },
    { id: 'z', name: s.zScore, align: 'end', template: (i) => i.zScore },
  ];
  return (
    <Panel title={s.title} qa="analytics-spikes">
      <Failure error={error} />
      {data && (
        <>
          <div className="table-wrap"><Table data={data.items} columns={columns} width="max" emptyMessage={s.none} qa="analytics-spikes-table" /></div>
          <Text as="p" color="secondary" className="analytics-formula"><b>{s.method}.</b> {data.method}</Text>
        </>
      )}
    </Panel>
  );
}

function StreetsPanel({ period, municipality }: { period: Period; municipality?: string }) {
  const { t } = useI18n();
  const s = t.analytics.streets;
  const { data, error } = useLoad<Streets>(() => analyticsApi.streets({ ...period, municipality }), [period.from, period.to, period.channel, municipality]);
  type Item = Streets['items'][number];
  const columns: TableColumnConfig<Item>[] = [
    ...(municipality ? [] : [{ id: 'municipality', name: t.analytics.rating.municipality, template: (i: Item) => i.municipalityName }]),
    { id: 'street', name: s.street, template: (i) => i.place ?? i.street },
    { id: 'appeals', name: s.appeals, align: 'end', template: (i) => <Num to={i.link} qa="analytics-street-count">{i.appeals}</Num> },
  ];
  return (
    <Panel title={s.title} qa="analytics-streets">
      <Failure error={error} />
      {data && <div className="table-wrap"><Table data={data.items} columns={columns} width="max" emptyMessage={s.none} qa="analytics-streets-table" /></div>}
    </Panel>
  );
}

function MunicipalityView({ slug, period }: { slug: string; period: Period }) {
  const { t } = useI18n();
  const a = t.analytics;
  const r = a.rating;
  const { data, error } = useLoad<MunicipalityAnalytics>(() => analyticsApi.municipality(slug, period), [slug, period.from, period.to, period.channel]);
  const f = data?.figures;
  const unitColumns = (name: string): TableColumnConfig<Unit>[] => [
    { id: 'name', name, template: (u) => u.name },
    { id: 'appeals', name: r.appeals, align: 'end', template: (u) => <Num to={u.links.appeals}>{u.appeals}</Num> },
    { id: 'overdue', name: r.overdue, align: 'end', template: (u) => <Num to={u.links.overdue}>{u.overdue} ({share(u.overdueShare)})</Num> },
    { id: 'late', name: r.answeredLate, align: 'end', template: (u) => u.answeredLate },
    { id: 'median', name: r.median, align: 'end', template: (u) => u.medianAnswerDays ?? '—' },
    { id: 'satisfaction', name: r.satisfaction, align: 'end', template: (u) => u.satisfaction ?? '—' },
    { id: 'open', name: a.units.open, align: 'end', template: (u) => <Num to={u.links.open}>{u.open}</Num> },
  ];
  return (
    <>
      <Failure error={error} />
      {!data && error === null && <Loader />}
      {data && f && (
        <>
          <Text as="h2" variant="header-1" className="analytics-subtitle" qa="analytics-municipality-name">{a.municipalityTitle(f.municipalityName)}</Text>
          <div className="analytics-actions">
            <Button view="outlined" href={analyticsApi.municipalityXlsx(slug, period)} qa="analytics-municipality-xlsx"><Icon data={ArrowDownToLine} size={16} />{a.exportXlsx}</Button>
          </div>
          <dl className="analytics-figures" data-qa="analytics-figures">
            <Fig label={r.value} value={f.rating === null ? '—' : String(f.rating)} />
            <Fig label={r.appeals} value={<Num to={f.links.appeals} qa="figure-appeals">{f.appeals}</Num>} />
            <Fig label={r.per10k} value={f.appealsPer10k ?? '—'} />
            <Fig label={r.overdue} value={<Num to={f.links.overdue} qa="figure-overdue">{f.overdue} ({share(f.overdueShare)})</Num>} />
            <Fig label={r.answeredLate} value={<Num to={f.links.answeredLate}>{f.answeredLate}</Num>} />
            <Fig label={r.median} value={f.medianAnswerDays ?? '—'} />
            <Fig label={r.satisfaction} value={<Num to={f.links.rated}>{f.satisfaction.mean ?? '—'}</Num>} />
            <Fig label={r.low} value={<Num to={f.links.lowRated}>{f.satisfaction.low}</Num>} />
            <Fig label={r.repeated} value={<Num to={f.links.repeated}>{f.repeated} ({share(f.repeatedShare)})</Num>} />
            <Fig label={r.despiteWarning} value={<Num to={f.links.approvedDespiteWarning}>{f.approvedDespiteWarning}</Num>} />
            <Fig label={r.risks} value={<Num to={f.links.risks}>{f.risks.total}</Num>} />
            <Fig label={r.clocks} value={share(f.risks.clocksMetShare)} />
            <Fig label={r.reports} value={share(f.reports.onTimeShare)} />
            <Fig label={r.requests} value={share(f.requests.onTimeShare)} />
          </dl>
          <Panel title={a.units.departments} qa="analytics-departments">
            <div className="table-wrap"><Table data={data.departments} columns={unitColumns(a.units.departments)} width="max" emptyMessage={a.units.none} qa="analytics-departments-table" /></div>
          </Panel>
          <Panel title={a.units.executors} qa="analytics-executors">
            <div className="table-wrap"><Table data={data.executors} columns={unitColumns(a.units.executors)} width="max" emptyMessage={a.units.none} qa="analytics-executors-table" /></div>
            {data.executors.length > 0 && (
              <AnalyticsChart
                name={a.units.executors} file={`executors-${slug}`} qa="analytics-executors-chart"
                option={{
                  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true }, legend: { top: 0 }, tooltip: { trigger: 'axis' },
                  xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: data.executors.map((u) => u.name), inverse: true },
                  series: [
                    { name: a.units.open, type: 'bar', data: data.executors.map((u) => u.open), itemStyle: { color: '#2b5dd9' } },
                    { name: r.overdue, type: 'bar', data: data.executors.map((u) => u.overdue), itemStyle: { color: '#e5484d' } },
                  ],
                }}
              />
            )}
          </Panel>
          <SatisfactionPanel period={period} municipality={slug} />
          <TrendsPanel period={period} municipality={slug} />
          <SpikesPanel municipality={slug} />
          <StreetsPanel period={period} municipality={slug} />
        </>
      )}
    </>
  );
}

function Fig({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="analytics-figure">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** «Моё направление»: the region's appeals of the operational groups the analyst curates; nothing when none. */
function MySectorPanel({ period }: { period: Period }) {
  const { t } = useI18n();
  const s = t.analytics.sector;
  const mine = useLoad(() => analyticsApi.mySector({ from: period.from, to: period.to }), [period.from, period.to]);
  const data: MySector | null = mine.data;
  if (!data?.groups.length) return null;
  type M = SectorGroup['municipalities'][number];
  type T = SectorGroup['topics'][number];
  const municipalities: TableColumnConfig<M>[] = [
    { id: 'name', name: s.municipality, template: (m) => m.municipalityName },
    { id: 'appeals', name: s.appeals, align: 'end', template: (m) => <Num to={m.link}>{number(m.appeals)}</Num> },
    { id: 'overdue', name: s.overdue, align: 'end', template: (m) => <Num to={m.overdueLink}>{number(m.overdue)}</Num> },
  ];
  const topics: TableColumnConfig<T>[] = [
    { id: 'title', name: s.topic, template: (x) => x.topicTitle },
    { id: 'appeals', name: s.appeals, align: 'end', template: (x) => <Num to={x.link}>{number(x.appeals)}</Num> },
    { id: 'overdue', name: s.overdue, align: 'end', template: (x) => number(x.overdue) },
  ];
  return (
    <Panel title={s.title} qa="analytics-my-sector">
      {data.groups.map((g) => (
        <section key={g.group} data-qa={`my-sector-${g.group}`}>
          <Text as="h3" variant="subheader-2">{g.title}</Text>
          <Text as="p">
            {s.appeals}: <Num to={g.links.appeals} qa={`my-sector-appeals-${g.group}`}>{number(g.appeals)}</Num>{' · '}
            {s.overdue}: <Num to={g.links.overdue} qa={`my-sector-overdue-${g.group}`}>{number(g.overdue)}</Num>
          </Text>
          <div className="table-wrap">
            <Text as="h4" variant="subheader-1">{s.byMunicipality}</Text>
            <Table data={g.municipalities} columns={municipalities} width="max" emptyMessage={t.analytics.empty} getRowId={(m) => m.municipality} />
          </div>
          <div className="table-wrap">
            <Text as="h4" variant="subheader-1">{s.byTopic}</Text>
            <Table data={g.topics.slice(0, 10)} columns={topics} width="max" emptyMessage={t.analytics.empty} getRowId={(x) => x.topic} />
          </div>
        </section>
      ))}
    </Panel>
  );
}

/** The ЦУР administrator assigns analysts to operational groups; others of ЦУР see the assignment. */
function CuratorsPanel() {
  const { t } = useI18n();
  const s = t.analytics.sector;
  const notify = useNotify();
  const loaded = useLoad(() => analyticsApi.sectors(), []);
  const [saved, setSaved] = useState<Sectors | null>(null);
  const data = saved ?? loaded.data;
  if (!data) return null;
  const assign = async (group: string, curators: string[]) => {
    try {
      setSaved(await analyticsApi.setCurators(group, curators));
      notify.success(s.saved);
    } catch (error) {
      notify.failure(error);
    }
  };
  type Row = Sectors['items'][number];
  const columns: TableColumnConfig<Row>[] = [
    { id: 'title', name: s.group, template: (g) => g.title },
    {
      id: 'curators', name: s.curators, template: (g) => (data.can.assign ? (
        <Select
          multiple width={320} value={g.curators.map((c) => c.id)} onUpdate={(v) => void assign(g.group, v)} placeholder={s.noCurators}
          aria-label={`${s.curators}: ${g.title}`} qa={`curators-${g.group}`}
          options={data.analysts.map((u) => ({ value: u.id, content: u.fullName }))}
        />
      ) : (g.curators.map((c) => c.fullName).join(', ') || s.noCurators)),
    },
  ];
  return (
    <Panel title={s.curatorsTitle} qa="analytics-curators">
      <div className="table-wrap"><Table data={data.items} columns={columns} width="max" getRowId={(g) => g.group} /></div>
    </Panel>
  );
}
