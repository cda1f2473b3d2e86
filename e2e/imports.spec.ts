// A ПОС export imported in the browser: a dry run first, then the import with its progress bar, the summary,
// the rejected-rows report downloaded, and the run in the list of recent imports.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, signIn, type TestServer, useServerAndBrowser } from './helpers';
import { posRows, toCsv } from '../server/modules/imports/fixtures';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

describe('ПОС import', () => {
  it('the contact official checks the file, imports it with progress and downloads the rejected rows', async () => {
    const rows = posRows(1500, { from: 800_000 });
    rows[11][5] = '';
    rows[21][6] = 'вчера';
    const { context, page, problems } = await openPage(browser, { width: 1280, height: 900 });
    await signIn(page, server.url, 'beloyarsky.contact');
    await page.locator('[data-qa="nav-imports"]').click();
    await page.getByRole('heading', { name: 'Загрузка из каналов' }).waitFor();

    await page.locator('[data-qa="import-file"]').setInputFiles({ name: 'пос-март.csv', mimeType: 'text/csv', buffer: toCsv(rows) });
    await page.locator('[data-qa="import-dry-run"]').click();
    await page.locator('[data-qa="import-start"]').click();
    await page.locator('[data-qa="import-progress"]').waitFor({ timeout: 60_000 });
    await page.getByText('Пробный прогон завершён: ничего не записано').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-qa="count-created"]').textContent()).toBe('1498');
    expect(await page.locator('[data-qa="count-rejected"]').textContent()).toBe('2');

    await page.locator('[data-qa="import-for-real"]').click();
    // The progress bar shows while the rows are written, then the summary.
    await page.locator('[data-qa="import-progress"]').waitFor({ timeout: 60_000 });
    await page.getByText(/Обработано строк: \d+ из 1500/).first().waitFor();
    await page.getByText('Загрузка завершена').waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-qa="count-created"]').textContent()).toBe('1498');
    await page.getByText('Обработано строк: 1500 из 1500').first().waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-qa="rejections-link"]').click()]);
    const report = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(download.suggestedFilename()).toMatch(/^отклонённые строки пос-март\.csv$/);
    const lines = report.trim().split(/\r?\n/);
    expect(lines[0]).toBe('Строка;Столбец;Проблема;Значение');
    expect(lines).toContain('12;Факт;Не заполнено обязательное значение;');
    expect(lines.some((l) => l.startsWith('22;Дата поступления;') && l.endsWith(';вчера'))).toBe(true);

    const history = page.locator('[data-qa="import-history"]');
    await history.getByText('пос-март.csv').first().waitFor();
    expect(await history.locator('tbody tr').count()).toBe(2);

    // The imported messages are in the registry.
    await page.goto(`${server.url}/appeals?q=800001`);
    await page.getByText('(сообщение 800001)', { exact: false }).first().waitFor();
    await context.close();
    expect(problems).toEqual([]);
  }, 240_000);

  it('the ЦУР administrator maps a category to a topic and issues an Open311 key', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1280, height: 900 });
    await signIn(page, server.url, 'cur.admin');
    await page.goto(`${server.url}/imports`);
    const map = page.locator('[data-qa="import-categories"]');
    await map.getByRole('button', { name: 'Добавить строку' }).click();
    await map.getByPlaceholder('Категория', { exact: true }).fill('ЖКХ');
    await map.getByPlaceholder('Подкатегория', { exact: true }).fill('Отопление');
    await map.getByPlaceholder('Код темы', { exact: true }).fill('0005.0005.0056.1156');
    await map.getByRole('button', { name: 'Сохранить таблицу' }).click();
    await page.getByText('Таблица соответствия сохранена').waitFor();
    expect(await map.getByPlaceholder('Категория', { exact: true }).inputValue()).toBe('жкх');

    const keys = page.locator('[data-qa="open311-keys"]');
    await keys.locator('.g-select-control').click();
    await page.getByRole('option', { name: 'Белоярский ГО' }).click();
    await keys.getByPlaceholder('Кому выдан').fill('Городское приложение');
    await keys.getByRole('button', { name: 'Выдать ключ' }).click();
    const key = (await keys.locator('code').textContent())!;
    expect(key).toMatch(/^o311_/);
    await keys.getByText('Городское приложение').waitFor();
    const requests = await fetch(`${server.url}/open311/v2/requests.json?jurisdiction_id=beloyarsky&api_key=${key}`);
    expect(requests.status).toBe(200);
    await context.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
