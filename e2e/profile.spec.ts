// The profile: own data and personal API tokens with their scope and expiry, each shown once when issued.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { choose, openPage, signIn, type TestServer, useServerAndBrowser } from './helpers';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

async function sessionCookie(page: import('playwright-core').Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'otklik_session');
  return `otklik_session=${cookie?.value ?? ''}`;
}

describe('profile', () => {
  it('issues a token of a chosen scope and term that works once shown, and revokes it', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'ekb.contact');
      await page.getByRole('button', { name: 'Меню пользователя' }).click();
      await page.getByText('Профиль', { exact: true }).last().click();
      await page.waitForURL(/\/profile$/);
      await expect.poll(() => page.locator('main').innerText()).toContain('Волкова Елена Игоревна');

      const tokens = page.locator('[data-qa="api-tokens"]');
      await tokens.getByLabel('Название токена').fill('Выгрузка');
      await choose(page, 'token-scope', 'Приём обращений');
      await choose(page, 'token-expiry', '30 дней');
      await tokens.getByRole('button', { name: 'Выпустить токен' }).click();
      const secret = page.locator('[data-qa="token-dialog"] [data-qa="secret-value"]');
      await secret.waitFor();
      const token = (await secret.innerText()).trim();
      expect(token).toMatch(/^otk_/);

      // The shown token is the real one: the API accepts it.
      const me = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.login).toBe('ekb.contact');

      await page.locator('[data-qa="token-dialog"]').getByRole('button', { name: 'Закрыть', exact: true }).click();
      const row = tokens.locator('tr', { hasText: 'Выгрузка' });
      await expect.poll(() => row.innerText()).toContain('Действует');
      expect(await row.innerText()).toContain('Приём обращений');
      const [issued] = (await server.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: { cookie: await sessionCookie(page) } })).json().items;
      expect(issued).toMatchObject({ name: 'Выгрузка', scope: 'intake' });
      expect(Date.parse(issued.expiresAt) - Date.parse(issued.createdAt)).toBe(30 * 24 * 3600_000);
      // Reading works, managing tokens with the token does not.
      const more = await server.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { authorization: `Bearer ${token}` }, payload: { name: 'ещё' } });
      expect(more.json().code).toBe('session_required');
      await row.getByRole('button', { name: 'Отозвать' }).click();
      await expect.poll(() => row.innerText()).toContain('Отозван');
      const after = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
      expect(after.statusCode).toBe(401);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
