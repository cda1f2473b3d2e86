// Results of votes and public discussions (§1.3, §4.2) read from a table: one row per option, the rows of one
// question, period and municipality making one poll. Pure; the server reads the file and writes the polls.
import { matchHeaders, type ColumnSpec } from '../imports/columns';
import type { Rejection } from '../imports/values';

export const POLL_KINDS = ['vote', 'discussion'] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export const POLL_KIND_LABELS: Record<PollKind, string> = { vote: 'Голосование', discussion: 'Общественное обсуждение' };

export const POLL_COLUMNS = [
  { key: 'municipality', headers: ['Муниципалитет', 'Муниципальное образование', 'МО'], required: false },
  { key: 'kind', headers: ['Вид', 'Тип'], required: false },
  { key: 'question', headers: ['Вопрос', 'Тема опроса', 'Предмет обсуждения'], required: true },
  { key: 'topic', headers: ['Код темы', 'Тема', 'Тема классификатора'], required: true },
  { key: 'startsOn', headers: ['Начало', 'Дата начала'], required: true },
  { key: 'endsOn', headers: ['Окончание', 'Дата окончания'], required: true },
  { key: 'option', headers: ['Вариант', 'Вариант ответа', 'Позиция'], required: true },
  { key: 'count', headers: ['Голосов', 'Количество', 'Число голосов', 'Число участников'], required: true },
] as const satisfies readonly ColumnSpec<string>[];
export type PollKey = (typeof POLL_COLUMNS)[number]['key'];

const TITLES: Record<PollKey, string> = Object.fromEntries(POLL_COLUMNS.map((c) => [c.key, c.headers[0]])) as Record<PollKey, string>;

export interface PollRecord {
  /** The municipality's slug or name as the file writes it; empty when the file has no such column. */
  municipality: string;
  kind: PollKind;
  question: string;
  topic: string;
  startsOn: string;
  endsOn: string;
  options: { label: string; count: number }[];
  /** Rows of the file the poll was read from. */
  rows: number[];
}

/** A date as tables write it: 15.03.2026 or 2026-03-15; null when it is no date of the calendar. */
export function parsePollDate(value: string): string | null {
  const v = value.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?(?:Z)?)?$/.exec(v);
  const [y, m, d] = ru ? [Number(ru[3]), Number(ru[2]), Number(ru[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [0, 0, 0];
  if (!y || y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parsePollKind(value: string): PollKind | null {
  const v = value.trim().toLowerCase().replace(/ё/g, 'е');
  if (!v || v.startsWith('голос') || v.startsWith('опрос') || v === 'vote') return 'vote';
  if (v.includes('обсужд') || v.startsWith('публичн') || v === 'discussion') return 'discussion';
  return null;
}

/**
 * The polls of a table. A poll any of whose rows has a problem is not read at all: every problem is reported
 * with its row and column, and the rest of the file is read.
 */
export function readPolls(headers: readonly string[], rows: readonly { line: number; cells: string[] }[]):
  { ok: true; polls: PollRecord[]; rejections: Rejection[] } | { ok: false; missing: string[] } {
  const match = matchHeaders(POLL_COLUMNS, headers);
  if (!match.ok) return { ok: false, missing: match.missing };
  const cell = (cells: string[], key: PollKey) => (match.index[key] === undefined ? '' : (cells[match.index[key]!] ?? '').trim());
  const groups = new Map<string, { poll: PollRecord; bad: boolean }>();
  const rejections: Rejection[] = [];
  for (const { line, cells } of rows) {
    if (cells.every((c) => !c.trim())) continue;
    const problems: Rejection[] = [];
    const problem = (key: PollKey, text: string) => problems.push({ row: line, column: TITLES[key], problem: text, value: cell(cells, key).slice(0, 200) });
    const question = cell(cells, 'question');
    if (!question) problem('question', 'Не указан вопрос');
    const topic = cell(cells, 'topic');
    if (!/^[0-9]+(\.[0-9]+)*$/.test(topic)) problem('topic', 'Укажите код темы классификатора, например 0005.0005');
    const startsOn = parsePollDate(cell(cells, 'startsOn'));
    if (!startsOn) problem('startsOn', 'Неверная дата: ожидается ДД.ММ.ГГГГ');
    const endsOn = parsePollDate(cell(cells, 'endsOn'));
    if (!endsOn) problem('endsOn', 'Неверная дата: ожидается ДД.ММ.ГГГГ');
    if (startsOn && endsOn && endsOn < startsOn) problem('endsOn', 'Окончание раньше начала');
    const kind = parsePollKind(cell(cells, 'kind'));
    if (!kind) problem('kind', 'Ожидается «голосование» или «обсуждение»');
    const label = cell(cells, 'option');
    if (!label) problem('option', 'Не указан вариант');
    const countText = cell(cells, 'count').replace(/\s/g, '');
    const count = /^\d{1,9}$/.test(countText) ? Number(countText) : null;
    if (count === null) problem('count', 'Ожидается целое неотрицательное число');
    const municipality = cell(cells, 'municipality');
    // Rows are grouped by what the file writes, so a row whose date cannot be read still spoils its own poll.
    const key = [municipality.toLowerCase(), question.toLowerCase(), cell(cells, 'startsOn'), cell(cells, 'endsOn')].join('\u0001');
    let group = groups.get(key);
    if (!group) {
      group = { poll: { municipality, kind: kind ?? 'vote', question, topic, startsOn: startsOn ?? '', endsOn: endsOn ?? '', options: [], rows: [] }, bad: false };
      groups.set(key, group);
    } else if (!problems.length) {
      if (group.poll.topic !== topic) problem('topic', `У вопроса уже указана тема ${group.poll.topic}`);
      if (group.poll.kind !== kind) problem('kind', 'У вопроса уже указан другой вид');
      if (group.poll.options.some((o) => o.label.toLowerCase() === label.toLowerCase())) problem('option', 'Этот вариант уже встречался у вопроса');
    }
    group.poll.rows.push(line);
    if (problems.length) {
      group.bad = true;
      rejections.push(...problems);
    } else {
      group.poll.options.push({ label: label.slice(0, 300), count: count! });
    }
  }
  const polls = [...groups.values()].filter((g) => !g.bad).map((g) => g.poll);
  return { ok: true, polls, rejections };
}

/** Each option's share of all votes, to a tenth of a percent; zero when nobody voted. */
export function shares(options: readonly { count: number }[]): number[] {
  const total = options.reduce((n, o) => n + o.count, 0);
  return options.map((o) => (total ? Math.round((o.count / total) * 1000) / 10 : 0));
}
