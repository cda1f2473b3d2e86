// `otklik import pos|incidents FILE --municipality SLUG [--dry-run] [--report FILE.csv]`: the same import as the
// web's, progress on stderr, and on stdout the one summary line «created N, updated N, unchanged N, rejected N».
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isImportSource } from '../../../domain/imports/columns';
import type { Database } from '../../db';
import { systemClock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { completeImport, rejectionsCsv, startImport } from './service';

export const IMPORT_HELP = `Использование:
  otklik import pos FILE --municipality SLUG [--dry-run] [--report REJECTED.csv]
  otklik import incidents FILE --municipality SLUG [--dry-run] [--report REJECTED.csv]

FILE — выгрузка CSV или XLSX. --dry-run показывает, что изменится, ничего не записывая;
--report сохраняет отклонённые строки (строка, столбец, проблема, значение).`;

export function summaryLine(c: { created: number; updated: number; unchanged: number; rejected: number }): string {
  return `created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, rejected ${c.rejected}`;
}

function bar(done: number, total: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done} из ${total}`;
}

interface Output { write(text: string): unknown }

export async function importCommand(args: string[], open: () => Promise<Database>, out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { municipality: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, report: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    err.write(`${(error as Error).message}\n\n${IMPORT_HELP}\n`);
    return 2;
  }
  const [source, file] = parsed.positionals;
  if (!isImportSource(source) || !file || parsed.positionals.length > 2) { err.write(`${IMPORT_HELP}\n`); return 2; }
  if (!parsed.values.municipality) { err.write('Укажите муниципальное образование: --municipality SLUG\n'); return 2; }
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch {
    err.write(`Не удалось прочитать файл «${file}»\n`);
    return 2;
  }
  const database = await open();
  try {
    const started = await startImport(database.db, null, {
      source, municipality: parsed.values.municipality, dryRun: parsed.values['dry-run'] ?? false, filename: path.basename(file), content,
    }, systemClock.now());
    const counts = await completeImport(database.db, null, started, () => systemClock.now(), (p) => err.write(`\r  ${bar(p.processed, p.total)}`));
    err.write('\n');
    if (parsed.values.report) fs.writeFileSync(parsed.values.report, rejectionsCsv(started.prepared.rejections));
    if (counts.unmappedCategories.length) err.write(`Категории без темы в таблице соответствия: ${counts.unmappedCategories.join('; ')}\n`);
    out.write(`${summaryLine(counts)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) { err.write(`${error.message}\n`); return 1; }
    throw error;
  } finally {
    await database.close();
  }
}
