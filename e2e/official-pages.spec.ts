// An administration's official pages: the head adds its website with its news feed, checks it at once
// against a real site on loopback — the ПОС widget found, the date of the last post read from the feed —
// and a page without the widget is marked as such.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, signIn, startServer, type TestServer } from './helpers';
import { rss, startFeedServer, type FeedServer } from '../server/test/feedServer';

let server: TestServer;
let browser: Browser;
let site: FeedServer;

const WITH_WIDGET = `<!doctype html><html><head><meta charset="utf-8"><title>Администрация</title></head><body>
<script src="https://pos.gosuslugi.ru/bin/script.min.js"></script><script>Widget("https://pos.gosuslugi.ru/form", 218843)</script></body></html>`;
const WITHOUT_WIDGET = '<!doctype html><html><body><h1>Администрация</h1></body></html>';

beforeAll(async () => {
  site = await startFeedServer({
    '/': { body: WITH_WIDGET, type: 'text/html; charset=utf-8' },
    '/old': { body: WITHOUT_WIDGET, type: 'text/html; charset=utf-8' },
    '/news.rss': { body: rss('Новости администрации', [{ guid: 'n-1', title: 'Отремонтирован мост', text: 'Мост на улице Мира открыт.', at: '2026-11-30T05:00:00Z' }]) },
  });
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.close();
});

describe('official pages', () => {
  it('the head adds the website, checks it now and sees the widget and the last post; a page without the widget is marked', async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, server.url, 'beloyarsky.head');
    await page.locator('nav[aria-label="Разделы"]').getByText('Официальные страницы').click();
    await page.waitForURL(/\/official-pages$/);

    await page.getByLabel('Адрес', { exact: true }).fill(`${site.url}/`);
    await page.getByLabel('Название', { exact: true }).fill('Сайт администрации');
    await page.getByLabel('Лента RSS или Atom (необязательно)').fill(`${site.url}/news.rss`);
    await page.locator('[data-qa="page-save"]').click();
    const table = page.locator('[data-qa="official-pages"]');
    const row = table.locator('tr', { hasText: 'Сайт администрации' });
    await row.waitFor();

    await row.locator('[data-qa="page-check"]').click();
    await expect.poll(() => row.innerText()).toContain('установлен');
    expect(await row.innerText()).toContain('30.11.2026');

    await page.getByLabel('Адрес', { exact: true }).fill(`${site.url}/old`);
    await page.getByLabel('Название', { exact: true }).fill('Старый сайт');
    await page.locator('[data-qa="page-save"]').click();
    const old = table.locator('tr', { hasText: 'Старый сайт' });
    await old.waitFor();
    await old.locator('[data-qa="page-check"]').click();
    await expect.poll(() => old.innerText()).toContain('не найден');
    expect(await old.innerText()).toContain('нет ленты');
    expect(problems).toEqual([]);
    await context.close();
  });
});
