// The ЦУР administrator sets up a municipality's incoming mailbox from the organisations page.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, signIn, type TestServer, useServerAndBrowser } from './helpers';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

describe('mailbox settings', () => {
  it('sets the IMAP mailbox of a municipality; a password without the encryption key is refused with a Russian message', async () => {
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, server.url, 'cur.admin');
      await page.goto(`${server.url}/organizations`);
      await page.locator('[data-qa="mailbox-beloyarsky"]').click();
      const dialog = page.locator('[data-qa="mailbox-dialog"]');
      await dialog.getByLabel('Сервер IMAP').fill('imap.beloyarsky.example');
      await dialog.getByLabel('Логин').fill('priemnaya@beloyarsky.example');
      await dialog.getByLabel('Пароль', { exact: true }).fill('секрет');
      await dialog.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => dialog.innerText()).toContain('не задан ключ шифрования OTKLIK_MAILBOX_KEY');

      await dialog.getByLabel('Пароль', { exact: true }).fill('');
      await dialog.getByLabel('Или переменная окружения с паролем').fill('OTKLIK_BELOYARSKY_IMAP_PASSWORD');
      await dialog.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => page.getByText('Настройки почтового ящика сохранены').count()).toBeGreaterThan(0);
      await expect.poll(() => dialog.count()).toBe(0);

      await page.locator('[data-qa="mailbox-beloyarsky"]').click();
      await expect.poll(() => dialog.getByLabel('Сервер IMAP').inputValue()).toBe('imap.beloyarsky.example');
      expect(await dialog.getByLabel('Или переменная окружения с паролем').inputValue()).toBe('OTKLIK_BELOYARSKY_IMAP_PASSWORD');
      expect(await dialog.getByLabel('Порт').inputValue()).toBe('993');
      await expect.poll(() => dialog.locator('[data-qa="mailbox-state"]').innerText()).toContain('Ящик ещё не проверялся');
    } finally {
      await context.close();
    }
  });
});
