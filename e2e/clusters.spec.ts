// Problems in the browser: appeals of different authors about one problem at one place make a cluster
// that ЦУР and the municipality see on «Проблемы» with its size, topic and place; the cluster opens its
// appeals, and an appeal's number opens its card.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSession, openPage, signIn, useServerAndBrowser, type TestServer } from './helpers';
import { toLocalDate } from '../domain/calendar/localDate';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

const TOPIC = '0005.0005.0056.1156';

describe('problem clusters', () => {
  it('ЦУР and the municipality see a cluster with its size and topic, open its appeals and go to a card', async () => {
    const contact = await apiSession(server, 'beloyarsky.contact');
    const texts = [
      ['Лебедева', 'Не вывозят мусор, контейнеры переполнены уже неделю на ул. Озёрная, 9.'],
      ['Соколов', 'Мусорные баки на улице Озёрной, дом 9 не вывозят, вокруг свалка.'],
      ['Гришина', 'Контейнерная площадка у дома 9 по ул. Озёрная завалена мусором, вывоза нет.'],
    ];
    const ids: string[] = [];
    for (const [surname, text] of texts) {
      const created = await contact.request<{ id: string; number: string; cluster: { id: string; size: number } | null }>('POST', '/api/appeals', {
        channel: 'pos', author: { kind: 'person', surname, name: 'Ольга' }, text, topic: TOPIC,
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const card = await contact.request<{ number: string; cluster: { id: string; size: number; title: string } | null }>('GET', `/api/appeals/${ids[0]}`);
    expect(card.body.cluster).toMatchObject({ size: 3 });
    const clusterId = card.body.cluster!.id;

    for (const login of ['cur.analyst', 'beloyarsky.head']) {
      const { context, page, problems } = await openPage(browser, { width: 1400, height: 900 });
      try {
        await signIn(page, server.url, login);
        await page.locator('nav[aria-label="Разделы"]').getByText('Проблемы').click();
        await page.locator('[data-qa="clusters-page"]').waitFor();
        // The demo region has many larger problems over its months; today's period shows the new one among few.
        const today = toLocalDate(new Date(), 'Asia/Yekaterinburg');
        await page.goto(`${server.url}/clusters?from=${today}&to=${today}`);
        await page.locator('[data-qa="clusters-page"]').waitFor();
        const row = page.locator(`[data-qa="cluster-row"][data-cluster="${clusterId}"]`);
        await row.waitFor();
        expect(await row.locator('[data-qa="cluster-size"]').innerText()).toBe('3');
        expect(await row.locator('[data-qa="cluster-title"]').innerText()).toContain('мусор');
        expect((await row.locator('[data-qa="cluster-topic"]').innerText()).length).toBeGreaterThan(1);
        expect(await row.locator('[data-qa="cluster-growth"]').innerText()).toBe('+3');
        if (login === 'cur.analyst') expect(await row.innerText()).toContain('Белоярский');

        await row.locator('[data-qa="cluster-toggle"]').click();
        const listed = page.locator('[data-qa="cluster-appeals"] [data-qa="cluster-appeal"]');
        await expect.poll(() => listed.count()).toBe(3);
        await page.locator('[data-qa="cluster-appeals"]').getByRole('link', { name: card.body.number }).click();
        await page.locator('[data-qa="appeal-card"]').waitFor();
        expect(page.url()).toContain(`/appeals/${ids[0]}`);

        // The size is the registry filtered to exactly the cluster's appeals.
        await page.goBack();
        await row.locator('[data-qa="cluster-size"]').click();
        await expect.poll(() => page.locator('[data-qa="appeals-total"]').innerText()).toBe('Найдено: 3');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
