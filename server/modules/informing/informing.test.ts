import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';

const clock = new ManualClock(new Date('2026-06-15T06:00:00Z'));
let t: TestApp;
beforeAll(async () => { t = await buildTestApp({ clock }); });
afterAll(async () => { await t.close(); });

async function letters(to: string) {
  const res = await t.database.db.execute(sql`select subject, text from mail_outbox where "to" = ${to} order by created_at`);
  return (res as unknown as { rows: { subject: string; text: string }[] }).rows;
}
const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as never });

describe('the plan of publications (§6.2)', () => {
  it('is kept by the administration, read by ЦУР, and published with a link', async () => {
    const contact = await t.login('beloyarsky.contact');
    const res = await contact.post('/api/publications', { municipality: 'beloyarsky', title: 'График вывоза мусора летом', topic: '0005.0005', channel: 'vk', plannedOn: '2026-06-20' });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ status: 'planned', topicTitle: expect.any(String), link: null, can: { edit: true } });
    await contact.post('/api/publications', { municipality: 'beloyarsky', title: 'Итоги ремонта дорог', channel: 'website', plannedOn: '2026-07-02' });

    const june = (await contact.get('/api/publications?from=2026-06-01&to=2026-06-30')).json().items;
    expect(june.map((x: { title: string }) => x.title)).toEqual(['График вывоза мусора летом']);
    const noLink = await contact.patch(`/api/publications/${p.id}`, { status: 'published' });
    expect([noLink.statusCode, noLink.json().details[0].field]).toEqual([400, 'link']);
    const published = (await contact.patch(`/api/publications/${p.id}`, { status: 'published', link: 'https://vk.com/wall-1_2' })).json();
    expect(published).toMatchObject({ status: 'published', link: 'https://vk.com/wall-1_2', publishedAt: '2026-06-15T06:00:00.000Z' });

    const cur = await t.login('cur.analyst');
    expect((await cur.get('/api/publications?from=2026-06-01&to=2026-07-31&municipality=beloyarsky')).json().items).toHaveLength(2);
    const ekb = await t.login('ekb.contact');
    expect((await ekb.get('/api/publications?from=2026-06-01&to=2026-07-31')).json().items).toEqual([]);
    expect((await ekb.patch(`/api/publications/${p.id}`, { title: 'Чужое' })).statusCode).toBe(404);
    expect((await (await t.login('beloyarsky.executor')).post('/api/publications', { municipality: 'beloyarsky', title: 'Пост', channel: 'vk', plannedOn: '2026-06-20' })).statusCode).toBe(403);
    const backwards = await contact.get('/api/publications?from=2026-06-30&to=2026-06-01');
    expect([backwards.statusCode, backwards.json().details[0].field]).toEqual([400, 'to']);
  });
});

describe('subscriptions of residents', () => {
  it('start only from the confirmation link, which works once; one click unsubscribes', async () => {
    const page = (await t.app.inject({ method: 'GET', url: '/api/public/informing/beloyarsky' })).json();
    expect(page.municipalityName).toBeTruthy();
    expect(page.topics).toContainEqual(expect.objectContaining({ code: '0005.0005', section: 'Жилищно-коммунальная сфера' }));

    const ask = await post('/api/public/subscriptions', { municipality: 'beloyarsky', email: 'Resident@Example.ru', topics: ['0005.0005', '0003.0009'] });
    expect([ask.statusCode, ask.json().message]).toEqual([202, expect.stringContaining('подтверждения')]);
    const staff = await t.login('beloyarsky.head');
    expect((await staff.get('/api/informing/subscribers')).json()).toEqual({ total: 0, byTopic: [] });

    const [letter] = await letters('Resident@Example.ru');
    expect(letter.subject).toContain('Подтвердите подписку');
    const token = /confirm\?token=([\w-]+)/.exec(letter.text)![1];
    const confirmed = await post('/api/public/subscriptions/confirm', { token });
    expect(confirmed.json()).toMatchObject({ municipality: 'beloyarsky', status: 'confirmed', topics: expect.arrayContaining(['Жилище']) });
    expect((await post('/api/public/subscriptions/confirm', { token })).statusCode).toBe(404);
    const counts = (await staff.get('/api/informing/subscribers')).json();
    expect(counts.total).toBe(1);
    expect(counts.byTopic.map((x: { code: string; subscribers: number }) => [x.code, x.subscribers])).toEqual([['0003.0009', 1], ['0005.0005', 1]]);

    // Asking again with other topics (any letter case) changes nothing until that letter's link is opened.
    await post('/api/public/subscriptions', { municipality: 'beloyarsky', email: 'resident@example.ru', topics: ['0002.0004'] });
    expect((await staff.get('/api/informing/subscribers')).json().byTopic.map((x: { code: string }) => x.code)).toEqual(['0003.0009', '0005.0005']);
    const second = (await letters('resident@example.ru')).at(-1)!;
    await post('/api/public/subscriptions/confirm', { token: /confirm\?token=([\w-]+)/.exec(second.text)![1] });
    expect((await staff.get('/api/informing/subscribers')).json().byTopic.map((x: { code: string }) => x.code)).toEqual(['0002.0004']);

    const rows = await t.database.db.execute(sql`select unsubscribe_token from subscriptions where lower(email) = 'resident@example.ru'`);
    const unsubscribeToken = (rows as unknown as { rows: { unsubscribe_token: string }[] }).rows[0].unsubscribe_token;
    expect((await post('/api/public/subscriptions/unsubscribe', { token: unsubscribeToken })).json().status).toBe('unsubscribed');
    expect((await post('/api/public/subscriptions/unsubscribe', { token: unsubscribeToken })).json().status).toBe('unsubscribed');
    expect((await staff.get('/api/informing/subscribers')).json().total).toBe(0);
    const auditItems = (await (await t.login('cur.admin')).get('/api/audit?entityType=subscription')).json().items;
    const audit = auditItems.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['subscription.request', 'subscription.confirm', 'subscription.unsubscribe']));
    expect(JSON.stringify(auditItems).toLowerCase()).not.toContain('resident@');
  });

  it('refuses a bad address, unknown topics, an unknown municipality and robots', async () => {
    const bad = await post('/api/public/subscriptions', { municipality: 'beloyarsky', email: 'не адрес', topics: ['0005.0005'] });
    expect([bad.statusCode, bad.json().details[0].field]).toEqual([400, 'email']);
    const topics = await post('/api/public/subscriptions', { municipality: 'beloyarsky', email: 'a@example.ru', topics: ['9999'] });
    expect([topics.statusCode, topics.json().details[0].field]).toEqual([400, 'topics']);
    expect((await post('/api/public/subscriptions', { municipality: 'nowhere', email: 'a@example.ru', topics: ['0005'] })).statusCode).toBe(404);
    expect((await post('/api/public/subscriptions', { municipality: 'beloyarsky', email: 'a@example.ru', topics: ['0005'], website: 'http://spam' })).statusCode).toBe(422);
    expect((await post('/api/public/subscriptions/confirm', { token: 'a'.repeat(32) })).json().code).toBe('subscription_link_invalid');
    expect(await letters('a@example.ru')).toEqual([]);
  });

  it('limits the public form like the other public forms', async () => {
    const limited = await buildTestApp({ clock, config: { publicAppealsPerHour: 2 } });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/public/subscriptions', payload: { municipality: 'beloyarsky', email: `r${i}@example.ru`, topics: ['0005'] } })).statusCode);
      }
      expect(codes).toEqual([202, 202, 429]);
    } finally {
      await limited.close();
    }
  });
});
