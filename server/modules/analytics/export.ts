// Analytics tables as XLSX: the rating of municipalities and a municipality's departments and executors.
import ExcelJS from 'exceljs';
import { RATING_COMPONENT_LABELS, RATING_COMPONENTS } from '../../../domain/analytics';
import type { Figures, MunicipalityAnalytics, Overview } from './schema';

const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

function sheet(workbook: ExcelJS.Workbook, name: string, columns: [string, number][], rows: (string | number | null)[][]) {
  const s = workbook.addWorksheet(name);
  s.columns = columns.map(([header, width]) => ({ header, width }));
  s.getRow(1).font = { bold: true };
  s.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  s.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) s.addRow(r);
  return s;
}

const FIGURE_COLUMNS: [string, number][] = [
  ['Место', 8], ['Муниципальное образование', 30], ['Рейтинг', 10], ['Обращений', 12], ['На 10 000 жителей', 12],
  ['Просрочено', 12], ['Доля просроченных, %', 12], ['Ответ с нарушением срока', 14], ['Медиана дней до ответа', 12],
  ['Средняя оценка', 10], ['Доля оценок 1–2, %', 12], ['Доля повторных, %', 12], ['Согласовано вопреки «отписке»', 14], ['Информационных рисков', 12],
  ['3-часовые сроки соблюдены, %', 14], ['Отчёты в срок, %', 12], ['Запросы в срок, %', 12],
  ...RATING_COMPONENTS.map((k): [string, number] => [`Составляющая: ${RATING_COMPONENT_LABELS[k]}`, 14]),
];

function figureRow(f: Figures): (string | number | null)[] {
  return [
    f.rank, f.municipalityName, f.rating, f.appeals, f.appealsPer10k, f.overdue, percent(f.overdueShare), f.answeredLate, f.medianAnswerDays,
    f.satisfaction.mean, percent(f.satisfaction.lowShare), percent(f.repeatedShare), f.approvedDespiteWarning, f.risks.total, percent(f.risks.clocksMetShare),
    percent(f.reports.onTimeShare), percent(f.requests.onTimeShare), ...RATING_COMPONENTS.map((k) => f.ratingComponents[k]),
  ];
}

export async function overviewXlsx(o: Overview): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Отклик';
  const s = sheet(workbook, 'Рейтинг', FIGURE_COLUMNS, [...o.municipalities.map(figureRow), figureRow(o.region)]);
  s.getRow(o.municipalities.length + 2).font = { bold: true };
  sheet(workbook, 'Период', [['Показатель', 30], ['Значение', 40]], [
    ['Период поступления', `${o.period.from} — ${o.period.to}`],
    ['Каналы', o.channels.length ? o.channels.join(', ') : 'все'],
    ...RATING_COMPONENTS.map((k) => [`Вес: ${RATING_COMPONENT_LABELS[k]}`, o.weights[k]]),
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function municipalityXlsx(m: MunicipalityAnalytics): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Отклик';
  sheet(workbook, 'Показатели', FIGURE_COLUMNS, [figureRow(m.figures)]);
  const unitColumns = (name: string): [string, number][] => [[name, 40], ['Обращений', 12], ['Просрочено', 12], ['Доля просроченных, %', 12], ['Ответ с нарушением срока', 14], ['Медиана дней до ответа', 12], ['Средняя оценка', 10], ['Незакрытых сейчас', 12]];
  const unitRows = (rows: MunicipalityAnalytics['departments']) => rows.map((r) => [r.name, r.appeals, r.overdue, percent(r.overdueShare), r.answeredLate, r.medianAnswerDays, r.satisfaction, r.open]);
  sheet(workbook, 'Подразделения', unitColumns('Подразделение'), unitRows(m.departments));
  sheet(workbook, 'Исполнители', unitColumns('Исполнитель'), unitRows(m.executors));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
