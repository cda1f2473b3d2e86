// `otklik seed --appeals N` on PostgreSQL next to a bare multi-row INSERT loop of the same rows, in the same run.
//
//   npm run bench -- seed                      20 000 appeals
//   npm run bench -- seed --appeals 1000000    a big region's year
//   BENCH_SEED_APPEALS=100000 npm run bench -- seed
//
// Each side gets its own fresh database with the demo region. The seed is measured whole: generation,
// the inserts with the first timeline events and the index builds. The baseline is only the time spent
// inside `insert into appeals values (…), (…)` of 1,000 rows each (drizzle, as the registry's code
// writes), the rows generated outside the clock, into a registry with its indexes in place.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ADMIN_URL, ensureDatabase } from './common';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../server/db';
import { prepareDatabase } from '../server/db/prepare';
import { appeals } from '../server/db/schema';
import { REFERENCE_DATA } from '../server/seed/reference';
import { seedDemo } from '../server/seed/demo';
import { seedAppeals, seedBatches } from '../server/seed/appeals';

const { values } = parseArgs({ args: process.argv.slice(2), options: { appeals: { type: 'string' } }, strict: false, allowPositionals: true });
const COUNT = Number(values.appeals ?? process.env.BENCH_SEED_APPEALS ?? 20_000);
if (!Number.isInteger(COUNT) || COUNT < 1) throw new Error('--appeals: ожидается целое положительное число');
const SEED = 2026;
const NOW = new Date('2026-11-20T09:00:00Z');

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try { await client.query(query); } finally { await client.end(); }
}

async function freshDatabase(name: string): Promise<Database> {
  const database = await openDatabase({ databaseUrl: await ensureDatabase(name, { fresh: true }), pgliteDir: null });
  await prepareDatabase(database, REFERENCE_DATA);
  await seedDemo(database.db);
  return database;
}

const rate = (rows: number, ms: number) => rows / (ms / 1000);

async function main() {
  console.log(`\nЗагрузка ${COUNT} обращений в пустой реестр PostgreSQL (seed ${SEED}).`);

  // Baseline: the same rows, generated outside the clock, one multi-row INSERT of 1,000 rows after another.
  const bare = await freshDatabase('otklik_bench_seed_bare');
  let bareMs = 0;
  let bareRows = 0;
  for await (const batch of seedBatches(bare.db, { count: COUNT, seed: SEED, now: NOW, batchSize: 1000 })) {
    const t0 = performance.now();
    await bare.db.insert(appeals).values(batch.rows);
    bareMs += performance.now() - t0;
    bareRows += batch.rows.length;
    if (bareRows % 50_000 === 0) process.stdout.write(`\r  база: ${bareRows} строк`);
  }
  process.stdout.write('\r');
  await bare.close();
  await admin('DROP DATABASE IF EXISTS otklik_bench_seed_bare WITH (FORCE)');

  const database = await freshDatabase('otklik_bench_seed');
  const t0 = performance.now();
  let indexesAt = 0;
  const written = await seedAppeals(database.db, {
    count: COUNT, seed: SEED, now: NOW,
    onProgress: (done) => { if (done % 50_000 === 0) process.stdout.write(`\r  seed: ${done} строк`); },
    onIndexes: () => { indexesAt = performance.now(); },
  });
  const seedMs = performance.now() - t0;
  const indexMs = indexesAt ? performance.now() - indexesAt : 0;
  process.stdout.write('\r');
  const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(appeals);
  if (Number(n) !== COUNT || written !== COUNT) throw new Error(`записано ${written}, в реестре ${n}, ожидалось ${COUNT}`);
  await database.close();
  await admin('DROP DATABASE IF EXISTS otklik_bench_seed WITH (FORCE)');

  const seedRate = rate(COUNT, seedMs);
  const bareRate = rate(bareRows, bareMs);
  const fmt = (x: number) => x.toFixed(0).padStart(8);
  console.log(`${'что'.padEnd(62)}  строк/с   время, с  к базе`);
  console.log(`${'база: INSERT … VALUES по 1000 строк, только appeals, с индексами'.padEnd(62)} ${fmt(bareRate)} ${(bareMs / 1000).toFixed(1).padStart(10)}     1.0`);
  console.log(`${'otklik seed --appeals (с ходом работы, счётчиками и индексами)'.padEnd(62)} ${fmt(seedRate)} ${(seedMs / 1000).toFixed(1).padStart(10)} ${(seedRate / bareRate).toFixed(1).padStart(7)}`);
  if (indexMs) console.log(`  из них построение индексов после загрузки и ANALYZE: ${(indexMs / 1000).toFixed(1)} с`);
  console.log(`  1 000 000 обращений при этой скорости: ${(1_000_000 / seedRate / 60).toFixed(1)} мин (цель — не больше 3 мин)`);
}

// Awaited, so that bench/run.ts starts the next benchmark only after this one.
await main().catch((error) => {
  console.error(error);
  process.exit(1);
});
