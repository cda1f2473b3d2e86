// The appeals registry: filters in the address, saved views, the table page by page, exports of the same selection.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { Button, Checkbox, Icon, Loader, Table, Text, withTableSelection, type TableColumnConfig } from '@gravity-ui/uikit';
import { ArrowDownToLine, Plus } from '@gravity-ui/icons';
import { CHANNEL_LABELS, SUB_CHANNEL_LABELS } from '../../../domain/appeals';
import { api, type AppealFilter, type AppealListItem } from '../api';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useMunicipality } from '../state/municipality';
import { useResource } from '../state/useResource';
import { filterFromParams, filterToApi, filterToParams, type RegistryFilter } from '../state/appealQuery';
import { PageHeader } from '../components/PageHeader';
import { AppealFilters } from '../components/AppealFilters';
import { AppealSelection } from '../components/AppealSelection';
import { SavedViews } from '../components/SavedViews';
import { AppealFlags, DeadlineCell, StatusLabel } from '../components/AppealBadges';
import { AppealBulkBar } from '../components/AppealBulkBar';

const SelectableTable = withTableSelection<AppealListItem>(Table);

const PAGE_SIZE = 50;

export function AppealsPage() {
  const { t, locale, errorText, formatDateTime } = useI18n();
  const a = t.appeals;
  const session = useCurrentSession();
  const { enabled: regional, selected, municipalities } = useMunicipality();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const own = session.user.organization;
  const slug = regional ? selected?.slug ?? null : own.slug;
  const organizationId = regional ? selected?.id ?? null : own.id;
  const municipality = useMemo(() => (slug && organizationId ? { slug, id: organizationId } : null), [slug, organizationId]);

  const query = useMemo<AppealFilter>(
    () => filterToApi(filter, { municipality: regional ? slug : null, userId: session.user.id }),
    [filter, regional, slug, session.user.id],
  );

  // The rows shown stay while a changed filter is asked; «more» appends the next page, whose total is
  // not counted again: the first page's total stands.
  const list = useResource(() => api.appeals.list({ ...query, limit: PAGE_SIZE }), [query], { keep: true });
  const { error, loading } = list;
  const items = list.data?.items ?? null;
  const nextCursor = list.data?.nextCursor ?? null;
  const total = { count: list.data?.total ?? 0, capped: list.data?.totalCapped ?? false };
  const loadMore = (cursor: string) => list.more(
    () => api.appeals.list({ ...query, limit: PAGE_SIZE, cursor }),
    (current, page) => ({ ...page, items: [...current.items, ...page.items], total: current.total, totalCapped: current.totalCapped }),
  );
  const [mask, setMask] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  // Another selection of the registry starts with nothing chosen.
  useEffect(() => setChosen([]), [query]);

  const change = useCallback((next: RegistryFilter) => setParams(filterToParams(next), { replace: true }), [setParams]);
  const current = filterToParams(filter);
  // The card's «back» link returns to this selection.
  const back = { search: current.toString() ? `?${current.toString()}` : '' };

  const columns: TableColumnConfig<AppealListItem>[] = [
    {
      id: 'number', name: a.columns.number, width: 150, template: (r) => (
        <div>
          <RouterLink className="text-link appeal-number" to={`/appeals/${r.id}`} state={back} onClick={(e) => e.stopPropagation()}>{r.number}</RouterLink>
          <Text as="div" color="secondary" variant="caption-2">{formatDateTime(r.receivedAt)}</Text>
          <Text as="div" color="secondary" variant="caption-2" title={CHANNEL_LABELS[locale][r.channel]}>{SUB_CHANNEL_LABELS[locale][r.subChannel]}</Text>
        </div>
      ),
    },
    ...(regional && !selected ? [{
      id: 'municipality', name: a.columns.municipality, width: 130,
      template: (r: AppealListItem) => municipalities.find((m) => m.slug === r.municipality)?.shortName ?? r.municipality,
    }] : []),
    { id: 'author', name: a.columns.author, width: 170, template: (r) => r.authorName ?? '—' },
    {
      id: 'text', name: a.columns.text, template: (r) => (
        <div className="appeal-excerpt">
          {r.topicTitle && <Text as="div" variant="caption-2" color="secondary">{r.topicTitle}</Text>}
          <div className="appeal-excerpt__text">{r.excerpt}</div>
          <AppealFlags appeal={r} deadlines={false} />
        </div>
      ),
    },
    { id: 'status', name: a.columns.status, width: 150, template: (r) => <StatusLabel status={r.status} /> },
    { id: 'executor', name: a.columns.executor, width: 150, template: (r) => r.executor ?? '—' },
    { id: 'deadline', name: a.columns.deadline, width: 140, template: (r) => <DeadlineCell appeal={r} /> },
  ];

  return (
    <div className="page page_wide">
      <PageHeader
        title={a.title}
        actions={(
          <>
            <Checkbox checked={mask} onUpdate={setMask} qa="export-mask" title={a.exportMaskTitle}>{a.exportMask}</Checkbox>
            <Button view="outlined" href={api.appeals.exportUrl('xlsx', query, mask)} title={a.exportTitle} qa="export-xlsx">
              <Icon data={ArrowDownToLine} size={16} />{a.exportXlsx}
            </Button>
            <Button view="outlined" href={api.appeals.exportUrl('csv', query, mask)} title={a.exportTitle} qa="export-csv">
              <Icon data={ArrowDownToLine} size={16} />{a.exportCsv}
            </Button>
            <Button view="action" onClick={() => navigate('/appeals/new')} qa="new-appeal">
              <Icon data={Plus} size={16} />{a.register}
            </Button>
          </>
        )}
      >
        <SavedViews userId={session.user.id} current={current} onPick={(p) => setParams(p, { replace: true })} />
        <AppealFilters filter={filter} onChange={change} municipality={municipality} regional={regional} />
        <AppealSelection filter={filter} onChange={change} municipalityName={(m) => municipalities.find((x) => x.slug === m)?.shortName ?? (m === own.slug ? own.shortName : m)} />
      </PageHeader>
      {error !== null && <Text color="danger">{errorText(error)}</Text>}
      {items === null && error === null && <Loader />}
      {items && (
        <>
          <Text color="secondary" qa="appeals-total">{total.capped ? a.totalMore(total.count) : a.total(total.count)}</Text>
          <AppealBulkBar
            selected={chosen} municipality={municipality} query={query}
            onDone={() => void list.reload()} onClear={() => setChosen([])}
          />
          <div className="table-wrap">
            <SelectableTable
              selectedIds={chosen} onSelectionChange={setChosen}
              data={items} columns={columns} width="max" wordWrap emptyMessage={t.common.empty} qa="appeals-table"
              getRowDescriptor={(r) => ({
                id: r.id,
                interactive: true,
                classNames: [r.overdue ? 'appeal-row_overdue' : r.dueSoon ? 'appeal-row_due-soon' : ''].filter(Boolean),
              })}
              onRowClick={(r) => navigate(`/appeals/${r.id}`, { state: back })}
            />
          </div>
          {nextCursor !== null && (
            <div className="load-more">
              <Button view="outlined" loading={loading} onClick={() => void loadMore(nextCursor)} qa="appeals-load-more">{a.loadMore}</Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
