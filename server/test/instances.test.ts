// Several app instances behind a proxy on one database: a session opened on one works on the other,
// a notification stored by one reaches a live stream opened on the other, and a job runs once.
// Everything goes through real HTTP listeners, as a proxy would send it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openDatabase, type Database } from '../db';
import { ManualClock } from '../platform/clock';
import { seedDemo } from '../seed/demo';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from './helpers';
import { eventReader, login } from './sse';

const config = { ...loadConfig({ NODE_ENV: 'test' }), loginRateLimit: { perIp: 10_000, perLogin: 1_000, windowMinutes: 15 } };

interface Instance { app: FastifyInstance; base: string }

async function start(database: Database, clock: ManualClock): Promise<Instance> {
  const app = await buildApp({ config, database, clock, logger: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, base };
}

async function changeContactPhone(base: string, as: { cookie: string; csrf: string }, phone: string): Promise<void> {
  const headers = { cookie: as.cookie, 'x-csrf-token': as.csrf, 'content-type': 'application/json' };
  const contacts = await (await fetch(`${base}/api/contacts`, { headers })).json() as { items: { id: string }[] };
  const res = await fetch(`${base}/api/contacts/${contacts.items[0].id}`, { method: 'PATCH', headers, body: JSON.stringify({ phone }) });
  expect(res.status).toBe(200);
}

describe('one instance: live notifications', () => {
  const clock = new ManualClock(new Date('2026-06-15T06:00:00Z'));
  let test: TestDatabase;
  let one: Instance;
  beforeAll(async () => {
    test = await createTestDatabase();
    await seedDemo(test.database.db);
    one = await start(test.database, clock);
  });
  afterAll(async () => {
    await one?.app.close();
    await test?.drop();
  });

  it('a notification stored by an action reaches the stream the user has open', async () => {
    const analyst = await login(one.base, 'cur.analyst');
    const stream = eventReader(await fetch(`${one.base}/api/notifications/stream`, { headers: { cookie: analyst.cookie } }));
    expect((await stream.next()).event).toBe('ready');
    await changeContactPhone(one.base, await login(one.base, 'beloyarsky.head'), '+7 (34377) 2-33-44');
    const got = await stream.nextOf('notifications');
    expect(got.event).toBe('notifications');
    const { items, unread } = got.data as { items: { kind: string; body: string }[]; unread: number };
    expect(items[0].kind).toBe('contact.changed');
    expect(items[0].body).toContain('2-33-44');
    expect(unread).toBe(1);
    await stream.cancel();
  });
});

// PGlite keeps its data in one process, so a second instance cannot open it: this part needs PostgreSQL.
describe.skipIf(!TEST_DATABASE_URL)('two instances on one PostgreSQL (needs TEST_DATABASE_URL: PGlite serves a single process)', () => {
  const clock = new ManualClock(new Date('2026-06-15T06:00:00Z'));
  let test: TestDatabase;
  let second: Database;
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    test = await createTestDatabase();
    await seedDemo(test.database.db);
    // Its own pool and listening connection, as another process would have.
    second = await openDatabase({ databaseUrl: test.url, pgliteDir: null });
    a = await start(test.database, clock);
    b = await start(second, clock);
  });
  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await second?.close();
    await test?.drop();
  });

  it('a session opened on one instance works on the other, CSRF token included', async () => {
    const head = await login(a.base, 'beloyarsky.head');
    const me = await fetch(`${b.base}/api/auth/me`, { headers: { cookie: head.cookie } });
    expect(me.status).toBe(200);
    expect((await me.json() as { user: { login: string } }).user.login).toBe('beloyarsky.head');
    await changeContactPhone(b.base, head, '+7 (34377) 2-00-01');
    const out = await fetch(`${b.base}/api/auth/logout`, { method: 'POST', headers: { cookie: head.cookie, 'x-csrf-token': head.csrf } });
    expect(out.status).toBeLessThan(300);
    // Signed out on B means signed out on A.
    expect((await fetch(`${a.base}/api/auth/me`, { headers: { cookie: head.cookie } })).status).toBe(401);
  });

  it('a notification caused by an action on A arrives on a stream opened on B', async () => {
    const analyst = await login(a.base, 'cur.analyst');
    const stream = eventReader(await fetch(`${b.base}/api/notifications/stream`, { headers: { cookie: analyst.cookie } }));
    const ready = await stream.next();
    expect(ready.event).toBe('ready');
    const before = (ready.data as { unread: number }).unread;
    await changeContactPhone(a.base, await login(a.base, 'beloyarsky.head'), '+7 (34377) 2-55-66');
    const got = await stream.nextOf('notifications');
    expect(got.event).toBe('notifications');
    const { items, unread } = got.data as { items: { kind: string; body: string }[]; unread: number };
    expect(items.map((i) => i.kind)).toEqual(['contact.changed']);
    expect(items[0].body).toContain('2-55-66');
    expect(unread).toBe(before + 1);
    await stream.cancel();
  });

  it('a stream keeps getting notifications after the listening connection was cut', async () => {
    const analyst = await login(b.base, 'cur.analyst');
    const stream = eventReader(await fetch(`${b.base}/api/notifications/stream`, { headers: { cookie: analyst.cookie } }));
    expect((await stream.next()).event).toBe('ready');
    const cut = await test.database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'otklik-listen'`) as unknown as { rows: unknown[] };
    expect(cut.rows.length).toBe(2);
    await changeContactPhone(a.base, await login(a.base, 'beloyarsky.head'), '+7 (34377) 2-77-88');
    const got = await stream.nextOf('notifications');
    expect(got.event).toBe('notifications');
    expect((got.data as { items: { body: string }[] }).items[0].body).toContain('2-77-88');
    await stream.cancel();
  });

  it('a job triggered on both instances at once runs once, and a scheduled tick right after skips it', async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const job = { name: 'two-instances-check', everyMs: 60_000, run: async () => { runs++; await gate; } };
    a.app.services.jobs.add(job);
    b.app.services.jobs.add(job);
    const both = [a.app.services.jobs.runOnce(job.name), b.app.services.jobs.runOnce(job.name)];
    // The instance that lost the race answers while the winner still holds the lease.
    expect(await Promise.race(both)).toBe(false);
    expect(runs).toBe(1);
    release();
    expect((await Promise.all(both)).filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    // The other instance's timer fires a moment later: the job ran this period, so it is not run again.
    clock.advance(10_000);
    expect(await b.app.services.jobs.runIfDue(job.name)).toBe(false);
    expect(await a.app.services.jobs.runIfDue(job.name)).toBe(false);
    clock.advance(60_000);
    const next = await Promise.all([a.app.services.jobs.runIfDue(job.name), b.app.services.jobs.runIfDue(job.name)]);
    expect(next.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(2);
  });
});
