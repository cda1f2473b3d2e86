// The quarterly report of the biggest municipality on PostgreSQL: building its figures through HTTP from
// a separate server process, next to the bare SQL of the same aggregation in the same run, and the
// server's memory (RSS) while it builds.
//
//   npm run bench -- report                       database otklik_bench (100 000 appeals, kept between runs)
//   BENCH_DB=otklik_big npm run bench -- report   another database of the same server
//   BENCH_REPORT_ROUNDS=40 …                      reads per row (20 by default)
import { performance } from 'node:perf_hooks';
import { benchDatabase, percentile, startServer } from './common';
import { sql } from 'drizzle-orm';
import { appeals } from '../server/db/schema';
import { DEMO_PASSWORD } from '../server/seed/demo';
import { addDays, startOfLocalDay, toLocalDate } from '../domain/calendar/localDate';
import { quarterPeriod, type Quarter } from '../domain/reports/quarters';
import { quarterGroups, quarterTotals } from '../server/modules/reports/repository';

const DB_NAME = process.env.BENCH_DB ?? 'otklik_bench';
const COUNT = Number(process.env.BENCH_APPEALS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_REPORT_ROUNDS ?? 20);

const rowsOf = (res: unknown) => ((res as { rows?: unknown[] }).rows ?? res) as Record<string, unknown>[];
const fmt = (ms: number) => ms.toFixed(1).padStart(8);


async function main() {
  const { url, database } = await benchDatabase(DB_NAME, COUNT);
  const db = database.db;

  // The biggest municipality and its fullest quarter that has begun.
  const [big] = rowsOf(await db.execute(sql`
    select o.id, o.slug, o.time_zone, extract(year from a.registered_at at time zone o.time_zone)::int as year,
           extract(quarter from a.registered_at at time zone o.time_zone)::int as quarter, count(*)::int as n
    from appeals a join organizations o on o.id = a.organization_id
    where o.kind = 'municipality' and a.registered_at is not null
    group by 1, 2, 3, 4, 5 order by n desc limit 1`));
  const [head] = rowsOf(await db.execute(sql`select login from users where organization_id = ${big.id as string} and role = 'head' and active order by login limit 1`));
  const [{ total }] = rowsOf(await db.execute(sql`select count(*)::int as total from appeals`));
  const year = Number(big.year);
  const quarter = Number(big.quarter) as Quarter;
  const period = quarterPeriod(year, quarter);
  const bounds = { organizationId: big.id as string, from: startOfLocalDay(period.from, big.time_zone as string), to: startOfLocalDay(addDays(period.to, 1), big.time_zone as string) };
  const today = toLocalDate(new Date(), big.time_zone as string);

  const server = await startServer(url);
  const base = server.base;
  try {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: head.login, password: DEMO_PASSWORD }) });
    const { csrfToken } = await login.json() as { csrfToken: string };
    const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0], 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const opened = await fetch(`${base}/api/reports`, { method: 'POST', headers, body: JSON.stringify({ year, quarter }) });
    const report = await opened.json() as { id: string; figuresFrozen: boolean; figures: { total: { value: number } } };
    if (!opened.ok || report.figuresFrozen) throw new Error(`отчёт ${year}-${quarter}: ${opened.status}, figuresFrozen=${report.figuresFrozen}`);

    // One appeal of the quarter is touched before each build, so that the kept counts are stale and the figures are built again.
    const [touch] = rowsOf(await db.execute(sql`select id from appeals where organization_id = ${bounds.organizationId} and registered_at >= ${bounds.from.toISOString()}::timestamptz limit 1`));
    const invalidate = () => db.execute(sql`update appeals set updated_at = updated_at where id = ${touch.id as string}`);
    const read = async () => {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/reports/${report.id}`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET /api/reports/:id: ${res.status}`);
      return performance.now() - t0;
    };

    const idle = server.rss();
    let peak = idle;
    const sampler = setInterval(() => { peak = Math.max(peak, server.rss()); }, 10);
    const built: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await invalidate();
      built.push(await read());
      const t0 = performance.now();
      await quarterTotals(db, bounds, big.time_zone as string, today);
      await quarterGroups(db, bounds);
      bare.push(performance.now() - t0);
    }
    clearInterval(sampler);
    const kept: number[] = [];
    for (let i = 0; i < ROUNDS; i++) kept.push(await read());

    console.log(`\nКвартальный отчёт: ${big.slug}, ${quarter} квартал ${year} г. — ${report.figures.total.value} обращений из ${total} в базе; PostgreSQL, ${ROUNDS} чтений на строку.`);
    console.log('База — те же два агрегирующих запроса к базе без HTTP и без приложения, в том же прогоне.\n');
    const b50 = percentile(bare, 50);
    const b95 = percentile(bare, 95);
    console.log(`${'что'.padEnd(52)}      p50      p95  p50/база  p95/база`);
    const row = (name: string, s: number[]) => console.log(`${name.padEnd(52)} ${fmt(percentile(s, 50))} ${fmt(percentile(s, 95))} ${(percentile(s, 50) / b50).toFixed(2).padStart(9)} ${(percentile(s, 95) / b95).toFixed(2).padStart(9)}`);
    row('SQL агрегирования (база)', bare);
    row('GET /api/reports/:id, цифры строятся', built);
    row('GET /api/reports/:id, реестр не менялся', kept);
    console.log(`\nПамять сервера (RSS): ${idle.toFixed(0)} МБ до чтений, пик ${peak.toFixed(0)} МБ во время построения (цель — не больше 300 МБ).`);
    const p50 = percentile(built, 50);
    console.log(`p50 построения ${p50.toFixed(0)} мс (цель — не больше 1 с): ${p50 <= 1000 && peak <= 300 ? 'выполнено' : 'НЕ выполнено'}`);
  } finally {
    await server.stop();
    await database.close();
  }
}

// Awaited, so that bench/run.ts starts the next benchmark only after this one.
await main().catch((error) => {
  console.error(error);
  process.exit(1);
});
