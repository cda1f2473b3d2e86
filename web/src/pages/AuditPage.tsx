// The audit log in words: newest first, each action in Russian, the object by its number with a link;
// filtered by object, user, organisation, action and period; exported with the same filter.
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Button, Loader, Select, Table, Text, TextInput, type TableColumnConfig } from '@gravity-ui/uikit';
import { AUDIT_ACTION_LABELS } from '../../../domain/audit';
import { api, queryString, type AuditEntry, type AuditFilter } from '../api';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { AuditDetailsDialog } from '../components/AuditDetailsDialog';
import { DateInput } from '../components/DateInput';

const ANY = '__any__';
const PAGE_SIZE = 50;
const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, content]) => ({ value, content })).sort((a, b) => a.content.localeCompare(b.content, 'ru'));

/** Start of the day (from) or its end (to) in the browser's time zone, as an ISO instant. */
function dayBoundary(date: string, end: boolean): string | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  const local = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0);
  return Number.isNaN(local.getTime()) ? undefined : local.toISOString();
}

const pick = (v: string) => (v === ANY ? undefined : v);

export function AuditPage() {
  const { t, errorText, formatDateTime } = useI18n();
  const a = t.audit;
  const [action, setAction] = useState(ANY);
  const [entityType, setEntityType] = useState(ANY);
  const [actorId, setActorId] = useState(ANY);
  const [organizationId, setOrganizationId] = useState(ANY);
  const [object, setObject] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [details, setDetails] = useState<AuditEntry | null>(null);
  const users = useResource(() => api.users.list().then((r) => r.items), []);
  const organizations = useResource(() => api.organizations.list().then((r) => r.items), []);

  const filter = useMemo((): AuditFilter => ({
    action: pick(action),
    entityType: pick(entityType),
    actorId: pick(actorId),
    organizationId: pick(organizationId),
    object: object.trim() || undefined,
    from: dayBoundary(from, false),
    to: dayBoundary(to, true),
    limit: PAGE_SIZE,
  }), [action, entityType, actorId, organizationId, object, from, to]);

  // The entries shown stay while a changed filter is asked; «more» appends the next page.
  const log = useResource(() => api.audit.list(filter), [filter], { keep: true });
  const { error, loading } = log;
  const items = log.data?.items ?? null;
  const nextCursor = log.data?.nextCursor ?? null;
  const loadMore = (cursor: number) => log.more(
    () => api.audit.list({ ...filter, before: cursor }),
    (current, page) => ({ items: [...current.items, ...page.items], nextCursor: page.nextCursor }),
  );
  const { limit: _limit, ...exportFilter } = filter;
  const exportUrl = (format: 'xlsx' | 'csv') => `/api/audit/export?${queryString({ format, ...exportFilter })}`;

  const reset = () => {
    setAction(ANY);
    setEntityType(ANY);
    setActorId(ANY);
    setOrganizationId(ANY);
    setObject('');
    setFrom('');
    setTo('');
  };

  const columns: TableColumnConfig<AuditEntry>[] = [
    { id: 'at', name: a.at, template: (e) => formatDateTime(e.at), width: 170 },
    {
      id: 'actor', name: a.actor, template: (e) => (e.actorLogin
        ? <span title={e.actorLogin}>{e.actorName ?? e.actorLogin}</span>
        : <Text color="secondary">{a.system}</Text>),
    },
    { id: 'organization', name: a.organization, template: (e) => e.organizationName ?? '—' },
    { id: 'action', name: a.action, template: (e) => <span title={e.action} data-qa="audit-action">{e.actionTitle}</span> },
    {
      id: 'entity', name: a.entity, template: (e) => (e.object ? (
        <span>
          <Text color="secondary" variant="caption-2">{e.object.typeTitle} </Text>
          {e.object.link ? <RouterLink className="text-link" to={e.object.link} data-qa="audit-object">{e.object.title}</RouterLink> : <span data-qa="audit-object">{e.object.title}</span>}
        </span>
      ) : '—'),
    },
    { id: 'details', name: '', align: 'end', template: (e) => <Button view="flat-action" size="s" onClick={() => setDetails(e)}>{a.details}</Button> },
  ];

  return (
    <div className="page page_wide">
      <PageHeader title={a.title}>
        <div className="filters" data-qa="audit-filters">
          <TextInput value={object} onUpdate={setObject} placeholder={a.objectPlaceholder} controlProps={{ 'aria-label': a.object }} hasClear qa="audit-object-filter" style={{ width: 240 }} />
          <Select
            width={240} value={[actorId]} onUpdate={([v]) => setActorId(v ?? ANY)} aria-label={a.actor} filterable qa="audit-actor-filter"
            options={[{ value: ANY, content: a.anyUser }, ...(users.data ?? []).map((u) => ({ value: u.id, content: `${u.fullName} (${u.login})` }))]}
          />
          <Select
            width={220} value={[organizationId]} onUpdate={([v]) => setOrganizationId(v ?? ANY)} aria-label={a.organization} filterable qa="audit-organization-filter"
            options={[{ value: ANY, content: a.anyOrganization }, ...[...(organizations.data ?? [])].sort((x, y) => x.shortName.localeCompare(y.shortName, 'ru')).map((o) => ({ value: o.id, content: o.shortName }))]}
          />
          <Select
            width={280} value={[action]} onUpdate={([v]) => setAction(v ?? ANY)} aria-label={a.action} filterable
            options={[{ value: ANY, content: a.anyAction }, ...ACTION_OPTIONS]}
          />
          <Select
            width={200} value={[entityType]} onUpdate={([v]) => setEntityType(v ?? ANY)} aria-label={a.entity}
            options={[{ value: ANY, content: a.anyEntity }, ...Object.entries(a.entities).map(([value, content]) => ({ value, content }))]}
          />
          <label className="date-field">
            <span>{a.from}</span>
            <DateInput value={from} onUpdate={setFrom} max={to || undefined} label={a.from} width={150} qa="audit-from" />
          </label>
          <label className="date-field">
            <span>{a.to}</span>
            <DateInput value={to} onUpdate={setTo} min={from || undefined} label={a.to} width={150} qa="audit-to" />
          </label>
          <Button view="flat" onClick={reset}>{a.reset}</Button>
          <Button view="outlined" href={exportUrl('xlsx')} qa="audit-export-xlsx">{a.export} {a.exportXlsx}</Button>
          <Button view="outlined" href={exportUrl('csv')} qa="audit-export-csv">{a.exportCsv}</Button>
        </div>
      </PageHeader>
      {error !== null && <Text color="danger">{errorText(error)}</Text>}
      {items === null && error === null && <Loader />}
      {items && (
        <>
          <div className="table-wrap">
            <Table data={items} columns={columns} width="max" wordWrap emptyMessage={t.common.empty} getRowDescriptor={(e) => ({ id: String(e.id) })} qa="audit-table" />
          </div>
          {nextCursor !== null && (
            <div className="load-more">
              <Button view="outlined" loading={loading} onClick={() => void loadMore(nextCursor)} qa="audit-load-more">{a.loadMore}</Button>
            </div>
          )}
        </>
      )}
      <AuditDetailsDialog entry={details} onClose={() => setDetails(null)} />
    </div>
  );
}
