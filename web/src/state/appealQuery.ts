// The registry's filter: kept in the page address (so a card's «back» and a shared link keep it),
// turned into the query of GET /api/appeals and of the export links, and saved as named views.
import type { AppealFilter } from '../api';

export const SORTS = ['-receivedAt', 'receivedAt', 'deadline', '-deadline', '-number', 'number'] as const;
export type Sort = (typeof SORTS)[number];
export const DEFAULT_SORT: Sort = '-receivedAt';

/** Executor filter value meaning «the signed-in user». */
export const ME = 'me';

export interface RegistryFilter {
  q: string;
  status: string[];
  channel: string[];
  topic: string;
  /** Operational group of topics (roads, housing…). */
  group: string;
  department: string;
  executor: string;
  overdue: boolean;
  dueSoon: boolean;
  onControl: boolean;
  flagged: boolean;
  receivedFrom: string;
  receivedTo: string;
  /** Selections a report's figure links to (§10): municipality, registration period, kind, result, marks. */
  municipality: string;
  registeredFrom: string;
  registeredTo: string;
  kind: string;
  result: string;
  collective: boolean;
  repeated: boolean;
  extended: boolean;
  answeredLate: boolean;
  rated: boolean;
  /** Tone of the appeal, comma-separated: negative, aggressive. */
  tone: string;
  /** A problem cluster's id. */
  cluster: string;
  offensive: boolean;
  approvedDespiteWarning: boolean;
  /** Ratings of the author, e.g. «1,2» (an analytics figure of low ratings). */
  rating: string;
  /** Answer deadline between these local dates (a home page figure: due today). */
  deadlineFrom: string;
  deadlineTo: string;
  /** Rated on or after this local date (a home page figure: low ratings this week). */
  ratedFrom: string;
  sort: Sort;
}

export const EMPTY_FILTER: RegistryFilter = {
  q: '', status: [], channel: [], topic: '', group: '', department: '', executor: '',
  overdue: false, dueSoon: false, onControl: false, flagged: false, receivedFrom: '', receivedTo: '',
  municipality: '', registeredFrom: '', registeredTo: '', kind: '', result: '',
  collective: false, repeated: false, extended: false, answeredLate: false, rated: false, tone: '', cluster: '', offensive: false, approvedDespiteWarning: false, rating: '', deadlineFrom: '', deadlineTo: '', ratedFrom: '', sort: DEFAULT_SORT,
};

const LISTS = ['status', 'channel'] as const;
const TEXTS = ['q', 'topic', 'group', 'department', 'executor', 'receivedFrom', 'receivedTo', 'municipality', 'registeredFrom', 'registeredTo', 'kind', 'result', 'tone', 'cluster', 'rating', 'deadlineFrom', 'deadlineTo', 'ratedFrom'] as const;
const FLAGS = ['overdue', 'dueSoon', 'onControl', 'flagged', 'collective', 'repeated', 'extended', 'answeredLate', 'rated', 'offensive', 'approvedDespiteWarning'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filterFromParams(params: URLSearchParams): RegistryFilter {
  const filter: RegistryFilter = { ...EMPTY_FILTER, status: [], channel: [] };
  for (const key of LISTS) filter[key] = (params.get(key) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const key of TEXTS) filter[key] = params.get(key) ?? '';
  // «1» from the filter bar, «true» from the API-style links of report figures.
  for (const key of FLAGS) filter[key] = params.get(key) === '1' || params.get(key) === 'true';
  for (const key of ['receivedFrom', 'receivedTo', 'registeredFrom', 'registeredTo', 'deadlineFrom', 'deadlineTo', 'ratedFrom'] as const) if (!DATE.test(filter[key])) filter[key] = '';
  if (!/^[1-5](,[1-5])*$/.test(filter.rating)) filter.rating = '';
  const sort = params.get('sort');
  filter.sort = (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : DEFAULT_SORT;
  return filter;
}

/** The address form of the filter: only what differs from the defaults, in a stable order. */
export function filterToParams(filter: RegistryFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q.trim()) params.set('q', filter.q.trim());
  for (const key of LISTS) if (filter[key].length) params.set(key, filter[key].join(','));
  for (const key of TEXTS) if (key !== 'q' && filter[key]) params.set(key, filter[key]);
  for (const key of FLAGS) if (filter[key]) params.set(key, '1');
  if (filter.sort !== DEFAULT_SORT) params.set('sort', filter.sort);
  return params;
}

export function sameParams(a: URLSearchParams, b: URLSearchParams): boolean {
  const norm = (p: URLSearchParams) => [...p.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => `${k}=${v}`).join('&');
  return norm(a) === norm(b);
}

/**
 * The API query of the filter; the municipality comes from the address when a link names it (a report's
 * figure), otherwise from the header selector; «me» from the session.
 */
export function filterToApi(filter: RegistryFilter, context: { municipality: string | null; userId: string }): AppealFilter {
  return {
    municipality: filter.municipality || context.municipality || undefined,
    q: filter.q.trim() || undefined,
    status: filter.status.join(',') || undefined,
    channel: filter.channel.join(',') || undefined,
    topic: filter.topic || undefined,
    group: filter.group || undefined,
    department: filter.department || undefined,
    executor: filter.executor === ME ? context.userId : filter.executor || undefined,
    overdue: filter.overdue || undefined,
    dueSoon: filter.dueSoon || undefined,
    onControl: filter.onControl || undefined,
    flagged: filter.flagged || undefined,
    receivedFrom: filter.receivedFrom || undefined,
    receivedTo: filter.receivedTo || undefined,
    registeredFrom: filter.registeredFrom || undefined,
    registeredTo: filter.registeredTo || undefined,
    kind: filter.kind || undefined,
    result: filter.result || undefined,
    collective: filter.collective || undefined,
    repeated: filter.repeated || undefined,
    extended: filter.extended || undefined,
    answeredLate: filter.answeredLate || undefined,
    rated: filter.rated || undefined,
    tone: filter.tone || undefined,
    cluster: filter.cluster || undefined,
    offensive: filter.offensive || undefined,
    approvedDespiteWarning: filter.approvedDespiteWarning || undefined,
    rating: filter.rating || undefined,
    deadlineFrom: filter.deadlineFrom || undefined,
    deadlineTo: filter.deadlineTo || undefined,
    ratedFrom: filter.ratedFrom || undefined,
    sort: filter.sort,
  };
}

export interface SavedView {
  id: string;
  name: string;
  /** The address form of the filter. */
  params: string;
  builtIn?: boolean;
}

export const BUILT_IN_VIEWS: { id: 'mine' | 'overdue' | 'dueSoon'; params: string }[] = [
  { id: 'mine', params: `executor=${ME}&status=assigned,in_progress,on_approval,reopened` },
  { id: 'overdue', params: 'overdue=1' },
  { id: 'dueSoon', params: 'dueSoon=1' },
];

const viewsKey = (userId: string) => `otklik.appealViews.${userId}`;

export function loadViews(userId: string): SavedView[] {
  try {
    const raw = JSON.parse(localStorage.getItem(viewsKey(userId)) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.filter((v): v is SavedView => typeof v?.id === 'string' && typeof v?.name === 'string' && typeof v?.params === 'string');
  } catch {
    return [];
  }
}

export function storeViews(userId: string, views: SavedView[]): void {
  try {
    localStorage.setItem(viewsKey(userId), JSON.stringify(views.filter((v) => !v.builtIn)));
  } catch {
    // Private mode or a full storage: the views last until the page is closed.
  }
}
