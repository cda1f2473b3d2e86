// Administration by the ЦУР administrator: the deadline rules of appeals with a live preview, the topic
// classifier (checked whole by the server; entries are retired, never deleted), departments per municipality.
// A municipality's own settings (time zone, population, e-mail for signals) are edited on «Организации».
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Label, Loader, SegmentedRadioGroup, Select, Table, Text, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import { CHANNELS, CHANNEL_LABELS, computeDeadlines, type Channel } from '../../../domain/appeals';
import { api, type Department, type Topic } from '../api';
import { adminApi, type DeadlineRules } from '../adminApi';
import { useI18n } from '../i18n';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { DateInput, isoToZoned, zonedToIso } from '../components/DateInput';
import { Field, FormDialog, TextField, fieldErrorOf } from '../components/form';
import { reloadTopics, topicMatches } from '../components/TopicSelect';
import { useNotify } from '../components/notify';

const TABS = ['deadlines', 'classifier', 'departments'] as const;
type Tab = (typeof TABS)[number];

export function SettingsPage() {
  const { t } = useI18n();
  const s = t.settings;
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'deadlines';
  return (
    <div className="page page_wide" data-qa="settings-page">
      <PageHeader title={s.title} />
      <SegmentedRadioGroup value={tab} onUpdate={(v) => setParams({ tab: v }, { replace: true })} size="l" qa="settings-tabs"
        options={TABS.map((x) => ({ value: x, content: s.tabs[x] }))} />
      <div style={{ marginTop: 16 }}>
        {tab === 'deadlines' && <DeadlineRulesEditor />}
        {tab === 'classifier' && <ClassifierEditor />}
        {tab === 'departments' && <DepartmentsEditor />}
      </div>
    </div>
  );
}

type Term = { days: number; unit: 'calendar' | 'working' };

function TermField({ value, onChange, optional, label }: { value: Term | null; onChange(term: Term | null): void; optional?: boolean; label: string }) {
  const { t } = useI18n();
  const d = t.settings.deadlines;
  return (
    <span className="term-field" style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
      {optional && <Checkbox checked={value !== null} onUpdate={(on) => onChange(on ? { days: 30, unit: 'calendar' } : null)} aria-label={label} />}
      {value === null ? <Text color="secondary">{d.none}</Text> : (
        <>
          <TextInput
            type="number" value={String(value.days)} onUpdate={(v) => onChange({ ...value, days: Math.max(0, Math.min(366, Number(v) || 0)) })}
            controlProps={{ 'aria-label': `${label}: ${d.days}`, min: 0, max: 366 }} style={{ width: 72 }}
          />
          <Select
            value={[value.unit]} onUpdate={([u]) => onChange({ ...value, unit: (u ?? value.unit) as Term['unit'] })} aria-label={label} width={130}
            options={(['calendar', 'working'] as const).map((u) => ({ value: u, content: d.units[u] }))}
          />
        </>
      )}
    </span>
  );
}

function DeadlineRulesEditor() {
  const { t, locale, formatDate, timeZone } = useI18n();
  const d = t.settings.deadlines;
  const notify = useNotify();
  const loaded = useResource(() => adminApi.deadlineRules(), []);
  const [draft, setDraft] = useState<DeadlineRules | null>(null);
  const [received, setReceived] = useState(() => isoToZoned(new Date(), timeZone).slice(0, 10));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const rules = draft ?? loaded.data?.rules ?? null;

  if (loaded.error) return <Alert theme="danger" message={t.errors[(loaded.error as { code?: string }).code ?? ''] ?? String(loaded.error)} />;
  if (!rules || !loaded.data) return <Loader />;

  const setChannel = (channel: Channel, key: 'register' | 'forward' | 'answer' | 'extension', term: Term | null) =>
    setDraft({ ...rules, channels: { ...rules.channels, [channel]: { ...rules.channels[channel], [key]: term } } });

  // The preview counts with the rules being edited, on the production calendar, in the municipality's zone.
  const preview = (channel: Channel) => {
    const at = zonedToIso(`${received}T12:00`, timeZone);
    if (!at) return null;
    try {
      const r = computeDeadlines({ channel, receivedAt: new Date(at), registeredAt: new Date(at), timeZone, rules });
      return d.previewText(formatDate(received), formatDate(r.register), formatDate(r.answer));
    } catch {
      return null;
    }
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      loaded.set(await adminApi.saveDeadlineRules(rules));
      setDraft(null);
      notify.success(d.saved);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card view="outlined" className="panel" qa="deadline-rules">
      <div className="stack">
        <Text color="secondary">{d.hint} {loaded.data.customized ? d.customized : d.defaults}</Text>
        {error !== null && <Alert theme="danger" message={(error as Error).message} qa="form-error" />}
        <label className="date-field">
          <span>{d.previewDate}</span>
          <DateInput value={received} onUpdate={(v) => v && setReceived(v)} label={d.previewDate} width={150} qa="preview-date" />
        </label>
        <div className="table-wrap">
          <table className="rules-table" data-qa="rules-table">
            <thead><tr><th>{d.channel}</th><th>{d.register}</th><th>{d.forward}</th><th>{d.answer}</th><th>{d.extension}</th><th>{d.preview}</th></tr></thead>
            <tbody>
              {CHANNELS.map((channel) => {
                const rule = rules.channels[channel];
                const label = CHANNEL_LABELS[locale][channel];
                return (
                  <tr key={channel} data-qa={`rule-${channel}`}>
                    <td>{label}</td>
                    <td><TermField label={`${label}: ${d.register}`} value={rule.register} onChange={(v) => v && setChannel(channel, 'register', v)} /></td>
                    <td><TermField optional label={`${label}: ${d.forward}`} value={rule.forward} onChange={(v) => setChannel(channel, 'forward', v)} /></td>
                    <td><TermField label={`${label}: ${d.answer}`} value={rule.answer} onChange={(v) => v && setChannel(channel, 'answer', v)} /></td>
                    <td><TermField optional label={`${label}: ${d.extension}`} value={rule.extension} onChange={(v) => setChannel(channel, 'extension', v)} /></td>
                    <td><Text variant="caption-2" qa={`preview-${channel}`}>{preview(channel)}</Text></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Field label={d.shift}>
          <Select
            width={420} value={[rules.nonWorkingDayShift]} onUpdate={([v]) => setDraft({ ...rules, nonWorkingDayShift: (v ?? rules.nonWorkingDayShift) as DeadlineRules['nonWorkingDayShift'] })}
            aria-label={d.shift} qa="rules-shift" options={(['preceding', 'following'] as const).map((x) => ({ value: x, content: d.shifts[x] }))}
          />
        </Field>
        <Field label={d.cap}>
          <TextInput
            type="number" value={rules.answerCapCalendarDays === null ? '' : String(rules.answerCapCalendarDays)} style={{ width: 120 }} qa="rules-cap"
            onUpdate={(v) => setDraft({ ...rules, answerCapCalendarDays: v.trim() === '' ? null : Math.max(1, Math.min(366, Number(v) || 1)) })}
            controlProps={{ 'aria-label': d.cap }}
          />
        </Field>
        <div className="form-actions">
          <Button view="action" size="l" loading={saving} disabled={draft === null} onClick={() => void save()} qa="rules-save">{d.save}</Button>
          <Button view="flat" size="l" onClick={() => setDraft(loaded.data!.defaults)} qa="rules-defaults">{d.reset}</Button>
        </div>
      </div>
    </Card>
  );
}

interface TopicForm { mode: 'new' | 'edit'; level: 'section' | 'theme' | 'topic'; code: string; parentCode: string; title: string; group: string; keywords: string }

function ClassifierEditor() {
  const { t } = useI18n();
  const c = t.settings.classifier;
  const notify = useNotify();
  const list = useResource(() => api.topics.list(), []);
  const [q, setQ] = useState('');
  const [showRetired, setShowRetired] = useState(false);
  const [form, setForm] = useState<TopicForm | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [group, setGroup] = useState({ code: '', title: '' });
  const items = list.data?.items;
  const groups = list.data?.groups ?? [];

  const rows = useMemo(() => (items ?? []).filter((x) => (showRetired || x.active) && topicMatches(`${x.code} ${x.title}`, q)), [items, q, showRetired]);
  const refreshed = async () => { reloadTopics(); await list.reload(); };

  const submit = async () => {
    if (!form) return;
    setSaving(true);
    setError(null);
    const keywords = form.keywords.split(',').map((k) => k.trim()).filter(Boolean);
    try {
      if (form.mode === 'new') {
        await adminApi.createTopic({ code: form.code.trim(), level: form.level, parentCode: form.parentCode || null, title: form.title, group: form.level === 'topic' ? form.group || undefined : undefined, keywords: form.level === 'topic' ? keywords : undefined });
      } else {
        await adminApi.updateTopic(form.code, form.level === 'topic' ? { title: form.title, group: form.group, keywords } : { title: form.title });
      }
      notify.success(c.saved);
      setForm(null);
      await refreshed();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const toggle = async (topic: Topic) => {
    try {
      await adminApi.updateTopic(topic.code, { active: !topic.active });
      notify.success(c.saved);
      await refreshed();
    } catch (e) {
      notify.failure(e);
    }
  };

  const saveGroup = async () => {
    try {
      await adminApi.saveGroup(group.code.trim(), group.title);
      setGroup({ code: '', title: '' });
      notify.success(c.saved);
      await refreshed();
    } catch (e) {
      notify.failure(e);
    }
  };

  const parentLevel = form?.level === 'theme' ? 'section' : form?.level === 'topic' ? 'theme' : null;
  const columns: TableColumnConfig<Topic>[] = [
    { id: 'code', name: c.code, width: 170, template: (x) => <code>{x.code}</code> },
    { id: 'level', name: '', width: 100, template: (x) => <Text color="secondary">{c.levels[x.level as TopicForm['level']]}</Text> },
    { id: 'title', name: c.title, template: (x) => <span>{x.title}{!x.active && <> <Label theme="unknown">{c.retired}</Label></>}</span> },
    { id: 'group', name: c.group, template: (x) => groups.find((g) => g.code === x.groupCode)?.title ?? '' },
    { id: 'keywords', name: c.keywords, template: (x) => <Text variant="caption-2" color="secondary">{x.keywords.join(', ')}</Text> },
    {
      id: 'actions', name: '', align: 'end', template: (x) => (
        <div className="row-actions">
          <Button size="s" view="flat" onClick={() => { setError(null); setForm({ mode: 'edit', level: x.level as TopicForm['level'], code: x.code, parentCode: x.parentCode ?? '', title: x.title, group: x.groupCode ?? '', keywords: x.keywords.join(', ') }); }}>{c.edit}</Button>
          <Button size="s" view={x.active ? 'flat-danger' : 'flat'} onClick={() => void toggle(x)} qa={`topic-toggle-${x.code}`}>{x.active ? c.retire : c.restore}</Button>
        </div>
      ),
    },
  ];

  if (list.error) return <Alert theme="danger" message={(list.error as Error).message} />;
  if (!items) return <Loader />;
  return (
    <div className="stack" data-qa="classifier-editor">
      <div className="filters">
        <TextInput value={q} onUpdate={setQ} placeholder={c.search} hasClear style={{ width: 320 }} qa="classifier-search" />
        <Checkbox checked={showRetired} onUpdate={setShowRetired}>{c.showRetired}</Checkbox>
        <Text>{c.add}:</Text>
        {(['section', 'theme', 'topic'] as const).map((level) => (
          <Button key={level} view="outlined" onClick={() => { setError(null); setForm({ mode: 'new', level, code: '', parentCode: '', title: '', group: '', keywords: '' }); }} qa={`add-${level}`}>
            {level === 'section' ? c.addSection : level === 'theme' ? c.addTheme : c.addTopic}
          </Button>
        ))}
      </div>
      <div className="table-wrap">
        <Table data={rows.slice(0, 300)} columns={columns} width="max" wordWrap getRowDescriptor={(x) => ({ id: x.code })} qa="classifier-table" />
      </div>
      <Card view="outlined" className="panel">
        <Text variant="subheader-2">{c.groups}</Text>
        <Text as="p" color="secondary">{groups.map((g) => `${g.title} (${g.code})`).join(' · ')}</Text>
        <div className="filters">
          <TextInput value={group.code} onUpdate={(v) => setGroup((g) => ({ ...g, code: v }))} placeholder={c.groupCode} style={{ width: 200 }} controlProps={{ 'aria-label': c.groupCode }} />
          <TextInput value={group.title} onUpdate={(v) => setGroup((g) => ({ ...g, title: v }))} placeholder={c.groupTitle} style={{ width: 320 }} controlProps={{ 'aria-label': c.groupTitle }} />
          <Button view="outlined" disabled={!group.code.trim() || !group.title.trim()} onClick={() => void saveGroup()}>{c.saveGroup}</Button>
        </div>
      </Card>
      <FormDialog open={form !== null} title={form?.mode === 'new' ? c.dialogNew : c.dialogEdit} submitText={c.save} submitting={saving} error={error} onSubmit={() => void submit()} onClose={() => setForm(null)} qa="topic-dialog">
        {form && (
          <div className="stack">
            <Text color="secondary">{c.levels[form.level]}</Text>
            <TextField label={c.code} name="code" value={form.code} onUpdate={(v) => setForm({ ...form, code: v })} error={error} disabled={form.mode === 'edit'} />
            {form.mode === 'new' && parentLevel && (
              <Field label={c.parent}>
                <Select width="max" filterable value={form.parentCode ? [form.parentCode] : []} onUpdate={([v]) => setForm({ ...form, parentCode: v ?? '' })} aria-label={c.parent} qa="topic-parent"
                  options={items.filter((x) => x.level === parentLevel && x.active).map((x) => ({ value: x.code, content: `${x.code} ${x.title}` }))} />
              </Field>
            )}
            <TextField label={c.title} name="title" value={form.title} onUpdate={(v) => setForm({ ...form, title: v })} error={error} />
            {form.level === 'topic' && (
              <>
                <Field label={c.group} error={fieldErrorOf(error, 'group')}>
                  <Select width="max" value={form.group ? [form.group] : []} onUpdate={([v]) => setForm({ ...form, group: v ?? '' })} aria-label={c.group} qa="topic-group"
                    options={groups.map((g) => ({ value: g.code, content: g.title }))} />
                </Field>
                <TextField label={c.keywords} name="keywords" value={form.keywords} onUpdate={(v) => setForm({ ...form, keywords: v })} error={error} />
              </>
            )}
          </div>
        )}
      </FormDialog>
    </div>
  );
}

function DepartmentsEditor() {
  const { t } = useI18n();
  const d = t.settings.departments;
  const notify = useNotify();
  const { municipalities } = useMunicipality();
  const sorted = useMemo(() => [...municipalities].sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru')), [municipalities]);
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const list = useResource(slug ? () => api.departments.list(slug).then((r) => r.items) : null, [slug]);

  const run = async (change: () => Promise<unknown>) => {
    try {
      await change();
      notify.success(d.saved);
      await list.reload();
    } catch (e) {
      notify.failure(e);
    }
  };

  const columns: TableColumnConfig<Department>[] = [
    {
      id: 'name', name: d.name, template: (x) => (renaming?.id === x.id
        ? <TextInput value={renaming.name} onUpdate={(v) => setRenaming({ id: x.id, name: v })} autoFocus controlProps={{ 'aria-label': d.rename }} />
        : <span>{x.name}{!x.active && <> <Label theme="unknown">{d.retired}</Label></>}</span>),
    },
    {
      id: 'actions', name: '', align: 'end', template: (x) => (
        <div className="row-actions">
          {renaming?.id === x.id
            ? <Button size="s" view="action" onClick={() => void run(async () => { await adminApi.updateDepartment(x.id, { name: renaming.name }); setRenaming(null); })}>{t.common.save}</Button>
            : <Button size="s" view="flat" onClick={() => setRenaming({ id: x.id, name: x.name })}>{d.rename}</Button>}
          <Button size="s" view={x.active ? 'flat-danger' : 'flat'} onClick={() => void run(() => adminApi.updateDepartment(x.id, { active: !x.active }))} qa="department-toggle">{x.active ? d.retire : d.restore}</Button>
        </div>
      ),
    },
  ];

  return (
    <div className="stack" data-qa="departments-editor">
      <Field label={d.municipality}>
        <Select width={320} filterable value={slug ? [slug] : []} placeholder={d.choose} onUpdate={([v]) => setSlug(v ?? '')} aria-label={d.municipality} qa="departments-municipality"
          options={sorted.map((m) => ({ value: m.slug, content: m.shortName }))} />
      </Field>
      {slug && (
        <>
          <div className="filters">
            <TextInput value={name} onUpdate={setName} placeholder={d.newName} style={{ width: 360 }} controlProps={{ 'aria-label': d.newName }} qa="department-name" />
            <Button view="action" disabled={name.trim().length < 2} onClick={() => void run(async () => { await adminApi.createDepartment(slug, name); setName(''); })} qa="department-add">{d.add}</Button>
          </div>
          {list.data ? <Table data={list.data} columns={columns} width="max" getRowDescriptor={(x) => ({ id: x.id })} qa="departments-table" /> : <Loader />}
        </>
      )}
    </div>
  );
}
