// The screens of classification, administration, the audit log in words, live lists and dates in дд.мм.гггг.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSession, openPage, signIn, useServerAndBrowser, type TestServer } from './helpers';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

const letter = { channel: 'fz59', subChannel: 'letter', author: { kind: 'person', surname: 'Орлова', name: 'Ирина' }, text: 'Во дворе дома на улице Мира не убирают снег, прошу навести порядок.' };

describe('classification on the card', () => {
  it('the contact official sets topic (searched by words), department and the collective mark in one dialog', async () => {
    const contact = await apiSession(server, 'beloyarsky.contact');
    const created = await contact.request<{ id: string }>('POST', '/api/appeals', letter);
    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'beloyarsky.contact');
      await page.goto(`${server.url}/appeals/${created.body.id}`);
      await page.locator('[data-qa="appeal-classify"]').click();
      const dialog = page.locator('[data-qa="classify-dialog"]');
      await dialog.locator('[data-qa="classify-topic-select"]').click();
      await page.keyboard.type('зимнее дорог');
      await page.getByRole('option', { name: /Зимнее содержание дорог/ }).click();
      await dialog.locator('[data-qa="classify-department-select"]').click();
      await page.getByRole('option').nth(1).click();
      await dialog.locator('[data-qa="classify-collective"]').click();
      await dialog.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => page.locator('[data-qa="appeal-topic"]').innerText()).toContain('Зимнее содержание дорог');
      const appeal = await contact.request<{ topic: string; department: { id: string } | null; author: { kind: string } }>('GET', `/api/appeals/${created.body.id}`);
      expect(appeal.body.topic).toBe('0003.0009.0099.0726');
      expect(appeal.body.department).not.toBeNull();
      expect(appeal.body.author.kind).toBe('collective');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('administration', () => {
  it('the deadline rules editor previews «поступило → ответ до» as the rules are edited, and saves them', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'cur.admin');
      await page.goto(`${server.url}/settings`);
      const date = page.locator('[data-qa="preview-date"] input');
      await date.fill('02.03.2026');
      const preview = page.locator('[data-qa="preview-fz59"]');
      await expect.poll(() => preview.innerText()).toBe('поступило 02.03.2026 → зарегистрировать до 05.03.2026, ответ до 01.04.2026');
      // 20 calendar days end on Sunday 22 March: the term moves to the preceding working day.
      await page.getByLabel('Обращения по 59-ФЗ: Ответ: дней').fill('20');
      await expect.poll(() => preview.innerText()).toContain('ответ до 20.03.2026');
      await page.locator('[data-qa="rules-save"]').click();
      const admin = await apiSession(server, 'cur.admin');
      await expect.poll(async () => (await admin.request<{ rules: { channels: { fz59: { answer: { days: number } } } } }>('GET', '/api/settings/deadline-rules')).body.rules.channels.fz59.answer.days).toBe(20);
      await page.locator('[data-qa="rules-defaults"]').click();
      await page.locator('[data-qa="rules-save"]').click();
      await expect.poll(async () => (await admin.request<{ rules: { channels: { fz59: { answer: { days: number } } } } }>('GET', '/api/settings/deadline-rules')).body.rules.channels.fz59.answer.days).toBe(30);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the audit log in words', () => {
  it('finds an appeal by its number, says what happened in Russian and links to the card', async () => {
    const contact = await apiSession(server, 'beloyarsky.contact');
    const created = await contact.request<{ id: string; number: string }>('POST', '/api/appeals', letter);
    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'cur.admin');
      await page.goto(`${server.url}/audit`);
      await page.locator('[data-qa="audit-object-filter"] input').fill(created.body.number);
      const rows = page.locator('[data-qa="audit-table"] tbody tr');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().innerText()).toContain('Зарегистрировано обращение');
      expect(await rows.first().innerText()).toContain('Иванова Мария Сергеевна');
      expect(await page.locator('[data-qa="audit-export-csv"]').getAttribute('href')).toContain(`object=${encodeURIComponent(created.body.number)}`);
      await rows.first().locator('[data-qa="audit-object"]').click();
      await page.waitForURL(new RegExp(`/appeals/${created.body.id}$`));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('live lists and dates', () => {
  it('a new risk appears on the ЦУР board without a reload; a date is typed as дд.мм.гггг', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'cur.analyst');
      await page.goto(`${server.url}/risks`);
      await page.locator('[data-qa="risk-board"]').waitFor();
      await page.waitForTimeout(1500);
      const analyst = await apiSession(server, 'cur.analyst');
      const risk = await analyst.request<{ number: string }>('POST', '/api/risks', {
        municipality: 'beloyarsky', platform: 'vk', link: 'https://vk.com/wall-1_77', text: 'Пишут, что мост на Лесной закроют на год.', kind: 'misinformation', level: 'high',
      });
      expect(risk.status).toBe(201);
      // Well before the half-minute the board used to wait.
      await expect.poll(() => page.locator('[data-qa="risk-board"]').innerText(), { timeout: 8_000 }).toContain(risk.body.number);

      await page.goto(`${server.url}/appeals`);
      await page.locator('[data-qa="filter-received-from"] input').fill('05.03.2026');
      await page.waitForURL(/receivedFrom=2026-03-05/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
