// Appeals registry on PostgreSQL: list and search latency through HTTP next to GET /api/health in the
// same run (registration throughput is `npm run bench -- register`).
//
//   npm run bench                       100 000 appeals (kept between runs in database otklik_bench)
//   BENCH_APPEALS=20000 npm run bench   a smaller registry
//   BENCH_FRESH=1 npm run bench         rebuild the bench database
import { performance } from 'node:perf_hooks';
import { benchDatabase, percentile } from './common';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { appeals } from '../server/db/schema';

const DB_NAME = process.env.BENCH_DB ?? 'otklik_bench';
const COUNT = Number(process.env.BENCH_APPEALS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);


const fmt = (ms: number) => ms.toFixed(1).padStart(7);


async function main() {
  const { database } = await benchDatabase(DB_NAME, COUNT, { fresh: !!process.env.BENCH_FRESH });
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

  await app.close();
  await database.close();
}

// Awaited, so that bench/run.ts starts the next benchmark only after this one.
await main().catch((error) => {
  console.error(error);
  process.exit(1);
});
