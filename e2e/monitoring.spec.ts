// The ЦУР's triage of publications: a source added through the form is read at once from a real feed on
// loopback; of its new publications one becomes an information risk, prefilled and linked back, and
// another is rejected with its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { choose, launchBrowser, openPage, signIn, startServer, type TestServer } from './helpers';
import { rss, startFeedServer, type FeedServer } from '../server/test/feedServer';

let server: TestServer;
let browser: Browser;
let feeds: FeedServer;

beforeAll(async () => {
  const hourAgo = new Date(Date.now() - 3600_000).toISOString();
  const twoHoursAgo = new Date(Date.now() - 7200_000).toISOString();
  feeds = await startFeedServer({
    '/news.rss': { etag: '"e2e"', body: rss('Белоярские вести', [
      { guid: 'a-1', title: 'В Белоярском округе прорвало трубу', text: 'Жители улицы Мира третий день без горячей воды.', at: hourAgo },
      { guid: 'a-2', title: 'Вывоз мусора перенесли', text: 'Региональный оператор сообщил о новом графике.', at: twoHoursAgo },
      { guid: 'a-3', title: 'В Екатеринбурге прошёл фестиваль', text: 'Праздник собрал тысячи гостей.', at: twoHoursAgo },
    ]) },
  });
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await feeds?.close();
});

describe('monitoring of publications', () => {
  it('ЦУР adds a source, reads it, registers one publication as a risk and rejects another', async () => {
    const { context, page, problems } = await openPage(browser);
    await signIn(page, server.url, 'cur.analyst');
    await page.locator('nav[aria-label="Разделы"]').getByText('Мониторинг публикаций').click();
    await page.waitForURL(/\/monitoring$/);
    await page.locator('[data-qa="queue-empty"]').waitFor();

    await choose(page, 'source-municipality', 'Белоярский ГО');
    await page.getByLabel('Название', { exact: true }).fill('Белоярские вести');
    await page.getByLabel('Адрес ленты (RSS или Atom)').fill(`${feeds.url}/news.rss`);
    await page.getByLabel('Ключевые слова через запятую').fill('мусор, дороги');
    await page.locator('[data-qa="source-save"]').click();
    await page.locator('[data-qa="sources-table"]').getByText('Белоярские вести').waitFor();

    await page.locator('[data-qa="source-fetch"]').click();
    await page.getByText('Новых публикаций в очереди: 2').waitFor();
    const items = page.locator('[data-qa="monitoring-item"]');
    await expect.poll(() => items.count()).toBe(2);
    expect(await page.locator('[data-qa="monitoring-queue"]').innerText()).not.toContain('фестиваль');

    const pipe = items.filter({ hasText: 'прорвало трубу' });
    await expect.poll(() => pipe.innerText()).toContain('назван муниципалитет');
    await pipe.locator('[data-qa="item-register"]').click();
    await choose(page, 'register-level', 'Высокий');
    await pipe.locator('[data-qa="register-confirm"]').click();
    await page.getByText(/Зарегистрирован риск ИР-\d{4}-\d{5}/).waitFor();
    await expect.poll(() => items.count()).toBe(1);

    const refuse = items.filter({ hasText: 'Вывоз мусора' });
    await expect.poll(() => refuse.innerText()).toContain('ключевые слова: мусор');
    await refuse.locator('[data-qa="item-reject"]').click();
    await refuse.getByLabel('Причина отклонения').fill('Информационное сообщение оператора, не риск');
    await refuse.locator('[data-qa="reject-confirm"]').click();
    await page.locator('[data-qa="queue-empty"]').waitFor();

    await page.locator('[data-qa="queue-status"]').getByRole('radio', { name: 'Отклонены' }).check();
    await page.locator('[data-qa="item-reject-reason"]').getByText(/Информационное сообщение оператора/).waitFor();

    await page.locator('[data-qa="queue-status"]').getByRole('radio', { name: 'Зарегистрированы как риск' }).check();
    await page.locator('[data-qa="item-risk"]').click();
    await page.waitForURL(/\/risks\/[0-9a-f-]{36}$/);
    const card = page.locator('[data-qa="risk-card"]');
    await expect.poll(() => card.innerText()).toContain('Жители улицы Мира третий день без горячей воды.');
    const text = await card.innerText();
    expect(text).toContain('Белоярские вести');
    expect(text).toContain('Высокий');
    expect(problems).toEqual([]);
    await context.close();
  });
});
