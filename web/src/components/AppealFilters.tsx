// The registry's filter bar: search, statuses, channels, topic, department, executor, flags, period, sorting.
import { useEffect, useState } from 'react';
import { Button, Checkbox, Icon, Select, TextInput } from '@gravity-ui/uikit';
import { FunnelXmark, Magnifier } from '@gravity-ui/icons';
import { APPEAL_STATUSES, CHANNELS, CHANNEL_LABELS, STATUS_LABELS } from '../../../domain/appeals';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { EMPTY_FILTER, ME, SORTS, type RegistryFilter, type Sort } from '../state/appealQuery';
import { TopicSelect, useTopicGroups } from './TopicSelect';
import { DateInput } from './DateInput';

const ANY = '__any__';

interface AppealFiltersProps {
  filter: RegistryFilter;
  onChange(filter: RegistryFilter): void;
  /** The municipality whose departments and staff are offered; null lists none (ЦУР over the region). */
  municipality: { slug: string; id: string } | null;
  /** ЦУР users also filter by the «flagged for the centre» mark. */
  regional: boolean;
}

export function AppealFilters({ filter, onChange, municipality, regional }: AppealFiltersProps) {
  const { t, locale } = useI18n();
  const f = t.appeals.filters;
  const [q, setQ] = useState(filter.q);
  // The municipality's departments and staff to filter by; without them the lists are just empty.
  const departments = useResource(municipality ? () => api.departments.list(municipality.slug).then(({ items }) => items.filter((d) => d.active)) : null, [municipality]).data ?? [];
  const staff = useResource(municipality ? () => api.users.list({ organizationId: municipality.id, active: true }).then(({ items }) => items) : null, [municipality]).data ?? [];
  const groups = useTopicGroups();
  const set = <K extends keyof RegistryFilter>(key: K, value: RegistryFilter[K]) => onChange({ ...filter, [key]: value });

  // The search box follows the address (a chosen view) and updates it once typing pauses.
  useEffect(() => { setQ((current) => (current.trim() === filter.q.trim() ? current : filter.q)); }, [filter.q]);
  useEffect(() => {
    if (q.trim() === filter.q.trim()) return;
    const timer = setTimeout(() => onChange({ ...filter, q }), 400);
    return () => clearTimeout(timer);
  }, [q, filter, onChange]);

  const multi = (key: 'status' | 'channel') => (values: string[]) => set(key, values);

  return (
    <div className="filters appeal-filters" data-qa="appeal-filters" role="search" aria-label={f.label}>
      <TextInput
        className="filters__search" value={q} onUpdate={setQ} placeholder={f.search} hasClear qa="appeal-search"
        startContent={<Icon data={Magnifier} size={14} className="filters__search-icon" />} controlProps={{ 'aria-label': t.common.search }}
      />
      <Select
        multiple hasCounter={filter.status.length > 1} width={200} value={filter.status} onUpdate={multi('status')} placeholder={f.anyStatus} aria-label={f.status} title={f.status} qa="filter-status"
        options={APPEAL_STATUSES.map((s) => ({ value: s, content: STATUS_LABELS[locale][s] }))}
      />
      <Select
        multiple hasCounter={filter.channel.length > 1} width={200} value={filter.channel} onUpdate={multi('channel')} placeholder={f.anyChannel} aria-label={f.channel} title={f.channel} qa="filter-channel"
        options={CHANNELS.map((c) => ({ value: c, content: CHANNEL_LABELS[locale][c] }))}
      />
      <TopicSelect forFilter value={filter.topic} onUpdate={(v) => set('topic', v)} anyLabel={f.anyTopic} label={f.topic} width={220} qa="filter-topic" />
      <Select
        width={200} value={[filter.group || ANY]} onUpdate={([v]) => set('group', v === ANY || !v ? '' : v)} aria-label={f.group} title={f.group} qa="filter-group"
        filterable={groups.length > 8} options={[{ value: ANY, content: f.anyGroup }, ...groups.map((g) => ({ value: g.code, content: g.title }))]}
      />
      <Select
        width={220} value={[filter.department || ANY]} onUpdate={([v]) => set('department', v === ANY || !v ? '' : v)} aria-label={f.department} title={f.department}
        disabled={!municipality} qa="filter-department"
        options={[{ value: ANY, content: f.anyDepartment }, ...departments.map((d) => ({ value: d.id, content: d.name }))]}
      />
      <Select
        width={220} value={[filter.executor || ANY]} onUpdate={([v]) => set('executor', v === ANY || !v ? '' : v)} aria-label={f.executor} title={f.executor}
        filterable={staff.length > 8} qa="filter-executor"
        options={[
          { value: ANY, content: f.anyExecutor },
          { value: ME, content: f.me },
          ...staff.map((u) => ({ value: u.id, content: u.fullName })),
        ]}
      />
      <label className="date-field">
        <span>{f.receivedFrom}</span>
        <DateInput value={filter.receivedFrom} max={filter.receivedTo || undefined} onUpdate={(v) => set('receivedFrom', v)} label={f.receivedFrom} width={140} qa="filter-received-from" />
      </label>
      <label className="date-field">
        <span>{f.receivedTo}</span>
        <DateInput value={filter.receivedTo} min={filter.receivedFrom || undefined} onUpdate={(v) => set('receivedTo', v)} label={`${f.receivedFrom} ${f.receivedTo}`} width={140} qa="filter-received-to" />
      </label>
      <Select
        width={200} value={[filter.tone || ANY]} onUpdate={([v]) => set('tone', v === ANY || !v ? '' : v)} aria-label={f.tone} title={f.tone} qa="filter-tone"
        options={[
          { value: ANY, content: f.anyTone },
          { value: 'negative,aggressive', content: f.tones.conflict },
          { value: 'aggressive', content: f.tones.aggressive },
          { value: 'negative', content: f.tones.negative },
          { value: 'neutral', content: f.tones.neutral },
        ]}
      />
      <div className="appeal-filters__flags">
        <Checkbox checked={filter.overdue} onUpdate={(v) => set('overdue', v)} qa="filter-overdue">{f.overdue}</Checkbox>
        <Checkbox checked={filter.dueSoon} onUpdate={(v) => set('dueSoon', v)} qa="filter-due-soon">{f.dueSoon}</Checkbox>
        <Checkbox checked={filter.onControl} onUpdate={(v) => set('onControl', v)} qa="filter-on-control">{f.onControl}</Checkbox>
        {regional && <Checkbox checked={filter.flagged} onUpdate={(v) => set('flagged', v)} qa="filter-flagged">{f.flagged}</Checkbox>}
      </div>
      <Select
        width={200} value={[filter.sort]} onUpdate={([v]) => set('sort', (v ?? filter.sort) as Sort)} aria-label={f.sort} title={f.sort} qa="filter-sort"
        options={SORTS.map((s) => ({ value: s, content: t.appeals.sorts[s] }))}
      />
      <Button view="flat" onClick={() => { setQ(''); onChange({ ...EMPTY_FILTER }); }} qa="filter-reset">
        <Icon data={FunnelXmark} size={16} />{f.reset}
      </Button>
    </div>
  );
}
