import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';

const clock = new ManualClock(new Date('2026-03-02T05:00:00Z'));
let t: TestApp;
beforeAll(async () => { t = await buildTestApp({ clock }); });
afterAll(async () => { await t.close(); });

describe('training of the administrations\' staff (§6.2)', () => {
  it('is announced by ЦУР, staff are enrolled by their administration, attendance is marked, and the untrained are listed', async () => {
    let cur = await t.login('cur.analyst');
    const res = await cur.post('/api/trainings', { title: 'Вебинар: как отвечать на обращения без отписок', startsAt: '2026-03-10T06:00:00Z', format: 'webinar', place: 'https://webinar.example.ru/cur' });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect((await (await t.login('ekb.contact')).get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind)).toContain('training.announced');

    let belHead = await t.login('beloyarsky.head');
    const executor = (await t.login('beloyarsky.executor')).user.id;
    const enrolled = await belHead.post(`/api/trainings/${id}/participants`, { userId: executor });
    expect(enrolled.json().participants.map((p: { fullName: string }) => p.fullName)).toEqual(['Петров Игорь Николаевич']);
    expect((await belHead.post(`/api/trainings/${id}/participants`, { userId: executor })).json().code).toBe('already_enrolled');
    await belHead.post(`/api/trainings/${id}/participants`, { userId: belHead.user.id });
    const ekbHead = await t.login('ekb.head');
    // Another administration's staff look absent, and its own enrolments are not shown to the others.
    expect((await ekbHead.post(`/api/trainings/${id}/participants`, { userId: executor })).statusCode).toBe(404);
    await ekbHead.post(`/api/trainings/${id}/participants`, { userId: ekbHead.user.id });
    expect((await ekbHead.get(`/api/trainings/${id}`)).json().participants.map((p: { municipality: string }) => p.municipality)).toEqual(['ekaterinburg']);
    // An executor enrols only themself.
    const ekbExecutor = await t.login('ekb.executor');
    expect((await ekbExecutor.post(`/api/trainings/${id}/participants`, { userId: (await t.login('ekb.contact')).user.id })).statusCode).toBe(403);
    expect((await ekbExecutor.post(`/api/trainings/${id}/participants`, { userId: ekbExecutor.user.id })).statusCode).toBe(200);
    expect((await belHead.post(`/api/trainings/${id}/attendance`, { attended: [executor] })).statusCode).toBe(403);

    clock.set('2026-03-10T09:00:00Z');
    [cur, belHead] = [await t.login('cur.analyst'), await t.login('beloyarsky.head')];
    expect((await belHead.post(`/api/trainings/${id}/participants`, { userId: belHead.user.id })).json().code).toBe('step_not_allowed');
    const marked = await cur.post(`/api/trainings/${id}/attendance`, { attended: [executor, ekbHead.user.id], absent: [belHead.user.id] });
    expect(marked.json()).toMatchObject({ enrolled: 4, attended: 2 });
    expect((await cur.post(`/api/trainings/${id}/attendance`, { attended: [(await t.login('ekb.contact')).user.id] })).statusCode).toBe(400);

    const list = (await cur.get('/api/trainings?year=2026')).json().items;
    expect(list).toEqual([expect.objectContaining({ id, format: 'webinar', enrolled: 4, attended: 2 })]);
    expect((await belHead.get('/api/trainings')).json().items[0]).toMatchObject({ enrolled: 2, attended: 1 });

    // Who has not been trained this year: ЦУР sees the region, an administration itself.
    const region = (await cur.get('/api/trainings/coverage?year=2026')).json();
    const bel = region.items.find((i: { municipality: string }) => i.municipality === 'beloyarsky');
    expect(bel).toMatchObject({ staff: 3, trained: 1 });
    expect(bel.untrained.map((u: { fullName: string }) => u.fullName).sort()).toEqual(['Иванова Мария Сергеевна', 'Соколов Дмитрий Александрович']);
    expect(region.items.length).toBeGreaterThan(2);
    const own = (await belHead.get('/api/trainings/coverage')).json();
    expect([own.year, own.items.map((i: { municipality: string }) => i.municipality)]).toEqual([2026, ['beloyarsky']]);
    expect((await cur.get('/api/trainings/coverage?year=2025')).json().items.find((i: { municipality: string }) => i.municipality === 'beloyarsky').trained).toBe(0);
  });

  it('only ЦУР announces trainings, and the format is one of the three', async () => {
    const head = await t.login('beloyarsky.head');
    expect((await head.post('/api/trainings', { title: 'Курс', startsAt: '2026-05-01T06:00:00Z', format: 'online' })).statusCode).toBe(403);
    const cur = await t.login('cur.analyst');
    expect((await cur.post('/api/trainings', { title: 'Курс', startsAt: '2026-05-01T06:00:00Z', format: 'radio' })).json().details[0].field).toBe('format');
  });
});
