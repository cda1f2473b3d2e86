// Builds the whole app on a fresh database for a test: PGlite in memory, or a new PostgreSQL
// database when TEST_DATABASE_URL is set (the same suite then runs on the production engine).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { openDatabase, type Database } from '../db';
import { prepareDatabase } from '../db/prepare';
import { REFERENCE_DATA } from '../seed/reference';
import { seedDemo } from '../seed/demo';
import type { Clock } from '../platform/clock';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || null;

export interface TestDatabase {
  database: Database;
  /** The PostgreSQL database's address, so that a second instance can open it; null on PGlite. */
  url: string | null;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database on the test engine; `prepare: false` leaves it empty (migration tests). */
export async function createTestDatabase(options: { prepare?: boolean } = {}): Promise<TestDatabase> {
  const prepare = options.prepare === false ? async () => {} : (database: Database) => prepareDatabase(database, REFERENCE_DATA);
  if (!TEST_DATABASE_URL) {
    const database = await openDatabase({ databaseUrl: null, pgliteDir: null });
    await prepare(database);
    return { database, url: null, drop: () => database.close() };
  }
  const name = `otklik_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(TEST_DATABASE_URL, name);
  const database = await openDatabase({ databaseUrl: url, pgliteDir: null });
  await prepare(database);
  return {
    database,
    url,
    async drop() {
      await database.close();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface Session {
  login: string;
  cookie: string;
  csrfToken: string;
  user: { id: string; role: string; organization: { id: string; slug: string } };
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  login(login: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export async function buildTestApp(options: { clock?: Clock; config?: Partial<Config>; seed?: boolean; extend?: (app: FastifyInstance) => void; logger?: object } = {}): Promise<TestApp> {
  const { database, drop } = await createTestDatabase();
  if (options.seed !== false) await seedDemo(database.db);
  // Tests log in many times from one address; the limits themselves are tested with their own values.
  const config = { ...loadConfig({ NODE_ENV: 'test' }), loginRateLimit: { perIp: 10_000, perLogin: 1_000, windowMinutes: 15 }, ...options.config };
  const app = await buildApp({ config, database, clock: options.clock, logger: options.logger ?? false });
  options.extend?.(app);
  await app.ready();
  return {
    app,
    database,
    config,
    async login(login, password = 'demo') {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
      if (response.statusCode !== 200) throw new Error(`login ${login} failed: ${response.statusCode} ${response.body}`);
      const cookie = String(response.headers['set-cookie']).split(';')[0];
      const body = response.json();
      const request = (o: InjectOptions): Promise<LightMyRequestResponse> => app.inject({ ...o, headers: { cookie, 'x-csrf-token': body.csrfToken, ...(o.headers ?? {}) } });
      return {
        login, cookie, csrfToken: body.csrfToken, user: body.user, request,
        get: (url) => request({ method: 'GET', url }),
        post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
        patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
        del: (url) => request({ method: 'DELETE', url }),
      };
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}
