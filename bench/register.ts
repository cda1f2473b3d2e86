// Registration throughput on PostgreSQL: the citizen's form (POST /api/public/appeals) and a clerk's intake
// (POST /api/appeals) through HTTP to the application in its own process, at 16 and 64 clients, next to a
// loop of single-row INSERTs of the same appeals over a pool of the same size, in the same run.
//
//   npm run bench -- register                          1 000 registrations per row, database otklik_bench
//   npm run bench -- register --count 5000 --clients 16,32,64
//   BENCH_DB=otklik_big npm run bench -- register      a registry of another size (BENCH_APPEALS seeds a new one)
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { benchDatabase, signIn, startServer, throughput } from './common';
import { appeals, organizations } from '../server/db/schema';
import { DEMO_PASSWORD } from '../server/seed/demo';
import { formatNumber } from '../server/modules/appeals/service';

const { values } = parseArgs({ args: process.argv.slice(2), options: { count: { type: 'string' }, clients: { type: 'string' } }, strict: false, allowPositionals: true });
const DB_NAME = process.env.BENCH_DB ?? 'otklik_bench';
const APPEALS = Number(process.env.BENCH_APPEALS ?? 100_000);
const COUNT = Number(values.count ?? process.env.BENCH_REGISTRATIONS ?? 1000);
const CLIENTS = String(values.clients ?? '16,64').split(',').map(Number).filter((n) => n > 0);
const POOL = Number(process.env.OTKLIK_DB_POOL_SIZE ?? 20);
const GOAL_RATE = 2000;
const GOAL_SHARE = 0.5;
const MARK = 'Нагрузочное обращение';
// Citizens are many different people: 40 surnames × 25 names, so that the author's earlier appeals are few, as in life.
const SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров',
  'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев',
  'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев',
  'Романов', 'Воробьёв', 'Сергеев', 'Кузьмин', 'Фролов', 'Александров', 'Дмитриев', 'Королёв', 'Гусев', 'Киселёв'];
const NAMES = ['Андрей', 'Алексей', 'Борис', 'Вадим', 'Виктор', 'Глеб', 'Денис', 'Евгений', 'Иван', 'Игорь', 'Кирилл', 'Леонид', 'Максим',
  'Никита', 'Олег', 'Павел', 'Роман', 'Сергей', 'Тимур', 'Фёдор', 'Юрий', 'Ярослав', 'Артём', 'Егор', 'Михаил'];
const author = (i: number) => ({ surname: SURNAMES[i % SURNAMES.length], name: NAMES[Math.floor(i / SURNAMES.length) % NAMES.length] });

async function main() {
  const { url, database } = await benchDatabase(DB_NAME, APPEALS, { poolSize: POOL });
  const db = database.db;
  const server = await startServer(url, { OTKLIK_DB_POOL_SIZE: String(POOL) });
  const [org] = await db.select().from(organizations).where(sql`${organizations.slug} = 'beloyarsky'`);
  const clerk = await signIn(server.base, 'beloyarsky.contact', DEMO_PASSWORD);
  const text = (i: number) => `${MARK} ${i}: не вывозят мусор с контейнерной площадки у дома ${i % 90 + 1}, прошу принять меры.`;
  let serial = 0;
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status}`);
  };
  const cases: [string, (i: number) => Promise<void>][] = [
    ['база: INSERT одной строки в цикле, тот же пул', async (i) => {
      await db.insert(appeals).values({
        organizationId: org.id, number: formatNumber('БНЧ', 1999, ++serial), year: 1999, seq: serial,
        channel: 'pos', subChannel: 'pos', receivedAt: new Date(), registeredAt: new Date(), status: 'registered',
        text: text(i), authorSurname: author(i).surname, authorName: author(i).name, deadlineRegister: '2026-01-01', deadlineAnswer: '2026-01-15',
      });
    }],
    ['POST /api/public/appeals (электронная приёмная)', (i) => post('/api/public/appeals', {
      municipality: 'beloyarsky', ...author(i), email: `bench${i}@example.ru`, text: text(i), consent: true,
    })],
    ['POST /api/appeals (регистрация сотрудником)', (i) => post('/api/appeals', {
      channel: 'pos', text: text(i), author: author(i),
    }, { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf })],
  ];

  try {
    // A short warm-up of every path, so that the first row does not pay for the JIT and the connections.
    for (const [, run] of cases) await throughput(4, 40, run);
    console.log(`\nРегистрация на PostgreSQL: ${COUNT} обращений на строку, пул ${POOL} соединений у сервера и у базы сравнения.`);
    console.log('База — INSERT одной строки обращения в цикле из стольких же клиентов, без HTTP и без проверок, в том же прогоне.\n');
    console.log(`${'клиентов'.padEnd(9)} ${'что'.padEnd(50)} ${'в секунду'.padStart(10)}  к базе`);
    let worst = { rate: Infinity, share: Infinity };
    for (const clients of CLIENTS) {
      let bare = 0;
      for (const [name, run] of cases) {
        const rate = await throughput(clients, COUNT, run);
        if (!bare) bare = rate;
        else worst = { rate: Math.min(worst.rate, rate), share: Math.min(worst.share, rate / bare) };
        console.log(`${String(clients).padEnd(9)} ${name.padEnd(50)} ${rate.toFixed(0).padStart(10)} ${(rate / bare).toFixed(2).padStart(7)}`);
      }
    }
    const met = worst.rate >= GOAL_RATE && worst.share >= GOAL_SHARE;
    console.log(`\nХудшая регистрация: ${worst.rate.toFixed(0)} в секунду, ${worst.share.toFixed(2)} базы (цель — не меньше ${GOAL_RATE} в секунду и ${GOAL_SHARE} базы): ${met ? 'выполнено' : 'НЕ выполнено'}`);
  } finally {
    await server.stop();
    await db.execute(sql`delete from appeals where text like ${`${MARK} %`}`);
    await db.execute(sql`delete from mail_outbox where "to" like 'bench%@example.ru'`);
    await database.close();
  }
}

// Awaited, so that bench/run.ts starts the next benchmark only after this one.
await main().catch((error) => {
  console.error(error);
  process.exit(1);
});
