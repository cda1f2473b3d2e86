// Generated exports of ПОС and Инцидент-менеджмент for tests, the browser test and measurements: invented
// texts and numbers, never real citizens' messages.
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';

const PROBLEMS = [
  'Во дворе дома не вывозят мусор уже неделю, контейнеры переполнены',
  'На улице не горят фонари, вечером идти до остановки опасно',
  'Яма на дороге у перекрёстка, машины объезжают по встречной полосе',
  'В подъезде нет отопления, батареи холодные',
  'Автобус по маршруту ходит реже, чем в расписании',
  'Просим установить детскую площадку во дворе',
  'Бродячие собаки у школы пугают детей',
  'После ремонта теплотрассы не восстановили газон и тротуар',
];
const CATEGORIES: [string, string][] = [
  ['ЖКХ', 'Вывоз мусора'], ['Дороги', 'Ямы на дорогах'], ['Освещение', 'Не горят фонари'], ['ЖКХ', 'Отопление'],
  ['Транспорт', 'Общественный транспорт'], ['Благоустройство', 'Детские площадки'],
];
const STATUSES = ['Новое', 'В работе', 'Ответ подготовлен', 'Решено', 'Закрыто'];

const pad = (n: number) => String(n).padStart(2, '0');
/** dd.mm.yyyy hh:mm of a day `daysAgo` before `base`. */
function ruDate(base: Date, daysAgo: number, hour: number): string {
  const d = new Date(base.getTime() - daysAgo * 86_400_000);
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(hour)}:${pad(Math.abs(daysAgo * 7) % 60)}`;
}

export const POS_HEADERS = [
  'Номер', 'Номер ЕПГУ', 'Источник', 'Категория', 'Подкатегория', 'Факт', 'Дата поступления', 'Дата планируемого завершения',
  'Дата фактического завершения', 'Стадия', 'Статус', 'Просрочено', 'Фаст-трек', 'ФЗ', 'Тип решения', 'Оценка ответа заявителем',
  'Повторное рассмотрение', 'ФИО координатора', 'ФИО исполнителя', 'ФИО руководителя', 'Адрес',
];

export interface PosRowOptions {
  /** First ПОС number; rows are numbered on from it. */
  from?: number;
  /** The date the export was taken; receipts go back from it. */
  now?: Date;
  /** Status of row i (default: a cycle through the usual statuses). */
  status?: (i: number) => string;
  rating?: (i: number) => string;
}

/** ПОС rows as an export writes them, header first. */
export function posRows(count: number, o: PosRowOptions = {}): string[][] {
  const now = o.now ?? new Date('2026-03-31T06:00:00Z');
  const rows: string[][] = [POS_HEADERS];
  for (let i = 0; i < count; i++) {
    const n = (o.from ?? 100_000) + i;
    const [category, sub] = CATEGORIES[i % CATEGORIES.length];
    const status = o.status?.(i) ?? STATUSES[i % STATUSES.length];
    const done = status === 'Решено' || status === 'Закрыто';
    const days = 1 + (i % 28);
    rows.push([
      String(n), `E${900_000 + i}`, 'Госуслуги', category, sub, `${PROBLEMS[i % PROBLEMS.length]} (сообщение ${n})`,
      ruDate(now, days, 9 + (i % 8)), ruDate(now, days - 10, 18), done ? ruDate(now, Math.max(0, days - 3), 15) : '',
      done ? 'Завершено' : 'Рассмотрение', status, 'Нет', i % 11 === 0 ? 'Да' : 'Нет', '59-ФЗ', done ? 'Разъяснено' : '',
      o.rating?.(i) ?? (done && i % 3 === 0 ? String(1 + (i % 5)) : ''), i % 17 === 0 ? 'Да' : 'Нет',
      'Координатор А. А.', 'Исполнитель Б. Б.', 'Руководитель В. В.', `ул. Первая, д. ${1 + (i % 90)}`,
    ]);
  }
  return rows;
}

export const INCIDENT_HEADERS = ['ID инцидента', 'Ссылка на пост', 'Платформа', 'Профиль автора', 'Текст', 'Дата', 'Категория', 'Статус', 'Ответ администрации'];

export function incidentRows(count: number, o: { from?: number; now?: Date; status?: (i: number) => string } = {}): string[][] {
  const now = o.now ?? new Date('2026-03-31T06:00:00Z');
  const rows: string[][] = [INCIDENT_HEADERS];
  const platforms = ['ВКонтакте', 'Telegram', 'Одноклассники'];
  for (let i = 0; i < count; i++) {
    const n = (o.from ?? 5000) + i;
    const status = o.status?.(i) ?? (i % 2 ? 'Отвечен' : 'В работе');
    rows.push([
      `INC-${n}`, `https://vk.com/wall-1_${n}`, platforms[i % 3], `https://vk.com/id${n}`, `${PROBLEMS[i % PROBLEMS.length]} — пост ${n}`,
      ruDate(now, 1 + (i % 5), 12), CATEGORIES[i % CATEGORIES.length][0], status,
      status === 'Отвечен' ? 'Здравствуйте! Информация передана в управляющую компанию, работы выполнят до конца недели.' : '',
    ]);
  }
  return rows;
}

/** CSV the way ПОС exports it: «;» between cells, UTF-8 with BOM. */
export function toCsv(rows: string[][]): Buffer {
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify(rows, { delimiter: ';' }))]);
}

export async function toXlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Выгрузка');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
