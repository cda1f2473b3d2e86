// `otklik text eval`: trains exactly the model the server uses on labelled texts from CSV and prints
// one JSON object with its figures — by k-fold cross-validation or on a separate test file.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { crossValidate, trainTestSplit, type Evaluation, type LabelledText } from './evaluate';
import { stripHtml } from './normalize';

export const TEXT_HELP = `Использование:
  otklik text eval --data FILE.csv --text-column NAME --label-column NAME [--folds 5]
  otklik text eval --train A.csv --test B.csv --text-column NAME --label-column NAME

Печатает один объект JSON: n, labels, accuracy, top3, macroF1, coverage, perLabel, trainSeconds,
textsPerSecond. Разделитель CSV (запятая, точка с запятой или табуляция) определяется по заголовку.`;

export class TextCommandError extends Error {}

/** Reads the text and label columns of a CSV file; rows with an empty text or label are skipped. */
export function readLabelledCsv(file: string, textColumn: string, labelColumn: string): LabelledText[] {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch {
    throw new TextCommandError(`Не удалось прочитать файл «${file}»`);
  }
  const firstLine = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0].d;
  let records: Record<string, string>[];
  try {
    records = parse(content, { columns: true, delimiter, bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    throw new TextCommandError(`Файл «${file}» — не CSV: ${(error as Error).message}`);
  }
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  for (const column of [textColumn, labelColumn]) {
    if (records.length > 0 && !header.includes(column)) {
      throw new TextCommandError(`В файле «${file}» нет столбца «${column}». Есть: ${header.join(', ')}`);
    }
  }
  return records
    .map((record) => ({ text: stripHtml(record[textColumn] ?? '').trim(), label: (record[labelColumn] ?? '').trim() }))
    .filter((row) => row.text && row.label);
}

/** Runs `text <subcommand>`; returns the figures or throws TextCommandError with a Russian message. */
export function runTextEval(args: string[]): Evaluation {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        data: { type: 'string' }, train: { type: 'string' }, test: { type: 'string' }, folds: { type: 'string' },
        'text-column': { type: 'string' }, 'label-column': { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new TextCommandError(`Неверные параметры: ${(error as Error).message}\n\n${TEXT_HELP}`);
  }
  const textColumn = values['text-column'];
  const labelColumn = values['label-column'];
  if (!textColumn || !labelColumn) throw new TextCommandError(`Нужны --text-column и --label-column\n\n${TEXT_HELP}`);
  if (values.data && (values.train || values.test)) throw new TextCommandError('Укажите либо --data, либо --train и --test');
  if (values.data) {
    const folds = values.folds === undefined ? 5 : Number(values.folds);
    if (!Number.isInteger(folds) || folds < 2 || folds > 50) throw new TextCommandError('--folds: ожидается целое число от 2 до 50');
    const data = readLabelledCsv(values.data, textColumn, labelColumn);
    requireLabels(data, values.data);
    if (data.length < folds) throw new TextCommandError(`В «${values.data}» меньше текстов (${data.length}), чем частей (${folds})`);
    return crossValidate(data, folds);
  }
  if (values.train && values.test) {
    const train = readLabelledCsv(values.train, textColumn, labelColumn);
    requireLabels(train, values.train);
    const test = readLabelledCsv(values.test, textColumn, labelColumn);
    if (test.length === 0) throw new TextCommandError(`В «${values.test}» нет размеченных текстов`);
    return trainTestSplit(train, test);
  }
  if (values.folds !== undefined) throw new TextCommandError('--folds — только вместе с --data');
  throw new TextCommandError(`Укажите --data или --train и --test\n\n${TEXT_HELP}`);
}

function requireLabels(data: LabelledText[], file: string): void {
  if (new Set(data.map((d) => d.label)).size < 2) throw new TextCommandError(`В «${file}» меньше двух разных меток — учить нечему`);
}

/** The `text` command of otklik: prints exactly one JSON object on stdout, or a message on stderr with exit code 2. */
export function textCommand(argv: string[]): number {
  const [subcommand, ...args] = argv;
  if (subcommand !== 'eval') {
    console.error(subcommand ? `Неизвестная подкоманда «text ${subcommand}».\n\n${TEXT_HELP}` : TEXT_HELP);
    return 2;
  }
  try {
    process.stdout.write(`${JSON.stringify(runTextEval(args))}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof TextCommandError)) throw error;
    console.error(error.message);
    return 2;
  }
}
