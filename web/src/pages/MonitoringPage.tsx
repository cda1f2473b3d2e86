// Monitoring of publications for the ЦУР: the triage queue of new publications (register a risk,
// prefilled from the publication, or reject with a reason) and the sources read for each municipality.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Label, SegmentedRadioGroup, Select, Table, Text, TextArea, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import { RISK_KINDS, RISK_KIND_LABELS, RISK_LEVELS, RISK_LEVEL_LABELS, RISK_PLATFORMS, RISK_PLATFORM_LABELS, type RiskKind, type RiskLevel, type RiskPlatform } from '../../../domain/risks';
import type { MonitoringItemStatus } from '../../../domain/monitoring/widget';
import { monitoringApi, type ItemList, type MonitoringItem, type MonitoringSource } from '../monitoringApi';
import { useI18n } from '../i18n';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../components/notify';

const PAGE = 30;

function ItemCard({ item, onDecided }: { item: MonitoringItem; onDecided: (item: MonitoringItem) => void }) {
  const { t, locale, formatDateTime, errorText } = useI18n();
  const m = t.monitoring;
  const notify = useNotify();
  const [mode, setMode] = useState<'none' | 'register' | 'reject'>('none');
  const [kind, setKind] = useState<RiskKind>('negative');
  const [level, setLevel] = useState<RiskLevel>('medium');
  const [text, setText] = useState(item.title && !item.text.startsWith(item.title) ? `${item.title}\n\n${item.text}` : item.text);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const act = async (run: () => Promise<MonitoringItem>, done: (decided: MonitoringItem) => string) => {
    setBusy(true);
    setError(null);
    try {
      const decided = await run();
      notify.success(done(decided));
      setMode('none');
      onDecided(decided);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const reasons = [
    item.reasons.mentionsMunicipality ? m.mentions : null,
    item.reasons.keywords.length ? m.keywordsFound(item.reasons.keywords.join(', ')) : null,
    m.tones[item.reasons.tone] || null,
  ].filter((r): r is string => !!r);

  return (
    <Card className="monitoring-item" view="outlined" qa="monitoring-item">
      <div className="monitoring-item__head">
        <Text variant="subheader-2" as="h3">{item.link ? <a className="g-link" href={item.link} target="_blank" rel="noreferrer">{item.title}</a> : item.title}</Text>
        <Text color="secondary">
          {item.source.name} · {RISK_PLATFORM_LABELS[locale][item.source.platform]} · {item.municipalityName}
          {item.publishedAt && <> · {m.published} {formatDateTime(item.publishedAt)}</>}
        </Text>
      </div>
      <div className="monitoring-item__reasons">
        {reasons.map((r) => <Label key={r} theme={r === m.tones[item.reasons.tone] ? 'danger' : 'info'} size="xs">{r}</Label>)}
      </div>
      <Text as="p" className="monitoring-item__text">{item.text.length > 600 ? `${item.text.slice(0, 597)}…` : item.text}</Text>
      {item.status === 'registered' && item.risk && (
        <Text as="p">{m.risk}: <Link to={`/risks/${item.risk.id}`} data-qa="item-risk">{item.risk.number}</Link>{item.decidedBy && item.decidedAt && <Text color="secondary"> — {m.decided(item.decidedBy.fullName, formatDateTime(item.decidedAt))}</Text>}</Text>
      )}
      {item.status === 'rejected' && (
        <Text as="p" data-qa="item-reject-reason">{m.rejectReason}: {item.rejectReason}{item.decidedBy && item.decidedAt && <Text color="secondary"> — {m.decided(item.decidedBy.fullName, formatDateTime(item.decidedAt))}</Text>}</Text>
      )}
      {item.status === 'new' && mode === 'none' && (
        <div className="monitoring-item__actions">
          <Button view="action" onClick={() => setMode('register')} qa="item-register">{m.register}</Button>
          <Button view="outlined" onClick={() => setMode('reject')} qa="item-reject">{m.reject}</Button>
        </div>
      )}
      {mode === 'register' && (
        <form className="monitoring-form" onSubmit={(e) => { e.preventDefault(); void act(() => monitoringApi.register(item.id, { kind, level, text }), (d) => m.registered(d.risk?.number ?? '')); }}>
          <Text variant="subheader-1">{m.registerTitle}</Text>
          <div className="monitoring-form__row">
            <label className="field"><Text>{m.kind}</Text>
              <Select value={[kind]} onUpdate={([v]) => setKind((v as RiskKind) ?? 'negative')} width={260} qa="register-kind"
                options={RISK_KINDS.map((k) => ({ value: k, content: RISK_KIND_LABELS[locale][k] }))} /></label>
            <label className="field"><Text>{m.level}</Text>
              <Select value={[level]} onUpdate={([v]) => setLevel((v as RiskLevel) ?? 'medium')} width={200} qa="register-level"
                options={RISK_LEVELS.map((l) => ({ value: l, content: RISK_LEVEL_LABELS[locale][l] }))} /></label>
          </div>
          <label className="field"><Text>{m.text}</Text>
            <TextArea value={text} onUpdate={setText} minRows={4} maxRows={16} controlProps={{ 'aria-label': m.text }} qa="register-text" /></label>
          <div className="monitoring-item__actions">
            <Button type="submit" view="action" loading={busy} disabled={!text.trim()} qa="register-confirm">{m.confirmRegister}</Button>
            <Button view="flat" onClick={() => setMode('none')}>{m.cancel}</Button>
          </div>
        </form>
      )}
      {mode === 'reject' && (
        <form className="monitoring-form" onSubmit={(e) => { e.preventDefault(); void act(() => monitoringApi.reject(item.id, reason), () => m.rejected); }}>
          <label className="field"><Text>{m.rejectReason}</Text>
            <TextInput value={reason} onUpdate={setReason} controlProps={{ 'aria-label': m.rejectReason }} qa="reject-reason" /></label>
          <div className="monitoring-item__actions">
            <Button type="submit" view="action" loading={busy} disabled={reason.trim().length < 3} qa="reject-confirm">{m.confirmReject}</Button>
            <Button view="flat" onClick={() => setMode('none')}>{m.cancel}</Button>
          </div>
        </form>
      )}
      {error != null && <Alert theme="danger" message={errorText(error)} />}
    </Card>
  );
}

function Queue({ municipality, version, onDecided }: { municipality?: string; version: number; onDecided: () => void }) {
  const { t, errorText } = useI18n();
  const m = t.monitoring;
  const [status, setStatus] = useState<MonitoringItemStatus>('new');
  const list = useResource<ItemList>(() => monitoringApi.items({ status, municipality, limit: PAGE }), [status, municipality, version]);
  const decided = (item: MonitoringItem) => {
    if (list.data) list.set({ items: list.data.items.filter((i) => i.id !== item.id), total: list.data.total - 1 });
    onDecided();
  };
  return (
    <section className="import-section" data-qa="monitoring-queue">
      <Text as="h2" variant="header-1">{m.queue}</Text>
      <SegmentedRadioGroup value={status} onUpdate={(v) => setStatus(v as MonitoringItemStatus)} qa="queue-status"
        options={(['new', 'registered', 'rejected'] as const).map((s) => ({ value: s, content: m.statuses[s] }))} />
      {list.error != null && <Alert theme="danger" message={errorText(list.error)} />}
      {list.data && <Text color="secondary">{m.total(list.data.total)}</Text>}
      {list.data?.items.length === 0 && <Text color="secondary" qa="queue-empty">{m.empty}</Text>}
      {list.data?.items.map((item) => <ItemCard key={item.id} item={item} onDecided={decided} />)}
      {list.data && list.data.items.length < list.data.total && (
        <Button view="outlined" onClick={() => void list.more(() => monitoringApi.items({ status, municipality, limit: PAGE, offset: list.data!.items.length }), (cur, next) => ({ items: [...cur.items, ...next.items], total: next.total }))}>{m.more}</Button>
      )}
    </section>
  );
}

function AddSource({ onAdded }: { onAdded: () => void }) {
  const { t, locale, errorText } = useI18n();
  const m = t.monitoring;
  const notify = useNotify();
  const { municipalities, selected } = useMunicipality();
  const [municipality, setMunicipality] = useState(selected?.slug ?? '');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [platform, setPlatform] = useState<RiskPlatform>('news');
  const [keywords, setKeywords] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await monitoringApi.createSource({ municipality, name, url, platform, keywords: keywords.split(',').map((k) => k.trim()).filter(Boolean) });
      notify.success(m.saved);
      setName('');
      setUrl('');
      setKeywords('');
      onAdded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card view="outlined" className="import-card">
      <form className="import-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Text variant="subheader-2">{m.addSource}</Text>
        <label className="field"><Text>{m.municipality}</Text>
          <Select value={municipality ? [municipality] : []} onUpdate={([v]) => setMunicipality(v ?? '')} width={320} filterable placeholder={m.chooseMunicipality} qa="source-municipality"
            options={municipalities.filter((o) => o.active).map((o) => ({ value: o.slug, content: o.shortName }))} /></label>
        <label className="field"><Text>{m.name}</Text><TextInput value={name} onUpdate={setName} controlProps={{ 'aria-label': m.name }} qa="source-name" /></label>
        <label className="field"><Text>{m.url}</Text><TextInput value={url} onUpdate={setUrl} type="url" controlProps={{ 'aria-label': m.url }} qa="source-url" /></label>
        <label className="field"><Text>{m.platform}</Text>
          <Select value={[platform]} onUpdate={([v]) => setPlatform((v as RiskPlatform) ?? 'news')} width={320} qa="source-platform"
            options={RISK_PLATFORMS.map((p) => ({ value: p, content: RISK_PLATFORM_LABELS[locale][p] }))} /></label>
        <label className="field"><Text>{m.keywords}</Text><TextInput value={keywords} onUpdate={setKeywords} controlProps={{ 'aria-label': m.keywords }} qa="source-keywords" /></label>
        <div><Button type="submit" view="action" loading={busy} disabled={!municipality || !name.trim() || !url.trim()} qa="source-save">{m.save}</Button></div>
        {error != null && <Alert theme="danger" message={errorText(error)} />}
      </form>
    </Card>
  );
}

function Sources({ municipality, version, onChanged }: { municipality?: string; version: number; onChanged: () => void }) {
  const { t, locale, formatDateTime, errorText } = useI18n();
  const m = t.monitoring;
  const notify = useNotify();
  const list = useResource(() => monitoringApi.sources(municipality).then((r) => r.items), [municipality, version]);
  const run = async (task: () => Promise<unknown>, message?: (result: unknown) => string) => {
    try {
      const result = await task();
      if (message) notify.success(message(result));
      onChanged();
    } catch (e) {
      notify.failure(e);
    }
  };
  const state = (s: MonitoringSource) => {
    if (!s.active) return m.inactive;
    if (s.feed.lastError) return m.failed(s.feed.lastError, s.feed.failures, formatDateTime(s.feed.nextFetchAt));
    return s.feed.lastFetchedAt ? m.lastRead(formatDateTime(s.feed.lastFetchedAt)) : m.never;
  };
  const columns: TableColumnConfig<MonitoringSource>[] = [
    { id: 'name', name: m.name, template: (s) => <span><b>{s.name}</b><br /><a className="g-link" href={s.url} target="_blank" rel="noreferrer">{s.url}</a></span> },
    { id: 'municipality', name: m.municipality, template: (s) => s.municipalityName },
    { id: 'platform', name: m.platform, template: (s) => RISK_PLATFORM_LABELS[locale][s.platform] },
    { id: 'keywords', name: m.keywords, template: (s) => s.keywords.join(', ') },
    { id: 'state', name: m.state, template: (s) => <Text color={s.feed.lastError ? 'danger' : undefined}>{state(s)}</Text> },
    { id: 'new', name: m.newItems, template: (s) => s.newItems, align: 'end' },
    {
      id: 'actions', name: '', template: (s) => (
        <div className="monitoring-item__actions">
          <Button size="s" view="outlined" qa="source-fetch" onClick={() => void run(() => monitoringApi.fetchNow(s.id), (r) => {
            const o = r as Awaited<ReturnType<typeof monitoringApi.fetchNow>>;
            return o.error ?? m.fetched(o.queued, o.notModified);
          })}>{m.fetchNow}</Button>
          <Button size="s" view="flat" onClick={() => void run(() => monitoringApi.updateSource(s.id, { active: !s.active }))}>{s.active ? m.disable : m.enable}</Button>
          <Button size="s" view="flat-danger" onClick={() => void run(() => monitoringApi.deleteSource(s.id))}>{m.remove}</Button>
        </div>
      ),
    },
  ];
  return (
    <section className="import-section" data-qa="monitoring-sources">
      <Text as="h2" variant="header-1">{m.sources}</Text>
      {list.error != null && <Alert theme="danger" message={errorText(list.error)} />}
      {list.data && <Table data={list.data} columns={columns} emptyMessage={m.noSources} qa="sources-table" />}
      <AddSource onAdded={onChanged} />
    </section>
  );
}

export function MonitoringPage() {
  const { t } = useI18n();
  const { selected } = useMunicipality();
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);
  return (
    <div className="page">
      <PageHeader title={t.monitoring.title} />
      <Text as="p" color="secondary">{t.monitoring.lead}</Text>
      <Queue municipality={selected?.slug} version={version} onDecided={bump} />
      <Sources municipality={selected?.slug} version={version} onChanged={bump} />
    </div>
  );
}
