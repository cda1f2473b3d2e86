// The contact officials registry (§9) and ЦУР's requests for information (§10.4–10.5) in the browser:
// Белоярский ГО replaces its contact official and ЦУР sees the change in the history and the directory;
// ЦУР sends a request to three municipalities, they read it or answer, and ЦУР sees every addressee's status.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, signIn, type OpenedPage, type TestServer, useServerAndBrowser } from './helpers';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

const OLD_CONTACT = 'Иванова Мария Сергеевна';
const NEW_CONTACT = 'Кузьмина Ольга Петровна';
const SUBJECT = 'Подготовка к паводку';
const ANSWER = 'Противопаводковая комиссия собрана, запас песка и мешков — 2 000 шт.';

/** A small PDF of the given size, for the server's check by content. */
function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x20), tail]);
}

async function staff(login: string, url: string): Promise<OpenedPage> {
  const opened = await openPage(browser, { width: 1280, height: 900 });
  await signIn(opened.page, server.url, login);
  await opened.page.goto(`${server.url}${url}`);
  return opened;
}

async function closeClean(opened: OpenedPage, expected: RegExp[] = []): Promise<void> {
  const problems = opened.problems.filter((p) => !expected.some((e) => e.test(p)));
  await opened.context.close();
  expect(problems).toEqual([]);
}

describe('contact officials', () => {
  it('the head adds a contact official and relieves the old one; ЦУР sees it in the history and the directory search', async () => {
    const head = await staff('beloyarsky.head', '/contacts');
    const { page } = head;
    const oldRow = page.locator('tbody tr', { hasText: OLD_CONTACT });

    // The only active contact official cannot be relieved: the server's reason is shown in the dialog.
    await oldRow.getByRole('button', { name: 'Снять' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByRole('button', { name: 'Снять' }).click();
    await confirm.getByRole('alert').getByText('хотя бы одно действующее контактное лицо', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Отмена' }).click();
    await confirm.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Добавить контактное лицо' }).click();
    const form = page.getByRole('dialog');
    const [surname, name, patronymic] = NEW_CONTACT.split(' ');
    await form.getByLabel('Фамилия', { exact: true }).fill(surname);
    await form.getByLabel('Имя', { exact: true }).fill(name);
    await form.getByLabel('Отчество (при наличии)').fill(patronymic);
    await form.getByLabel('Должность', { exact: true }).fill('Заместитель главы по внутренней политике');
    await form.getByLabel('Электронная почта').fill('kuzmina@beloyarsky.example');
    await form.getByLabel('Телефон').fill('+7 (34377) 2-11-22');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await page.locator('tbody tr', { hasText: NEW_CONTACT }).waitFor();

    await oldRow.getByRole('button', { name: 'Снять' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Снять' }).click();
    await oldRow.getByRole('button', { name: 'Вернуть' }).waitFor();
    expect(await oldRow.innerText()).toContain('нет');
    await closeClean(head, [/422/]);

    const cur = await staff('cur.analyst', '/contacts');
    await cur.page.getByRole('button', { name: 'История изменений' }).click();
    const entries = cur.page.locator('.directory-history li');
    await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(2);
    const [relieved, appointed] = await entries.allInnerTexts();
    expect(relieved).toContain('Снято');
    expect(relieved).toContain(OLD_CONTACT);
    expect(relieved).toContain('Соколов Дмитрий Александрович');
    expect(relieved).toContain('Белоярский ГО');
    expect(relieved).toMatch(/Действует:\s*да\s*→\s*нет/);
    expect(appointed).toContain('Назначено');
    expect(appointed).toContain(NEW_CONTACT);

    await cur.page.getByRole('button', { name: 'Справочник' }).click();
    await cur.page.getByLabel('ФИО, должность, e-mail, муниципалитет').fill('Кузьмина');
    const rows = cur.page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const row = await rows.innerText();
    expect(row).toContain('Белоярский ГО');
    expect(row).toContain(NEW_CONTACT);
    expect(await rows.getByRole('link', { name: 'kuzmina@beloyarsky.example' }).getAttribute('href')).toBe('mailto:kuzmina@beloyarsky.example');

    // The CSV export carries the same search.
    const href = await cur.page.getByRole('link', { name: 'Выгрузить CSV' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/contacts\/export\?.*q=/);
    const csv = await cur.page.request.get(`${server.url}${href}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain(NEW_CONTACT);
    expect(text).not.toContain('Волкова Елена Игоревна');
    await closeClean(cur);
  });
});

describe('requests of ЦУР', () => {
  it('goes to three municipalities; ЦУР sees «прочитан», then Белоярский\'s answer next to the others', async () => {
    const cur = await staff('cur.analyst', '/requests');
    await cur.page.getByRole('button', { name: 'Новый запрос' }).click();
    const dialog = cur.page.getByRole('dialog');
    await dialog.getByLabel('Тема').fill(SUBJECT);
    await dialog.getByLabel('Текст запроса').fill('Просим сообщить о готовности к весеннему паводку до указанного срока.');
    for (const name of ['Белоярский ГО', 'Екатеринбург', 'Асбестовский ГО']) await dialog.getByText(name, { exact: true }).click();
    // The app's own fields, not the browser's: no native date or file input is to be seen.
    expect(await dialog.locator('input[type="date"], input[type="datetime-local"]').count()).toBe(0);
    expect(await dialog.locator('input[type="file"]').evaluateAll((inputs) => inputs.filter((i) => (i as HTMLElement).offsetWidth > 1).length)).toBe(0);
    // The municipalities are offered in alphabetical order.
    const offered = await dialog.locator('.requests-municipalities label').allInnerTexts();
    expect(offered.length).toBeGreaterThan(3);
    expect(offered).toEqual([...offered].sort((a, b) => a.localeCompare(b, 'ru')));
    // The due time is typed as дд.мм.гггг чч:мм on the clock of ЦУР.
    const me = await (await cur.page.request.get(`${server.url}/api/auth/me`)).json() as { user: { organization: { timeZone: string } } };
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
      timeZone: me.user.organization.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    }).formatToParts(new Date(Date.now() + 3 * 86_400_000)).map((p) => [p.type, p.value]));
    await dialog.getByLabel('Срок ответа').fill(`${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`);
    await dialog.locator('[data-qa="request-files"]').setInputFiles({ name: 'паводок.pdf', mimeType: 'application/pdf', buffer: pdfOf(1536) });
    await dialog.getByText('паводок.pdf').waitFor();
    await dialog.getByRole('button', { name: 'Направить' }).click();
    await cur.page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const requestPath = new URL(cur.page.url()).pathname;
    await expect.poll(() => cur.page.locator('.requests-answers .requests-card').count()).toBe(3);
    for (const slug of ['beloyarsky', 'ekaterinburg', 'asbest']) {
      expect(await cur.page.locator(`[data-municipality="${slug}"]`).innerText()).toContain('отправлен');
    }
    // The answers go by the municipality's name; the file's size is in КБ; links are the app's, not underlined.
    const cards = await cur.page.locator('.requests-answers .requests-card > .g-text:first-child').allInnerTexts();
    expect(cards).toEqual(['Асбестовский ГО', 'Белоярский ГО', 'Екатеринбург']);
    await cur.page.getByText('1,5 КБ').waitFor();
    const back = cur.page.getByRole('link', { name: /Все запросы/ });
    expect(await back.evaluate((a) => getComputedStyle(a).textDecorationLine)).toBe('none');
    await closeClean(cur);

    // Белоярский opens the request: ЦУР sees «прочитан» in the list, by the municipality's name.
    const bel = await staff('beloyarsky.contact', '/requests');
    const belRow = bel.page.locator('tbody tr', { hasText: SUBJECT });
    expect(await belRow.innerText()).toContain('отправлен');
    expect(await belRow.innerText()).toMatch(/осталось 2 д 23 ч|осталось 3 д 0 ч/);
    await belRow.getByRole('link', { name: SUBJECT }).click();
    await bel.page.getByLabel('Текст ответа').waitFor();
    // The answer field has a visible label, not only a placeholder.
    await bel.page.locator('.requests-form').getByText('Текст ответа', { exact: true }).waitFor();
    expect(await bel.page.locator('input[type="file"]').evaluateAll((inputs) => inputs.filter((i) => (i as HTMLElement).offsetWidth > 1).length)).toBe(0);

    const list = await staff('cur.analyst', '/requests');
    const chips = list.page.locator('tbody tr', { hasText: SUBJECT });
    await chips.getByText('Белоярский ГО: прочитан').waitFor();
    await chips.getByText('Екатеринбург: отправлен').waitFor();
    await chips.getByText('Асбестовский ГО: отправлен').waitFor();
    await closeClean(list);

    await bel.page.getByLabel('Текст ответа').fill(ANSWER);
    await bel.page.getByRole('button', { name: 'Направить ответ' }).click();
    await bel.page.getByText('ответ получен', { exact: true }).waitFor();
    await bel.page.getByText(ANSWER).waitFor();
    await closeClean(bel);

    // Екатеринбург reads it without answering.
    const ekb = await staff('ekb.contact', requestPath);
    await ekb.page.getByLabel('Текст ответа').waitFor();
    await closeClean(ekb);

    const again = await staff('cur.analyst', requestPath);
    const belCard = again.page.locator('[data-municipality="beloyarsky"]');
    await belCard.getByText(ANSWER).waitFor();
    expect(await belCard.innerText()).toContain('ответ получен');
    const ekbCard = await again.page.locator('[data-municipality="ekaterinburg"]').innerText();
    expect(ekbCard).toContain('прочитан');
    expect(ekbCard).toContain('Ответа пока нет');
    const asbCard = await again.page.locator('[data-municipality="asbest"]').innerText();
    expect(asbCard).toContain('отправлен');
    expect(asbCard).toContain('Ответа пока нет');
    await closeClean(again);
  });
});
