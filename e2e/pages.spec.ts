// The login page and the pages around it: errors, redirects, the demo list, 404, language.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, signIn, type TestServer, useServerAndBrowser } from './helpers';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

describe('login page', () => {
  it('shows the Russian error for a wrong password and stays on the page', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Логин').fill('cur.admin');
      await page.getByLabel('Пароль', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Войти' }).click();
      const error = page.locator('[data-qa="login-error"]');
      await expect.poll(() => error.innerText()).toContain('Неверный логин или пароль');
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.locator('nav[aria-label="Разделы"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('fills the form from the demo list and signs in', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${server.url}/login`);
      const demo = page.locator('[data-qa="demo-logins"]');
      await expect.poll(() => demo.innerText()).toContain('ekb.head');
      await demo.getByText('ekb.head', { exact: true }).click();
      expect(await page.getByLabel('Логин').inputValue()).toBe('ekb.head');
      expect(await page.getByLabel('Пароль', { exact: true }).inputValue()).toBe('demo');
      await page.getByRole('button', { name: 'Войти' }).click();
      await expect.poll(() => page.locator('[data-qa="header-user-name"]').innerText()).toBe('Лебедев Алексей Юрьевич');
    } finally {
      await context.close();
    }
  });

  it('sends an anonymous visitor to the login page and back after signing in', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${server.url}/users`);
      await page.waitForURL(/\/login\?next=%2Fusers$/);
      await page.getByLabel('Логин').fill('cur.admin');
      await page.getByLabel('Пароль', { exact: true }).fill('demo');
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.waitForURL(/\/users$/);
      await page.getByRole('heading', { name: 'Пользователи' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('switches to English and remembers it', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${server.url}/login`);
      await page.locator('[data-qa="language-switch"]').click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.reload();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByLabel('Login').fill('beloyarsky.executor');
      await page.getByLabel('Password', { exact: true }).fill('wrong-password-1');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.locator('[data-qa="login-error"]').innerText()).toContain('Wrong login or password');
    } finally {
      await context.close();
    }
  });
});

describe('pages of the shell', () => {
  it('shows «Страница не найдена» for an unknown path', async () => {
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, server.url, 'beloyarsky.contact');
      await page.goto(`${server.url}/no/such/page`);
      await page.getByRole('heading', { name: 'Страница не найдена' }).waitFor();
      await page.getByRole('link', { name: 'На главную' }).click();
      await page.waitForURL(`${server.url}/`);
      await page.getByRole('heading', { name: /Здравствуйте, Мария Сергеевна/ }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('does not open a section the role lacks', async () => {
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, server.url, 'beloyarsky.executor');
      await page.goto(`${server.url}/audit`);
      await page.getByRole('heading', { name: 'Нет доступа' }).waitFor();
      expect(await page.locator('[data-qa="audit-table"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
