// Monitoring of publications through the API, against a real HTTP server on loopback serving the feeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { atom, rss, startFeedServer, type FeedServer, type TestPost } from '../../test/feedServer';
import { ManualClock } from '../../platform/clock';
import { auditLog, monitoringItems } from '../../db/schema';

// Tuesday 10 March 2026, 14:00 in Yekaterinburg.
const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
let server: FeedServer;
let analyst: Session;

const MEDIA: TestPost[] = [
  { guid: 'm-1', title: 'В Белоярском округе прорвало трубу', text: 'Жители улицы Мира третий день без горячей воды.', at: '2026-03-10T06:00:00Z' },
  { guid: 'm-2', title: 'Вывоз мусора перенесли', text: 'Региональный оператор сообщил о новом графике.', at: '2026-03-10T05:00:00Z' },
  { guid: 'm-3', title: 'Что за безобразие', text: 'Дороги не чистят, сколько можно терпеть этот беспредел.', at: '2026-03-10T04:00:00Z' },
  { guid: 'm-4', title: 'В Екатеринбурге прошёл фестиваль', text: 'Праздник собрал тысячи гостей.', at: '2026-03-10T03:00:00Z' },
  { guid: 'm-0', title: 'Белоярский округ: итоги года', text: 'Старая новость.', at: '2026-02-01T03:00:00Z' },
];

beforeAll(async () => {
  server = await startFeedServer({
    '/media.rss': { body: rss('Белоярские вести', MEDIA), etag: '"m1"' },
    '/page.atom': { body: atom('Глава округа', [{ guid: 'urn:p-1', title: 'Приём граждан', text: 'Глава Белоярского ГО проведёт приём.', at: '2026-03-10T02:00:00Z' }]), type: 'application/atom+xml' },
    '/broken.rss': { body: '<rss><channel><item>' },
  });
  t = await buildTestApp({ clock });
  analyst = await t.login('cur.analyst');
});
afterAll(async () => {
  await t?.close();
  await server?.close();
});

async function createSource(body: Record<string, unknown>) {
  const res = await analyst.post('/api/monitoring/sources', { municipality: 'beloyarsky', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const queue = async (query = '') => (await analyst.get(`/api/monitoring/items${query}`)).json();

describe('monitoring of publications', () => {
  let media: { id: string };

  it('queues the new publications that name the municipality, a keyword or read as negative', async () => {
    media = await createSource({ name: 'Белоярские вести', url: `${server.url}/media.rss`, platform: 'news', keywords: ['мусор'] });
    const res = await analyst.post(`/api/monitoring/sources/${media.id}/fetch`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ notModified: false, found: 5, queued: 3, error: null, source: { newItems: 3, feed: { failures: 0, lastError: null } } });
    const { items, total } = await queue();
    expect(total).toBe(3);
    const byGuid = Object.fromEntries(items.map((i: { title: string; reasons: unknown }) => [i.title, i.reasons]));
    expect(byGuid).toEqual({
      'В Белоярском округе прорвало трубу': { mentionsMunicipality: true, keywords: [], tone: 'neutral' },
      'Вывоз мусора перенесли': { mentionsMunicipality: false, keywords: ['мусор'], tone: 'neutral' },
      'Что за безобразие': { mentionsMunicipality: false, keywords: [], tone: 'negative' },
    });
    // The ЦУР analysts hear of them.
    expect((await analyst.get('/api/notifications')).body).toContain('Мониторинг: новых публикаций — 3 (Белоярские вести)');
    expect(items[0]).toMatchObject({ municipality: 'beloyarsky', source: { id: media.id, name: 'Белоярские вести', platform: 'news' }, link: 'http://example.test/news/m-1', publishedAt: '2026-03-10T06:00:00.000Z', status: 'new' });
  });

  it('asks again with the ETag and queues nothing twice', async () => {
    clock.advance(20 * 60_000);
    const again = (await analyst.post(`/api/monitoring/sources/${media.id}/fetch`)).json();
    expect(again).toMatchObject({ notModified: true, queued: 0 });
    expect(server.requests.filter((r) => r.path === '/media.rss').at(-1)!.ifNoneMatch).toBe('"m1"');
    // A new version of the feed: one new post among the old ones; only it is queued.
    server.routes.set('/media.rss', { body: rss('Белоярские вести', [{ guid: 'm-5', title: 'Белоярский: отключат свет', text: 'Плановые работы на подстанции.', at: '2026-03-10T09:10:00Z' }, ...MEDIA]), etag: '"m2"' });
    const changed = (await analyst.post(`/api/monitoring/sources/${media.id}/fetch`)).json();
    expect(changed).toMatchObject({ notModified: false, found: 6, queued: 1 });
    expect((await queue()).total).toBe(4);
    const rows = await t.database.db.select().from(monitoringItems).where(and(eq(monitoringItems.sourceId, media.id), eq(monitoringItems.guid, 'm-1')));
    expect(rows).toHaveLength(1);
  });

  it('registers a risk from the queue, prefilled from the publication and linked back', async () => {
    const item = (await queue()).items.find((i: { title: string }) => i.title === 'В Белоярском округе прорвало трубу');
    const res = await analyst.post(`/api/monitoring/items/${item.id}/register`, { kind: 'negative', level: 'high' });
    expect(res.statusCode, res.body).toBe(200);
    const decided = res.json();
    expect(decided).toMatchObject({ status: 'registered', decidedBy: { fullName: 'Кузнецов Андрей Павлович' }, risk: { number: expect.stringMatching(/^ИР-2026-/) } });
    const risk = (await analyst.get(`/api/risks/${decided.risk.id}`)).json();
    expect(risk).toMatchObject({
      municipality: 'beloyarsky', link: 'http://example.test/news/m-1', platform: 'news', sourceName: 'Белоярские вести',
      publishedAt: '2026-03-10T06:00:00.000Z', kind: 'negative', level: 'high', status: 'detected',
    });
    expect(risk.text).toBe('В Белоярском округе прорвало трубу\n\nЖители улицы Мира третий день без горячей воды.');
    // The municipality got its signal like for any risk the ЦУР registers.
    const contact = await t.login('beloyarsky.contact');
    expect((await contact.get(`/api/risks/${decided.risk.id}`)).statusCode).toBe(200);
    // Decided once: a second decision is refused, and the item left the «new» queue.
    expect((await analyst.post(`/api/monitoring/items/${item.id}/register`, { kind: 'negative', level: 'high' })).json().code).toBe('monitoring_item_decided');
    expect((await analyst.post(`/api/monitoring/items/${item.id}/reject`, { reason: 'передумали' })).statusCode).toBe(409);
    expect((await queue('?status=registered')).items.map((i: { id: string }) => i.id)).toEqual([item.id]);
  });

  it('rejects a publication with its reason kept', async () => {
    const item = (await queue()).items.find((i: { title: string }) => i.title === 'Вывоз мусора перенесли');
    const empty = await analyst.post(`/api/monitoring/items/${item.id}/reject`, { reason: '' });
    expect(empty.statusCode).toBe(400);
    const res = await analyst.post(`/api/monitoring/items/${item.id}/reject`, { reason: 'Информационное сообщение, не риск' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', rejectReason: 'Информационное сообщение, не риск', risk: null });
    expect((await queue('?status=rejected')).items[0].rejectReason).toBe('Информационное сообщение, не риск');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(audit.map((a) => a.action)).toEqual(['monitoring.reject']);
    // The decisions stay: a source with them is switched off, not deleted.
    const refused = await analyst.del(`/api/monitoring/sources/${item.source.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'monitoring_source_has_decisions', message: expect.stringMatching(/отключите/) });
    expect((await queue('?status=rejected')).items[0].rejectReason).toBe('Информационное сообщение, не риск');
  });

  it('reads an official page in Atom', async () => {
    const page = await createSource({ name: 'Глава Белоярского ГО', url: `${server.url}/page.atom`, platform: 'vk' });
    const res = (await analyst.post(`/api/monitoring/sources/${page.id}/fetch`)).json();
    expect(res).toMatchObject({ found: 1, queued: 1 });
    const item = (await queue(`?source=${page.id}`)).items[0];
    expect(item).toMatchObject({ title: 'Приём граждан', link: 'http://example.test/posts/urn:p-1', source: { platform: 'vk' } });
  });

  it('records a broken feed and waits before the next attempt; the job reads only due sources', async () => {
    const broken = await createSource({ name: 'Сломанная лента', url: `${server.url}/broken.rss` });
    const res = (await analyst.post(`/api/monitoring/sources/${broken.id}/fetch`)).json();
    expect(res.error).toMatch(/XML/);
    expect(res.source.feed).toMatchObject({ failures: 1, nextFetchAt: new Date(clock.now().getTime() + 5 * 60_000).toISOString() });
    const before = server.requests.length;
    await t.app.services.jobs.runOnce('monitoring-feeds');
    // Nothing is due yet: the sources were read minutes ago and the broken one waits out its pause.
    expect(server.requests.length).toBe(before);
    clock.advance(16 * 60_000);
    await t.app.services.jobs.runOnce('monitoring-feeds');
    const paths = server.requests.slice(before).map((r) => r.path).sort();
    expect(paths).toEqual(['/broken.rss', '/media.rss', '/page.atom']);
    const list = (await analyst.get('/api/monitoring/sources')).json().items;
    expect(list.find((s: { id: string }) => s.id === broken.id).feed.failures).toBe(2);
  });

  it('changes and deletes a source, with audit', async () => {
    const source = await createSource({ name: 'Временная', url: `${server.url}/none.rss` });
    const changed = await analyst.patch(`/api/monitoring/sources/${source.id}`, { keywords: ['дороги', ' дороги ', 'ЖКХ'], active: false });
    expect(changed.json()).toMatchObject({ keywords: ['дороги', 'ЖКХ'], active: false });
    expect((await analyst.post('/api/monitoring/sources', { municipality: 'beloyarsky', name: 'Дубль', url: `${server.url}/none.rss` })).statusCode).toBe(409);
    expect((await analyst.del(`/api/monitoring/sources/${source.id}`)).statusCode).toBe(204);
    expect((await analyst.get(`/api/monitoring/sources`)).json().items.map((s: { id: string }) => s.id)).not.toContain(source.id);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, source.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['monitoring.source.create', 'monitoring.source.delete', 'monitoring.source.update']);
  });

  it('is the ЦУР\'s: a municipality cannot read or change it', async () => {
    const head = await t.login('beloyarsky.head');
    const item = (await queue()).items[0];
    expect((await head.get('/api/monitoring/sources')).statusCode).toBe(403);
    expect((await head.get('/api/monitoring/items')).statusCode).toBe(403);
    expect((await head.post(`/api/monitoring/items/${item.id}/register`, { kind: 'negative', level: 'low' })).statusCode).toBe(403);
    expect((await head.post(`/api/monitoring/sources/${media.id}/fetch`)).statusCode).toBe(403);
    expect((await head.get('/api/auth/me')).json().policies?.['monitoring.manage'] ?? false).toBe(false);
  });
});
