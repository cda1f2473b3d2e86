// Appeals registry under load on PostgreSQL: list and search latency through HTTP, and registration
// throughput next to a bare multi-row INSERT of the same rows, measured in the same run.
//
//   npm run bench                       100 000 appeals (kept between runs in database otklik_bench)
//   BENCH_APPEALS=20000 npm run bench   a smaller registry
//   BENCH_FRESH=1 npm run bench         rebuild the bench database
import { performance } from 'node:perf_hooks';
import { ensureDatabase, percentile } from './common';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db';
import { prepareDatabase } from '../server/db/prepare';
import { REFERENCE_DATA } from '../server/seed/reference';
import { appeals, organizations } from '../server/db/schema';
import { seedDemo } from '../server/seed/demo';
import { seedAppeals } from '../server/seed/appeals';
import { formatNumber } from '../server/modules/appeals/service';

const DB_NAME = 'otklik_bench';
const COUNT = Number(process.env.BENCH_APPEALS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 500);


const fmt = (ms: number) => ms.toFixed(1).padStart(7);


async function main() {
  const url = await ensureDatabase(DB_NAME, { fresh: !!process.env.BENCH_FRESH });
  const database = await openDatabase({ databaseUrl: url, pgliteDir: null });
  await prepareDatabase(database, REFERENCE_DATA);
  await seedDemo(database.db);
  const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(appeals);
  if (Number(n) < COUNT) {
    const started = performance.now();
    process.stdout.write(`Загрузка ${COUNT - Number(n)} обращений…`);
    await seedAppeals(database.db, { count: COUNT - Number(n), seed: 2026, now: new Date(), days: 730 });
    await database.db.execute(sql`analyze`);
    process.stdout.write(` ${((performance.now() - started) / 1000).toFixed(1)} с\n`);
  }
  const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }), cookieSecure: false, loginRateLimit: { perIp: 10_000, perLogin: 10_000, windowMinutes: 1 } };
  const app = await buildApp({ config, database, logger: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });

  async function session(login: string) {
    const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'demo' }) });
    const body = await res.json() as { csrfToken: string };
    return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: body.csrfToken };
  }
  const cur = await session('cur.analyst');
  const bel = await session('beloyarsky.contact');

  async function time(path: string, who = cur): Promise<number[]> {
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) await (await fetch(`${base}${path}`, { headers: { cookie: who.cookie } })).arrayBuffer();
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie: who.cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      samples.push(performance.now() - t0);
    }
    return samples;
  }

  const health = await time('/api/health');
  const baseline95 = percentile(health, 95);
  const [{ total }] = await database.db.select({ total: sql<number>`count(*)::int` }).from(appeals);
  console.log(`\nРеестр: ${total} обращений, PostgreSQL; ${ROUNDS} запросов на строку через HTTP (keep-alive).`);
  console.log('Базовая линия — GET /api/health в том же прогоне.\n');
  console.log(`${'запрос'.padEnd(58)}    p50     p95     p99  p95/база`);
  console.log(`${'GET /api/health (база)'.padEnd(58)} ${fmt(percentile(health, 50))} ${fmt(baseline95)} ${fmt(percentile(health, 99))}     1.0`);

  const page2 = await (await fetch(`${base}/api/appeals?limit=50`, { headers: { cookie: cur.cookie } })).json() as { nextCursor: string };
  const cases: [string, string, typeof cur][] = [
    ['реестр ЦУР, первая страница', '/api/appeals?limit=50', cur],
    ['реестр ЦУР, следующая страница (курсор)', `/api/appeals?limit=50&cursor=${page2.nextCursor}`, cur],
    ['муниципалитет: статус в работе, по сроку', '/api/appeals?limit=50&status=in_progress,assigned&sort=deadline', bel],
    ['просроченные по региону', '/api/appeals?limit=50&overdue=true', cur],
    ['канал ПОС за квартал', '/api/appeals?limit=50&channel=pos&receivedFrom=2026-07-01&receivedTo=2026-09-30', cur],
    ['поиск «дорогах»', `/api/appeals?limit=50&q=${encodeURIComponent('дорогах')}`, cur],
    ['поиск «мусор контейнер»', `/api/appeals?limit=50&q=${encodeURIComponent('мусор контейнер')}`, cur],
    ['поиск «отопление» в муниципалитете', `/api/appeals?limit=50&q=${encodeURIComponent('отопление')}`, bel],
  ];
  let worst = 0;
  for (const [name, path, who] of cases) {
    const s = await time(path, who);
    const p95 = percentile(s, 95);
    worst = Math.max(worst, p95);
    console.log(`${name.padEnd(58)} ${fmt(percentile(s, 50))} ${fmt(p95)} ${fmt(percentile(s, 99))} ${(p95 / baseline95).toFixed(1).padStart(7)}`);
  }
  console.log(`\nХудший p95 списка и поиска: ${worst.toFixed(1)} мс (цель — меньше 100 мс): ${worst < 100 ? 'выполнено' : 'НЕ выполнено'}`);

  // Registration through HTTP, one by one as a clerk would, and 8 at a time.
  const body = (i: number) => JSON.stringify({ channel: 'pos', externalId: `BENCH-${Date.now()}-${i}`, text: `Нагрузочное обращение ${i}: не вывозят мусор с площадки у дома ${i % 90 + 1}.`, author: { surname: 'Проверкин', name: 'Тест' } });
  const post = (i: number) => fetch(`${base}/api/appeals`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: bel.cookie, 'x-csrf-token': bel.csrf }, body: body(i) })
    .then(async (r) => { await r.arrayBuffer(); if (r.status !== 201) throw new Error(`POST ${r.status}`); });
  let t0 = performance.now();
  for (let i = 0; i < REGISTRATIONS; i++) await post(i);
  const sequential = REGISTRATIONS / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  let next = REGISTRATIONS;
  await Promise.all(Array.from({ length: 8 }, async () => { while (next < REGISTRATIONS * 2) await post(next++); }));
  const parallel = REGISTRATIONS / ((performance.now() - t0) / 1000);

  // Baseline: the same number of rows in one multi-row INSERT, no HTTP, no checks, no audit.
  const [org] = await database.db.select().from(organizations).where(sql`${organizations.slug} = 'beloyarsky'`);
  const rows = Array.from({ length: REGISTRATIONS }, (_, i) => ({
    organizationId: org.id, number: formatNumber('БНЧ', 1999, i + Math.floor(Math.random() * 1e6)), year: 1999, seq: i,
    channel: 'pos', subChannel: 'pos', receivedAt: new Date(), registeredAt: new Date(), status: 'registered',
    text: `Нагрузочное обращение ${i}: не вывозят мусор с площадки у дома ${i % 90 + 1}.`, authorSurname: 'Проверкин', authorName: 'Тест',
    deadlineRegister: '2026-01-01', deadlineAnswer: '2026-01-15',
  }));
  t0 = performance.now();
  await database.db.transaction(async (tx) => {
    await tx.insert(appeals).values(rows);
    await tx.execute(sql`delete from appeals where year = 1999`);
  });
  const bare = REGISTRATIONS / ((performance.now() - t0) / 1000);
  console.log(`\nРегистрация ${REGISTRATIONS} обращений:`);
  console.log(`  POST /api/appeals по одному          ${sequential.toFixed(0).padStart(8)} обращ./с  (${(sequential / bare * 100).toFixed(2)} % базы)`);
  console.log(`  POST /api/appeals, 8 параллельно     ${parallel.toFixed(0).padStart(8)} обращ./с  (${(parallel / bare * 100).toFixed(2)} % базы)`);
  console.log(`  база: один многострочный INSERT      ${bare.toFixed(0).padStart(8)} строк/с`);
  console.log('  (POST проверяет данные, считает сроки, нумерует, пишет ход работы и аудит в одной транзакции)');

  await database.db.execute(sql`delete from appeals where external_id like 'BENCH-%'`);
  await app.close();
  await database.close();
}

// Awaited, so that bench/run.ts starts the next benchmark only after this one.
await main().catch((error) => {
  console.error(error);
  process.exit(1);
});
