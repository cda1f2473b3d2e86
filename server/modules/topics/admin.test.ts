// Administration by the ЦУР administrator: the topic classifier (checked whole, retired instead of deleted),
// departments per municipality, a municipality's e-mail for signals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';

const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
let admin: Session;
let head: Session;
let ekbHead: Session;
let contact: Session;

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [admin, head, ekbHead, contact] = await Promise.all(['cur.admin', 'beloyarsky.head', 'ekb.head', 'beloyarsky.contact'].map((l) => t.login(l)));
}, 180_000);
afterAll(async () => { await t.close(); });

describe('the topic classifier editor', () => {
  it('adds a group, a theme and a topic with keywords; the topic is offered and suggested', async () => {
    expect((await admin.request({ method: 'PUT', url: '/api/topics/groups/digital', payload: { title: 'Цифровые сервисы' } })).statusCode).toBe(200);
    const theme = await admin.post('/api/topics', { code: '0003.0099', level: 'theme', parentCode: '0003', title: 'Цифровая среда' });
    expect(theme.statusCode).toBe(201);
    const topic = await admin.post('/api/topics', { code: '0003.0099.0001', level: 'topic', parentCode: '0003.0099', title: 'Работа портала Госуслуг', group: 'digital', keywords: ['госуслуг', 'Портал '] });
    expect(topic.statusCode).toBe(201);
    expect(topic.json()).toMatchObject({ groupCode: 'digital', keywords: ['госуслуг', 'портал'], active: true });
    const list = (await contact.get('/api/topics')).json();
    expect(list.groups).toContainEqual({ code: 'digital', title: 'Цифровые сервисы' });
    expect(list.items.find((x: { code: string }) => x.code === '0003.0099.0001')).toBeTruthy();
  });

  it('refuses a classifier that would not be usable, with the validator\'s sentence, and writes nothing', async () => {
    const res = await admin.post('/api/topics', { code: '0003.0098.0001', level: 'topic', parentCode: '0003.0098', title: 'Без тематики', group: 'roads' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Тема 0003.0098.0001: тематика "0003.0098" не найдена.');
    const noGroup = await admin.patch('/api/topics/0003.0099.0001', { group: 'nosuch' });
    expect(noGroup.statusCode).toBe(400);
    expect(noGroup.json().message).toContain('оперативная группа "nosuch" не найдена');
    expect((await admin.post('/api/topics', { code: '0003.0099', level: 'theme', parentCode: '0003', title: 'Дубль' })).statusCode).toBe(409);
    expect((await contact.post('/api/topics', { code: '0003.0097', level: 'theme', parentCode: '0003', title: 'Чужая' })).statusCode).toBe(403);
  });

  it('retires a topic instead of deleting it: appeals keep it, it is no longer chosen, and it can come back', async () => {
    const appeal = (await contact.post('/api/appeals', {
      channel: 'fz59', subChannel: 'letter', receivedAt: '2026-03-02T05:00:00Z', text: 'Не работает запись к врачу через портал.', topic: '0003.0099.0001',
    })).json();
    const retired = await admin.patch('/api/topics/0003.0099.0001', { active: false });
    expect(retired.json().active).toBe(false);
    expect((await contact.get(`/api/appeals/${appeal.id}`)).json().topic).toBe('0003.0099.0001');
    expect((await contact.patch(`/api/appeals/${appeal.id}`, { topic: '0003.0099.0001' })).statusCode).toBe(400);
    const audit = (await admin.get('/api/audit?entityType=topic&action=topic.retire')).json().items;
    expect(audit[0].actionTitle).toBe('Позиция классификатора тем выведена из употребления');
    expect((await admin.patch('/api/topics/0003.0099.0001', { active: true })).json().active).toBe(true);
    expect((await admin.patch('/api/topics/9999.9999', { title: 'Нет такой' })).statusCode).toBe(404);
  });
});

describe('departments per municipality', () => {
  it('the administrator adds, renames and retires a department; the head of another municipality cannot see it', async () => {
    const created = await admin.post('/api/departments', { name: 'Отдел цифрового развития', municipality: 'beloyarsky' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const renamed = await admin.patch(`/api/departments/${id}`, { name: 'Отдел информатизации' });
    expect(renamed.json()).toMatchObject({ name: 'Отдел информатизации', municipality: 'beloyarsky', active: true });
    expect((await head.patch(`/api/departments/${id}`, { active: false })).json().active).toBe(false);
    expect((await ekbHead.patch(`/api/departments/${id}`, { active: true })).statusCode).toBe(404);
    expect((await contact.patch(`/api/departments/${id}`, { active: true })).statusCode).toBe(403);
  });
});

describe('a municipality\'s settings', () => {
  it('the e-mail for signals gets every new signal of the municipality besides the contact officials', async () => {
    const org = (await admin.get('/api/organizations')).json().items.find((o: { slug: string }) => o.slug === 'beloyarsky');
    const saved = await admin.patch(`/api/organizations/${org.id}`, { signalEmail: 'duty@beloyarsky.example.ru', population: 37000, timeZone: 'Asia/Yekaterinburg' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ signalEmail: 'duty@beloyarsky.example.ru', population: 37000 });
    expect((await admin.patch(`/api/organizations/${org.id}`, { signalEmail: 'не адрес' })).statusCode).toBe(400);
    const analyst = await t.login('cur.analyst');
    const risk = (await analyst.post('/api/risks', {
      municipality: 'beloyarsky', platform: 'vk', link: 'https://vk.com/wall-1_3', text: 'Говорят, что школу закроют.', kind: 'misinformation', level: 'medium',
    })).json();
    const res = await t.database.db.execute(sql`select "to" from mail_outbox where subject like ${`%${risk.number}`}`);
    const to = (((res as { rows?: unknown[] }).rows ?? res) as { to: string }[]).map((r) => r.to);
    expect(to).toContain('duty@beloyarsky.example.ru');
    expect(to.length).toBeGreaterThan(1);
  });
});
