// ЦУР's methodological work in the browser: a recommendation is acknowledged, reported on and accepted;
// a practice proposed by Белоярский is published and found by another municipality in other word forms;
// an administration enrols its staff in a training, ЦУР marks attendance and the coverage shows who is left.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, signIn, type OpenedPage, type TestServer, useServerAndBrowser } from './helpers';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

async function staff(login: string, url: string): Promise<OpenedPage> {
  const opened = await openPage(browser, { width: 1280, height: 900 });
  await signIn(opened.page, server.url, login);
  await opened.page.goto(`${server.url}${url}`);
  return opened;
}

async function closeClean(opened: OpenedPage): Promise<void> {
  const problems = opened.problems;
  await opened.context.close();
  expect(problems).toEqual([]);
}

describe('recommendations of ЦУР', () => {
  it('go to two municipalities; ЦУР sees who has not acknowledged, Белоярский acknowledges and reports, ЦУР accepts', async () => {
    const SUBJECT = 'Шаблоны ответов на обращения о благоустройстве';
    const cur = await staff('cur.analyst', '/recommendations');
    await cur.page.getByRole('button', { name: 'Новая рекомендация' }).click();
    const dialog = cur.page.getByRole('dialog');
    await dialog.getByLabel('Тема').fill(SUBJECT);
    await dialog.getByLabel('Текст рекомендации').fill('Рекомендуем указывать в ответе срок работ и ответственного.');
    for (const name of ['Белоярский ГО', 'Екатеринбург']) await dialog.getByText(name, { exact: true }).click();
    await dialog.getByRole('button', { name: 'Направить' }).click();
    await cur.page.waitForURL(/\/recommendations\/[0-9a-f-]{36}$/);
    const path = new URL(cur.page.url()).pathname;
    await expect.poll(() => cur.page.locator('[data-qa="addressee"]').count()).toBe(2);
    await cur.page.goto(`${server.url}/recommendations`);
    await cur.page.getByRole('radio', { name: 'Не ознакомлены' }).check({ force: true });
    const pending = cur.page.locator('[data-qa="unacknowledged"] tbody tr', { hasText: SUBJECT });
    await expect.poll(() => pending.count()).toBe(2);
    await closeClean(cur);

    const bel = await staff('beloyarsky.contact', '/recommendations');
    await bel.page.getByRole('link', { name: SUBJECT }).click();
    await bel.page.getByRole('button', { name: 'Ознакомлен' }).click();
    await bel.page.getByText('Ознакомлен: Иванова Мария Сергеевна', { exact: false }).waitFor();
    await bel.page.getByLabel('Что сделано').fill('Шаблоны дополнены сроками и ответственными, приказ от 10.11.');
    await bel.page.getByRole('button', { name: 'Направить отчёт' }).click();
    await bel.page.getByText('отчёт направлен', { exact: true }).waitFor();
    await closeClean(bel);

    const review = await staff('cur.analyst', path);
    const belCard = review.page.locator('[data-municipality="beloyarsky"]');
    await belCard.getByText('Шаблоны дополнены сроками', { exact: false }).waitFor();
    await belCard.getByRole('button', { name: 'Принять отчёт' }).click();
    await belCard.getByText('отчёт принят', { exact: true }).waitFor();
    expect(await review.page.locator('[data-municipality="ekaterinburg"]').innerText()).toContain('Не ознакомлен');
    await review.page.goto(`${server.url}/recommendations`);
    await review.page.getByRole('radio', { name: 'Не ознакомлены' }).check({ force: true });
    await expect.poll(() => review.page.locator('[data-qa="unacknowledged"] tbody tr', { hasText: SUBJECT }).count()).toBe(1);
    await closeClean(review);
  }, 180_000);
});

describe('best practices', () => {
  it('Белоярский proposes, ЦУР publishes, Екатеринбург finds it by other forms of the words', async () => {
    const TITLE = 'Единый график уборки дворов';
    const bel = await staff('beloyarsky.contact', '/practices');
    await bel.page.getByRole('button', { name: 'Предложить практику' }).click();
    const dialog = bel.page.getByRole('dialog');
    await dialog.getByLabel('Название').fill(TITLE);
    await dialog.getByLabel('Описание: проблема, решение, результат в цифрах').fill('Управляющие компании публикуют графики уборки дворовых территорий; жалоб стало вдвое меньше.');
    await dialog.getByRole('button', { name: 'Направить' }).click();
    await bel.page.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
    const path = new URL(bel.page.url()).pathname;
    await bel.page.getByText('на рассмотрении ЦУР').waitFor();
    await closeClean(bel);

    const cur = await staff('cur.analyst', path);
    await cur.page.getByRole('button', { name: 'Опубликовать' }).click();
    await cur.page.getByText('опубликована', { exact: true }).waitFor();
    await closeClean(cur);

    const ekb = await staff('ekb.contact', '/practices');
    await ekb.page.getByLabel('Поиск по названию и тексту').fill('уборка двора');
    const cards = ekb.page.locator('[data-qa="practice"]');
    await expect.poll(async () => (await cards.allInnerTexts()).join('|')).toContain(TITLE);
    expect(await cards.count()).toBe(1);
    await ekb.page.getByLabel('Поиск по названию и тексту').fill('снегоуборочная техника');
    await ekb.page.getByText('Практик не найдено').waitFor();
    await closeClean(ekb);
  }, 180_000);
});

describe('training', () => {
  it('ЦУР announces a webinar, Белоярский enrols its executor, ЦУР marks attendance, the coverage shows who is left', async () => {
    const TITLE = 'Вебинар: ответы без отписок';
    const cur = await staff('cur.analyst', '/trainings');
    await cur.page.getByRole('button', { name: 'Новое мероприятие' }).click();
    const dialog = cur.page.getByRole('dialog');
    await dialog.getByLabel('Название').fill(TITLE);
    const start = new Date(Date.now() + 2 * 3_600_000);
    await dialog.getByLabel('Дата и время начала').fill(new Date(start.getTime() - start.getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
    await dialog.getByLabel('Адрес или ссылка').fill('https://webinar.example.ru/cur');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await cur.page.waitForURL(/\/trainings\/[0-9a-f-]{36}$/);
    const path = new URL(cur.page.url()).pathname;
    await closeClean(cur);

    const head = await staff('beloyarsky.head', path);
    await head.page.locator('[data-qa="enrol-who"]').click();
    await head.page.getByRole('option', { name: 'Петров Игорь Николаевич' }).click();
    await head.page.getByRole('button', { name: 'Записать', exact: true }).click();
    await head.page.locator('[data-qa="participants"] tbody tr', { hasText: 'Петров Игорь Николаевич' }).waitFor();
    await closeClean(head);

    const mark = await staff('cur.analyst', path);
    const row = mark.page.locator('[data-qa="participants"] tbody tr', { hasText: 'Петров Игорь Николаевич' });
    await row.getByText('присутствовал').click();
    await mark.page.getByRole('button', { name: 'Отметить посещение' }).click();
    await mark.page.getByText('Посещение отмечено').waitFor();
    await mark.page.goto(`${server.url}/trainings`);
    const bel = mark.page.locator('[data-qa="coverage"] tbody tr', { hasText: 'Белоярский ГО' });
    await bel.waitFor();
    const text = await bel.innerText();
    expect(text).toContain('Иванова Мария Сергеевна');
    expect(text).not.toContain('Петров Игорь Николаевич');
    await closeClean(mark);
  }, 180_000);
});
