// The home page says what needs the user today and leads to exactly those appeals; the registry acts on a
// selection; the answered card offers the answer as a letter on the letterhead; the citizen's pages ask
// nothing about a session.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSession, openPage, signIn, useServerAndBrowser, type TestServer } from './helpers';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

interface Created { id: string; number: string }

async function overdueAppeal(text: string): Promise<Created> {
  const contact = await apiSession(server, 'beloyarsky.contact');
  const res = await contact.request<Created>('POST', '/api/appeals', {
    channel: 'fz59', subChannel: 'letter', receivedAt: '2025-02-03T06:00:00Z', registeredAt: '2025-02-04T06:00:00Z',
    author: { kind: 'person', surname: 'Сидоров', name: 'Пётр', patronymic: 'Ильич', postalAddress: '624030, пос. Белоярский, ул. Ленина, д. 5' }, text,
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('what needs me today', () => {
  it('the executor sees an overdue appeal of theirs on the home page and opens exactly it', async () => {
    const head = await apiSession(server, 'beloyarsky.head');
    const departments = (await head.request<{ items: { id: string }[] }>('GET', '/api/departments')).body.items;
    const executor = (await head.request<{ items: { id: string; login: string }[] }>('GET', '/api/users')).body.items.find((u) => u.login === 'beloyarsky.executor')!;
    const a = await overdueAppeal('Не вывозят мусор с площадки на улице Ленина, 5.');
    expect((await head.request('POST', `/api/appeals/${a.id}/actions/assign`, { departmentId: departments[0].id, executorId: executor.id })).status).toBe(200);

    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'beloyarsky.executor');
      const overdue = page.locator('[data-qa="today-appeals_overdue"]');
      await expect.poll(() => overdue.textContent()).toContain('1');
      expect(await overdue.textContent()).toContain('Просрочены');
      await overdue.locator('a').click();
      await page.waitForURL(/\/appeals\?overdue=1&executor=me/);
      const rows = page.locator('[data-qa="appeals-table"] tbody tr');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain(a.number);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the head puts two selected appeals on control at once; the answered card offers the letter in DOCX and PDF and a print view', async () => {
    const first = await overdueAppeal('Прошу починить освещение во дворе дома 7 по улице Мира.');
    const second = await overdueAppeal('Прошу убрать поваленное дерево у школы № 2.');
    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'beloyarsky.head');
      await page.goto(`${server.url}/appeals`);
      const table = page.locator('[data-qa="appeals-table"]');
      for (const a of [first, second]) await table.locator('tbody tr', { hasText: a.number }).locator('input[type="checkbox"]').check();
      await expect.poll(() => page.locator('[data-qa="bulk-count"]').textContent()).toBe('Выбрано: 2');
      await page.locator('[data-qa="bulk-set-control"]').click();
      await page.getByText('Готово для обращений: 2').waitFor();
      const head = await apiSession(server, 'beloyarsky.head');
      for (const a of [first, second]) expect((await head.request<{ onControl: boolean }>('GET', `/api/appeals/${a.id}`)).body.onControl).toBe(true);

      // The answer, approved, as a letter on the letterhead.
      const departments = (await head.request<{ items: { id: string }[] }>('GET', '/api/departments')).body.items;
      const me = (await head.request<{ items: { id: string; login: string }[] }>('GET', '/api/users')).body.items.find((u) => u.login === 'beloyarsky.head')!;
      await head.request('POST', `/api/appeals/${first.id}/actions/assign`, { departmentId: departments[0].id, executorId: me.id });
      await head.request('POST', `/api/appeals/${first.id}/actions/take`, {});
      await head.request('POST', `/api/appeals/${first.id}/actions/submit_answer`, { answerText: 'Освещение во дворе дома 7 по улице Мира восстановлено 3 марта 2026 г. бригадой МУП «Горсвет».', resultCode: 'supported' });
      expect((await head.request('POST', `/api/appeals/${first.id}/actions/approve`, {})).status).toBe(200);
      await page.goto(`${server.url}/appeals/${first.id}`);
      const docx = page.locator('[data-qa="answer-docx"]');
      await docx.waitFor();
      const pdf = await page.request.get(`${server.url}${await page.locator('[data-qa="answer-pdf"]').getAttribute('href')}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const word = await page.request.get(`${server.url}${await docx.getAttribute('href')}`);
      expect(word.headers()['content-type']).toContain('wordprocessingml');
      // On paper: the card without the menu and the buttons.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.shell__nav').isVisible()).toBe(false);
      expect(await page.locator('[data-qa="appeal-actions"]').isVisible()).toBe(false);
      expect(await page.locator('[data-qa="appeal-text"]').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the citizen sends an appeal with every problem named at once, copies the number and code, and no page asks for a session', async () => {
    const { context, page, problems } = await openPage(browser);
    const asked: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/auth/me')) asked.push(r.url()); });
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await page.goto(`${server.url}/reception/beloyarsky`);
      await page.locator('[data-qa="reception-submit"]').click();
      // One round: the consent and the fields together.
      await page.getByText('Нужно согласие на обработку персональных данных').waitFor();
      await page.getByText('Укажите фамилию').waitFor();
      await page.getByLabel('Фамилия').fill('Андреева');
      await page.getByLabel(/^Имя( \*)?$/).fill('Светлана');
      await page.getByLabel('Электронная почта').fill('andreeva@example.ru');
      await page.getByLabel('Текст обращения').fill('Прошу установить детскую площадку во дворе дома 12.');
      await page.getByRole('checkbox', { name: 'Я даю согласие на обработку персональных данных' }).check();
      await page.locator('[data-qa="reception-submit"]').click();
      await page.locator('[data-qa="reception-sent"]').waitFor();
      expect(await page.locator('[data-qa="sent-mail"]').textContent()).toContain('andreeva@example.ru');
      await page.locator('[data-qa="sent-copy"]').click();
      const number = (await page.locator('[data-qa="sent-number"]').textContent())!;
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(number);
      await page.goto(`${server.url}/status`);
      await page.locator('[data-qa="status-form"]').waitFor();
      expect(asked).toEqual([]);
      // The only console line is the browser's note of the refused first submission (400), not a 401.
      expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the risk statistics table fits 1440 px, and the menu and the page name the risks alike', async () => {
    const cur = await apiSession(server, 'cur.analyst');
    const res = await cur.request('POST', '/api/risks', {
      municipality: 'beloyarsky', platform: 'vk', link: 'https://vk.com/wall-1_7', sourceName: 'Подслушано Белоярский',
      text: 'В посёлке отключат воду на две недели, администрация молчит!', kind: 'misinformation', level: 'high',
    });
    expect(res.status).toBe(201);
    const wide = await openPage(browser, { width: 1440, height: 900 });
    try {
      await signIn(wide.page, server.url, 'cur.analyst');
      await wide.page.goto(`${server.url}/risks/statistics`);
      await wide.page.locator('[data-qa="risk-statistics"] tbody tr').first().waitFor();
      const fits = await wide.page.locator('.table-wrap').first().evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
      expect(fits).toBe(true);
      expect(wide.problems).toEqual([]);
    } finally {
      await wide.context.close();
    }
    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'beloyarsky.contact');
      await page.locator('nav[aria-label="Разделы"]').getByText('Информационные риски').click();
      await page.locator('[data-qa="risk-inbox"]').waitFor();
      expect(await page.locator('h1').first().textContent()).toBe('Информационные риски');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
