// The values of an exported row read into an appeal's fields, with the problem of every value that
// cannot be read. Pure; the row's time zone is the municipality's.
import { startOfLocalDay, toLocalDate } from '../calendar/localDate';
import type { AppealStatus } from '../appeals/lifecycle';
import type { ResultCode } from '../appeals/model';
import { columnTitle, INCIDENT_COLUMNS, POS_COLUMNS, type ColumnSpec, type IncidentKey, type PosKey } from './columns';

export interface Rejection {
  /** The row's number in the file as a spreadsheet shows it (the header is row 1). */
  row: number;
  column: string;
  problem: string;
  value: string;
}

/** One row read: what the appeal becomes. `externalId` is the exporting system's own number. */
export interface ImportedRecord {
  row: number;
  externalId: string;
  text: string;
  receivedAt: Date;
  status: AppealStatus;
  address: string | null;
  category: string | null;
  subcategory: string | null;
  deadlineAnswer: string | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  answerText: string | null;
  answerResult: ResultCode | null;
  ratingScore: number | null;
  repeated: boolean;
  /** The rest of the row, kept in the appeal's timeline as the system sent it. */
  extra: Record<string, string>;
}

const MAX_TEXT = 20_000;
const MAX_ID = 100;

function norm(value: string): string {
  return value.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/**
 * A date, or a date and time, as exports write them: 15.03.2026, 15.03.2026 10:22[:05], 2026-03-15[ 10:22],
 * or an ISO instant with its offset. A wall time without an offset is the municipality's local time.
 */
export function parseImportDate(value: string, timeZone: string): Date | null {
  const v = value.trim();
  if (!v) return null;
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  let parts: number[] | null = null;
  if (m) parts = [Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  m = parts ? null : /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(v);
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (parts) {
    const [year, month, day, hour, minute, second] = parts;
    if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1) return null;
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return new Date(startOfLocalDay(date, timeZone).getTime() + ((hour * 60 + minute) * 60 + second) * 1000);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** Statuses of ПОС and Инцидент-менеджмент by the start of their normalised text, the longest first. */
const STATUS_PREFIXES: [string, AppealStatus][] = [
  ['направлено по компетенции', 'forwarded'],
  ['передано по компетенции', 'forwarded'],
  ['возвращено на повторное', 'reopened'],
  ['повторное рассмотрение', 'reopened'],
  ['оставлено без ответа', 'left_without_answer'],
  ['отказано в рассмотрении', 'left_without_answer'],
  ['не требует ответа', 'left_without_answer'],
  ['назначено исполнител', 'assigned'],
  ['ответ подготовлен', 'on_approval'],
  ['подготовлен ответ', 'on_approval'],
  ['на согласовании', 'on_approval'],
  ['на рассмотрении', 'in_progress'],
  ['требует доработки', 'in_progress'],
  ['на доработке', 'in_progress'],
  ['рассматрива', 'in_progress'],
  ['ответ направлен', 'answered'],
  ['ответ дан', 'answered'],
  ['дан ответ', 'answered'],
  ['на модерации', 'registered'],
  ['зарегистрирован', 'registered'],
  ['перенаправлен', 'forwarded'],
  ['в работе', 'in_progress'],
  ['назначен', 'assigned'],
  ['модерац', 'registered'],
  ['отвечен', 'answered'],
  ['решен', 'answered'],
  ['выполнен', 'closed'],
  ['завершен', 'closed'],
  ['закрыт', 'closed'],
  ['отклонен', 'left_without_answer'],
  ['новое', 'registered'],
  ['новый', 'registered'],
  ['нов', 'registered'],
];

/** Our status for the exporting system's status (or stage); null when it is not one we know. */
export function statusOf(value: string): AppealStatus | null {
  const v = norm(value);
  if (!v) return null;
  for (const [prefix, status] of STATUS_PREFIXES) if (v.startsWith(prefix)) return status;
  return null;
}

const RESULTS: [string, ResultCode][] = [
  ['не поддержан', 'not_supported'],
  ['отказ', 'not_supported'],
  ['разъяснен', 'explained'],
  ['дано разъяснение', 'explained'],
  ['поддержан', 'supported'],
  ['меры приняты', 'supported'],
  ['решено положительно', 'supported'],
  ['решен', 'supported'],
  ['перенаправлен', 'forwarded'],
  ['направлено по компетенции', 'forwarded'],
];

export function resultOf(value: string): ResultCode | null {
  const v = norm(value);
  for (const [prefix, result] of RESULTS) if (v.startsWith(prefix)) return result;
  return null;
}

/** The applicant's rating, 1–5; words a system may write instead of a number map to its ends. */
export function ratingOf(value: string): number | null | 'invalid' {
  const v = norm(value);
  if (!v || v === '-' || v === 'нет оценки' || v === 'не оценено') return null;
  const n = Number(v.replace(',', '.'));
  if (Number.isInteger(n) && n >= 1 && n <= 5) return n;
  if (v.startsWith('положительн') || v === 'удовлетворен' || v === 'удовлетворительно') return 5;
  if (v.startsWith('отрицательн') || v.startsWith('не удовлетворен') || v === 'неудовлетворительно') return 1;
  return 'invalid';
}

export function yesOf(value: string): boolean {
  const v = norm(value);
  return v === 'да' || v === 'true' || v === '1' || v === 'yes' || v === '+';
}

const CLOSED_OR_ANSWERED: readonly AppealStatus[] = ['answered', 'closed', 'forwarded', 'left_without_answer'];

type Cells = readonly string[];

function reader<K extends string>(specs: readonly ColumnSpec<K>[], index: Partial<Record<K, number>>, cells: Cells, row: number, problems: Rejection[]) {
  const get = (key: K): string => {
    const i = index[key];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const reject = (key: K, problem: string) => problems.push({ row, column: columnTitle(specs, key), problem, value: get(key).slice(0, 200) });
  const date = (key: K, timeZone: string, required = false): Date | null => {
    const raw = get(key);
    if (!raw) {
      if (required) reject(key, 'Не заполнено обязательное значение');
      return null;
    }
    const d = parseImportDate(raw, timeZone);
    if (!d) reject(key, 'Не удалось прочитать дату: ожидается ДД.ММ.ГГГГ или ДД.ММ.ГГГГ ЧЧ:ММ');
    return d;
  };
  const required = (key: K, max: number): string => {
    const raw = get(key);
    if (!raw) reject(key, 'Не заполнено обязательное значение');
    else if (raw.length > max) reject(key, `Значение длиннее ${max} символов`);
    return raw;
  };
  return { get, reject, date, required };
}

function statusOfRow(statusText: string, stageText: string, reject: () => void): AppealStatus {
  if (statusText) {
    const s = statusOf(statusText);
    if (!s) reject();
    return s ?? 'registered';
  }
  return (stageText && statusOf(stageText)) || 'registered';
}

/** A ПОС row read into an appeal's fields, or the problems that reject it. */
export function readPosRow(index: Partial<Record<PosKey, number>>, cells: Cells, row: number, timeZone: string, now: Date): { record: ImportedRecord } | { problems: Rejection[] } {
  const problems: Rejection[] = [];
  const r = reader(POS_COLUMNS, index, cells, row, problems);
  const externalId = r.required('number', MAX_ID);
  const text = r.required('text', MAX_TEXT);
  const receivedAt = r.date('receivedAt', timeZone, true);
  if (receivedAt && receivedAt.getTime() > now.getTime() + 5 * 60_000) r.reject('receivedAt', 'Дата поступления в будущем');
  const planned = r.date('plannedAt', timeZone);
  const finished = r.date('finishedAt', timeZone);
  const status = statusOfRow(r.get('status'), r.get('stage'), () => r.reject('status', 'Неизвестный статус'));
  const rating = ratingOf(r.get('rating'));
  if (rating === 'invalid') r.reject('rating', 'Оценка должна быть числом от 1 до 5');
  if (problems.length || !receivedAt) return { problems };
  const done = CLOSED_OR_ANSWERED.includes(status);
  const extra: Record<string, string> = {};
  for (const key of ['epguNumber', 'source', 'stage', 'status', 'overdue', 'fastTrack', 'law', 'decision', 'coordinator', 'executor', 'manager'] as const) {
    const v = r.get(key);
    if (v) extra[key] = v.slice(0, 500);
  }
  return {
    record: {
      row, externalId, text, receivedAt, status,
      address: r.get('address') || null,
      category: r.get('category') || null,
      subcategory: r.get('subcategory') || null,
      deadlineAnswer: planned ? toLocalDate(planned, timeZone) : null,
      answeredAt: done && finished ? finished : null,
      closedAt: status === 'closed' && finished ? finished : null,
      answerText: null,
      answerResult: resultOf(r.get('decision')),
      ratingScore: rating === 'invalid' ? null : rating,
      repeated: yesOf(r.get('repeated')),
      extra,
    },
  };
}

/** The platform a post was published on, as our sub-channels name it. */
export function platformOf(value: string, link: string): 'vk' | 'telegram' | 'ok' | null {
  const v = `${norm(value)} ${link.toLowerCase()}`;
  if (/вконтакте|\bvk\b|vk\.com|вк\b/.test(v)) return 'vk';
  if (/telegram|телеграм|t\.me/.test(v)) return 'telegram';
  if (/одноклассники|\bok\b|ok\.ru/.test(v)) return 'ok';
  return null;
}

/** An Инцидент-менеджмент row read into an appeal's fields, or the problems that reject it. */
export function readIncidentRow(index: Partial<Record<IncidentKey, number>>, cells: Cells, row: number, timeZone: string, now: Date): { record: ImportedRecord } | { problems: Rejection[] } {
  const problems: Rejection[] = [];
  const r = reader(INCIDENT_COLUMNS, index, cells, row, problems);
  const externalId = r.required('id', MAX_ID);
  const text = r.required('text', MAX_TEXT);
  const receivedAt = r.date('receivedAt', timeZone, true);
  if (receivedAt && receivedAt.getTime() > now.getTime() + 5 * 60_000) r.reject('receivedAt', 'Дата публикации в будущем');
  const link = r.get('link');
  if (link && !/^https?:\/\/\S+$/i.test(link)) r.reject('link', 'Ссылка должна начинаться с http:// или https://');
  const reply = r.get('reply');
  let status = statusOfRow(r.get('status'), '', () => r.reject('status', 'Неизвестный статус'));
  if (problems.length || !receivedAt) return { problems };
  // A reply the administration has already published is the answer, whatever the status column says.
  if (reply && !CLOSED_OR_ANSWERED.includes(status)) status = 'answered';
  const extra: Record<string, string> = {};
  if (link) extra.link = link.slice(0, 1000);
  if (r.get('platform')) extra.platform = r.get('platform').slice(0, 100);
  if (r.get('author')) extra.author = r.get('author').slice(0, 500);
  if (r.get('status')) extra.status = r.get('status').slice(0, 100);
  return {
    record: {
      row, externalId, text, receivedAt, status,
      address: null,
      category: r.get('category') || null,
      subcategory: null,
      deadlineAnswer: null,
      answeredAt: null,
      closedAt: null,
      answerText: reply ? reply.slice(0, MAX_TEXT) : null,
      answerResult: null,
      ratingScore: null,
      repeated: false,
      extra,
    },
  };
}
