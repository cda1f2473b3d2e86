// A month of ПОС messages of a large municipality imported on PostgreSQL: the first import, the same file
// again (every row compared, nothing written) and a dry run, next to a bare multi-row INSERT of the same
// number of appeals measured in the same run.
//
//   npm run bench -- imports              5 000 rows
//   BENCH_IMPORT_ROWS=20000 npm run bench -- imports
import { performance } from 'node:perf_hooks';
import { ensureDatabase } from './common';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/db';
import { prepareDatabase } from '../server/db/prepare';
import { REFERENCE_DATA } from '../server/seed/reference';
import { seedDemo } from '../server/seed/demo';
import { appeals } from '../server/db/schema';
import { completeImport, startImport } from '../server/modules/imports/service';
import { posRows, toCsv } from '../server/modules/imports/fixtures';
import { summaryLine } from '../server/modules/imports/cli';

const DB_NAME = 'otklik_bench_imports';
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5000);


async function main() {
  const database = await openDatabase({ databaseUrl: await ensureDatabase(DB_NAME, { fresh: true }), pgliteDir: null });
  await prepareDatabase(database, REFERENCE_DATA);
  await seedDemo(database.db);
  const db = database.db;
  const file = toCsv(posRows(ROWS, { from: 1_000_000 }));

  async function importOnce(slug: string, dryRun: boolean) {
    const t0 = performance.now();
    const started = await startImport(db, null, { source: 'pos', municipality: slug, dryRun, filename: 'bench.csv', content: file }, new Date());
    const counts = await completeImport(db, null, started, () => new Date());
    return { ms: performance.now() - t0, counts };
  }

  // Baseline: the same number of appeals in one bare INSERT per 500 rows, no reading, no comparison, no events.
  const [org] = (await db.execute(sql`select id from organizations where slug = 'pervouralsk'`) as unknown as { rows: { id: string }[] }).rows;
  const t0 = performance.now();
  for (let start = 0; start < ROWS; start += 500) {
    const n = Math.min(500, ROWS - start);
    await db.insert(appeals).values(Array.from({ length: n }, (_, i) => ({
      organizationId: org.id, number: `ПРВ-2026-${String(start + i + 1).padStart(6, '0')}`, year: 2026, seq: start + i + 1,
      channel: 'pos', subChannel: 'pos', externalId: String(start + i), receivedAt: new Date(), registeredAt: new Date(), status: 'registered', text: 'Базовая строка',
    })));
  }
  const baseline = performance.now() - t0;

  const first = await importOnce('nizhny-tagil', false);
  const again = await importOnce('nizhny-tagil', false);
  const dry = await importOnce('ekaterinburg', true);
  const line = (name: string, ms: number, extra = '') =>
    console.log(`${name.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} с  ${Math.round(ROWS / (ms / 1000)).toString().padStart(7)} строк/с  ×${(ms / baseline).toFixed(1).padStart(5)} к базовой ${extra}`);
  console.log(`Загрузка выгрузки ПОС, ${ROWS} строк, PostgreSQL`);
  line('базовая: голый INSERT пачками', baseline);
  const counts = (c: typeof first.counts) => summaryLine(c);
  line('первая загрузка', first.ms, counts(first.counts));
  line('повторная (всё без изменений)', again.ms, counts(again.counts));
  line('пробный прогон', dry.ms, counts(dry.counts));
  await database.close();
}

await main();
