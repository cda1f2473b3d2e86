// What the benches on PostgreSQL share: the server they use, a database of their own on it, percentiles.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../server/db';
import { prepareDatabase } from '../server/db/prepare';
import { appeals } from '../server/db/schema';
import { REFERENCE_DATA } from '../server/seed/reference';
import { seedDemo } from '../server/seed/demo';
import { seedAppeals } from '../server/seed/appeals';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The p-th percentile of the values (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Creates the database when it is missing (dropping it first when `fresh`) and returns its URL. */
export async function ensureDatabase(name: string, options: { fresh?: boolean } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  if (options.fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The benches' server settings: rate limits that a load from one address would otherwise hit. */
export const BENCH_SERVER_ENV = {
  OTKLIK_PUBLIC_APPEALS_PER_HOUR: '100000', OTKLIK_LOGIN_LIMIT_PER_IP: '100000', OTKLIK_LOGIN_LIMIT_PER_LOGIN: '100000',
};

export interface BenchServer {
  base: string;
  pid: number;
  /** The server's resident memory now, in MB. */
  rss(): number;
  stop(): Promise<void>;
}

/** Starts the application in a process of its own on the database `url` (bench/report-server.ts). */
export async function startServer(url: string, env: Record<string, string> = {}): Promise<BenchServer> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'report-server.ts');
  const server = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...BENCH_SERVER_ENV, ...env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => { const m = /http:\/\/[\d.:]+/.exec(chunk.toString()); if (m) resolve(m[0]); });
    server.on('exit', (code) => reject(new Error(`сервер завершился с кодом ${code}`)));
  });
  return {
    base,
    pid: server.pid!,
    rss: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    },
  };
}

/** Signs in through HTTP; the cookie and CSRF token of the session. */
export async function signIn(base: string, login: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  if (!res.ok) throw new Error(`вход ${login}: ${res.status}`);
  const body = await res.json() as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: body.csrfToken };
}

/** Runs `task` from `clients` loops at once until `total` runs are done; the runs per second. */
export async function throughput(clients: number, total: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => { while (next < total) await task(next++); }));
  return total / ((performance.now() - t0) / 1000);
}

/**
 * Opens the bench database `name` with the demo region and at least `count` appeals (seeded when fewer;
 * kept between runs, so that a second run starts at once).
 */
export async function benchDatabase(name: string, count: number, options: { fresh?: boolean; poolSize?: number } = {}): Promise<{ url: string; database: Database }> {
  const url = await ensureDatabase(name, { fresh: options.fresh });
  const database = await openDatabase({ databaseUrl: url, pgliteDir: null, poolSize: options.poolSize });
  await prepareDatabase(database, REFERENCE_DATA);
  await seedDemo(database.db);
  const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(appeals);
  if (Number(n) < count) {
    const started = performance.now();
    process.stdout.write(`Загрузка ${count - Number(n)} обращений в ${name}…`);
    await seedAppeals(database.db, { count: count - Number(n), seed: 2026, now: new Date(), days: 730 });
    await database.db.execute(sql`analyze`);
    process.stdout.write(` ${((performance.now() - started) / 1000).toFixed(1)} с\n`);
  }
  return { url, database };
}
