// The regional-centre administrator's pages: users, organisations, audit; and the new user's first sign-in.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, signIn, signOut, type TestServer, useServerAndBrowser } from './helpers';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

async function choose(page: Page, selectQa: string, option: string): Promise<void> {
  await page.locator(`[data-qa="${selectQa}"]`).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('users page', () => {
  it('creates a user, shows the temporary password once, and the user can sign in with it', async () => {
    const { context, page } = await openPage(browser);
    let temporaryPassword = '';
    try {
      await signIn(page, server.url, 'cur.admin');
      await page.locator('nav[aria-label="Разделы"]').getByText('Пользователи').click();
      await page.getByRole('heading', { name: 'Пользователи' }).waitFor();
      await expect.poll(() => page.locator('[data-qa="users-table"]').innerText()).toContain('cur.analyst');

      await page.locator('[data-qa="add-user"]').click();
      const dialog = page.locator('[data-qa="user-dialog"]');
      await dialog.getByLabel('Логин').fill('test.executor');
      await dialog.getByLabel('ФИО').fill('Тестова Анна Петровна');
      await choose(page, 'select-organizationId', 'Белоярский ГО');
      await choose(page, 'select-role', 'Исполнитель');
      await dialog.getByLabel('Электронная почта').fill('not-an-email');
      await dialog.getByRole('button', { name: 'Создать' }).click();
      // The server's field message appears next to the field.
      await expect.poll(() => dialog.locator('[data-qa="field-email"]').innerText()).toContain('Неверный адрес электронной почты');
      await dialog.getByLabel('Электронная почта').fill('anna@example.org');
      await dialog.getByRole('button', { name: 'Создать' }).click();

      const secret = page.locator('[data-qa="temporary-password-dialog"] [data-qa="secret-value"]');
      await expect.poll(async () => (await secret.count()) > 0 && (await secret.innerText()).length >= 8).toBe(true);
      temporaryPassword = (await secret.innerText()).trim();
      await page.locator('[data-qa="temporary-password-dialog"]').getByRole('button', { name: 'Закрыть', exact: true }).click();
      await expect.poll(() => page.locator('[data-qa="users-table"]').innerText()).toContain('test.executor');
      await signOut(page);
    } finally {
      await context.close();
    }

    const second = await openPage(browser);
    try {
      await signIn(second.page, server.url, 'test.executor', temporaryPassword);
      await expect.poll(() => second.page.locator('[data-qa="header-user-name"]').innerText()).toBe('Тестова Анна Петровна');
      await second.page.getByText('Вам выдан временный пароль').first().waitFor();
      await second.page.getByRole('link', { name: 'Сменить пароль' }).click();
      await second.page.waitForURL(/\/profile$/);
      const form = second.page.locator('[data-qa="change-password-form"]');
      await form.getByLabel('Текущий пароль').fill(temporaryPassword);
      await form.getByLabel('Новый пароль', { exact: true }).fill('short');
      await form.getByLabel('Новый пароль ещё раз').fill('short');
      await form.getByRole('button', { name: 'Сменить пароль' }).click();
      await expect.poll(() => form.locator('[data-qa="field-newPassword"]').innerText()).toContain('не короче 8 символов');
      await form.getByLabel('Новый пароль', { exact: true }).fill('NewPassw0rd');
      await form.getByLabel('Новый пароль ещё раз').fill('NewPassw0rd');
      await form.getByRole('button', { name: 'Сменить пароль' }).click();
      await second.page.locator('[data-qa="password-changed"]').waitFor();
      await expect.poll(() => second.page.locator('[data-qa="must-change-password"]').count()).toBe(0);
    } finally {
      await second.context.close();
    }
  });
});

describe('organizations page', () => {
  it('adds a municipality and disables it', async () => {
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, server.url, 'cur.admin');
      await page.goto(`${server.url}/organizations`);
      const table = page.locator('[data-qa="organizations-table"]');
      await expect.poll(() => table.innerText()).toContain('65708000');
      await page.locator('[data-qa="add-organization"]').click();
      const dialog = page.locator('[data-qa="organization-dialog"]');
      await dialog.getByLabel('Полное наименование').fill('Городской округ Сухой Лог');
      await dialog.getByLabel('Краткое наименование').fill('Сухой Лог');
      await dialog.getByLabel('Короткое имя (slug)').fill('sukhoy-log');
      await dialog.getByLabel('ОКТМО').fill('65723000');
      await dialog.getByLabel('Префикс номеров').fill('СЛГ');
      await dialog.getByRole('button', { name: 'Создать' }).click();
      await expect.poll(() => table.innerText()).toContain('sukhoy-log');
      const row = table.locator('tr', { hasText: 'sukhoy-log' });
      await row.getByRole('button', { name: 'Отключить' }).click();
      await expect.poll(() => row.innerText()).toContain('Отключена');
    } finally {
      await context.close();
    }
  });
});

describe('audit page', () => {
  it('lists sign-ins with Russian labels and opens an entry', async () => {
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, server.url, 'cur.admin');
      await page.goto(`${server.url}/audit`);
      const table = page.locator('[data-qa="audit-table"]');
      await expect.poll(() => table.innerText()).toContain('Вход в систему');
      await expect.poll(() => table.innerText()).toContain('Созданы демонстрационные данные');
      await table.locator('tr', { hasText: 'Созданы демонстрационные данные' }).getByRole('button', { name: 'Подробнее' }).click();
      const details = page.locator('[data-qa="audit-details"]');
      await expect.poll(() => details.innerText()).toContain('"organizations": 8');
    } finally {
      await context.close();
    }
  });

  it('loads older entries page by page and filters by action', async () => {
    // Sixty sign-ins make more entries than one page holds.
    for (let i = 0; i < 60; i++) {
      const response = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'cur.analyst', password: 'demo' } });
      expect(response.statusCode).toBe(200);
    }
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, server.url, 'cur.admin');
      await page.goto(`${server.url}/audit`);
      const rows = page.locator('[data-qa="audit-table"] tbody tr');
      await expect.poll(() => rows.count()).toBe(50);
      await page.locator('[data-qa="audit-load-more"]').click();
      await expect.poll(() => rows.count()).toBeGreaterThan(60);
      await page.locator('[data-qa="audit-filters"]').getByText('Все действия').click();
      // The list of actions is long: it is narrowed by typing, as a person would.
      await page.keyboard.type('демонстрац');
      await page.getByRole('option', { name: 'Созданы демонстрационные данные', exact: true }).click();
      await expect.poll(() => rows.count()).toBe(1);
      expect(await page.locator('[data-qa="audit-load-more"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
