// Roadmaps, informing and polls in the browser: a resident subscribes on the public page and confirms by the
// letter's link; the head drafts a roadmap, sees its effect, adds a measure and marks it done, and the resident's
// letter goes into the outbox; ЦУР comments; the plan of publications is kept in the calendar; poll results are
// loaded from a table and shown beside the appeals of their topic.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { addDays, toLocalDate } from '../domain/calendar/localDate';
import { apiSession, openPage, signIn, type OpenedPage, type TestServer, useServerAndBrowser } from './helpers';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

const ZONE = 'Asia/Yekaterinburg';
const today = () => toLocalDate(new Date(), ZONE);
/** A date as a person types it into the app's date field: 2026-03-05 → 05.03.2026. */
const typed = (date: string) => date.split('-').reverse().join('.');
/** Noon of a local date of Белоярский as an instant. */
const noon = (date: string) => new Date(`${date}T07:00:00Z`).toISOString();

async function outbox(to: string): Promise<{ subject: string; text: string }[]> {
  const res = await server.database.db.execute(sql`select subject, text from mail_outbox where "to" = ${to} order by created_at`);
  return (res as unknown as { rows: { subject: string; text: string }[] }).rows;
}

async function staff(login: string, url: string): Promise<OpenedPage> {
  const opened = await openPage(browser, { width: 1280, height: 900 });
  await signIn(opened.page, server.url, login);
  await opened.page.goto(`${server.url}${url}`);
  return opened;
}

async function choose(page: Page, selectQa: string, option: string, filter = false): Promise<void> {
  await page.locator(`[data-qa="${selectQa}"]`).click();
  // The classifier's list is long and drawn in part: its filter brings the option into view.
  if (filter) await page.keyboard.type(option);
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function closeClean(opened: OpenedPage): Promise<void> {
  const problems = [...opened.problems];
  await opened.context.close();
  expect(problems).toEqual([]);
}

describe('roadmaps and informing', () => {
  it('a resident subscribes, the head measures the roadmap\'s effect and completes a measure, the resident is written to once, ЦУР comments', async () => {
    const head = await apiSession(server, 'beloyarsky.head');
    const t0 = today();
    // Three appeals about waste on ул. Мира in the ten days before the start, one after it, and one on ул. Ленина.
    for (const [i, days] of [-15, -13, -11, -2, -1].entries()) {
      const res = await head.request('POST', '/api/appeals', {
        channel: 'pos', receivedAt: noon(addDays(t0, days)), topic: '0005.0005.0056.1130', address: i === 4 ? 'ул. Ленина, 3' : `ул. Мира, ${i + 1}`,
        text: 'Не вывозят мусор с контейнерной площадки', author: { surname: ['Акулов', 'Борисов', 'Васильев', 'Григорьев', 'Данилов'][i], name: 'Иван' },
      });
      expect(res.status).toBe(201);
    }

    const resident = await openPage(browser);
    await resident.page.goto(`${server.url}/subscribe/beloyarsky`);
    await resident.page.getByRole('checkbox', { name: 'Жилище' }).check();
    await resident.page.getByLabel('Электронная почта').fill('resident@example.ru');
    await resident.page.locator('[data-qa="subscribe-submit"]').click();
    await resident.page.locator('[data-qa="subscribe-done"]').waitFor();
    const confirmLink = /(\/subscribe\/confirm\?token=[\w-]+)/.exec((await outbox('resident@example.ru'))[0].text)![1];
    await resident.page.goto(`${server.url}${confirmLink}`);
    await expect.poll(() => resident.page.locator('[data-qa="subscription-result"]').innerText()).toContain('подтверждена');
    expect(await resident.page.locator('[data-qa="subscription-result"]').innerText()).toContain('Жилище');
    await closeClean(resident);

    const opened = await staff('beloyarsky.head', '/roadmaps');
    const { page } = opened;
    await page.locator('[data-qa="roadmap-create"]').click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Название', { exact: true }).fill('Вывоз мусора на улице Мира');
    await choose(page, 'roadmap-topic', 'Жилище', true);
    await form.getByLabel('Улицы', { exact: false }).fill('ул. Мира');
    await form.getByLabel('Дата начала').fill(typed(addDays(t0, -9)));
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForURL(/\/roadmaps\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('[data-qa="effect-before"]').innerText()).toBe('3');
    expect(await page.locator('[data-qa="effect-after"]').innerText()).toBe('1');
    expect(await page.locator('[data-qa="effect-change"]').innerText()).toBe('−66,7 %');
    await page.locator('[data-qa="effect-chart"] canvas').waitFor();
    // Without the street every place counts: one more appeal after the start (ул. Ленина).
    await page.locator('[data-qa="roadmap-edit"]').click();
    await page.getByRole('dialog').getByLabel('Улицы', { exact: false }).fill('');
    await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.locator('[data-qa="effect-after"]').innerText()).toBe('2');

    const measures = page.locator('[data-qa="roadmap-measures"]');
    await measures.getByLabel('Мероприятие', { exact: true }).fill('Поставить новые контейнеры');
    await measures.getByLabel('Ответственный', { exact: true }).fill('Петров И. Н., отдел ЖКХ');
    await measures.getByLabel('Срок', { exact: true }).fill(typed(addDays(t0, 5)));
    await page.locator('[data-qa="measure-add"]').click();
    const row = measures.locator('tbody tr', { hasText: 'Поставить новые контейнеры' });
    await row.waitFor();
    await row.locator('[data-qa^="measure-status-"]').click();
    await page.getByRole('option', { name: 'Выполнено', exact: true }).click();
    await expect.poll(async () => (await outbox('resident@example.ru')).filter((l) => l.subject.includes('выполнено мероприятие')).length).toBe(1);
    // Chosen again, the status sends nothing more.
    await row.locator('[data-qa^="measure-status-"]').click();
    await page.getByRole('option', { name: 'Выполняется', exact: true }).click();
    await row.locator('[data-qa^="measure-status-"]').click();
    await page.getByRole('option', { name: 'Выполнено', exact: true }).click();
    await expect.poll(() => row.innerText()).toContain('Выполнено');
    expect((await outbox('resident@example.ru')).filter((l) => l.subject.includes('выполнено мероприятие'))).toHaveLength(1);
    const cardUrl = page.url();
    await closeClean(opened);

    const cur = await staff('cur.analyst', new URL(cardUrl).pathname);
    await cur.page.locator('[data-qa="roadmap-comments"] textarea').fill('Добавьте график вывоза на лето.');
    await cur.page.locator('[data-qa="comment-send"]').click();
    await expect.poll(() => cur.page.locator('[data-qa="roadmap-comments"]').innerText()).toContain('ЦУР');
    expect(await cur.page.locator('[data-qa="measure-add"]').count()).toBe(0);
    await closeClean(cur);
  });

  it('the contact official plans a publication in the calendar and marks it published with its link', async () => {
    const opened = await staff('beloyarsky.contact', '/informing');
    const { page } = opened;
    await page.locator('[data-qa="publication-create"]').click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Тема публикации').fill('График вывоза мусора');
    await form.getByLabel('Плановая дата').fill(typed(today()));
    await form.getByRole('button', { name: 'Сохранить' }).click();
    const item = page.locator(`td[data-date="${today()}"] [data-qa="calendar-publication"]`, { hasText: 'График вывоза мусора' });
    await item.waitFor();
    expect(await item.innerText()).toContain('Запланирована');
    await item.click();
    await choose(page, 'publication-status', 'Опубликована');
    await page.getByRole('dialog').getByLabel('Ссылка на публикацию').fill('https://vk.com/wall-1_100');
    await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => item.innerText()).toContain('Опубликована');
    expect(await page.locator('[data-qa="subscribers"]').innerText()).toContain('Подтверждённых подписчиков');
    await closeClean(opened);
  });
});

describe('polls', () => {
  it('the head loads results from a table and sees them on their topic beside the appeals', async () => {
    const t0 = today();
    const from = addDays(t0, -20);
    const csv = [
      'Вид;Вопрос;Код темы;Начало;Окончание;Вариант;Голосов',
      `голосование;Где поставить новые контейнеры?;0005.0005;${from};${t0};У школы;30`,
      `голосование;Где поставить новые контейнеры?;0005.0005;${from};${t0};У рынка;10`,
      `голосование;Плохая строка;0005.0005;${from};${t0};Да;много`,
    ].join('\n');
    const opened = await staff('beloyarsky.head', '/polls');
    const { page } = opened;
    await page.getByLabel('Загрузить CSV или XLSX').setInputFiles({ name: 'итоги.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const card = page.locator('[data-qa="poll"]', { hasText: 'Где поставить новые контейнеры?' });
    await card.waitFor();
    expect(await card.innerText()).toContain('75 %');
    expect(await page.locator('.programs-rejected').innerText()).toContain('много');
    // The appeals on waste of the first test fall into the poll's period.
    await expect.poll(() => card.locator('[data-qa="poll-appeals"]').innerText()).toMatch(/Обращения по теме за период: [1-9]/);
    await choose(page, 'polls-topic', 'Семья');
    await page.getByText('Итогов пока нет').waitFor();
    await closeClean(opened);
  });
});
