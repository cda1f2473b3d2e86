// The quarterly report's way (§10.1–10.2) for the quarter before today's: the head opens it from
// /reports, writes the analytical part and signs it; the contact official submits it; ЦУР sees
// Белоярский's cell on time or late (decided by today's date against the 5th of the month after the
// quarter), follows a figure to the registry filtered to exactly those appeals, comes back and accepts.
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { seedAppeals } from '../server/seed/appeals';
import { quarterPeriod, reportDueDate, reportingQuarter } from '../domain/reports/quarters';
import { toLocalDate } from '../domain/calendar/localDate';
import { launchBrowser, openPage, signIn, startServer, type OpenedPage, type TestServer } from './helpers';

let server: TestServer;
let browser: Browser;
const shots = process.env.OTKLIK_SCREENSHOT_DIR || os.tmpdir();

// The server runs on the real clock: the report of the previous quarter is due on the 5th of the
// first month of this one, so submitting today is on time up to that day and late after it.
const today = toLocalDate(new Date(), 'Asia/Yekaterinburg');
const { year, quarter } = reportingQuarter(today);
const period = quarterPeriod(year, quarter);
const due = reportDueDate(year, quarter);
const onTime = today <= due;
const CELL = onTime ? { status: 'on_time', label: 'в срок' } : { status: 'late', label: 'с опозданием' };
const ACCEPTED = onTime ? { status: 'accepted_on_time', label: 'принят' } : { status: 'accepted_late', label: 'принят, с опозданием' };

const PROBLEMS = 'Ямы на дорогах частного сектора, нерегулярный вывоз мусора.';
const MEASURES = 'Ямочный ремонт 14 улиц, новый график вывоза ТКО.';
const PROPOSALS = 'Включить ул. Ленина в программу ремонта дорог 2027 года.';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // Appeals of every municipality over the quarter and a little before it, registered up to its last evening.
  await seedAppeals(server.database.db, { count: 1500, seed: 5, now: new Date(`${period.to}T17:00:00Z`), days: 95 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

let reportUrl = '';

async function staff(login: string, url: string): Promise<OpenedPage> {
  const opened = await openPage(browser, { width: 1280, height: 900 });
  await signIn(opened.page, server.url, login);
  await opened.page.goto(url);
  return opened;
}

async function done(opened: OpenedPage, expected: RegExp[] = []): Promise<void> {
  expect(opened.problems.filter((p) => !expected.some((e) => e.test(p)))).toEqual([]);
  await opened.context.close();
}

const status = (page: Page) => page.locator('[data-qa="report-card"] [data-qa="report-status"]').innerText();
const chip = (scope: Locator) => scope.locator('[data-qa="report-chip"]').first();

/** Opens the action's dialog, lets the test fill it, and confirms with the action's own button. */
async function act(page: Page, action: string, label: string, fill?: (dialog: Locator) => Promise<void>): Promise<Locator> {
  await page.locator(`[data-qa="report-action-${action}"]`).click();
  const dialog = page.locator('[data-qa="report-action-dialog"]');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  return dialog;
}

describe('quarterly report from the draft to acceptance', () => {
  it('the head opens the previous quarter from /reports, writes the analytical part and signs', async () => {
    const head = await staff('beloyarsky.head', `${server.url}/reports`);
    const { page } = head;
    await page.locator('[data-qa="report-quarters"]').waitFor();
    const open = page.locator('[data-qa="open-reporting-quarter"]');
    expect(await open.innerText()).toContain(`Отчёт за ${quarter} квартал ${year} г.`);
    await open.click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    reportUrl = page.url();
    expect(await page.locator('[data-qa="report-title"]').innerText()).toBe(`Отчёт за ${quarter} квартал ${year} г.`);
    expect(await page.locator('[data-qa="report-municipality"]').innerText()).toBe('Белоярский городской округ');
    expect(await status(page)).toBe('Черновик');
    const total = Number(await page.locator('[data-qa="figure-total"]').getAttribute('data-value'));
    expect(total).toBeGreaterThan(20);

    // Signing an empty analytical part is refused and the fields say why.
    const refused = await act(page, 'sign', 'Подписать');
    await refused.locator('[data-qa="form-error"]').waitFor();
    expect(await refused.locator('[data-qa="form-error"]').innerText()).toContain('заполните аналитическую часть');
    await refused.getByRole('button', { name: 'Отмена' }).click();
    await refused.waitFor({ state: 'detached' });
    expect(await page.locator('[data-qa="analytics-proposals"]').innerText()).toContain('Заполните аналитическую часть');

    await page.getByLabel('Основные проблемы, поднимаемые в обращениях').fill(PROBLEMS);
    await page.getByLabel('Принятые меры').fill(MEASURES);
    await page.getByLabel('Предложения', { exact: true }).fill(PROPOSALS);
    // Saved on its own once typing pauses.
    await expect.poll(() => page.locator('[data-qa="analytics-state"]').innerText(), { timeout: 8000 }).toMatch(/^Сохранено в/);
    await page.reload();
    expect(await page.getByLabel('Принятые меры').inputValue()).toBe(MEASURES);
    await page.screenshot({ path: path.join(shots, 'otklik-report-draft-1280.png'), fullPage: true });

    const dialog = await act(page, 'sign', 'Подписать');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => status(page)).toBe('Подписан');
    // Signed: the analytical part is read-only and only the head's signature is shown.
    expect(await page.locator('[data-qa="report-analytics"] textarea').count()).toBe(0);
    expect(await page.locator('[data-qa="report-analytics"]').innerText()).toContain(PROPOSALS);
    expect(await page.locator('[data-qa="report-actions"]').innerText()).toContain('Направить в ЦУР');
    await done(head, [/400 \(Bad Request\)/]);
  });

  it('ЦУР does not see the signed draft yet; the contact official submits it', async () => {
    const early = await staff('cur.analyst', `${server.url}/reports`);
    const cell = early.page.locator(`[data-qa="report-row-beloyarsky"] [data-qa="report-cell-${quarter}"]`);
    await cell.waitFor();
    expect(await cell.locator('[data-qa="report-link"]').count()).toBe(0);
    await done(early);

    const contact = await staff('beloyarsky.contact', `${server.url}/reports?year=${year}`);
    const { page } = contact;
    await page.locator(`[data-qa="report-cell-${quarter}"] [data-qa="report-link"]`).click();
    await page.waitForURL(reportUrl);
    const dialog = await act(page, 'submit', 'Направить в ЦУР');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => status(page)).toBe('Направлен в ЦУР');
    expect(await chip(page.locator('[data-qa="report-timeliness"]')).getAttribute('data-status')).toBe(CELL.status);
    expect(await page.locator('[data-qa="report-figures-note"]').innerText()).toContain('зафиксированы');
    await done(contact);
  });

  it('ЦУР sees the cell in the matrix, follows a figure to the registry, comes back and accepts', async () => {
    const cur = await staff('cur.analyst', `${server.url}/reports`);
    const { page } = cur;
    const matrix = page.locator('[data-qa="report-matrix"]');
    await matrix.waitFor();
    expect(await matrix.locator(`[data-qa="report-quarter-${quarter}"]`).innerText()).toContain(`${Number(due.slice(8))} `);
    const row = matrix.locator('[data-qa="report-row-beloyarsky"]');
    expect(await row.locator('th').innerText()).toBe('Белоярский ГО');
    const cell = row.locator(`[data-qa="report-cell-${quarter}"]`);
    expect(await chip(cell).getAttribute('data-status')).toBe(CELL.status);
    expect((await chip(cell).innerText()).trim()).toBe(CELL.label);
    // Nobody else has submitted: the quarter's counters show one report of this kind.
    expect(await matrix.locator(`[data-qa="report-counters-${quarter}"] [data-qa="report-counter-${CELL.status}"]`).innerText()).toMatch(/\s1$/);

    await page.screenshot({ path: path.join(shots, 'otklik-reports-matrix-1280.png'), fullPage: true });
    await cell.locator('[data-qa="report-link"]').click();
    await page.waitForURL(reportUrl);
    expect(await page.locator('[data-qa="report-analytics"]').innerText()).toContain(PROBLEMS);

    // A figure leads to the registry filtered to exactly the appeals it counts.
    const figure = page.locator('[data-qa="report-byChannel"] [data-qa^="figure-byChannel-"]').first();
    const value = Number(await figure.getAttribute('data-value'));
    expect(value).toBeGreaterThan(0);
    await figure.click();
    await page.waitForURL(/\/appeals\?/);
    const query = new URL(page.url()).searchParams;
    expect(query.get('municipality')).toBe('beloyarsky');
    expect(query.get('registeredFrom')).toBe(period.from);
    expect(query.get('registeredTo')).toBe(period.to);
    expect(query.get('channel')).toBeTruthy();
    await expect.poll(() => page.locator('[data-qa="appeals-total"]').innerText()).toBe(`Найдено: ${value}`);
    // The conditions of the link are shown, not only applied.
    const selection = await page.locator('[data-qa="appeal-selection"]').innerText();
    expect(selection).toContain('Белоярский ГО');
    expect(selection).toContain('Зарегистрированы');

    // The report's total too: the same registry without the channel.
    await page.goBack();
    await page.waitForURL(reportUrl);
    const total = page.locator('[data-qa="figure-total"]');
    const totalValue = Number(await total.getAttribute('data-value'));
    await total.click();
    await page.waitForURL(/\/appeals\?/);
    await expect.poll(() => page.locator('[data-qa="appeals-total"]').innerText()).toBe(`Найдено: ${totalValue}`);
    await page.goBack();
    await page.waitForURL(reportUrl);

    const xlsx = await page.request.get(`${server.url}${await page.locator('[data-qa="report-xlsx"]').getAttribute('href')}`);
    expect(xlsx.status()).toBe(200);

    const dialog = await act(page, 'accept', 'Принять');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => status(page)).toBe('Принят ЦУР');
    expect(await page.locator('[data-qa="report-actions"] button').count()).toBe(0);

    await page.goto(`${server.url}/reports`);
    const accepted = chip(page.locator(`[data-qa="report-row-beloyarsky"] [data-qa="report-cell-${quarter}"]`));
    await accepted.waitFor();
    expect(await accepted.getAttribute('data-status')).toBe(ACCEPTED.status);
    expect((await accepted.innerText()).trim()).toBe(ACCEPTED.label);
    await done(cur);
  });
});
