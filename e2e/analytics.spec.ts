// The situation centre in the browser: ЦУР opens /analytics, sees the rating table of every municipality
// with a chart beside it, follows a figure to the registry filtered to exactly its appeals, opens one
// municipality's departments and executors; a head sees only their own municipality.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { seedAppeals } from '../server/seed/appeals';
import { addDays, toLocalDate } from '../domain/calendar/localDate';
import { launchBrowser, openPage, signIn, startServer, type TestServer } from './helpers';

let server: TestServer;
let browser: Browser;
const to = toLocalDate(new Date(), 'Asia/Yekaterinburg');
const from = addDays(to, -90);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await seedAppeals(server.database.db, { count: 500, seed: 9, now: new Date(), days: 120 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('analytics', () => {
  it('ЦУР sees the rating with a chart, and a figure opens exactly its appeals in the registry', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1400, height: 900 });
    try {
      await signIn(page, server.url, 'cur.analyst');
      await page.locator('nav[aria-label="Разделы"]').getByText('Аналитика').click();
      await page.locator('[data-qa="analytics-page"]').waitFor();
      await page.goto(`${server.url}/analytics?from=${from}&to=${to}`);
      const table = page.locator('[data-qa="analytics-rating-table"]');
      await table.locator('[data-qa="appeals-region"]').waitFor();
      expect(await table.locator('[data-qa^="analytics-open-"]').count()).toBe(7);
      await page.locator('[data-qa="analytics-rating-chart"] canvas').waitFor();
      expect(await page.locator('[data-qa="analytics-rating-chart"]').getAttribute('aria-label')).toContain('таблице');
      await page.locator('[data-qa="analytics-trends-table"]').waitFor();
      await page.locator('[data-qa="analytics-spikes"]').waitFor();
      await page.locator('[data-qa="analytics-streets-table"]').waitFor();

      const cell = table.locator('[data-qa="overdue-ekaterinburg"]');
      const overdue = Number((await cell.innerText()).split(' ')[0]);
      await cell.click();
      await page.waitForURL(/\/appeals\?/);
      expect(new URL(page.url()).searchParams.get('overdue')).toBe('true');
      await expect.poll(() => page.locator('[data-qa="appeals-total"]').innerText()).toBe(`Найдено: ${overdue}`);
      await page.goBack();

      const appeals = Number((await table.locator('[data-qa="appeals-ekaterinburg"]').innerText()).replace(/\s/g, ''));
      await table.locator('[data-qa="analytics-open-ekaterinburg"]').click();
      await page.locator('[data-qa="analytics-municipality-name"]').waitFor();
      expect(await page.locator('[data-qa="analytics-municipality-name"]').innerText()).toContain('Екатеринбург');
      expect(Number((await page.locator('[data-qa="figure-appeals"]').innerText()).replace(/\s/g, ''))).toBe(appeals);
      await page.locator('[data-qa="analytics-departments-table"]').waitFor();
      await page.locator('[data-qa="analytics-executors-table"]').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a sector curator sees «Моё направление» first, and its figure opens exactly its appeals', async () => {
    await server.database.db.execute(sql`
      insert into curator_groups (user_id, group_code)
      select u.id, (select t.group_code from appeals a join topics t on t.code = a.topic_code where t.group_code is not null group by t.group_code order by count(*) desc limit 1)
      from users u where u.login = 'cur.analyst'`);
    const { context, page, problems } = await openPage(browser, { width: 1400, height: 900 });
    try {
      await signIn(page, server.url, 'cur.analyst');
      await page.goto(`${server.url}/analytics?from=${from}&to=${to}`);
      const block = page.locator('[data-qa="analytics-my-sector"]');
      await block.waitFor();
      await page.locator('[data-qa="analytics-rating-table"]').waitFor();
      const panels = await page.locator('[data-qa="analytics-my-sector"], [data-qa="analytics-rating"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-qa')));
      expect(panels[0]).toBe('analytics-my-sector');
      const figure = block.locator('[data-qa^="my-sector-appeals-"]').first();
      const appeals = Number((await figure.innerText()).replace(/\s/g, ''));
      expect(appeals).toBeGreaterThan(0);
      await figure.click();
      await page.waitForURL(/\/appeals\?/);
      expect(new URL(page.url()).searchParams.get('group')).toBeTruthy();
      await expect.poll(() => page.locator('[data-qa="appeals-total"]').innerText()).toBe(`Найдено: ${appeals}`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await server.database.db.execute(sql`delete from curator_groups`);
    }
  });

  it('a head sees their own municipality only, with its departments', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1400, height: 900 });
    try {
      await signIn(page, server.url, 'beloyarsky.head');
      await page.goto(`${server.url}/analytics?from=${from}&to=${to}&municipality=ekaterinburg`);
      await page.locator('[data-qa="analytics-municipality-name"]').waitFor();
      expect(await page.locator('[data-qa="analytics-municipality-name"]').innerText()).toContain('Белоярский');
      expect(await page.locator('[data-qa="analytics-rating-table"]').count()).toBe(0);
      await page.locator('[data-qa="analytics-departments"]').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
