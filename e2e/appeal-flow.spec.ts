// An appeal's whole way: a citizen sends it through the e-reception with a photo, the contact official
// registers it, the head assigns it, the executor answers, the head approves, the citizen reads and rates the answer.
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiSession, choose, launchBrowser, openPage, pngImage, signIn, startServer, type OpenedPage, type TestServer } from './helpers';

let server: TestServer;
let browser: Browser;
const shots = process.env.OTKLIK_SCREENSHOT_DIR || os.tmpdir();
const ANSWER = 'Контейнерная площадка у дома 12 по улице Милицейской очищена 14 числа; график вывоза увеличен до ежедневного. Ответственный — отдел ЖКХ.';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // Other appeals in the registry, so that finding one by its number means something.
  const contact = await apiSession(server, 'beloyarsky.contact');
  for (const text of ['Не работает уличное освещение на улице Ленина.', 'Просим отремонтировать дорогу к школе № 2.']) {
    const created = await contact.request('POST', '/api/appeals', { channel: 'fz59', subChannel: 'letter', author: { kind: 'person', surname: 'Кузьмин', name: 'Олег' }, text });
    expect(created.status).toBe(201);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const status = (page: Page) => page.locator('[data-qa="appeal-card"] [data-qa="appeal-status"]').innerText();

/** Opens the action's dialog on the card, lets the test fill it, and confirms with the action's own button. */
async function act(page: Page, action: string, label: string, fill?: (dialog: ReturnType<Page['locator']>) => Promise<void>): Promise<void> {
  await page.locator(`[data-qa="action-${action}"]`).click();
  const dialog = page.locator('[data-qa="action-dialog"]');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function staffPage(login: string, url: string): Promise<OpenedPage> {
  const opened = await openPage(browser);
  await signIn(opened.page, server.url, login);
  await opened.page.goto(url);
  await opened.page.locator('[data-qa="appeal-card"]').waitFor();
  return opened;
}

describe('appeal from the e-reception to the rating', () => {
  it('goes through registration, assignment, answer, approval and the citizen’s rating', async () => {
    // 1. The citizen writes from a phone, with a photo.
    const citizen = await openPage(browser, { width: 375, height: 800 });
    const { page: phone } = citizen;
    // The way in is the link on the login page; no account is needed.
    await phone.goto(`${server.url}/login`);
    await phone.locator('[data-qa="citizen-links"]').getByRole('link', { name: 'Электронная приёмная' }).click();
    await phone.waitForURL(/\/reception$/);
    await phone.locator('[data-qa="municipality-list"]').getByRole('link', { name: /^Белоярский ГО/ }).click();
    await phone.waitForURL(/\/reception\/beloyarsky$/);
    await phone.getByText('Обращение в администрацию: Белоярский городской округ').waitFor();
    await phone.getByLabel('Фамилия').fill('Андреева');
    await phone.getByLabel(/^Имя( \*)?$/).fill('Светлана');
    await phone.getByLabel('Электронная почта').fill('andreeva@example.ru');
    await phone.getByLabel('Текст обращения').fill('Контейнерная площадка у дома 12 по улице Милицейской переполнена, мусор не вывозят неделю.');
    await phone.getByLabel('Адрес, к которому относится обращение').fill('пгт Белоярский, ул. Милицейская, 12');
    await phone.locator('[data-qa="files-input"]').setInputFiles({ name: 'площадка.png', mimeType: 'image/png', buffer: pngImage(8, 8) });
    await phone.getByText('площадка.png').waitFor();
    // The honeypot is in the form but out of sight and out of the tab order.
    const honeypot = phone.locator('input[name="website"]');
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.getAttribute('autocomplete')).toBe('off');
    expect(await honeypot.evaluate((el) => el.closest('[aria-hidden="true"]') !== null)).toBe(true);
    const box = (await honeypot.boundingBox())!;
    expect(box.x + box.width <= 0 || box.width <= 1).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.screenshot({ path: path.join(shots, 'otklik-reception-375.png'), fullPage: true });

    // Without the consent the server refuses the form (400) and the page says why beside the checkbox.
    await phone.getByRole('button', { name: 'Отправить обращение' }).click();
    await expect.poll(() => phone.locator('[data-qa="field-consent"]').innerText()).toContain('Нужно согласие');
    await phone.getByRole('checkbox', { name: 'Я даю согласие на обработку персональных данных' }).check();
    await phone.getByRole('button', { name: 'Отправить обращение' }).click();
    await phone.locator('[data-qa="reception-sent"]').waitFor();
    const number = (await phone.locator('[data-qa="sent-number"]').innerText()).trim();
    const code = (await phone.locator('[data-qa="sent-code"]').innerText()).trim();
    expect(number).toMatch(/^БЕЛ-\d{4}-\d{6}$/);
    expect(code).toMatch(/^[A-Z2-9]{10}$/);

    // 2. The contact official finds it by number in the registry and registers it.
    const contact = await openPage(browser);
    let cardUrl = '';
    try {
      await signIn(contact.page, server.url, 'beloyarsky.contact');
      await contact.page.goto(`${server.url}/appeals`);
      await contact.page.locator('[data-qa="appeals-table"]').waitFor();
      const rows = contact.page.locator('[data-qa="appeals-table"] tbody tr');
      await expect.poll(() => rows.count()).toBe(3);
      await contact.page.locator('[data-qa="appeal-search"] input').fill(number);
      await expect.poll(() => new URL(contact.page.url()).searchParams.get('q')).toBe(number);
      await expect.poll(() => contact.page.locator('[data-qa="appeals-total"]').innerText()).toBe('Найдено: 1');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().innerText()).toContain('Андреева Светлана');
      await contact.page.screenshot({ path: path.join(shots, 'otklik-registry-1280.png') });
      await rows.first().getByRole('link', { name: number }).click();
      await contact.page.locator('[data-qa="appeal-card"]').waitFor();
      cardUrl = contact.page.url();
      await expect.poll(() => status(contact.page)).toBe('Поступило');
      expect(await contact.page.locator('[data-qa="appeal-attachments"]').innerText()).toContain('площадка.png');
      expect(await contact.page.locator('[data-qa="appeal-details"]').innerText()).toContain('Интернет-приёмная');
      await act(contact.page, 'register', 'Зарегистрировать');
      await expect.poll(() => status(contact.page)).toBe('Зарегистрировано');
      expect(contact.problems).toEqual([]);
    } finally {
      await contact.context.close();
    }

    // 3. The head assigns it to the housing department and to the executor.
    const head = await staffPage('beloyarsky.head', cardUrl);
    try {
      await act(head.page, 'assign', 'Назначить исполнителя', async () => {
        await choose(head.page, 'select-departmentId', 'Отдел жилищно-коммунального хозяйства');
        await choose(head.page, 'select-executorId', 'Петров Игорь Николаевич · Исполнитель');
      });
      await expect.poll(() => status(head.page)).toBe('Назначен исполнитель');
      expect(await head.page.locator('[data-qa="appeal-executor"]').innerText()).toContain('Петров Игорь Николаевич');
    } finally {
      await head.context.close();
    }

    // 4. The executor, told by the bell, takes it and submits the answer for approval.
    const executor = await openPage(browser);
    try {
      await signIn(executor.page, server.url, 'beloyarsky.executor');
      await expect.poll(() => executor.page.locator('[data-qa="notification-count"]').innerText()).toBe('1');
      await executor.page.locator('[data-qa="notification-bell"]').click();
      await executor.page.locator('[data-qa="notification-item"]', { hasText: number }).click();
      await executor.page.locator('[data-qa="appeal-card"]').waitFor();
      expect(executor.page.url()).toBe(cardUrl);
      await act(executor.page, 'take', 'Взять в работу');
      await expect.poll(() => status(executor.page)).toBe('В работе');
      // The server's field messages show next to the fields.
      await executor.page.locator('[data-qa="action-submit_answer"]').click();
      const dialog = executor.page.locator('[data-qa="action-dialog"]');
      await dialog.getByRole('button', { name: 'Направить ответ на согласование' }).click();
      await expect.poll(() => dialog.locator('[data-qa="field-answerText"]').innerText()).toContain('Обязательное поле');
      await dialog.getByLabel('Текст ответа').fill(ANSWER);
      await choose(executor.page, 'select-resultCode', 'Поддержано');
      await dialog.getByRole('button', { name: 'Направить ответ на согласование' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => status(executor.page)).toBe('Ответ на согласовании');
      // Only the actions the server lists for this user are offered: the executor has none while the head decides.
      expect(await executor.page.locator('[data-qa="appeal-actions"] button').count()).toBe(0);
      expect(await executor.page.locator('[data-qa="appeal-actions"]').innerText()).toContain('нет доступных действий');
      // The one 400 is the empty answer sent on purpose above.
      expect(executor.problems.filter((p) => !p.includes('400 (Bad Request)'))).toEqual([]);
    } finally {
      await executor.context.close();
    }

    // 5. The head approves the answer.
    const approver = await staffPage('beloyarsky.head', cardUrl);
    try {
      await act(approver.page, 'approve', 'Утвердить ответ');
      await expect.poll(() => status(approver.page)).toBe('Дан ответ');
      const answer = approver.page.locator('[data-qa="appeal-answer"]');
      expect(await answer.innerText()).toContain(ANSWER);
      expect(await answer.locator('[data-qa="answer-result"]').innerText()).toContain('Поддержано');
      expect(await answer.locator('[data-qa="answer-approved-by"]').innerText()).toContain('Соколов Дмитрий Александрович');
      const timeline = approver.page.locator('[data-qa="appeal-timeline"]');
      await expect.poll(() => timeline.innerText()).toContain('Утвердить ответ');
      expect(await timeline.innerText()).toContain('Назначить исполнителя');
      await approver.page.screenshot({ path: path.join(shots, 'otklik-card-1280.png') });
    } finally {
      await approver.context.close();
    }

    // 6. The citizen checks the status with the number and code, reads the answer and rates it.
    try {
      await phone.goto(`${server.url}/status`);
      await phone.getByLabel('Номер обращения').fill(number);
      await phone.getByLabel('Код для проверки').fill(code);
      await phone.getByRole('button', { name: 'Проверить' }).click();
      const result = phone.locator('[data-qa="status-result"]');
      await expect.poll(() => result.locator('[data-qa="status-label"]').innerText()).toBe('Дан ответ');
      expect(await result.locator('[data-qa="status-answer"]').innerText()).toContain(ANSWER);
      expect(await result.innerText()).toContain('Поддержано');
      await phone.getByRole('radio', { name: '5 из 5' }).check({ force: true });
      await phone.getByLabel('Комментарий (необязательно)').fill('Спасибо, площадку убрали.');
      await phone.getByRole('button', { name: 'Отправить оценку' }).click();
      await phone.locator('[data-qa="rating-saved"]').waitFor();
      expect(await result.locator('[data-qa="status-rating"]').innerText()).toContain('5 из 5');
      expect(await phone.locator('[data-qa="rating-form"]').count()).toBe(0);
      // The rating is stored: a fresh look shows it and offers no second rating.
      await phone.goto(`${server.url}/status/${encodeURIComponent(number)}?code=${code}`);
      await expect.poll(() => phone.locator('[data-qa="status-rating"]').innerText()).toContain('5 из 5');
      expect(await phone.locator('[data-qa="rating-form"]').count()).toBe(0);
      // The one 400 is the form sent without consent on purpose above.
      expect(citizen.problems.filter((p) => !p.includes('400 (Bad Request)'))).toEqual([]);
    } finally {
      await citizen.context.close();
    }
  });
});
