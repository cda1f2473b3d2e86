// The audit log: newest first, filtered by action, object and period, loaded page by page.
import { useMemo, useState } from 'react';
import { Button, Loader, Select, Table, Text, type TableColumnConfig } from '@gravity-ui/uikit';
import { api, type AuditEntry, type AuditFilter } from '../api';
import { useI18n } from '../i18n';
import { useResource } from '../state/useResource';
import { PageHeader } from '../components/PageHeader';
import { AuditDetailsDialog } from '../components/AuditDetailsDialog';

const ANY = '__any__';
const PAGE_SIZE = 50;

/** Start of the day (from) or its end (to) in the browser's time zone, as an ISO instant. */
function dayBoundary(date: string, end: boolean): string | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  const local = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0);
  return Number.isNaN(local.getTime()) ? undefined : local.toISOString();
}

export function AuditPage() {
  const { t, errorText, formatDateTime } = useI18n();
  const a = t.audit;
  const [action, setAction] = useState(ANY);
  const [entityType, setEntityType] = useState(ANY);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [details, setDetails] = useState<AuditEntry | null>(null);

  const filter = useMemo((): AuditFilter => ({
    action: action === ANY ? undefined : action,
    entityType: entityType === ANY ? undefined : entityType,
    from: dayBoundary(from, false),
    to: dayBoundary(to, true),
    limit: PAGE_SIZE,
  }), [action, entityType, from, to]);

  // The entries shown stay while a changed filter is asked; «more» appends the next page.
  const log = useResource(() => api.audit.list(filter), [filter], { keep: true });
  const { error, loading } = log;
  const items = log.data?.items ?? null;
  const nextCursor = log.data?.nextCursor ?? null;
  const loadMore = (cursor: number) => log.more(
    () => api.audit.list({ ...filter, before: cursor }),
    (current, page) => ({ items: [...current.items, ...page.items], nextCursor: page.nextCursor }),
  );

  const reset = () => {
    setAction(ANY);
    setEntityType(ANY);
    setFrom('');
    setTo('');
  };

  const columns: TableColumnConfig<AuditEntry>[] = [
    { id: 'at', name: a.at, template: (e) => formatDateTime(e.at), width: 170 },
    { id: 'actor', name: a.actor, template: (e) => e.actorLogin ?? <Text color="secondary">{a.system}</Text> },
    { id: 'action', name: a.action, template: (e) => <span title={e.action}>{a.actions[e.action] ?? e.action}</span> },
    {
      id: 'entity', name: a.entity, template: (e) => (
        <span>{a.entities[e.entityType] ?? e.entityType}{e.entityId && <Text color="secondary" variant="caption-2" className="entity-id"> {e.entityId.slice(0, 8)}</Text>}</span>
      ),
    },
    { id: 'details', name: '', align: 'end', template: (e) => <Button view="flat-action" size="s" onClick={() => setDetails(e)}>{a.details}</Button> },
  ];

  return (
    <div className="page">
      <PageHeader title={a.title}>
        <div className="filters" data-qa="audit-filters">
          <Select
            width={260} value={[action]} onUpdate={([v]) => setAction(v ?? ANY)} aria-label={a.action} filterable
            options={[{ value: ANY, content: a.anyAction }, ...Object.entries(a.actions).map(([value, content]) => ({ value, content }))]}
          />
          <Select
            width={200} value={[entityType]} onUpdate={([v]) => setEntityType(v ?? ANY)} aria-label={a.entity}
            options={[{ value: ANY, content: a.anyEntity }, ...Object.entries(a.entities).map(([value, content]) => ({ value, content }))]}
          />
          <label className="date-field">
            <span>{a.from}</span>
            <input type="date" className="date-input" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} aria-label={a.from} />
          </label>
          <label className="date-field">
            <span>{a.to}</span>
            <input type="date" className="date-input" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} aria-label={a.to} />
          </label>
          <Button view="flat" onClick={reset}>{a.reset}</Button>
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
