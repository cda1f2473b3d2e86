// An information risk's whole way (§7): ЦУР registers a publication through the form and sees it on the
// board with a running clock; the contact official acknowledges and drafts; ЦУР remarks; a second draft,
// compared word by word with the first; the head and ЦУР approve; the comment is published and shows on
// the public page of refutations, without the earlier draft.
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { choose, launchBrowser, openPage, pngImage, signIn, startServer, type OpenedPage, type TestServer } from './helpers';

let server: TestServer;
let browser: Browser;
const shots = process.env.OTKLIK_SCREENSHOT_DIR || os.tmpdir();

const CLAIM = 'В Белоярском отключат воду на две недели, администрация молчит!';
const PROPOSAL = 'Предлагаем разъяснить: отключение плановое и короткое, график размещён на сайте.';
const DRAFT_1 = 'Отключения воды на две недели не планируется, работы займут несколько часов.';
const REMARK = 'Укажите дату и время плановых работ';
const DRAFT_2 = 'Отключения воды на две недели не планируется: 28 ноября с 9:00 до 15:00 идут плановые работы на водоводе.';
const HMS = /^\d{2}:\d{2}:\d{2}$/;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

let riskUrl = '';
let riskNumber = '';

async function staff(login: string, url: string, width = 1280): Promise<OpenedPage> {
  const opened = await openPage(browser, { width, height: 900 });
  await signIn(opened.page, server.url, login);
  await opened.page.goto(url);
  return opened;
}

async function done(opened: OpenedPage): Promise<void> {
  expect(opened.problems).toEqual([]);
  await opened.context.close();
}

const status = (page: Page) => page.locator('[data-qa="risk-card"] [data-qa="risk-status"]').innerText();

/** Opens the action's dialog on the card, lets the test fill it, and confirms with the action's own button. */
async function act(page: Page, action: string, label: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.locator(`[data-qa="risk-action-${action}"]`).click();
  const dialog = page.locator('[data-qa="risk-action-dialog"]');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('information risk from detection to the public refutation', () => {
  it('ЦУР registers the publication through the form, sees it on the board with a running clock and sends its proposal', async () => {
    const cur = await staff('cur.analyst', `${server.url}/risks`);
    const { page } = cur;
    await page.locator('[data-qa="risk-board"]').waitFor();
    await page.locator('[data-qa="new-risk"]').click();
    await page.waitForURL(/\/risks\/new$/);
    await choose(page, 'select-municipality', 'Белоярский ГО');
    await page.getByLabel('Ссылка на публикацию').fill('https://vk.com/wall-1_2');
    await page.getByLabel('Источник (сообщество, канал, издание)').fill('Подслушано Белоярский');
    await page.getByLabel('Текст публикации').fill(CLAIM);
    await page.getByLabel('Просмотры').fill('12400');
    await page.locator('[data-qa="select-level"]').getByRole('radio', { name: 'Высокий' }).check();
    await page.locator('[data-qa="risk-submit"]').click();
    await page.waitForURL(/\/risks\/[0-9a-f-]{36}$/);
    riskUrl = page.url();
    riskNumber = (await page.locator('[data-qa="risk-number"]').innerText()).trim();
    expect(riskNumber).toMatch(/^ИР-\d{4}-\d{5}$/);
    expect(await status(page)).toBe('Выявлен');
    expect(await page.locator('[data-qa="risk-details"]').innerText()).toMatch(/12\s400 просмотров/);

    // The board: the row of the new risk, both clocks ticking down.
    await page.goto(`${server.url}/risks`);
    const row = page.locator('[data-qa="risks-table"] tr', { hasText: riskNumber });
    await row.waitFor();
    expect(await row.innerText()).toContain('Белоярский ГО');
    expect(await row.locator('[data-qa="risk-level"]').innerText()).toBe('Высокий');
    const clock = row.locator('[data-qa="clock-curProposal"]');
    expect(await clock.getAttribute('data-state')).toBe('running');
    const first = (await clock.innerText()).trim();
    expect(first).toMatch(HMS);
    expect(first.startsWith('02:') || first === '03:00:00').toBe(true);
    await expect.poll(async () => (await clock.innerText()).trim(), { timeout: 4000 }).not.toBe(first);
    // The administration's clock runs from the delivery of the signal, opened or not (§10.3).
    expect(await row.locator('[data-qa="clock-draft"]').getAttribute('data-state')).toBe('running');
    await page.screenshot({ path: path.join(shots, 'otklik-risks-board-1280.png') });

    // A screenshot of the publication, and the proposal for the official comment.
    await page.goto(riskUrl);
    await page.locator('[data-qa="risk-upload-input"]').setInputFiles({ name: 'publication.png', mimeType: 'image/png', buffer: pngImage(40, 30) });
    await page.locator('[data-qa="risk-upload-submit"]').click();
    await page.locator('[data-qa="risk-files"]').getByRole('link', { name: 'publication.png' }).waitFor();
    await act(page, 'propose', 'Предложение ЦУР', (d) => d.locator('textarea').fill(PROPOSAL));
    await page.locator('[data-qa="version-1"]').waitFor();
    expect(await page.locator('[data-qa="card-clock-curProposal"] [data-qa="clock-curProposal"]').getAttribute('data-state')).toBe('met');
    expect(await page.locator('[data-qa="step-curProposal"] [data-qa="step-met"]').innerText()).toBe('в срок');
    await done(cur);
  });

  it('the contact official sees the new signal in the inbox, acknowledges it and sends a draft', async () => {
    const contact = await staff('beloyarsky.contact', `${server.url}/risks`);
    const { page } = contact;
    await page.locator('[data-qa="risk-inbox"]').waitFor();
    const row = page.locator('[data-qa="risks-table"] tr', { hasText: riskNumber });
    await row.waitFor();
    await row.locator('[data-qa="risk-new"]').waitFor();
    expect(await row.getAttribute('class')).toContain('risk-row_new');
    await page.locator('[data-qa="risk-new-alert"]').waitFor();
    await row.getByRole('link', { name: riskNumber }).click();
    await page.waitForURL(riskUrl);

    await act(page, 'acknowledge', 'Подтвердить получение сигнала');
    await expect.poll(() => status(page)).toBe('Сигнал получен');
    // The reading is recorded beside the delivery: «прочитано 26.11.2026, 23:50».
    await expect.poll(() => page.locator('[data-qa="step-signal"]').innerText()).toContain('прочитано');
    const draftClock = page.locator('[data-qa="card-clock-draft"] [data-qa="clock-draft"]');
    expect(await draftClock.getAttribute('data-state')).toBe('running');
    expect((await draftClock.locator('.risk-clock__main').innerText()).trim()).toMatch(HMS);

    await act(page, 'submit_draft', 'Направить проект комментария', async (d) => {
      // A first draft starts from the ЦУР proposal.
      expect(await d.locator('textarea').inputValue()).toBe(PROPOSAL);
      await d.locator('textarea').fill(DRAFT_1);
    });
    await expect.poll(() => status(page)).toBe('На согласовании');
    expect(await page.locator('[data-qa="step-draft"] [data-qa="step-met"]').innerText()).toBe('в срок');
    await page.locator('[data-qa="risk-downloads"]').getByRole('link', { name: 'DOCX' }).waitFor();
    await done(contact);
  });

  it('ЦУР sends remarks and the administration a second draft; the card compares version 2 with version 4', async () => {
    const cur = await staff('cur.analyst', riskUrl);
    await act(cur.page, 'remark', 'Замечания', (d) => d.locator('textarea').fill(REMARK));
    await expect.poll(() => status(cur.page)).toBe('На доработке');
    await done(cur);

    const contact = await staff('beloyarsky.contact', riskUrl);
    const { page } = contact;
    await act(page, 'submit_draft', 'Направить проект комментария', async (d) => {
      expect(await d.locator('textarea').inputValue()).toBe(DRAFT_1);
      await d.locator('textarea').fill(DRAFT_2);
    });
    await page.locator('[data-qa="version-4"]').waitFor();
    expect(await page.locator('[data-qa="version-3"]').innerText()).toContain(REMARK);
    const compare = page.locator('[data-qa="risk-compare"]');
    expect(await compare.locator('[data-qa="diff-from"]').innerText()).toContain('Версия 2');
    expect(await compare.locator('[data-qa="diff-to"]').innerText()).toContain('Версия 4');
    const inserted = await compare.locator('ins.risk-diff__ins').allInnerTexts();
    const deleted = await compare.locator('del.risk-diff__del').allInnerTexts();
    expect(inserted.join(' ')).toContain('водоводе');
    expect(deleted.join(' ')).toContain('несколько');
    // Words common to both stay plain.
    expect([...inserted, ...deleted].join(' ')).not.toContain('планируется');
    expect(await compare.locator('ins', { hasText: 'водоводе' }).evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await done(contact);
  });

  it('the head and ЦУР approve, the contact official publishes', async () => {
    const head = await staff('beloyarsky.head', riskUrl);
    await act(head.page, 'approve', 'Согласовать');
    await head.page.locator('[data-qa="step-agreement"]', { hasText: 'глава' }).waitFor();
    expect(await status(head.page)).toBe('На согласовании');
    await done(head);

    const cur = await staff('cur.analyst', riskUrl);
    await act(cur.page, 'approve', 'Согласовать');
    await expect.poll(() => status(cur.page)).toBe('Согласован');
    await done(cur);

    const contact = await staff('beloyarsky.contact', riskUrl);
    const { page } = contact;
    await act(page, 'publish', 'Опубликовать', async (d) => {
      expect(await d.locator('textarea').inputValue()).toBe(DRAFT_2);
      await d.getByLabel('Где опубликован *').fill('Официальная группа администрации ВКонтакте');
      await d.getByLabel('Ссылка на публикацию комментария').fill('https://vk.com/wall-2_10');
    });
    await expect.poll(() => status(page)).toBe('Опубликован');
    expect(await page.locator('[data-qa="risk-published-text"]').innerText()).toBe(DRAFT_2);
    expect(await page.locator('[data-qa="step-publication"]').innerText()).toContain('Официальная группа администрации ВКонтакте');
    await page.screenshot({ path: path.join(shots, 'otklik-risk-card-1280.png'), fullPage: true });
    await done(contact);
  });

  it('an anonymous visitor reads the published comment and the claim it answers, not the earlier draft', async () => {
    const visitor = await openPage(browser, { width: 375, height: 800 });
    const { page } = visitor;
    await page.goto(`${server.url}/refutations`);
    await page.locator('[data-qa="refutation-municipalities"]').getByRole('link', { name: /^Белоярский ГО/ }).click();
    await page.waitForURL(/\/refutations\/beloyarsky$/);
    const item = page.locator('[data-qa="refutation"]', { hasText: riskNumber });
    await item.waitFor();
    expect(new URL(page.url()).pathname).toBe('/refutations/beloyarsky');
    expect(await item.locator('[data-qa="refutation-comment"]').innerText()).toBe(DRAFT_2);
    expect(await item.locator('[data-qa="refutation-claim"]').innerText()).toBe(CLAIM);
    expect(await item.getByRole('link', { name: 'Источник' }).getAttribute('href')).toBe('https://vk.com/wall-1_2');
    expect(await item.getByRole('link', { name: 'Открыть публикацию' }).getAttribute('href')).toBe('https://vk.com/wall-2_10');
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('займут несколько часов');
    expect(text).not.toContain(REMARK);
    expect(text).not.toContain(PROPOSAL);
    const feed = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    expect(feed).toBe('/api/public/refutations.atom?municipality=beloyarsky');
    const atom = await page.request.get(`${server.url}${feed}`);
    expect(await atom.text()).toContain(`Официальный комментарий ${riskNumber}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await page.screenshot({ path: path.join(shots, 'otklik-refutations-375.png'), fullPage: true });
    await done(visitor);
  });
});
