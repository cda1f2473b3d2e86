// The quarterly report as XLSX (a sheet per section, totals as formulas) and as PDF on the letterhead.
import ExcelJS from 'exceljs';
import { renderOfficialLetterPdf } from '../../platform/documents';
import type { ReportFigures, Figure } from './figures';

interface ReportView {
  municipality: string; municipalityName: string; year: number; quarter: number; dueDate: string;
  analytics: { mainProblems: string; measures: string; proposals: string };
  figures: ReportFigures;
  signed: { at: string; by: { fullName: string } | null } | null;
}

function figureSheet(workbook: ExcelJS.Workbook, name: string, heading: string, figures: Figure[]) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [{ header: heading, width: 48 }, { header: 'Количество', width: 14 }];
  sheet.getRow(1).font = { bold: true };
  for (const f of figures) sheet.addRow([f.label, f.value]);
  const last = figures.length + 1;
  const total = sheet.addRow(['Итого', figures.length ? { formula: `SUM(B2:B${last})`, result: figures.reduce((a, f) => a + f.value, 0) } : 0]);
  total.font = { bold: true };
}

export async function reportXlsx(view: ReportView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Отклик';
  const f = view.figures;
  const summary = workbook.addWorksheet('Сводка');
  summary.columns = [{ header: 'Показатель', width: 52 }, { header: 'Значение', width: 16 }];
  summary.getRow(1).font = { bold: true };
  summary.addRows([
    ['Муниципальное образование', view.municipalityName],
    ['Период', `${view.quarter} квартал ${view.year} г. (${f.period.from} — ${f.period.to})`],
    ['Срок представления', view.dueDate],
    [f.total.label, f.total.value],
    [f.collective.label, f.collective.value],
    [f.repeated.label, f.repeated.value],
    [f.extended.label, f.extended.value],
    [f.answeredLate.label, f.answeredLate.value],
    [f.stillOverdue.label, f.stillOverdue.value],
    ['Средний срок ответа, дней', f.answerDays.average],
    ['Медианный срок ответа, дней', f.answerDays.median],
    ['Оценок заявителей', f.satisfaction.rated],
    ['Средняя оценка', f.satisfaction.average],
    ['Доля оценок 4–5', f.satisfaction.positiveShare],
    ['Информационных рисков', f.risks.total],
    ['Доля предложений ЦУР в срок (3 ч)', f.risks.curProposalOnTime],
    ['Доля проектов комментариев в срок (3 ч)', f.risks.draftOnTime],
  ]);
  figureSheet(workbook, 'Каналы', 'Канал поступления', f.byChannel);
  figureSheet(workbook, 'Разделы', 'Раздел классификатора', f.bySection);
  figureSheet(workbook, 'Тематики', 'Тематика', f.byTheme);
  figureSheet(workbook, 'Виды', 'Вид обращения', f.byKind);
  figureSheet(workbook, 'Результаты', 'Результат рассмотрения (ССТУ)', f.byResult);
  const problems = workbook.addWorksheet('Проблемы');
  problems.columns = [{ header: 'Тема', width: 48 }, { header: 'Обращений', width: 12 }, { header: 'Поддержано', width: 12 }, { header: 'Разъяснено', width: 12 }, { header: 'Не поддержано', width: 14 }];
  problems.getRow(1).font = { bold: true };
  for (const p of f.topProblems) problems.addRow([p.title, p.count, p.results.supported ?? 0, p.results.explained ?? 0, p.results.not_supported ?? 0]);
  const analytics = workbook.addWorksheet('Аналитика');
  analytics.columns = [{ header: 'Раздел', width: 30 }, { header: 'Текст', width: 100 }];
  analytics.getRow(1).font = { bold: true };
  analytics.addRows([['Основные проблемы', view.analytics.mainProblems], ['Принятые меры', view.analytics.measures], ['Предложения', view.analytics.proposals]]);
  analytics.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function reportPdf(view: ReportView, head: { position: string; fullName: string }): Promise<Buffer> {
  const f = view.figures;
  const list = (title: string, items: Figure[]) => [`${title}:`, ...items.map((i) => `— ${i.label}: ${i.value}`)].join('\n');
  return renderOfficialLetterPdf({
    letterhead: { organizationName: `Администрация: ${view.municipalityName}`, subtitle: 'Свердловская область' },
    date: view.signed ? view.signed.at.slice(0, 10) : f.period.to,
    number: `${view.quarter}-${view.year}`,
    title: `Отчёт о работе с обращениями граждан за ${view.quarter} квартал ${view.year} г.`,
    addressee: 'Центр управления региона Свердловской области',
    paragraphs: [
      `Период: ${f.period.from.split('-').reverse().join('.')} — ${f.period.to.split('-').reverse().join('.')}. Всего зарегистрировано обращений: ${f.total.value}; коллективных — ${f.collective.value}, повторных — ${f.repeated.value}, с продлением срока — ${f.extended.value}.`,
      `Ответ дан с нарушением срока: ${f.answeredLate.value}; просрочены и не закрыты: ${f.stillOverdue.value}. Средний срок ответа — ${f.answerDays.average ?? '—'} дн., медианный — ${f.answerDays.median ?? '—'} дн.`,
      `Оценки заявителей: ${f.satisfaction.rated}, средняя — ${f.satisfaction.average ?? '—'}, доля оценок 4–5 — ${f.satisfaction.positiveShare === null ? '—' : `${Math.round(f.satisfaction.positiveShare * 100)} %`}.`,
      list('По каналам поступления', f.byChannel),
      list('По видам', f.byKind),
      list('По результатам рассмотрения', f.byResult),
      list('По разделам классификатора', f.bySection),
      [`Основные проблемы (темы):`, ...f.topProblems.map((p) => `— ${p.title}: ${p.count}`)].join('\n'),
      `Информационные риски: ${f.risks.total}; предложения ЦУР в срок — ${f.risks.curProposalOnTime === null ? '—' : `${Math.round(f.risks.curProposalOnTime * 100)} %`}, проекты комментариев в срок — ${f.risks.draftOnTime === null ? '—' : `${Math.round(f.risks.draftOnTime * 100)} %`}.`,
      `Основные проблемы. ${view.analytics.mainProblems}`,
      `Принятые меры. ${view.analytics.measures}`,
      `Предложения. ${view.analytics.proposals}`,
    ],
    signature: head,
  });
}
