// Export of exactly the filtered registry list to XLSX and CSV, streamed in batches.
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';
import { CHANNEL_LABELS, STATUS_LABELS, type AppealStatus, type Channel } from '../../../domain/appeals';
import { toLocalDate } from '../../../domain/calendar/localDate';
import type { Db } from '../../db';
import type { Actor } from '../../platform/actor';
import { scopeOf } from '../../platform/policy';
import { exportRows, type ListRow } from './repository';
import { deadlineState, dueSoonUntil } from './deadlines';
import { authorDisplayName } from './present';
import type { AppealFilter } from './schema';
import { initials, maskText } from '../../text/mask';

const COLUMNS: { header: string; width: number; value: (r: ListRow, overdue: boolean, mask: boolean) => string | number | null }[] = [
  { header: 'Номер', width: 18, value: (r) => r.number },
  { header: 'Муниципалитет', width: 16, value: (r) => r.municipality },
  { header: 'Канал', width: 22, value: (r) => CHANNEL_LABELS.ru[r.channel as Channel] ?? r.channel },
  { header: 'Поступило', width: 12, value: (r) => toLocalDate(r.receivedAt, r.timeZone) },
  { header: 'Зарегистрировано', width: 12, value: (r) => (r.registeredAt ? toLocalDate(r.registeredAt, r.timeZone) : null) },
  { header: 'Статус', width: 22, value: (r) => STATUS_LABELS.ru[r.status as AppealStatus] ?? r.status },
  { header: 'Заявитель', width: 28, value: (r, _o, mask) => (mask && r.authorKind !== 'legal_entity' ? initials([r.authorSurname, r.authorName, r.authorPatronymic]) : authorDisplayName(r)) },
  { header: 'ИНН', width: 13, value: (r) => r.authorInn },
  { header: 'Подписей', width: 9, value: (r) => r.signatories },
  { header: 'Подписавшие', width: 40, value: (r, _o, mask) => signersText(r, mask) },
  { header: 'Тема', width: 30, value: (r) => (r.topic ? `${r.topic} ${r.topicTitle ?? ''}`.trim() : null) },
  { header: 'Исполнитель', width: 26, value: (r) => r.executor },
  { header: 'Срок ответа', width: 12, value: (r) => r.deadlineAnswer },
  { header: 'Просрочено', width: 10, value: (_r, overdue) => (overdue ? 'да' : 'нет') },
  { header: 'Текст', width: 60, value: (r, _o, mask) => (mask ? maskText(r.text, [r.authorSurname, r.authorName, r.authorPatronymic]) : r.text) },
];

/** The signatories of a collective appeal after the first, by full name (by initials when masked). */
function signersText(r: ListRow, mask: boolean): string | null {
  if (!r.authorSigners?.length) return null;
  return r.authorSigners.map((s) => (mask ? initials([s.surname, s.name, s.patronymic]) : [s.surname, s.name, s.patronymic].filter(Boolean).join(' '))).join(', ');
}

/** Export options: `mask` hides personal data (e-mails, phones, flats, the author's names; the author by initials). */
export interface ExportOptions { mask?: boolean }

async function* rowsOf(db: Db, actor: Actor, filter: AppealFilter, now: Date, options: ExportOptions) {
  const { cursor: _cursor, limit: _limit, ...rest } = filter;
  const query = { scope: scopeOf(actor), filter: rest, now, dueSoonUntil: dueSoonUntil(toLocalDate(now, actor.timeZone)) };
  for await (const batch of exportRows(db, query)) {
    for (const r of batch) yield COLUMNS.map((c) => c.value(r, deadlineState(r, now, r.timeZone).overdue, !!options.mask));
  }
}

export function exportCsv(db: Db, actor: Actor, filter: AppealFilter, now: Date, options: ExportOptions = {}): Readable {
  const csv = stringify({ header: true, columns: COLUMNS.map((c) => c.header), delimiter: ';', bom: true });
  void (async () => {
    try {
      for await (const values of rowsOf(db, actor, filter, now, options)) {
        if (!csv.write(values)) await new Promise((resolve) => csv.once('drain', resolve));
      }
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  })();
  return csv;
}

export function exportXlsx(db: Db, actor: Actor, filter: AppealFilter, now: Date, options: ExportOptions = {}): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Обращения', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const values of rowsOf(db, actor, filter, now, options)) sheet.addRow(values).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
