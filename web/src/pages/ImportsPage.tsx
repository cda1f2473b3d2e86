// Channel imports: a ПОС or Инцидент-менеджмент export uploaded, its progress, summary and rejected rows;
// for the ЦУР administrator also the category-to-topic map and the Open311 keys.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Label, Progress, Select, Table, Text, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import type { ImportSource } from '../../../domain/imports/columns';
import { importApi, type CategoryMapping, type ImportRun, type IssuedKey, type Open311Key } from '../importApi';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useMunicipality } from '../state/municipality';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../components/notify';

const POLL_MS = 400;

function RunSummary({ run }: { run: ImportRun }) {
  const { t } = useI18n();
  const m = t.imports;
  const percent = run.total ? Math.round((run.processed / run.total) * 100) : 100;
  return (
    <div className="import-run" data-qa="import-run">
      {run.status === 'running' && (
        <>
          <Text variant="subheader-2">{m.running}</Text>
          <Progress value={percent} size="m" text={m.progress(run.processed, run.total)} theme="info" qa="import-progress" />
        </>
      )}
      {run.status === 'failed' && <Alert theme="danger" title={m.failed} message={run.error ?? ''} />}
      {run.status === 'done' && (
        <>
          <Text variant="subheader-2" as="h3">{m.doneTitle(run.dryRun)}</Text>
          <Progress value={100} size="m" text={m.progress(run.processed, run.total)} theme="success" qa="import-progress" />
        </>
      )}
      <dl className="import-counts" data-qa="import-counts">
        <div><dt>{run.dryRun ? m.wouldCreate : m.created}</dt><dd data-qa="count-created">{run.created}</dd></div>
        <div><dt>{run.dryRun ? m.wouldUpdate : m.updated}</dt><dd data-qa="count-updated">{run.updated}</dd></div>
        <div><dt>{m.unchanged}</dt><dd data-qa="count-unchanged">{run.unchanged}</dd></div>
        <div><dt>{m.rejected}</dt><dd data-qa="count-rejected">{run.rejected}</dd></div>
      </dl>
      {run.rejected > 0 && (
        <a className="g-link" href={importApi.rejectionsUrl(run.id)} download data-qa="rejections-link">{m.rejectedReport}</a>
      )}
      {run.unmappedCategories.length > 0 && (
        <Text as="p" color="secondary">{m.unmapped} {run.unmappedCategories.join('; ')}</Text>
      )}
    </div>
  );
}

function UploadForm({ onRun }: { onRun: () => void }) {
  const { t, errorText } = useI18n();
  const m = t.imports;
  const { enabled: regional, municipalities } = useMunicipality();
  const [source, setSource] = useState<ImportSource>('pos');
  const [municipality, setMunicipality] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [run, setRun] = useState<ImportRun | null>(null);
  const timer = useRef<number | null>(null);

  useEffect(() => () => { if (timer.current) window.clearTimeout(timer.current); }, []);

  const follow = useCallback((id: string) => {
    const tick = async () => {
      try {
        const current = await importApi.get(id);
        setRun(current);
        if (current.status === 'running') timer.current = window.setTimeout(() => void tick(), POLL_MS);
        else onRun();
      } catch (e) {
        setError(e);
      }
    };
    void tick();
  }, [onRun]);

  const start = async (dry: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const started = await importApi.start({ source, municipality: regional ? municipality : undefined, dryRun: dry, file });
      setRun(started);
      follow(started.id);
    } catch (e) {
      setError(e);
      setRun(null);
    } finally {
      setBusy(false);
    }
  };

  const ready = !!file && (!regional || !!municipality);
  return (
    <Card className="import-card" view="outlined">
      <form className="import-form" onSubmit={(e) => { e.preventDefault(); void start(dryRun); }}>
        <label className="field">
          <Text variant="subheader-1">{m.source}</Text>
          <Select value={[source]} onUpdate={([v]) => setSource((v as ImportSource) ?? 'pos')} width={320} qa="import-source"
            options={Object.entries(m.sources).map(([value, content]) => ({ value, content }))} />
        </label>
        {regional && (
          <label className="field">
            <Text variant="subheader-1">{m.municipality}</Text>
            <Select value={municipality ? [municipality] : []} onUpdate={([v]) => setMunicipality(v ?? '')} width={320} filterable qa="import-municipality"
              placeholder={m.chooseMunicipality}
              options={municipalities.filter((o) => o.active).map((o) => ({ value: o.slug, content: o.shortName }))} />
          </label>
        )}
        <label className="field">
          <Text variant="subheader-1">{m.file}</Text>
          <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label={m.chooseFile}
            data-qa="import-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <Checkbox checked={dryRun} onUpdate={setDryRun} qa="import-dry-run">{m.dryRun}</Checkbox>
        <div>
          <Button type="submit" view="action" loading={busy} disabled={!ready || run?.status === 'running'} qa="import-start">{dryRun ? m.startDry : m.start}</Button>
        </div>
      </form>
      {error != null && <Alert theme="danger" message={errorText(error)} className="import-error" qa="import-error" />}
      {run && <RunSummary run={run} />}
      {run?.dryRun && run.status === 'done' && (
        <Button view="action" onClick={() => { setDryRun(false); void start(false); }} loading={busy} qa="import-for-real">{m.runForReal}</Button>
      )}
    </Card>
  );
}

function History({ version }: { version: number }) {
  const { t, formatDateTime } = useI18n();
  const m = t.imports;
  const [items, setItems] = useState<ImportRun[] | null>(null);
  useEffect(() => { void importApi.list().then((r) => setItems(r.items), () => setItems([])); }, [version]);
  const columns: TableColumnConfig<ImportRun>[] = [
    { id: 'when', name: m.when, template: (r) => formatDateTime(r.createdAt), width: 170 },
    { id: 'municipality', name: m.municipality, template: (r) => r.municipalityName },
    { id: 'source', name: m.source, template: (r) => m.sources[r.source] },
    { id: 'file', name: m.fileName, template: (r) => <span>{r.filename}{r.dryRun && <Label theme="info" size="xs"> {m.dryMark}</Label>}</span> },
    { id: 'result', name: m.status, template: (r) => `${m.statuses[r.status]}: ${r.created} / ${r.updated} / ${r.unchanged} / ${r.rejected}` },
    { id: 'report', name: '', template: (r) => (r.rejected > 0 ? <a className="g-link" href={importApi.rejectionsUrl(r.id)} download>{m.rejected}</a> : null) },
  ];
  if (!items) return null;
  return (
    <section className="import-section">
      <Text as="h2" variant="header-1">{m.history}</Text>
      <Table data={items} columns={columns} emptyMessage={m.empty} qa="import-history" />
    </section>
  );
}

function CategoryEditor() {
  const { t } = useI18n();
  const c = t.imports.categories;
  const notify = useNotify();
  const [source, setSource] = useState<ImportSource>('pos');
  const [rows, setRows] = useState<CategoryMapping[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void importApi.categories(source).then((r) => setRows(r.items.map(({ category, subcategory, topic }) => ({ category, subcategory, topic }))), notify.failure);
  }, [source, notify.failure]);
  const set = (i: number, patch: Partial<CategoryMapping>) => setRows((list) => list.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    setBusy(true);
    try {
      const saved = await importApi.saveCategories(source, rows);
      setRows(saved.items.map(({ category, subcategory, topic }) => ({ category, subcategory, topic })));
      notify.success(c.saved);
    } catch (e) {
      notify.failure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="import-section" data-qa="import-categories">
      <Text as="h2" variant="header-1">{c.title}</Text>
      <Text as="p" color="secondary">{c.lead}</Text>
      <Select value={[source]} onUpdate={([v]) => setSource((v as ImportSource) ?? 'pos')} width={320}
        options={Object.entries(t.imports.sources).map(([value, content]) => ({ value, content }))} />
      <div className="import-map">
        {rows.map((r, i) => (
          <div className="import-map__row" key={i}>
            <TextInput value={r.category} onUpdate={(v) => set(i, { category: v })} placeholder={c.category} />
            <TextInput value={r.subcategory} onUpdate={(v) => set(i, { subcategory: v })} placeholder={c.subcategory} />
            <TextInput value={r.topic} onUpdate={(v) => set(i, { topic: v })} placeholder={c.topic} />
            <Button view="flat" onClick={() => setRows((list) => list.filter((_, j) => j !== i))}>{c.remove}</Button>
          </div>
        ))}
      </div>
      <div className="import-map__actions">
        <Button view="outlined" onClick={() => setRows((list) => [...list, { category: '', subcategory: '', topic: '' }])}>{c.add}</Button>
        <Button view="action" loading={busy} onClick={() => void save()}>{c.save}</Button>
      </div>
    </section>
  );
}

function Open311Keys() {
  const { t, formatDateTime } = useI18n();
  const o = t.imports.open311;
  const notify = useNotify();
  const { municipalities } = useMunicipality();
  const [items, setItems] = useState<Open311Key[]>([]);
  const [municipality, setMunicipality] = useState('');
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const load = useCallback(() => { void importApi.keys().then((r) => setItems(r.items), notify.failure); }, [notify.failure]);
  useEffect(load, [load]);
  const issue = async () => {
    try {
      setIssued(await importApi.issueKey({ municipality, name }));
      setName('');
      load();
    } catch (e) {
      notify.failure(e);
    }
  };
  const revoke = async (id: string) => {
    try { await importApi.revokeKey(id); load(); } catch (e) { notify.failure(e); }
  };
  const columns: TableColumnConfig<Open311Key>[] = [
    { id: 'municipality', name: t.imports.municipality, template: (k) => k.municipalityName },
    { id: 'name', name: o.name, template: (k) => `${k.name} (${k.prefix}…)` },
    { id: 'used', name: o.lastUsed, template: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : o.never) },
    { id: 'state', name: '', template: (k) => (k.revokedAt ? <Label theme="danger">{o.revoked}</Label> : <Button size="s" view="outlined-danger" onClick={() => void revoke(k.id)}>{o.revoke}</Button>) },
  ];
  return (
    <section className="import-section" data-qa="open311-keys">
      <Text as="h2" variant="header-1">{o.title}</Text>
      <Text as="p" color="secondary">{o.lead}</Text>
      <div className="import-map__actions">
        <Select value={municipality ? [municipality] : []} onUpdate={([v]) => setMunicipality(v ?? '')} width={260} filterable placeholder={t.imports.chooseMunicipality}
          options={municipalities.filter((m) => m.active).map((m) => ({ value: m.slug, content: m.shortName }))} />
        <TextInput value={name} onUpdate={setName} placeholder={o.name} style={{ maxWidth: 320 }} />
        <Button view="action" disabled={!municipality || name.trim().length < 2} onClick={() => void issue()}>{o.issue}</Button>
      </div>
      {issued && <Alert theme="success" title={o.issued} message={<code>{issued.key}</code>} />}
      <Table data={items} columns={columns} emptyMessage="—" />
    </section>
  );
}

export function ImportsPage() {
  const { t } = useI18n();
  const session = useCurrentSession();
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  return (
    <div className="page">
      <PageHeader title={t.imports.title} />
      <Text as="p" color="secondary" className="page-lead">{t.imports.lead}</Text>
      {session.policies['imports.run'] === true && <UploadForm onRun={bump} />}
      <History version={version} />
      {session.policies['imports.categories'] === true && <CategoryEditor />}
      {session.policies['open311.manage'] === true && <Open311Keys />}
    </div>
  );
}
