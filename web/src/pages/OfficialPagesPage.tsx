// Official pages of administrations: the municipality keeps its own accounts and website; the ЦУР sees
// the region's table. Activity (last post from the page's feed) and the ПОС widget on the website.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Label, Select, Table, Text, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import { OFFICIAL_PAGE_PLATFORMS, OFFICIAL_PAGE_PLATFORM_LABELS, type OfficialPagePlatform } from '../../../domain/monitoring/widget';
import { officialPagesApi, type OfficialPage } from '../monitoringApi';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../components/notify';

function AddPage({ onAdded }: { onAdded: () => void }) {
  const { t, errorText } = useI18n();
  const p = t.officialPages;
  const notify = useNotify();
  const { enabled: regional, municipalities, selected } = useMunicipality();
  const [municipality, setMunicipality] = useState(selected?.slug ?? '');
  const [platform, setPlatform] = useState<OfficialPagePlatform>('website');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [feedUrl, setFeedUrl] = useState('');
  const [verified, setVerified] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await officialPagesApi.create({ municipality: regional ? municipality : undefined, platform, url, name: name || null, feedUrl: feedUrl || null, verified });
      notify.success(p.saved);
      setUrl('');
      setName('');
      setFeedUrl('');
      setVerified(false);
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
        <Text variant="subheader-2">{p.add}</Text>
        {regional && (
          <label className="field"><Text>{p.municipality}</Text>
            <Select value={municipality ? [municipality] : []} onUpdate={([v]) => setMunicipality(v ?? '')} width={320} filterable placeholder={p.chooseMunicipality}
              options={municipalities.filter((o) => o.active).map((o) => ({ value: o.slug, content: o.shortName }))} /></label>
        )}
        <label className="field"><Text>{p.platform}</Text>
          <Select value={[platform]} onUpdate={([v]) => setPlatform((v as OfficialPagePlatform) ?? 'website')} width={320} qa="page-platform"
            options={OFFICIAL_PAGE_PLATFORMS.map((v) => ({ value: v, content: OFFICIAL_PAGE_PLATFORM_LABELS[v] }))} /></label>
        <label className="field"><Text>{p.url}</Text><TextInput value={url} onUpdate={setUrl} type="url" controlProps={{ 'aria-label': p.url }} qa="page-url" /></label>
        <label className="field"><Text>{p.name}</Text><TextInput value={name} onUpdate={setName} controlProps={{ 'aria-label': p.name }} /></label>
        <label className="field"><Text>{p.feedUrl}</Text><TextInput value={feedUrl} onUpdate={setFeedUrl} type="url" controlProps={{ 'aria-label': p.feedUrl }} qa="page-feed" /></label>
        <Checkbox checked={verified} onUpdate={setVerified}>{p.verifiedHint}</Checkbox>
        <div><Button type="submit" view="action" loading={busy} disabled={!url.trim() || (regional && !municipality)} qa="page-save">{p.save}</Button></div>
        {error != null && <Alert theme="danger" message={errorText(error)} />}
      </form>
    </Card>
  );
}

export function OfficialPagesPage() {
  const { t, formatDateTime, errorText } = useI18n();
  const p = t.officialPages;
  const session = useCurrentSession();
  const notify = useNotify();
  const { selected } = useMunicipality();
  const [version, setVersion] = useState(0);
  const list = useResource(() => officialPagesApi.list(selected?.slug).then((r) => r.items), [selected?.slug, version]);
  const run = async (task: () => Promise<unknown>, message?: string) => {
    try {
      await task();
      if (message) notify.success(message);
      setVersion((v) => v + 1);
    } catch (e) {
      notify.failure(e);
    }
  };
  const widget = (page: OfficialPage) => {
    const w = page.widget;
    if (!w) return '—';
    const when = w.checkedAt ? ` (${p.checkedAt(formatDateTime(w.checkedAt))})` : '';
    if (w.error) return <Text color="danger">{p.widgetError(w.error)}{when}</Text>;
    if (w.installed === null) return <Text color="secondary">{p.widgetUnknown}</Text>;
    return <span><Label theme={w.installed ? 'success' : 'danger'} size="xs">{w.installed ? p.widgetYes : p.widgetNo}</Label>{when}</span>;
  };
  const activity = (page: OfficialPage) => {
    if (!page.feedUrl) return <Text color="secondary">{p.noFeed}</Text>;
    if (page.feed.lastError) return <Text color="danger">{p.feedError(page.feed.lastError)}</Text>;
    return page.lastPostAt ? formatDateTime(page.lastPostAt) : '—';
  };
  const columns: TableColumnConfig<OfficialPage>[] = [
    { id: 'municipality', name: p.municipality, template: (x) => x.municipalityName },
    { id: 'platform', name: p.platform, template: (x) => OFFICIAL_PAGE_PLATFORM_LABELS[x.platform] },
    { id: 'url', name: p.url, template: (x) => <span>{x.name && <><b>{x.name}</b><br /></>}<a className="g-link" href={x.url} target="_blank" rel="noreferrer">{x.url}</a></span> },
    { id: 'verified', name: p.verified, template: (x) => (x.verified ? p.yes : p.no) },
    { id: 'lastPost', name: p.lastPost, template: activity },
    { id: 'widget', name: p.widget, template: widget },
    {
      id: 'actions', name: '', template: (x) => (
        <div className="monitoring-item__actions">
          {x.can.check && <Button size="s" view="outlined" qa="page-check" onClick={() => void run(() => officialPagesApi.check(x.id), p.checked)}>{p.check}</Button>}
          {x.can.delete && <Button size="s" view="flat-danger" onClick={() => void run(() => officialPagesApi.remove(x.id))}>{p.remove}</Button>}
        </div>
      ),
    },
  ];
  return (
    <div className="page">
      <PageHeader title={p.title} />
      <Text as="p" color="secondary">{p.lead}</Text>
      {list.error != null && <Alert theme="danger" message={errorText(list.error)} />}
      {list.data && <Table data={list.data} columns={columns} emptyMessage={p.empty} qa="official-pages" />}
      {session.policies['officialPages.manage'] === true && <AddPage onAdded={() => setVersion((v) => v + 1)} />}
    </div>
  );
}
