// Use cases of channel imports: start an import of a file (the rows are written in the background while
// the run reports its progress), read a run and its rejected rows, edit the category-to-topic map.
import { stringify } from 'csv-stringify/sync';
import type { ImportSource } from '../../../domain/imports';
import type { Db } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { notFound, validationFailed } from '../../platform/errors';
import { authorize, isRegional, scopeOf, inScope } from '../../platform/policy';
import { isUuid } from '../../platform/http';
import { categoryKey, prepareImport, runImport, type PreparedImport } from './engine';
import { readTable } from './readers';
import * as repo from './repository';
import type { CategoryMap, CategoryMapBody, ImportRun } from './schema';

const runNotFound = () => notFound('import_not_found', 'Загрузка не найдена');
type RunRow = NonNullable<Awaited<ReturnType<typeof repo.runWithMunicipality>>>;

function present(row: RunRow): ImportRun {
  return {
    id: row.id, municipality: row.municipality, municipalityName: row.municipalityName, source: row.source, filename: row.filename,
    dryRun: row.dryRun, status: row.status, total: row.total, processed: row.processed, created: row.created, updated: row.updated,
    unchanged: row.unchanged, rejected: row.rejected, unmappedCategories: row.unmappedCategories, error: row.error,
    createdAt: row.createdAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The municipality an import goes into: a municipality's own (another's looks absent), or the one ЦУР names. */
export async function resolveMunicipality(db: Db, actor: Actor | null, slug: string | undefined): Promise<repo.Org> {
  if (actor && !isRegional(actor)) {
    const own = await repo.findMunicipality(db, { id: actor.organizationId });
    if (!own || (slug && slug !== own.slug)) throw notFound('municipality_not_found');
    return own;
  }
  if (!slug) throw validationFailed([{ field: 'municipality', message: 'Укажите муниципальное образование' }]);
  const org = await repo.findMunicipality(db, { slug });
  if (!org || !org.active) throw notFound('municipality_not_found', `Муниципальное образование «${slug}» не найдено`);
  return org;
}

export interface StartInput {
  source: ImportSource;
  municipality?: string;
  dryRun: boolean;
  filename: string;
  content: Buffer;
}

/**
 * Reads the file and creates the run (a wrong file is refused here, before anything is written); the rows are
 * written by `completion`, which the caller lets run after answering.
 */
export async function startImport(db: Db, ctx: RequestContext | null, input: StartInput, now: Date) {
  if (ctx) authorize(ctx.actor, 'imports.run');
  const org = await resolveMunicipality(db, ctx?.actor ?? null, input.municipality);
  const table = await readTable(input.content);
  const prepared = prepareImport(input.source, table, org.timeZone, now);
  const run = await audited(db, ctx, async (tx) => {
    const row = await repo.insertRun(tx, {
      organizationId: org.id, source: input.source, filename: input.filename.slice(0, 200), dryRun: input.dryRun,
      total: prepared.total, processed: 0, rejected: prepared.rejectedRows, rejections: prepared.rejections,
      createdBy: ctx?.actor.userId ?? null, createdAt: now,
    });
    return {
      result: row,
      audit: { action: 'import.start', entityType: 'import_run', entityId: row.id, organizationId: org.id, after: { source: input.source, filename: row.filename, dryRun: input.dryRun, total: prepared.total, rejected: prepared.rejectedRows } },
    };
  });
  return { run, org, prepared };
}

/** Writes the rows of a started run, reporting progress into the run; never throws (a failure is the run's status). */
export async function completeImport(
  db: Db, ctx: RequestContext | null, started: { run: repo.ImportRunRow; org: repo.Org; prepared: PreparedImport }, clock: () => Date,
  onProgress?: (p: { processed: number; total: number }) => void,
) {
  const { run, org, prepared } = started;
  try {
    const counts = await runImport({
      db, ctx, org, source: run.source, prepared, dryRun: run.dryRun, now: clock(), runId: run.id,
      onProgress: async (p) => {
        onProgress?.(p);
        await repo.updateRun(db, run.id, { processed: p.processed, created: p.created, updated: p.updated, unchanged: p.unchanged, rejected: p.rejected });
      },
    });
    await repo.updateRun(db, run.id, { ...counts, processed: prepared.total, status: 'done', finishedAt: clock() });
    return counts;
  } catch (error) {
    await repo.updateRun(db, run.id, { status: 'failed', error: 'Загрузка прервалась из-за ошибки сервера; загрузите файл ещё раз — уже записанные строки не повторятся', finishedAt: clock() });
    throw error;
  }
}

async function visibleRun(db: Db, actor: Actor, id: string): Promise<RunRow> {
  if (!isUuid(id)) throw runNotFound();
  const row = await repo.runWithMunicipality(db, id);
  if (!row || !inScope(actor, row.organizationId)) throw runNotFound();
  return row;
}

export async function getRun(db: Db, actor: Actor, id: string): Promise<ImportRun> {
  return present(await visibleRun(db, actor, id));
}

export async function presentRun(db: Db, id: string): Promise<ImportRun> {
  const row = await repo.runWithMunicipality(db, id);
  if (!row) throw runNotFound();
  return present(row);
}

export async function listRuns(db: Db, actor: Actor): Promise<ImportRun[]> {
  return (await repo.listRuns(db, scopeOf(actor), 50)).map(present);
}

/** A value Excel would run as a formula is written as text. */
const asText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The rejected rows as CSV for Excel: row, column, problem, value. */
export function rejectionsCsv(rejections: { row: number; column: string; problem: string; value: string }[]): Buffer {
  const text = stringify([['Строка', 'Столбец', 'Проблема', 'Значение'], ...rejections.map((r) => [r.row, r.column, r.problem, asText(r.value)])], { delimiter: ';' });
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(text)]);
}

export async function rejectionsOf(db: Db, actor: Actor, id: string) {
  await visibleRun(db, actor, id);
  const run = await repo.findRun(db, id);
  return { filename: `отклонённые строки ${run!.filename.replace(/\.[^.]*$/, '')}.csv`, content: rejectionsCsv(run!.rejections) };
}

export async function getCategoryMap(db: Db, source: ImportSource): Promise<CategoryMap> {
  return { items: await repo.categoryMap(db, source) };
}

export async function replaceCategoryMap(db: Db, ctx: RequestContext, source: ImportSource, body: CategoryMapBody, now: Date): Promise<CategoryMap> {
  authorize(ctx.actor, 'imports.categories');
  const rows = body.items.map((i) => ({ category: categoryKey(i.category), subcategory: categoryKey(i.subcategory), topic: i.topic.trim() }));
  const problems: { field: string; message: string }[] = [];
  const known = await repo.activeTopics(db, [...new Set(rows.map((r) => r.topic))]);
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (!r.category) problems.push({ field: `items.${i}.category`, message: 'Укажите категорию' });
    if (!known.has(r.topic)) problems.push({ field: `items.${i}.topic`, message: `Нет такой темы в классификаторе: ${r.topic}` });
    const key = `${r.category}\u0000${r.subcategory}`;
    if (seen.has(key)) problems.push({ field: `items.${i}.category`, message: 'Эта категория и подкатегория уже есть в таблице' });
    seen.add(key);
  });
  if (problems.length) throw validationFailed(problems);
  const before = await repo.categoryMap(db, source);
  await audited(db, ctx, async (tx) => {
    await repo.replaceCategoryMap(tx, source, rows, now);
    return { result: null, audit: { action: 'import.categories', entityType: 'import_categories', entityId: source, organizationId: null, before: { count: before.length }, after: { count: rows.length, items: rows.slice(0, 50) } } };
  });
  return getCategoryMap(db, source);
}
