import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../test/helpers';
import { ManualClock } from '../platform/clock';
import { seedAppeals } from './appeals';

const clock = new ManualClock(new Date('2026-06-15T06:00:00Z'));
let t: TestApp;
beforeAll(async () => { t = await buildTestApp({ clock }); });
afterAll(async () => { await t.close(); });

describe('seed --appeals', () => {
  const indexes = async () => ((await t.database.db.execute(sql`
    select indexname as name, indexdef as definition from pg_indexes where tablename in ('appeals', 'appeal_events')
    union all
    select conname, pg_get_constraintdef(oid) from pg_constraint where conrelid in ('appeals'::regclass, 'appeal_events'::regclass)
    order by 1, 2`)) as unknown as { rows: unknown[] }).rows;

  it('writes realistic appeals that the registry lists, numbers and times like its own', async () => {
    const before = await indexes();
    // Statements of 150 rows: the load into the empty registry takes several.
    const written = await seedAppeals(t.database.db, { count: 400, seed: 7, now: clock.now(), days: 200, batchSize: 150 });
    expect(written).toBe(400);
    // The empty registry was loaded without its secondary indexes and the timeline's reference; all are back.
    expect(await indexes()).toEqual(before);
    expect(before.length).toBeGreaterThan(10);
    const analyst = await t.login('cur.analyst');
    const all = (await analyst.get('/api/appeals?limit=200')).json();
    expect(all.total).toBe(400);
    const numbers = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { items: { number: string; status: string; deadlines: { answer: string } }[]; nextCursor: string | null } = (await analyst.get(`/api/appeals?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json();
      for (const i of page.items) {
        numbers.add(i.number);
        expect(i.deadlines.answer).toMatch(/^202[56]-\d\d-\d\d$/);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(numbers.size).toBe(400);
    const statuses = new Set(all.items.map((i: { status: string }) => i.status));
    expect(statuses.size).toBeGreaterThan(3);
    // Old appeals are mostly answered; a few are overdue, as in a real registry.
    const overdue = (await analyst.get('/api/appeals?overdue=true&limit=200')).json().total;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(200);
    // A new registration continues the municipality's numbering.
    const contact = await t.login('beloyarsky.contact');
    const last = (await contact.get('/api/appeals?sort=-number&limit=1')).json().items[0].number;
    const next = (await contact.post('/api/appeals', { channel: 'fz59', text: 'Новое обращение после загрузки' })).json().number;
    expect(Number(next.slice(-6))).toBe(Number(last.slice(-6)) + 1);
    // More appeals into a registry that has some: numbering goes on after the new registration.
    expect(await seedAppeals(t.database.db, { count: 120, seed: 8, now: clock.now(), days: 30, batchSize: 50 })).toBe(120);
    expect((await analyst.get('/api/appeals?limit=1')).json().total).toBe(521);
    const after = (await contact.post('/api/appeals', { channel: 'fz59', text: 'Ещё одно обращение после второй загрузки' })).json().number;
    const lastSeeded = (await contact.get('/api/appeals?sort=-number&limit=2')).json().items[1].number;
    expect(Number(after.slice(-6))).toBe(Number(lastSeeded.slice(-6)) + 1);
    // Each appeal starts its timeline with one event.
    const [{ events }] = ((await t.database.db.execute(sql`select count(*)::int as events from appeal_events where note like 'Загружено%'`)) as unknown as { rows: { events: number }[] }).rows;
    expect(Number(events)).toBe(520);
  });
});
