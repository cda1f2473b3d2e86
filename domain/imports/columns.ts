// Columns of the files the external systems export: each column is found by its header name, in any
// order, among any other columns. Pure: the server reads the files, this decides what a header means.

/** The systems whose exports are imported. */
export const IMPORT_SOURCES = ['pos', 'incidents'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export const IMPORT_SOURCE_LABELS: Record<ImportSource, string> = {
  pos: 'Платформа обратной связи (ПОС)',
  incidents: 'Инцидент-менеджмент',
};

export interface ColumnSpec<K extends string> {
  key: K;
  /** The header as the system writes it; the first is the one named in messages. */
  headers: readonly string[];
  required: boolean;
}

export const POS_COLUMNS = [
  { key: 'number', headers: ['Номер', 'Номер сообщения', '№'], required: true },
  { key: 'epguNumber', headers: ['Номер ЕПГУ'], required: false },
  { key: 'source', headers: ['Источник'], required: false },
  { key: 'category', headers: ['Категория'], required: false },
  { key: 'subcategory', headers: ['Подкатегория'], required: false },
  { key: 'text', headers: ['Факт', 'Текст', 'Текст сообщения'], required: true },
  { key: 'receivedAt', headers: ['Дата поступления'], required: true },
  { key: 'plannedAt', headers: ['Дата планируемого завершения'], required: false },
  { key: 'finishedAt', headers: ['Дата фактического завершения'], required: false },
  { key: 'stage', headers: ['Стадия'], required: false },
  { key: 'status', headers: ['Статус'], required: false },
  { key: 'overdue', headers: ['Просрочено'], required: false },
  { key: 'fastTrack', headers: ['Фаст-трек', 'Фаст трек'], required: false },
  { key: 'law', headers: ['ФЗ'], required: false },
  { key: 'decision', headers: ['Тип решения'], required: false },
  { key: 'rating', headers: ['Оценка ответа заявителем', 'Оценка'], required: false },
  { key: 'repeated', headers: ['Повторное рассмотрение'], required: false },
  { key: 'coordinator', headers: ['ФИО координатора'], required: false },
  { key: 'executor', headers: ['ФИО исполнителя'], required: false },
  { key: 'manager', headers: ['ФИО руководителя'], required: false },
  { key: 'address', headers: ['Адрес', 'Адрес проблемы', 'Адрес места'], required: false },
] as const satisfies readonly ColumnSpec<string>[];

export const INCIDENT_COLUMNS = [
  { key: 'id', headers: ['ID инцидента', 'Номер инцидента', 'Идентификатор', 'ID'], required: true },
  { key: 'link', headers: ['Ссылка на пост', 'Ссылка', 'URL'], required: false },
  { key: 'platform', headers: ['Платформа', 'Соцсеть', 'Социальная сеть'], required: false },
  { key: 'author', headers: ['Профиль автора', 'Автор', 'Ссылка на автора'], required: false },
  { key: 'text', headers: ['Текст', 'Текст сообщения', 'Текст поста'], required: true },
  { key: 'receivedAt', headers: ['Дата', 'Дата публикации', 'Дата создания'], required: true },
  { key: 'category', headers: ['Категория', 'Рубрика'], required: false },
  { key: 'status', headers: ['Статус'], required: false },
  { key: 'reply', headers: ['Ответ администрации', 'Ответ', 'Текст ответа'], required: false },
] as const satisfies readonly ColumnSpec<string>[];

export type PosKey = (typeof POS_COLUMNS)[number]['key'];
export type IncidentKey = (typeof INCIDENT_COLUMNS)[number]['key'];

/** A header as compared: lower case, ё as е, no quotes, any run of spaces, dots or underscores as one space. */
export function normalizeHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').toLowerCase().replace(/ё/g, 'е').replace(/["«»]/g, '').replace(/[\s._]+/g, ' ').trim();
}

export type HeaderMatch<K extends string> =
  | { ok: true; index: Partial<Record<K, number>> }
  | { ok: false; missing: string[] };

/** Where each known column is among the file's headers; the first header of every missing required column otherwise. */
export function matchHeaders<K extends string>(specs: readonly ColumnSpec<K>[], headers: readonly string[]): HeaderMatch<K> {
  const positions = new Map<string, number>();
  headers.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (n && !positions.has(n)) positions.set(n, i);
  });
  const index: Partial<Record<K, number>> = {};
  const missing: string[] = [];
  for (const spec of specs) {
    const found = spec.headers.map((h) => positions.get(normalizeHeader(h))).find((p) => p !== undefined);
    if (found !== undefined) index[spec.key] = found;
    else if (spec.required) missing.push(spec.headers[0]);
  }
  return missing.length ? { ok: false, missing } : { ok: true, index };
}

/** The column's name as messages and the rejected-rows report show it. */
export function columnTitle<K extends string>(specs: readonly ColumnSpec<K>[], key: K): string {
  return specs.find((s) => s.key === key)?.headers[0] ?? key;
}

export function isImportSource(value: unknown): value is ImportSource {
  return (IMPORT_SOURCES as readonly unknown[]).includes(value);
}
