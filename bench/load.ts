// N staff users at once on PostgreSQL, each going round the registry as a person does: the list, a filtered
// list, a search, an appeal's card, a comment on it. The application runs in its own process; autocannon
// keeps one connection per user. The baseline is GET /api/health from as many connections in the same run.
//
//   npm run bench -- load                          20 users for 20 s, database otklik_bench
//   npm run bench -- load --users 200 --seconds 300
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { benchDatabase, percentile, signIn, startServer } from './common';
import { DEMO_PASSWORD, DEMO_USERS } from '../server/seed/demo';

const { values } = parseArgs({ args: process.argv.slice(2), options: { users: { type: 'string' }, seconds: { type: 'string' } }, strict: false, allowPositionals: true });
const USERS = Number(values.users ?? 20);
const SECONDS = Number(values.seconds ?? 20);
const DB_NAME = process.env.BENCH_DB ?? 'otklik_bench';
const APPEALS = Number(process.env.BENCH_APPEALS ?? 100_000);
const GOAL_P95 = 300;

type Session = { cookie: string; csrf: string };

/** Runs autocannon and collects every response's time and every failure. */
function run(options: autocannon.Options): Promise<{ times: number[]; errors: number; requests: number }> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let errors = 0;
    const instance = autocannon(options, (error, result) => {
      if (error) reject(error);
      else resolve({ times, errors: errors + result.errors + result.timeouts, requests: result.requests.total });
    });
    instance.on('response', (_client, status, _bytes, time) => {
      times.push(time);
      if (status >= 400) errors++;
    });
  });
}

async function main() {
  const { url, database } = await benchDatabase(DB_NAME, APPEALS);
  await database.close();
  const server = await startServer(url);
  try {
    // Staff who work with the registry (the administrator and the analyst of ЦУР, the municipalities' people).
    const logins = DEMO_USERS.filter((u) => u.role !== 'cur_admin').map((u) => u.login);
    const sessions: Session[] = [];
    for (const login of logins) sessions.push(await signIn(server.base, login, DEMO_PASSWORD));
    const words = ['дорога', 'отопление', 'мусор контейнер', 'освещение', 'двор', 'вода'];
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
    type Context = { who?: Session; ids?: string[]; id?: string };
    const as = (context: Context, request: { method?: string; path: string; body?: string }) => {
      context.who ??= pick(sessions);
      const headers: Record<string, string> = { cookie: context.who.cookie };
      if (request.method === 'POST') Object.assign(headers, { 'content-type': 'application/json', 'x-csrf-token': context.who.csrf });
      return { method: 'GET', ...request, headers };
    };
    const remember = (_status: number, body: string, context: Context) => {
      const items = (JSON.parse(body) as { items?: { id: string }[] }).items ?? [];
      context.ids = items.map((i) => i.id);
    };
    const requests: autocannon.Request[] = [
      { setupRequest: (_r, c) => as(c as Context, { path: '/api/appeals?limit=50' }), onResponse: remember } as autocannon.Request,
      { setupRequest: (_r, c) => as(c as Context, { path: pick(['/api/appeals?limit=50&status=in_progress,assigned&sort=deadline', '/api/appeals?limit=50&overdue=true', '/api/appeals?limit=50&channel=pos']) }) } as autocannon.Request,
      { setupRequest: (_r, c) => as(c as Context, { path: `/api/appeals?limit=50&q=${encodeURIComponent(pick(words))}` }) } as autocannon.Request,
      { setupRequest: (_r, c) => { const ctx = c as Context; ctx.id = ctx.ids?.length ? pick(ctx.ids) : undefined; return ctx.id ? as(ctx, { path: `/api/appeals/${ctx.id}` }) : as(ctx, { path: '/api/appeals?limit=20' }); } } as autocannon.Request,
      { setupRequest: (_r, c) => { const ctx = c as Context; return ctx.id ? as(ctx, { method: 'POST', path: `/api/appeals/${ctx.id}/comments`, body: JSON.stringify({ text: 'Проверка нагрузки: уточняю у исполнителя.' }) }) : as(ctx, { path: '/api/appeals?limit=20' }); } } as autocannon.Request,
    ];

    const baseSeconds = Math.max(5, Math.round(SECONDS / 4));
    const base = await run({ url: `${server.base}/api/health`, connections: USERS, duration: baseSeconds });
    const idleRss = server.rss();
    let peakRss = idleRss;
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, server.rss()); }, 200);
    const load = await run({ url: server.base, connections: USERS, duration: SECONDS, requests });
    clearInterval(sampler);

    const b95 = percentile(base.times, 95);
    const row = (name: string, r: typeof base, seconds: number) => {
      const p95 = percentile(r.times, 95);
      console.log(`${name.padEnd(52)} ${(r.requests / seconds).toFixed(0).padStart(7)} ${percentile(r.times, 50).toFixed(0).padStart(7)} ${p95.toFixed(0).padStart(7)} ${String(r.errors).padStart(7)} ${(p95 / b95).toFixed(1).padStart(8)}`);
    };
    console.log(`\n${USERS} сотрудников одновременно, ${SECONDS} с; PostgreSQL, сервер отдельным процессом.`);
    console.log('Каждый по кругу: реестр, реестр с фильтром, поиск, карточка обращения, комментарий. База — GET /api/health с тем же числом соединений.\n');
    console.log(`${'что'.padEnd(52)}  запр/с  p50 мс  p95 мс  ошибок  p95/база`);
    row('GET /api/health (база)', base, baseSeconds);
    row('сотрудники: список, поиск, карточка, действия', load, SECONDS);
    const p95 = percentile(load.times, 95);
    console.log(`\nПамять сервера (RSS): ${idleRss.toFixed(0)} МБ до нагрузки, пик ${peakRss.toFixed(0)} МБ (цель — не больше 300 МБ).`);
    console.log(`p95 ${p95.toFixed(0)} мс, ошибок ${load.errors} (цель — p95 не больше ${GOAL_P95} мс и ни одной ошибки): ${p95 <= GOAL_P95 && load.errors === 0 ? 'выполнено' : 'НЕ выполнено'}`);
  } finally {
    await server.stop();
  }
}

// Awaited, so that bench/run.ts starts the next benchmark only after this one.
await main().catch((error) => {
  console.error(error);
  process.exit(1);
});
