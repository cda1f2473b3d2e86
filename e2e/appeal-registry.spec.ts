// The registry marks overdue appeals, its views and exports follow the filter, the staff form
// registers an appeal once per external id, and the bell shows a new notification without a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSession, choose, launchBrowser, openPage, signIn, startServer, type ApiSession, type TestServer } from './helpers';

let server: TestServer;
let browser: Browser;
let contact: ApiSession;

interface Created { id: string; number: string }

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  contact = await apiSession(server, 'beloyarsky.contact');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function register(body: Record<string, unknown>): Promise<Created> {
  const response = await contact.request<Created>('POST', '/api/appeals', { channel: 'fz59', subChannel: 'letter', ...body });
  expect(response.status).toBe(201);
  return response.body;
}

describe('appeals registry', () => {
  it('highlights an overdue appeal with its countdown, and the views and exports follow the filter', async () => {
    // A letter received and registered long ago: its 30 days for the answer have run out.
    const old = await register({ receivedAt: '2025-02-03T06:00:00Z', registeredAt: '2025-02-04T06:00:00Z', author: { kind: 'person', surname: 'Сидоров', name: 'Пётр' }, text: 'Не вывозят мусор с площадки на улице Ленина, 5.' });
    const fresh = await register({ author: { kind: 'person', surname: 'Орлова', name: 'Ирина' }, text: 'Прошу установить скамейки в сквере.' });
    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'beloyarsky.contact');
      await page.goto(`${server.url}/appeals`);
      const table = page.locator('[data-qa="appeals-table"]');
      const oldRow = table.locator('tbody tr', { hasText: old.number });
      const freshRow = table.locator('tbody tr', { hasText: fresh.number });
      await oldRow.waitFor();
      expect(await oldRow.getAttribute('class')).toContain('appeal-row_overdue');
      expect(await oldRow.locator('[data-qa="countdown"]').innerText()).toMatch(/^просрочено/);
      // The overdue row is red: its cells differ from the plain row's background.
      const background = (row: typeof oldRow) => row.locator('td').first().evaluate((td) => getComputedStyle(td).backgroundColor);
      expect(await background(oldRow)).not.toBe(await background(freshRow));
      expect(await freshRow.getAttribute('class')).not.toContain('appeal-row_overdue');
      expect(await freshRow.locator('[data-qa="countdown"]').innerText()).toMatch(/^осталось \d+ раб\. дн\.$/);

      // The built-in view «Просроченные» narrows the list and is kept in the address.
      await page.locator('[data-qa="view-overdue"]').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('overdue')).toBe('1');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      expect(await table.innerText()).toContain(old.number);
      expect(await page.locator('[data-qa="filter-overdue"] input').isChecked()).toBe(true);
      // The exports carry exactly this filter.
      const xlsx = new URL(await page.locator('[data-qa="export-xlsx"]').getAttribute('href') ?? '', server.url);
      expect(xlsx.pathname).toBe('/api/appeals/export');
      expect(xlsx.searchParams.get('format')).toBe('xlsx');
      expect(xlsx.searchParams.get('overdue')).toBe('true');
      const csv = await page.request.get(new URL((await page.locator('[data-qa="export-csv"]').getAttribute('href'))!, server.url).toString());
      expect(csv.status()).toBe(200);
      const csvText = await csv.text();
      expect(csvText).toContain(old.number);
      expect(csvText).not.toContain(fresh.number);

      // A view of one's own is saved under a name and survives a reload.
      await page.locator('[data-qa="save-view"]').click();
      await page.locator('[data-qa="save-view-dialog"]').getByLabel('Название').fill('Горящие');
      await page.locator('[data-qa="save-view-dialog"]').getByRole('button', { name: 'Сохранить' }).click();
      await page.locator('[data-qa="filter-reset"]').click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
      await page.reload();
      await page.locator('[data-qa="saved-views"]').getByRole('button', { name: 'Горящие', exact: true }).click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('registers an appeal from the staff form once per external id', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'beloyarsky.contact');
      await page.goto(`${server.url}/appeals`);
      await page.locator('[data-qa="new-appeal"]').click();
      const form = page.locator('[data-qa="appeal-form"]');
      await form.waitFor();
      await choose(page, 'select-channel', 'Платформа обратной связи');
      await form.getByLabel('Внешний идентификатор').fill('POS-777001');
      await choose(page, 'select-author-kind', 'Анонимно');
      await form.getByLabel('Текст обращения').fill('Во дворе дома 3 по улице Мира не горят фонари.');
      // The classifier is long: the topic is found by typing in the select's filter.
      await page.locator('[data-qa="select-topic"]').click();
      await page.keyboard.type('Контейнерные');
      await page.getByRole('option', { name: /Контейнерные площадки/ }).first().click();
      await page.locator('[data-qa="appeal-submit"]').click();
      await page.locator('[data-qa="appeal-card"]').waitFor();
      const firstUrl = page.url();
      const number = (await page.locator('[data-qa="appeal-number"]').innerText()).trim();
      expect(await page.locator('[data-qa="appeal-notice"]').innerText()).toContain(`Обращение ${number} зарегистрировано`);
      expect(await page.locator('[data-qa="appeal-details"]').innerText()).toContain('ПОС (Госуслуги)');
      expect(await page.locator('[data-qa="appeal-topic"]').innerText()).toContain('Контейнерные площадки');

      // The same message of the platform again: the existing card opens with a notice.
      await page.goto(`${server.url}/appeals/new`);
      await choose(page, 'select-channel', 'Платформа обратной связи');
      await form.getByLabel('Внешний идентификатор').fill('POS-777001');
      await form.getByLabel('Текст обращения').fill('Повтор того же сообщения платформы.');
      await page.locator('[data-qa="appeal-submit"]').click();
      await expect.poll(() => page.locator('[data-qa="appeal-notice"]').count()).toBe(1);
      expect(await page.locator('[data-qa="appeal-notice"]').innerText()).toContain('уже зарегистрировано');
      expect(page.url()).toBe(firstUrl);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('notification bell', () => {
  it('shows the executor a new assignment live, without reloading the page', async () => {
    const appeal = await register({ author: { kind: 'person', surname: 'Белова', name: 'Анна' }, text: 'Затопило подвал дома 7 по улице Садовой.' });
    const head = await apiSession(server, 'beloyarsky.head');
    const departments = await head.request<{ items: { id: string; name: string }[] }>('GET', '/api/departments?municipality=beloyarsky');
    const executors = await head.request<{ items: { id: string; login: string }[] }>('GET', '/api/users?role=executor');
    const department = departments.body.items.find((d) => d.name === 'Отдел жилищно-коммунального хозяйства')!;
    const executor = executors.body.items.find((u) => u.login === 'beloyarsky.executor')!;

    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'beloyarsky.executor');
      await page.goto(`${server.url}/appeals`);
      await page.locator('[data-qa="appeals-table"]').waitFor();
      expect(await page.locator('[data-qa="notification-count"]').count()).toBe(0);
      // A mark on the window: it disappears if the page reloads.
      await page.evaluate(() => { (window as unknown as { stillHere: boolean }).stillHere = true; });
      // Give the live stream a moment to open before the event it must deliver.
      await page.waitForTimeout(300);

      const assigned = await head.request('POST', `/api/appeals/${appeal.id}/actions/assign`, { departmentId: department.id, executorId: executor.id });
      expect(assigned.status).toBe(200);

      await expect.poll(() => page.locator('[data-qa="notification-count"]').innerText(), { timeout: 8000 }).toBe('1');
      expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
      await page.locator('[data-qa="notification-bell"]').click();
      const item = page.locator('[data-qa="notification-item"]', { hasText: appeal.number });
      expect(await item.innerText()).toContain('вам назначено обращение');
      await item.click();
      await page.waitForURL(new RegExp(`/appeals/${appeal.id}$`));
      await page.locator('[data-qa="appeal-card"]').waitFor();
      // Opening it marked it read.
      await expect.poll(() => page.locator('[data-qa="notification-count"]').count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
