// The filter bar of the risk board and inbox: search, municipality (the ЦУР selector), level, platform,
// step, overdue, period. The filter lives in the address, so a link or a reload keeps it.
import { useEffect, useState } from 'react';
import { Button, Checkbox, Icon, Select, TextInput } from '@gravity-ui/uikit';
import { FunnelXmark, Magnifier } from '@gravity-ui/icons';
import {
  OPEN_RISK_STATUSES, RISK_LEVELS, RISK_LEVEL_LABELS, RISK_PLATFORMS, RISK_PLATFORM_LABELS, RISK_STATUS_LABELS,
} from '../../../domain/risks';
import { useI18n } from '../i18n';
import { useMunicipality } from '../state/municipality';
import { DateInput } from './DateInput';

export interface RiskBoardFilter {
  closed: boolean;
  q: string;
  level: string[];
  platform: string[];
  status: string[];
  overdue: boolean;
  from: string;
  to: string;
}

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

export function riskFilterFromParams(params: URLSearchParams): RiskBoardFilter {
  return {
    closed: params.get('tab') === 'closed',
    q: params.get('q') ?? '',
    level: list(params.get('level')),
    platform: list(params.get('platform')),
    status: list(params.get('status')),
    overdue: params.get('overdue') === '1',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

export function riskFilterToParams(f: RiskBoardFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (f.closed) params.set('tab', 'closed');
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.level.length) params.set('level', f.level.join(','));
  if (f.platform.length) params.set('platform', f.platform.join(','));
  if (f.status.length && !f.closed) params.set('status', f.status.join(','));
  if (f.overdue) params.set('overdue', '1');
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  return params;
}

const ANY = '__any__';

interface RiskFiltersProps {
  filter: RiskBoardFilter;
  onChange(filter: RiskBoardFilter): void;
}

export function RiskFilters({ filter, onChange }: RiskFiltersProps) {
  const { t, locale } = useI18n();
  const f = t.risks.filters;
  const { enabled: regional, municipalities, selectedId, select } = useMunicipality();
  const [q, setQ] = useState(filter.q);
  const set = <K extends keyof RiskBoardFilter>(key: K, value: RiskBoardFilter[K]) => onChange({ ...filter, [key]: value });

  useEffect(() => { setQ((current) => (current.trim() === filter.q.trim() ? current : filter.q)); }, [filter.q]);
  useEffect(() => {
    if (q.trim() === filter.q.trim()) return;
    const timer = setTimeout(() => onChange({ ...filter, q }), 400);
    return () => clearTimeout(timer);
  }, [q, filter, onChange]);

  return (
    <div className="filters risk-filters" role="search" aria-label={f.label} data-qa="risk-filters">
      <TextInput
        className="filters__search" value={q} onUpdate={setQ} placeholder={f.search} hasClear qa="risk-search"
        startContent={<Icon data={Magnifier} size={14} className="filters__search-icon" />} controlProps={{ 'aria-label': t.common.search }}
      />
      {regional && (
        <Select
          width={210} value={[selectedId ?? ANY]} onUpdate={([v]) => select(!v || v === ANY ? null : v)} aria-label={f.municipality} title={f.municipality}
          filterable={municipalities.length > 8} qa="risk-filter-municipality"
          options={[{ value: ANY, content: f.anyMunicipality }, ...municipalities.map((m) => ({ value: m.id, content: m.shortName }))]}
        />
      )}
      <Select
        multiple hasCounter={filter.level.length > 0} width={170} value={filter.level} onUpdate={(v) => set('level', v)} placeholder={f.anyLevel} aria-label={f.level} title={f.level} qa="risk-filter-level"
        options={RISK_LEVELS.map((l) => ({ value: l, content: RISK_LEVEL_LABELS[locale][l] }))}
      />
      <Select
        multiple hasCounter={filter.platform.length > 0} width={170} value={filter.platform} onUpdate={(v) => set('platform', v)} placeholder={f.anyPlatform} aria-label={f.platform} title={f.platform} qa="risk-filter-platform"
        options={RISK_PLATFORMS.map((p) => ({ value: p, content: RISK_PLATFORM_LABELS[locale][p] }))}
      />
      {!filter.closed && (
        <Select
          multiple hasCounter={filter.status.length > 0} width={190} value={filter.status} onUpdate={(v) => set('status', v)} placeholder={f.anyStatus} aria-label={f.status} title={f.status} qa="risk-filter-status"
          options={OPEN_RISK_STATUSES.map((s) => ({ value: s, content: RISK_STATUS_LABELS[locale][s] }))}
        />
      )}
      <label className="date-field">
        <span>{f.from}</span>
        <DateInput value={filter.from} max={filter.to || undefined} onUpdate={(v) => set('from', v)} label={f.from} width={140} />
      </label>
      <label className="date-field">
        <span>{f.to}</span>
        <DateInput value={filter.to} min={filter.from || undefined} onUpdate={(v) => set('to', v)} label={`${f.from} ${f.to}`} width={140} />
      </label>
      <Checkbox checked={filter.overdue} onUpdate={(v) => set('overdue', v)} qa="risk-filter-overdue">{f.overdue}</Checkbox>
      <Button view="flat" onClick={() => { setQ(''); onChange({ ...riskFilterFromParams(new URLSearchParams()), closed: filter.closed }); }} qa="risk-filter-reset">
        <Icon data={FunnelXmark} size={16} />{f.reset}
      </Button>
    </div>
  );
}
