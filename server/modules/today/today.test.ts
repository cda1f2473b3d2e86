import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';
import { mondayOf } from './service';

// Tuesday 10 March 2026, 14:00 in Yekaterinburg.
const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
let contact: Session;
let head: Session;
let executor: Session;
let analyst: Session;
let ekbHead: Session;
let departmentId: string;

type Item = { key: string; count: number; link: string; due: string | null };
const today = async (s: Session) => {
  const res = await s.get('/api/me/today');
  expect(res.statusCode).toBe(200);
  return res.json() as { date: string; weekFrom: string; items: Item[] };
};
const item = async (s: Session, key: string) => (await today(s)).items.find((i) => i.key === key);

/** The registry behind a figure lists exactly as many appeals as the figure says. */
async function registryCount(s: Session, link: string): Promise<number> {
  const params = new URLSearchParams(link.split('?')[1]);
  if (params.get('executor') === 'me') params.set('executor', s.user.id);
  for (const [k, v] of params) if (v === '1') params.set(k, 'true');
  return (await s.get(`/api/appeals?${params}&limit=200`)).json().total;
}

const letter = (over: Record<string, unknown> = {}) => ({
  channel: 'fz59', subChannel: 'letter', receivedAt: '2026-03-02T05:00:00Z', registeredAt: '2026-03-02T06:00:00Z',
  author: { surname: 'Григорьев', name: 'Павел', email: 'grigoriev@example.ru' },
  text: 'Прошу отремонтировать дорогу на улице Ленина: ямы на дороге не дают проехать.', ...over,
});

beforeAll(async () => {
  t = await buildTestApp({ clock, config: { publicAppealsPerHour: 1000 } });
  [contact, head, executor, analyst, ekbHead] = await Promise.all(['beloyarsky.contact', 'beloyarsky.head', 'beloyarsky.executor', 'cur.analyst', 'ekb.head'].map((l) => t.login(l)));
  departmentId = (await head.get('/api/departments')).json().items.find((d: { name: string }) => d.name.includes('благоустройства')).id;
}, 300_000);
afterAll(async () => { await t?.close(); });

describe('what needs me today', () => {
  it('weeks start on Monday', () => {
    expect(mondayOf('2026-03-10')).toBe('2026-03-09');
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(mondayOf('2026-03-15')).toBe('2026-03-09');
  });

  it('an executor sees their own appeals due today and overdue, each figure agreeing with the registry it links to', async () => {
    expect((await today(executor)).items.map((i) => i.key)).toEqual(['appeals_new_for_me', 'appeals_due_today', 'appeals_overdue', 'low_ratings']);
    // ПОС: 10 working days from Friday 20 February (23 February is a holiday) fall due today.
    const due = (await contact.post('/api/appeals', { channel: 'pos', externalId: 'POS-1', receivedAt: '2026-02-20T05:00:00Z', registeredAt: '2026-02-20T06:00:00Z', text: 'Не вывозят мусор с площадки.', author: { kind: 'anonymous' } })).json();
    expect(due.deadlines.answer).toBe('2026-03-10');
    const late = (await contact.post('/api/appeals', letter({ receivedAt: '2026-01-12T05:00:00Z', registeredAt: '2026-01-12T06:00:00Z' }))).json();
    const others = (await contact.post('/api/appeals', letter({ receivedAt: '2026-01-13T05:00:00Z', registeredAt: '2026-01-13T06:00:00Z' }))).json();
    expect(late.overdue).toBe(true);
    for (const a of [due, late]) await head.post(`/api/appeals/${a.id}/actions/assign`, { departmentId, executorId: executor.user.id });
    await head.post(`/api/appeals/${others.id}/actions/assign`, { departmentId });

    const mine = await today(executor);
    expect(mine.date).toBe('2026-03-10');
    const byKey = Object.fromEntries(mine.items.map((i) => [i.key, i]));
    expect(byKey.appeals_due_today).toMatchObject({ count: 1, link: expect.stringContaining('executor=me') });
    expect(byKey.appeals_overdue).toMatchObject({ count: 1, link: '/appeals?overdue=1&executor=me' });
    expect(byKey.appeals_new_for_me.count).toBe(2);
    for (const i of mine.items) expect(await registryCount(executor, i.link)).toBe(i.count);

    // The head counts the whole municipality; another municipality counts none of it.
    expect((await item(head, 'appeals_overdue'))!.count).toBe(2);
    expect((await item(ekbHead, 'appeals_overdue'))!.count).toBe(0);
    for (const i of (await today(head)).items.filter((x) => x.link.startsWith('/appeals'))) expect(await registryCount(head, i.link)).toBe(i.count);
  });

  it('the head sees answers waiting for approval and appeals to register and assign', async () => {
    const before = Object.fromEntries((await today(head)).items.map((i) => [i.key, i.count]));
    const a = (await contact.post('/api/appeals', letter())).json();
    expect((await item(head, 'appeals_to_assign'))!.count).toBe(before.appeals_to_assign + 1);
    await head.post(`/api/appeals/${a.id}/actions/assign`, { departmentId, executorId: executor.user.id });
    await executor.post(`/api/appeals/${a.id}/actions/take`, {});
    await executor.post(`/api/appeals/${a.id}/actions/submit_answer`, { answerText: 'Ремонт выполнит МУП «Дорсервис» до 30 апреля 2026 г.', resultCode: 'supported' });
    expect(await item(head, 'appeals_on_approval')).toMatchObject({ count: before.appeals_on_approval + 1, link: '/appeals?status=on_approval' });
    expect(await item(contact, 'appeals_on_approval')).toBeUndefined();
  });

  it('ratings of 1–2 this week, counted for the municipality and for ЦУР', async () => {
    const sent = await t.app.inject({ method: 'POST', url: '/api/public/appeals', payload: {
      municipality: 'beloyarsky', surname: 'Андреева', name: 'Светлана', email: 'andreeva@example.ru', text: 'Прошу установить детскую площадку во дворе.', consent: true,
    } });
    const { number, trackingCode } = sent.json();
    const id = (await head.get(`/api/appeals?q=${encodeURIComponent(number)}`)).json().items[0].id;
    await contact.post(`/api/appeals/${id}/actions/register`, {});
    await head.post(`/api/appeals/${id}/actions/assign`, { departmentId, executorId: executor.user.id });
    await executor.post(`/api/appeals/${id}/actions/take`, {});
    await executor.post(`/api/appeals/${id}/actions/submit_answer`, { answerText: 'Площадка включена в план благоустройства 2026 года, установка — до 1 июля 2026 г.', resultCode: 'supported' });
    await head.post(`/api/appeals/${id}/actions/approve`, {});
    const before = (await item(head, 'low_ratings'))!.count;
    const rated = await t.app.inject({ method: 'POST', url: `/api/public/appeals/${encodeURIComponent(number)}/rating`, payload: { code: trackingCode, score: 2 } });
    expect(rated.statusCode).toBe(200);
    const low = (await item(head, 'low_ratings'))!;
    expect(low).toMatchObject({ count: before + 1, link: '/appeals?rating=1,2&ratedFrom=2026-03-09' });
    expect(await registryCount(head, low.link)).toBe(low.count);
    expect((await item(analyst, 'low_ratings'))!.count).toBeGreaterThanOrEqual(1);
    expect((await item(ekbHead, 'low_ratings'))!.count).toBe(0);
    // The reopened appeal is ЦУР's to look at.
    expect((await item(analyst, 'appeals_flagged'))!.count).toBeGreaterThanOrEqual(1);
  });

  it('signals unread and clocks running, requests unanswered, the quarterly report due', async () => {
    const cur = analyst;
    const risk = await cur.post('/api/risks', {
      municipality: 'beloyarsky', platform: 'vk', link: 'https://vk.com/wall-1_2', sourceName: 'Подслушано Белоярский',
      publishedAt: '2026-03-10T08:00:00Z', text: 'В посёлке отключат воду на две недели, администрация молчит!', kind: 'misinformation', level: 'high',
    });
    expect(risk.statusCode).toBe(201);
    expect(await item(contact, 'risks_unread')).toMatchObject({ count: 1, link: '/risks?status=detected' });
    expect((await item(contact, 'risk_clocks'))!.count).toBe(1);
    expect((await item(cur, 'risk_clocks'))!.count).toBe(1);
    expect((await item(ekbHead, 'risks_unread'))!.count).toBe(0);
    await contact.post(`/api/risks/${risk.json().id}/actions/acknowledge`, {});
    expect((await item(contact, 'risks_unread'))!.count).toBe(0);
    expect((await item(contact, 'risk_clocks'))!.count).toBe(1);

    const req = await cur.post('/api/requests', { subject: 'Сведения о паводке', text: 'Просим представить сведения.', municipalities: ['beloyarsky', 'asbest'], dueAt: '2026-03-11T13:00:00Z' });
    expect(req.statusCode).toBe(201);
    expect((await item(contact, 'requests_open'))!.count).toBe(1);
    expect((await item(ekbHead, 'requests_open'))!.count).toBe(0);
    expect((await item(cur, 'requests_overdue'))!.count).toBe(0);

    // In March the report for the fourth quarter of 2025 (due 5 January) is still not submitted.
    expect(await item(head, 'report_due')).toMatchObject({ count: 1, due: '2026-01-05', link: '/reports' });
    expect((await item(cur, 'reports_to_review'))!.count).toBe(0);

    clock.set('2026-03-12T05:00:00Z');
    expect((await item(await t.login('cur.analyst'), 'requests_overdue'))!.count).toBe(1);
    clock.set('2026-03-10T09:00:00Z');
  });

  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/today' })).statusCode).toBe(401);
  });
});
