// Analytics under load on PostgreSQL: the region's overview and a municipality's view through HTTP, p50/p95,
// each next to the bare SQL of the same appeal figures (one statement, no HTTP, no risks, reports or
// requests) measured in the same run.
//
//   npm run bench -- analytics                     100 000 appeals (kept between runs in database otklik_bench_analytics)
//   BENCH_APPEALS=1000000 npm run bench -- analytics
import { performance } from 'node:perf_hooks';
import { ensureDatabase, percentile } from './common';
import { sql } from 'drizzle-orm';
import { addDays, toLocalDate } from '../domain/calendar/localDate';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db';
import { prepareDatabase } from '../server/db/prepare';
import { REFERENCE_DATA } from '../server/seed/reference';
import { appeals } from '../server/db/schema';
import { seedDemo } from '../server/seed/demo';
import { seedAppeals } from '../server/seed/appeals';

const DB_NAME = 'otklik_bench_analytics';
const COUNT = Number(process.env.BENCH_APPEALS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

const fmt = (ms: number) => ms.toFixed(1).padStart(7);


/** The appeal figures of the overview in one hand-written statement: the floor any API answer stands on. */
const bareFigures = (from: string, to: string, now: string, org: string | null) => sql`
  select a.organization_id, count(*),
    count(*) filter (where a.status in ('received','registered','assigned','in_progress','on_approval','reopened')
      and (a.deadline_answer < (${now}::timestamptz at time zone o.time_zone)::date
        or (a.status = 'received' and a.deadline_register < (${now}::timestamptz at time zone o.time_zone)::date))),
    count(*) filter (where (a.answered_at at time zone o.time_zone)::date > a.deadline_answer),
    count(a.answered_at),
    percentile_cont(0.5) within group (order by extract(epoch from (a.answered_at - a.received_at)) / 86400.0) filter (where a.answered_at is not null),
    count(a.rating_score), avg(a.rating_score), count(*) filter (where a.rating_score in (1, 2)), count(*) filter (where a.repeated)
  from appeals a join organizations o on o.id = a.organization_id
  where a.received_at >= ${from}::date - interval '14 hours' and a.received_at < ${to}::date + interval '38 hours'
    and (a.received_at at time zone o.time_zone)::date between ${from}::date and ${to}::date
    ${org ? sql`and o.slug = ${org}` : sql``}
  group by grouping sets ((a.organization_id), ())`;

const bareUnits = (from: string, to: string, org: string, column: 'department_id' | 'executor_id') => sql`
  select a.${sql.raw(column)}, count(*), count(a.answered_at),
    percentile_cont(0.5) within group (order by extract(epoch from (a.answered_at - a.received_at)) / 86400.0) filter (where a.answered_at is not null),
    avg(a.rating_score)
  from appeals a join organizations o on o.id = a.organization_id
  where o.slug = ${org} and a.received_at >= ${from}::date - interval '14 hours' and a.received_at < ${to}::date + interval '38 hours'
    and (a.received_at at time zone o.time_zone)::date between ${from}::date and ${to}::date
  group by a.${sql.raw(column)}`;

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
  const login = async (name: string) => {
    const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: name, password: 'demo' }) });
    await res.arrayBuffer();
    return res.headers.get('set-cookie')!.split(';')[0];
  };
  const cur = await login('cur.analyst');

  async function measure(run: () => Promise<void>): Promise<number[]> {
    for (let i = 0; i < 3; i++) await run();
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
    return samples;
  }
  const http = (path: string) => async () => {
    const res = await fetch(`${base}${path}`, { headers: { cookie: cur } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  };

  const to = toLocalDate(new Date(), 'Asia/Yekaterinburg');
  const now = new Date().toISOString();
  const [{ total }] = await database.db.select({ total: sql<number>`count(*)::int` }).from(appeals);
  console.log(`\nАналитика: ${total} обращений, PostgreSQL; ${ROUNDS} запросов на строку.`);
  console.log('База — голый SQL тех же показателей обращений одним запросом, снятый в том же прогоне.\n');
  console.log(`${'запрос'.padEnd(52)}    p50     p95  база p95  p95/база`);
  const results: Record<string, number> = {};
  for (const [label, days] of [['квартал', 91], ['год', 365]] as const) {
    const from = addDays(to, -days + 1);
    const cases: [string, string, () => Promise<void>][] = [
      [`сводка по региону, ${label}`, `/api/analytics/overview?from=${from}&to=${to}`, async () => { await database.db.execute(bareFigures(from, to, now, null)); }],
      [`муниципалитет (Екатеринбург), ${label}`, `/api/analytics/municipalities/ekaterinburg?from=${from}&to=${to}`, async () => {
        await Promise.all([database.db.execute(bareFigures(from, to, now, 'ekaterinburg')), database.db.execute(bareUnits(from, to, 'ekaterinburg', 'department_id')), database.db.execute(bareUnits(from, to, 'ekaterinburg', 'executor_id'))]);
      }],
    ];
    for (const [name, path, bare] of cases) {
      const api = await measure(http(path));
      const floor = await measure(bare);
      const p95 = percentile(api, 95);
      const b95 = percentile(floor, 95);
      results[name] = p95;
      console.log(`${name.padEnd(52)} ${fmt(percentile(api, 50))} ${fmt(p95)}   ${fmt(b95)} ${(p95 / b95).toFixed(1).padStart(7)}`);
    }
  }
  const overview = Math.max(results['сводка по региону, квартал'], results['сводка по региону, год']);
  const municipality = Math.max(results['муниципалитет (Екатеринбург), квартал'], results['муниципалитет (Екатеринбург), год']);
  console.log(`\nСводка по региону p95 ${overview.toFixed(1)} мс (цель ≤ 300 мс): ${overview <= 300 ? 'выполнено' : 'НЕ выполнено'}`);
  console.log(`Муниципалитет p95 ${municipality.toFixed(1)} мс (цель ≤ 150 мс): ${municipality <= 150 ? 'выполнено' : 'НЕ выполнено'}`);
  await app.close();
  await database.close();
}

await main().catch((error) => {
  console.error(error);
  process.exit(1);
});
