// Contact officials and ЦУР's requests: an administration replaces its contact official and ЦУР sees it
// in the history and the directory; ЦУР sends a request to three municipalities, one reads and answers,
// and ЦУР sees the statuses and the answer side by side.
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

describe('contact officials', () => {
  it('the head appoints a new contact official and relieves the old one; ЦУР sees both in the history and the directory', async () => {
    const head = await staff('beloyarsky.head', '/contacts');
    const { page } = head;
    await page.getByRole('button', { name: 'Добавить контактное лицо' }).click();
    await page.getByLabel('Фамилия, имя, отчество').fill('Сидорова Алла Борисовна');
    await page.getByLabel('Должность', { exact: true }).fill('Пресс-секретарь главы');
    await page.getByLabel('Электронная почта').fill('sidorova@beloyarsky.example');
    await page.getByLabel('Телефон').fill('+7 (34377) 2-10-10');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Сидорова Алла Борисовна').waitFor();
    const oldRow = page.locator('tr', { hasText: 'Иванова Мария Сергеевна' });
    await oldRow.getByRole('button', { name: 'Снять' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Снять' }).click();
    await expect.poll(() => oldRow.getByText('нет').count()).toBe(1);
    await head.context.close();

    const cur = await staff('cur.analyst', '/contacts');
    await cur.page.getByLabel('ФИО, должность, e-mail, муниципалитет').fill('Сидорова');
    await expect.poll(() => cur.page.locator('tbody tr').count()).toBe(1);
    expect(await cur.page.locator('tbody tr').innerText()).toContain('Белоярский ГО');
    await cur.page.getByRole('button', { name: 'История изменений' }).click();
    const history = cur.page.locator('.directory-history');
    await history.waitFor();
    const entries = await history.locator('li').allInnerTexts();
    expect(entries[0]).toContain('Снято');
    expect(entries[0]).toContain('Иванова Мария Сергеевна');
    expect(entries[1]).toContain('Назначено');
    expect(entries[1]).toContain('Сидорова Алла Борисовна');
    await cur.context.close();
  });
});

describe('requests of ЦУР', () => {
  it('goes to three municipalities; Белоярский reads and answers; ЦУР sees the answer next to the others', async () => {
    const cur = await staff('cur.analyst', '/requests');
    await cur.page.getByRole('button', { name: 'Новый запрос' }).click();
    const dialog = cur.page.getByRole('dialog');
    await dialog.getByLabel('Тема').fill('Готовность к отопительному сезону');
    await dialog.getByLabel('Текст запроса').fill('Просим сообщить о готовности котельных.');
    for (const name of ['Белоярский ГО', 'Екатеринбург', 'Асбестовский ГО']) await dialog.getByText(name, { exact: true }).click();
    const due = new Date(Date.now() + 3 * 86_400_000);
    const local = new Date(due.getTime() - due.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await dialog.getByLabel('Срок ответа').fill(local);
    await dialog.getByRole('button', { name: 'Направить' }).click();
    await cur.page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const requestUrl = cur.page.url();
    const cards = cur.page.locator('.requests-answers .requests-card');
    await expect.poll(() => cards.count()).toBe(3);
    expect(await cur.page.locator('[data-municipality="beloyarsky"]').innerText()).toContain('отправлен');
    await cur.context.close();

    const bel = await staff('beloyarsky.contact', '/requests');
    await bel.page.getByRole('link', { name: 'Готовность к отопительному сезону' }).click();
    await bel.page.getByLabel('Текст ответа').fill('Все 12 котельных готовы, паспорта готовности получены.');
    await bel.page.getByRole('button', { name: 'Направить ответ' }).click();
    await bel.page.getByText('ответ получен', { exact: true }).waitFor();
    await bel.context.close();

    const again = await staff('cur.analyst', new URL(requestUrl).pathname);
    const belCard = again.page.locator('[data-municipality="beloyarsky"]');
    await belCard.getByText('Все 12 котельных готовы').waitFor();
    expect(await belCard.innerText()).toContain('ответ получен');
    expect(await again.page.locator('[data-municipality="ekaterinburg"]').innerText()).toContain('отправлен');
    expect(await again.page.locator('[data-municipality="asbest"]').innerText()).toContain('Ответа пока нет');
    await again.context.close();
  });
});
