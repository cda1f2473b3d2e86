// Each demo role signs in through the login page, sees exactly its navigation and its name, and signs out.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { NAVIGATION, type NavItem } from '../domain/roles';
import { DEMO_USERS } from '../server/seed/demo';
import { navigationLabels, openPage, signIn, signOut, type TestServer, useServerAndBrowser } from './helpers';

const RUSSIAN_LABELS: Record<NavItem, string> = {
  dashboard: 'Главная',
  analytics: 'Аналитика',
  clusters: 'Проблемы',
  appeals: 'Обращения',
  risks: 'Информационные риски',
  reports: 'Отчёты',
  requests: 'Запросы',
  recommendations: 'Рекомендации ЦУР',
  practices: 'Лучшие практики',
  trainings: 'Обучение',
  roadmaps: 'Дорожные карты',
  informing: 'Информирование',
  polls: 'Опросы и обсуждения',
  contacts: 'Контакты',
  imports: 'Загрузка из каналов',
  monitoring: 'Мониторинг публикаций',
  officialPages: 'Официальные страницы',
  organizations: 'Организации',
  users: 'Пользователи',
  settings: 'Администрирование',
  audit: 'Журнал аудита',
  webhooks: 'Вебхуки',
  profile: 'Профиль',
};

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

describe('navigation by role', () => {
  for (const login of ['cur.admin', 'cur.analyst', 'beloyarsky.contact', 'beloyarsky.executor', 'beloyarsky.head']) {
    const user = DEMO_USERS.find((u) => u.login === login)!;

    it(`${login} sees the navigation of ${user.role} and their name`, async () => {
      const { context, page, problems } = await openPage(browser);
      try {
        await signIn(page, server.url, login);
        expect(new URL(page.url()).pathname).toBe('/');
        expect(await navigationLabels(page)).toEqual(NAVIGATION[user.role].map((item) => RUSSIAN_LABELS[item]));
        await expect.poll(() => page.locator('[data-qa="header-user-name"]').innerText()).toBe(user.fullName);
        // The dashboard offers a card for every section except itself.
        const cards = await page.locator('[data-qa^="card-"]').count();
        expect(cards).toBe(NAVIGATION[user.role].length - 1);
        await signOut(page);
        await page.getByRole('button', { name: 'Войти' }).waitFor();
        // The session is gone: the shell sends back to the login page.
        await page.goto(`${server.url}/profile`);
        await page.waitForURL(/\/login\?next=%2Fprofile$/);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('municipality selector', () => {
  it('is shown to a regional-centre user with every municipality', async () => {
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, server.url, 'cur.analyst');
      const selector = page.locator('[data-qa="municipality-select"]');
      await expect.poll(() => selector.isVisible()).toBe(true);
      await expect.poll(() => selector.innerText()).toContain('Все муниципалитеты');
      await selector.click();
      await page.getByRole('option', { name: 'Белоярский ГО' }).click();
      await expect.poll(() => selector.innerText()).toContain('Белоярский ГО');
      // The choice survives a reload.
      await page.reload();
      await page.locator('nav[aria-label="Разделы"]').waitFor();
      await expect.poll(() => page.locator('[data-qa="municipality-select"]').innerText()).toContain('Белоярский ГО');
    } finally {
      await context.close();
    }
  });

  it('is not shown to a municipal user', async () => {
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, server.url, 'beloyarsky.head');
      await expect.poll(() => page.locator('[data-qa="header-organization"]').innerText()).toBe('Белоярский ГО');
      expect(await page.locator('[data-qa="municipality-select"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
