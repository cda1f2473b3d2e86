// The running system for browser tests: the real server on a random port over an in-memory database
// with the demo region, and a headless Chromium.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openDatabase, type Database } from '../server/db';
import { seedDemo } from '../server/seed/demo';
import { buildApp, type App } from '../server/app';
import { loadConfig } from '../server/config';

export const DEMO_PASSWORD = 'demo';

export interface TestServer {
  url: string;
  app: App;
  database: Database;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const database = await openDatabase({ databaseUrl: null, pgliteDir: null });
  await database.migrate();
  await seedDemo(database.db);
  // Many sign-ins from 127.0.0.1 in one file: the per-IP limit must not end the run.
  const config = loadConfig({ NODE_ENV: 'test', OTKLIK_LOGIN_LIMIT_PER_IP: '1000' }, { demo: true });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Errors the page printed to its console or threw, e.g. CSP violations. */
  problems: string[];
}

export async function openPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, locale: 'ru-RU' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // A 401 of /api/auth/me before signing in is expected; anything else is a problem.
    if (message.type() === 'error' && !/401 \(Unauthorized\)/.test(message.text())) problems.push(message.text());
  });
  return { context, page, problems };
}

export async function signIn(page: Page, baseUrl: string, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.locator('nav[aria-label="Разделы"]').waitFor();
}

/** Visible labels of the left navigation, in order. */
export async function navigationLabels(page: Page): Promise<string[]> {
  const links = page.locator('nav[aria-label="Разделы"] a');
  return (await links.allInnerTexts()).map((s) => s.trim());
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Меню пользователя' }).click();
  await page.getByText('Выйти', { exact: true }).click();
  await page.waitForURL(/\/login$/);
}
