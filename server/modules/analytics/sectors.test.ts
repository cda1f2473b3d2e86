import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';
import { seedAppeals } from '../../seed/appeals';

const clock = new ManualClock(new Date('2026-10-02T05:00:00Z'));
const FROM = '2026-07-01';
const TO = '2026-09-30';
let t: TestApp;
let admin: Session;
let analyst: Session;
let head: Session;
const rowsOf = (res: unknown) => ((res as { rows?: unknown[] }).rows ?? res) as Record<string, unknown>[];

beforeAll(async () => {
  t = await buildTestApp({ clock });
  await seedAppeals(t.database.db, { count: 400, seed: 5, now: clock.now(), days: 150 });
  admin = await t.login('cur.admin');
  analyst = await t.login('cur.analyst');
  head = await t.login('beloyarsky.head');
}, 240_000);
afterAll(async () => { await t.close(); });

async function registryTotal(link: string): Promise<number> {
  const res = await analyst.get(`/api/${link.slice(1)}&limit=1`);
  expect(res.statusCode, link).toBe(200);
  return res.json().total;
}

/** The group with most appeals in the period, counted independently of the analytics code. */
async function busiestGroup(): Promise<{ group: string; appeals: number }> {
  const [row] = rowsOf(await t.database.db.execute(sql`
    select t.group_code, count(*) as n from appeals a join topics t on t.code = a.topic_code join organizations o on o.id = a.organization_id
    where (a.received_at at time zone o.time_zone)::date between ${FROM}::date and ${TO}::date and t.group_code is not null
    group by t.group_code order by count(*) desc, t.group_code limit 1`));
  return { group: row.group_code as string, appeals: Number(row.n) };
}

describe('sector curators', () => {
  it('only the ЦУР administrator assigns curators; municipal users see no sectors at all', async () => {
    const list = await admin.get('/api/analytics/sectors');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.can.assign).toBe(true);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.analysts.map((a: { id: string }) => a.id)).toContain(analyst.user.id);
    expect((await analyst.get('/api/analytics/sectors')).json().can.assign).toBe(false);
    const group = body.items[0].group;

    expect((await analyst.request({ method: 'PUT', url: `/api/analytics/sectors/${group}`, payload: { curators: [analyst.user.id] } })).statusCode).toBe(403);
    expect((await head.request({ method: 'PUT', url: `/api/analytics/sectors/${group}`, payload: { curators: [analyst.user.id] } })).statusCode).toBe(403);
    expect((await head.get('/api/analytics/sectors')).statusCode).toBe(403);
    expect((await head.get(`/api/analytics/my-sector?from=${FROM}&to=${TO}`)).statusCode).toBe(403);

    const unknown = await admin.request({ method: 'PUT', url: '/api/analytics/sectors/no-such-group', payload: { curators: [] } });
    expect(unknown.statusCode).toBe(404);
    // A municipal user or the administrator is no analyst: refused, nothing written.
    const wrong = await admin.request({ method: 'PUT', url: `/api/analytics/sectors/${group}`, payload: { curators: [analyst.user.id, head.user.id] } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('validation_failed');
    expect((await admin.get('/api/analytics/sectors')).json().items[0].curators).toEqual([]);
  });

  it('an analyst without a sector has an empty «Моё направление»', async () => {
    const res = await analyst.get(`/api/analytics/my-sector?from=${FROM}&to=${TO}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ period: { from: FROM, to: TO }, groups: [] });
    expect((await analyst.get(`/api/analytics/my-sector?from=${TO}&to=${FROM}`)).statusCode).toBe(400);
  });

  it('the assigned curator sees the region\'s appeals of the group, each figure equal to its registry link', async () => {
    const busiest = await busiestGroup();
    const put = await admin.request({ method: 'PUT', url: `/api/analytics/sectors/${busiest.group}`, payload: { curators: [analyst.user.id] } });
    expect(put.statusCode).toBe(200);
    const sector = put.json().items.find((s: { group: string }) => s.group === busiest.group);
    expect(sector.curators).toEqual([expect.objectContaining({ id: analyst.user.id, login: 'cur.analyst' })]);
    const audit = (await admin.get(`/api/audit?entityType=topic_group&entityId=${busiest.group}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'topic_group.curators', before: { curators: [] }, after: { curators: [analyst.user.id] } });

    const res = await analyst.get(`/api/analytics/my-sector?from=${FROM}&to=${TO}`);
    expect(res.statusCode).toBe(200);
    const [g] = res.json().groups;
    expect(g.group).toBe(busiest.group);
    expect(g.appeals).toBe(busiest.appeals);
    expect(g.appeals).toBeGreaterThan(0);
    expect(await registryTotal(g.links.appeals)).toBe(g.appeals);
    expect(await registryTotal(g.links.overdue)).toBe(g.overdue);
    expect(g.municipalities.reduce((s: number, m: { appeals: number }) => s + m.appeals, 0)).toBe(g.appeals);
    expect(g.topics.reduce((s: number, x: { appeals: number }) => s + x.appeals, 0)).toBe(g.appeals);
    for (const m of g.municipalities) {
      expect(await registryTotal(m.link)).toBe(m.appeals);
      expect(await registryTotal(m.overdueLink)).toBe(m.overdue);
    }
    for (const x of g.topics.slice(0, 3)) expect(await registryTotal(x.link)).toBe(x.appeals);

    // An information risk on a topic of the group names its curator.
    const topic = g.topics[0].topic;
    const [risk] = rowsOf(await t.database.db.execute(sql`
      insert into risks (organization_id, number, platform, detected_at, text, kind, level, status, registered_by_side, deadline_cur_proposal, topic_code)
      select id, 'ИР-С-1', 'vk', timestamptz '2026-10-02 04:00+00', 'Публикация о проблеме', 'negative', 'medium', 'in_progress', 'cur', timestamptz '2026-10-02 07:00+00', ${topic}
      from organizations where slug = 'beloyarsky' returning id`));
    const shown = await admin.get(`/api/risks/${risk.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().sectorCurators).toEqual([{ id: analyst.user.id, fullName: expect.any(String) }]);

    // Unassigned: the block is empty again, and the change is audited.
    await admin.request({ method: 'PUT', url: `/api/analytics/sectors/${busiest.group}`, payload: { curators: [] } });
    expect((await analyst.get(`/api/analytics/my-sector?from=${FROM}&to=${TO}`)).json().groups).toEqual([]);
    expect((await admin.get(`/api/risks/${risk.id}`)).json().sectorCurators).toEqual([]);
  });
});
