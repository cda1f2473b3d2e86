// The likeliest topics of an appeal's text are one-click choices: in the registration form while the
// text is typed, and on the card of an appeal without a topic.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSession, openPage, signIn, useServerAndBrowser, type TestServer } from './helpers';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

interface Suggestion { topic: string; topicTitle: string; group: string; confidence: number; words: string[] }

const HOT_WATER = 'Третью неделю нет горячей воды в доме на улице Мира, 5, прошу восстановить.';

describe('topic suggestion', () => {
  it('the registration form offers the likeliest topics and fills the topic with one click', async () => {
    const contact = await apiSession(server, 'beloyarsky.contact');
    const expected = (await contact.request<{ suggestions: Suggestion[] }>('POST', '/api/text/suggest', { text: HOT_WATER })).body.suggestions;
    expect(expected[0].group).toBe('utilities');
    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'beloyarsky.contact');
      await page.goto(`${server.url}/appeals/new`);
      const form = page.locator('[data-qa="appeal-form"]');
      await form.getByLabel('Текст обращения').fill(HOT_WATER);
      const offered = page.locator('[data-qa="topic-suggestions"] [data-qa="topic-suggestion"]');
      await expect.poll(() => offered.count()).toBe(expected.length);
      const first = offered.first();
      expect(await first.innerText()).toContain(expected[0].topicTitle);
      expect(await first.getAttribute('title')).toMatch(/^Решили слова: .*вод/);
      await first.click();
      await expect.poll(() => page.locator('[data-qa="select-topic"]').innerText()).toContain(expected[0].topicTitle);
      expect(await first.isDisabled()).toBe(true);
      await page.locator('[data-qa="appeal-submit"]').click();
      await page.locator('[data-qa="appeal-card"]').waitFor();
      expect(await page.locator('[data-qa="appeal-topic"]').innerText()).toContain(expected[0].topicTitle);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the card of an appeal without a topic sets the one chosen among the suggestions', async () => {
    const contact = await apiSession(server, 'beloyarsky.contact');
    const created = await contact.request<{ id: string; topic: string | null; suggestions: Suggestion[] }>('POST', '/api/appeals', {
      channel: 'fz59', subChannel: 'letter', author: { kind: 'person', surname: 'Орлова', name: 'Ирина' },
      text: 'На дороге по улице Ленина огромные ямы, машины бьют колёса, прошу отремонтировать дорогу.',
    });
    expect(created.status).toBe(201);
    expect(created.body.topic).toBeNull();
    const choice = created.body.suggestions[0];
    expect(choice.group).toBe('roads');
    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'beloyarsky.contact');
      await page.goto(`${server.url}/appeals/${created.body.id}`);
      const panel = page.locator('[data-qa="appeal-suggestions"]');
      await panel.waitFor();
      expect(await page.locator('[data-qa="appeal-topic"]').innerText()).toContain('—');
      await panel.getByRole('button', { name: new RegExp(choice.topicTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
      await expect.poll(() => page.locator('[data-qa="appeal-topic"]').innerText()).toContain(choice.topicTitle);
      const appeal = await contact.request<{ topic: string }>('GET', `/api/appeals/${created.body.id}`);
      expect(appeal.body.topic).toBe(choice.topic);
      expect(await panel.getByRole('button', { name: new RegExp('выбрана') }).isDisabled()).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
