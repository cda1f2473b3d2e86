import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers';

let t: TestApp;
beforeAll(async () => { t = await buildTestApp(); });
afterAll(async () => { await t.close(); });

const TOPIC = '0005.0005.0056.1156';
const titles = (res: { json(): { items: { title: string }[] } }) => res.json().items.map((i) => i.title);

describe('the library of best practices (§4.4)', () => {
  it('is proposed by a municipality, returned, corrected, published by ЦУР and found in any form of the words', async () => {
    const bel = await t.login('beloyarsky.contact');
    const proposed = await bel.post('/api/practices', {
      title: 'Единый график уборки дворов', kind: 'practice', topics: [TOPIC],
      text: 'Управляющие компании публикуют графики уборки дворовых территорий, жалобы на уборку снизились вдвое.',
    });
    expect(proposed.statusCode).toBe(201);
    const id = proposed.json().id;
    expect(proposed.json()).toMatchObject({ status: 'proposed', municipality: 'beloyarsky', topics: [{ code: TOPIC }], can: { edit: true, publish: false } });
    expect((await (await t.login('cur.analyst')).get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind)).toContain('practice.proposed');

    // Not yet published: another municipality does not see it.
    const ekb = await t.login('ekb.head');
    expect((await ekb.get(`/api/practices/${id}`)).statusCode).toBe(404);
    expect(titles(await ekb.get('/api/practices'))).not.toContain('Единый график уборки дворов');

    const cur = await t.login('cur.analyst');
    expect((await cur.post(`/api/practices/${id}/return`, {})).json().details[0].field).toBe('remarks');
    expect((await cur.post(`/api/practices/${id}/return`, { remarks: 'Добавьте цифры до и после' })).json()).toMatchObject({ status: 'returned', remarks: 'Добавьте цифры до и после' });
    expect((await cur.post(`/api/practices/${id}/publish`, {})).statusCode).toBe(409);
    const corrected = await bel.patch(`/api/practices/${id}`, { text: 'Управляющие компании публикуют графики уборки дворовых территорий: жалоб было 120 в квартал, стало 57.' });
    expect(corrected.json().status).toBe('proposed');
    expect((await bel.post(`/api/practices/${id}/publish`, {})).statusCode).toBe(403);
    expect((await cur.post(`/api/practices/${id}/publish`, {})).json()).toMatchObject({ status: 'published', can: { edit: false, publish: false } });
    expect((await bel.patch(`/api/practices/${id}`, { title: 'Другое' })).statusCode).toBe(409);

    await (await t.login('ekb.contact')).post('/api/practices', { title: 'Оптимизированный регламент выдачи разрешений на вырубку', kind: 'regulation', text: 'Срок выдачи разрешения сокращён с 30 до 10 дней.' });

    // Published: the whole region finds it, by other forms of the words («двор», «уборка»), with the fragment.
    const found = await ekb.get(`/api/practices?q=${encodeURIComponent('уборка двора')}`);
    expect(titles(found)).toEqual(['Единый график уборки дворов']);
    expect(found.json().items[0].excerpt).toContain('«');
    expect(titles(await ekb.get(`/api/practices?q=${encodeURIComponent('регламент')}`))).toEqual(['Оптимизированный регламент выдачи разрешений на вырубку']);
    expect(titles(await ekb.get(`/api/practices?q=${encodeURIComponent('снегоуборочная техника')}`))).toEqual([]);
    expect(titles(await ekb.get(`/api/practices?topic=${TOPIC}`))).toEqual(['Единый график уборки дворов']);
    expect(titles(await cur.get('/api/practices?status=proposed&kind=regulation'))).toEqual(['Оптимизированный регламент выдачи разрешений на вырубку']);
    expect(titles(await bel.get('/api/practices?municipality=beloyarsky'))).toEqual(['Единый график уборки дворов']);
  });

  it('refuses unknown topics, ЦУР or executors proposing, and bad input', async () => {
    const bel = await t.login('beloyarsky.head');
    const unknown = await bel.post('/api/practices', { title: 'Практика', text: 'Текст', topics: ['9999'] });
    expect(unknown.json().details[0]).toMatchObject({ field: 'topics', message: expect.stringContaining('9999') });
    expect((await (await t.login('cur.analyst')).post('/api/practices', { title: 'Практика', text: 'Текст' })).statusCode).toBe(403);
    expect((await (await t.login('beloyarsky.executor')).post('/api/practices', { title: 'Практика', text: 'Текст' })).statusCode).toBe(403);
    expect((await bel.get('/api/practices?q=' + 'x'.repeat(300))).statusCode).toBe(400);
    // Query syntax a person may type does not break the search.
    expect((await bel.get(`/api/practices?q=${encodeURIComponent('"уборка & (двор | !')}`)).statusCode).toBe(200);
  });
});
