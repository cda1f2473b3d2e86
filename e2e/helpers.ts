// The running system for browser tests: the real server on a random port over an in-memory database
// with the demo region, and a headless Chromium.
import { afterAll, beforeAll } from 'vitest';
import { deflateSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openDatabase, type Database } from '../server/db';
import { prepareDatabase } from '../server/db/prepare';
import { REFERENCE_DATA } from '../server/seed/reference';
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
  // Migrations and the reference data (the topic classifier) every installation has.
  await prepareDatabase(database, REFERENCE_DATA);
  await seedDemo(database.db);
  // Many sign-ins and citizen appeals from 127.0.0.1 in one file: the per-IP limits must not end the run.
  const config = loadConfig({ NODE_ENV: 'test', OTKLIK_LOGIN_LIMIT_PER_IP: '1000', OTKLIK_PUBLIC_APPEALS_PER_HOUR: '1000' }, { demo: true });
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

/** An API session of a demo user inside the test process (for setting up data), with its CSRF token. */
export interface ApiSession {
  request<T = unknown>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown): Promise<{ status: number; body: T }>;
}

export async function apiSession(server: TestServer, login: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const response = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (response.statusCode !== 200) throw new Error(`${login} cannot sign in: ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = response.json() as { csrfToken: string };
  return {
    async request<T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
      const res = await server.app.inject({ method, url, payload: payload as never, headers: { cookie, 'x-csrf-token': csrfToken } });
      return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
    },
  };
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG of one colour (RGB, 8 bits), built here so that the test needs no fixture file. */
export function pngImage(width = 2, height = 2, rgb: [number, number, number] = [43, 93, 217]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, no filter method, no interlace
  const row = Buffer.from([0, ...Array.from({ length: width }, () => rgb).flat()]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Picks an option of a Gravity select by its visible text. */
export async function choose(page: Page, selectQa: string, option: string | RegExp): Promise<void> {
  await page.locator(`[data-qa="${selectQa}"]`).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** Starts the server and the browser before a spec file's tests and closes both after them. */
export function useServerAndBrowser(receive: (env: { server: TestServer; browser: Browser }) => void): void {
  let env: { server: TestServer; browser: Browser } | null = null;
  beforeAll(async () => {
    env = { server: await startServer(), browser: await launchBrowser() };
    receive(env);
  });
  afterAll(async () => {
    await env?.browser.close();
    await env?.server.close();
  });
}
