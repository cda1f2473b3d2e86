// Official pages through the API, against a real HTTP server on loopback serving websites with and
// without the ПОС widget and the pages' feeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { atom, rss, startFeedServer, type FeedServer } from '../../test/feedServer';
import { ManualClock } from '../../platform/clock';

const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
let server: FeedServer;
let contact: Session;
let analyst: Session;

const WITH_WIDGET = `<!doctype html><html><head><meta charset="utf-8"><title>Администрация</title></head><body>
<div id="js-show-iframe-wrapper"><div class="pos-banner-fluid"></div></div>
<script src="https://pos.gosuslugi.ru/bin/script.min.js"></script>
<script>Widget("https://pos.gosuslugi.ru/form", 218843)</script></body></html>`;
const WITHOUT_WIDGET = '<!doctype html><html><body><h1>Администрация</h1><a href="https://pos.gosuslugi.ru/">Сообщить о проблеме</a></body></html>';

beforeAll(async () => {
  server = await startFeedServer({
    '/site': { body: WITH_WIDGET, type: 'text/html; charset=utf-8' },
    '/plain-site': { body: WITHOUT_WIDGET, type: 'text/html' },
    '/site.rss': { body: rss('Новости администрации', [
      { guid: 's-1', title: 'Приём граждан', text: 'Глава проведёт приём', at: '2026-03-05T04:00:00Z' },
      { guid: 's-2', title: 'Ремонт дорог', text: 'План на лето', at: '2026-03-09T07:30:00Z' },
    ]), etag: '"s1"' },
    '/vk.atom': { body: atom('Госпаблик', [{ guid: 'v-1', title: 'Пост', text: 'Текст поста', at: '2026-03-08T10:00:00Z' }]), type: 'application/atom+xml' },
  });
  t = await buildTestApp({ clock });
  contact = await t.login('beloyarsky.contact');
  analyst = await t.login('cur.analyst');
});
afterAll(async () => {
  await t?.close();
  await server?.close();
});

describe('official pages', () => {
  let site: { id: string };
  let plain: { id: string };
  let vk: { id: string };

  it('the administration adds its pages', async () => {
    const res = await contact.post('/api/official-pages', { platform: 'website', url: `${server.url}/site`, name: 'Официальный сайт', feedUrl: `${server.url}/site.rss` });
    expect(res.statusCode, res.body).toBe(201);
    site = res.json();
    expect(site).toMatchObject({ municipality: 'beloyarsky', platform: 'website', verified: false, lastPostAt: null, widget: { installed: null, checkedAt: null }, can: { update: true, delete: true, check: true } });
    plain = (await contact.post('/api/official-pages', { platform: 'website', url: `${server.url}/plain-site` })).json();
    vk = (await contact.post('/api/official-pages', { platform: 'vk', url: 'https://vk.com/beloyarsky_adm', verified: true, feedUrl: `${server.url}/vk.atom` })).json();
    expect(vk).toMatchObject({ verified: true, widget: null });
    expect((await contact.post('/api/official-pages', { platform: 'vk', url: 'https://vk.com/beloyarsky_adm' })).statusCode).toBe(409);
  });

  it('checks on demand: the last post from the feed and the ПОС widget on the website', async () => {
    const res = await contact.post(`/api/official-pages/${site.id}/check`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      lastPostAt: '2026-03-09T07:30:00.000Z',
      feed: { lastFetchedAt: '2026-03-10T09:00:00.000Z', lastError: null, failures: 0 },
      widget: { installed: true, evidence: 'script https://pos.gosuslugi.ru/bin/script.min.js', error: null, checkedAt: '2026-03-10T09:00:00.000Z' },
    });
    const without = (await contact.post(`/api/official-pages/${plain.id}/check`)).json();
    expect(without.widget).toMatchObject({ installed: false, evidence: null, error: null });
    expect(without.lastPostAt).toBeNull();
  });

  it('checks on a schedule: due pages only, a feed asked with its ETag', async () => {
    const before = server.requests.length;
    await t.app.services.jobs.runOnce('official-pages');
    // The VK page's feed was never read; the websites were checked just now.
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/vk.atom']);
    expect((await contact.get(`/api/official-pages/${vk.id}`)).json().lastPostAt).toBe('2026-03-08T10:00:00.000Z');
    clock.advance(25 * 3600_000);
    server.routes.set('/plain-site', { body: WITHOUT_WIDGET.replace('</body>', '<iframe src="https://pos.gosuslugi.ru/form/?opaId=1"></iframe></body>'), type: 'text/html' });
    const next = server.requests.length;
    await t.app.services.jobs.runOnce('official-pages');
    // A day later the sessions have lapsed: sign in again.
    contact = await t.login('beloyarsky.contact');
    analyst = await t.login('cur.analyst');
    const asked = server.requests.slice(next);
    expect(asked.map((r) => r.path).sort()).toEqual(['/plain-site', '/site', '/site.rss', '/vk.atom']);
    expect(asked.find((r) => r.path === '/site.rss')!.ifNoneMatch).toBe('"s1"');
    const pages = (await contact.get('/api/official-pages')).json().items;
    expect(pages.find((p: { id: string }) => p.id === plain.id).widget).toMatchObject({ installed: true, evidence: 'iframe https://pos.gosuslugi.ru/form/?opaId=1' });
    // 304: the last post stays what it was.
    expect(pages.find((p: { id: string }) => p.id === site.id).lastPostAt).toBe('2026-03-09T07:30:00.000Z');
  });

  it('records a website that cannot be read', async () => {
    const gone = (await contact.post('/api/official-pages', { platform: 'website', url: `${server.url}/gone` })).json();
    const res = (await contact.post(`/api/official-pages/${gone.id}/check`)).json();
    expect(res.widget).toMatchObject({ installed: null, error: 'Сервер ответил 404 Not Found' });
  });

  it('the ЦУР sees the region\'s table; the analyst may check but not change', async () => {
    const all = (await analyst.get('/api/official-pages')).json().items;
    expect(all.map((p: { municipality: string }) => p.municipality)).toContain('beloyarsky');
    const page = all.find((p: { id: string }) => p.id === site.id);
    expect(page.can).toEqual({ update: false, delete: false, check: true });
    expect((await analyst.patch(`/api/official-pages/${site.id}`, { verified: true })).statusCode).toBe(403);
    expect((await analyst.post(`/api/official-pages/${site.id}/check`)).statusCode).toBe(200);
    const admin = await t.login('cur.admin');
    expect((await admin.post('/api/official-pages', { platform: 'telegram', url: 'https://t.me/beloyarsky' })).statusCode).toBe(400);
    expect((await admin.post('/api/official-pages', { municipality: 'beloyarsky', platform: 'telegram', url: 'https://t.me/beloyarsky' })).statusCode).toBe(201);
  });

  it('changes and deletes a page, with audit', async () => {
    const changed = await contact.patch(`/api/official-pages/${vk.id}`, { verified: false, feedUrl: null });
    expect(changed.json()).toMatchObject({ verified: false, feedUrl: null, lastPostAt: null });
    expect((await contact.del(`/api/official-pages/${vk.id}`)).statusCode).toBe(204);
    expect((await contact.get(`/api/official-pages/${vk.id}`)).statusCode).toBe(404);
    const admin = await t.login('cur.admin');
    const audit = (await admin.get(`/api/audit?entityType=official_page`)).json().items.map((a: { action: string }) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['official_page.create', 'official_page.check', 'official_page.update', 'official_page.delete']));
  });

  it('an executor cannot add pages; another municipality does not see them', async () => {
    const executor = await t.login('beloyarsky.executor');
    expect((await executor.post('/api/official-pages', { platform: 'vk', url: 'https://vk.com/x' })).statusCode).toBe(403);
    const ekb = await t.login('ekb.head');
    expect((await ekb.get('/api/official-pages')).json().items).toEqual([]);
    expect((await ekb.get(`/api/official-pages/${site.id}`)).statusCode).toBe(404);
    expect((await ekb.post(`/api/official-pages/${site.id}/check`)).statusCode).toBe(404);
  });
});
