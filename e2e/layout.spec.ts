// The shell fits a 1280 px laptop and an 800 px tablet; screenshots go to the temp folder for a look.
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, signIn, startServer, type TestServer } from './helpers';

let server: TestServer;
let browser: Browser;
const shots = process.env.OTKLIK_SCREENSHOT_DIR || os.tmpdir();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

describe('layout', () => {
  for (const width of [1280, 800]) {
    it(`login page and shell fit ${width} px`, async () => {
      const { context, page, problems } = await openPage(browser, { width, height: 800 });
      try {
        await page.goto(`${server.url}/login`);
        await page.locator('[data-qa="demo-logins"]').waitFor();
        // The bundled Inter is the font in use, Cyrillic included.
        expect(await page.evaluate(async () => (await document.fonts.load('400 16px Inter', 'Отклик')).length)).toBeGreaterThan(0);
        await page.screenshot({ path: path.join(shots, `otklik-login-${width}.png`), fullPage: true });
        expect(await overflowsHorizontally(page)).toBe(false);

        await signIn(page, server.url, 'cur.admin');
        await page.goto(`${server.url}/users`);
        await page.locator('[data-qa="users-table"]').waitFor();
        await page.screenshot({ path: path.join(shots, `otklik-users-${width}.png`) });
        await page.goto(`${server.url}/`);
        await page.getByRole('heading', { name: /Здравствуйте/ }).waitFor();
        await page.screenshot({ path: path.join(shots, `otklik-shell-${width}.png`) });
        expect(await overflowsHorizontally(page)).toBe(false);

        const nav = page.locator('nav[aria-label="Разделы"]');
        const navWidth = (await nav.boundingBox())!.width;
        // Wide screens show the labels; a tablet gets a rail of icons.
        if (width >= 1280) expect(navWidth).toBeGreaterThan(180);
        else expect(navWidth).toBeLessThan(80);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
