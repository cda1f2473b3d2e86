// The webhooks page: the ЦУР administrator subscribes a receiver on loopback, keeps the key shown once,
// and sees the signed delivery of a citizen's appeal with its attempt in the log.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, signIn, type TestServer, useServerAndBrowser } from './helpers';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.end('ok');
  });
});
let receiverUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/otklik`;
});
afterAll(async () => { await new Promise<void>((resolve) => receiver.close(() => resolve())); });

describe('webhooks page', () => {
  it('creates a subscription, shows the key once, and shows the signed delivery of a new appeal', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await signIn(page, server.url, 'cur.admin');
      await page.locator('nav[aria-label="Разделы"]').getByText('Вебхуки').click();
      await page.getByRole('heading', { name: 'Вебхуки' }).waitFor();
      await page.locator('[data-qa="add-webhook"]').click();
      const dialog = page.locator('[data-qa="webhook-dialog"]');
      await dialog.getByLabel('Название').fill('Портал обратной связи');
      await dialog.getByLabel('Адрес (URL)').fill('ftp://example.ru');
      await dialog.locator('[data-qa="event-appeal.created"]').click();
      await dialog.getByRole('button', { name: 'Подписаться' }).click();
      await expect.poll(() => dialog.locator('[data-qa="field-url"]').innerText()).not.toBe('Адрес (URL)');
      await dialog.getByLabel('Адрес (URL)').fill(receiverUrl);
      await dialog.getByRole('button', { name: 'Подписаться' }).click();

      const secretValue = page.locator('[data-qa="webhook-secret"] [data-qa="secret-value"]');
      await expect.poll(async () => (await secretValue.count()) > 0 && (await secretValue.innerText()).length >= 16).toBe(true);
      const secret = (await secretValue.innerText()).trim();
      await page.locator('[data-qa="webhook-secret"]').getByRole('button', { name: 'Закрыть', exact: true }).click();
      const table = page.locator('[data-qa="webhooks-table"]');
      await expect.poll(() => table.innerText()).toContain('Портал обратной связи');
      expect(await table.innerText()).toContain('Весь регион');
      expect(await page.content()).not.toContain(secret);

      // A citizen writes; the delivery job sends the event.
      const sent = await server.app.inject({ method: 'POST', url: '/api/public/appeals', payload: { municipality: 'beloyarsky', surname: 'Орлова', name: 'Вера', email: 'orlova@example.ru', text: 'Прошу починить освещение во дворе дома 3 по ул. Мира.', consent: true } });
      expect(sent.statusCode).toBe(201);
      await server.app.services.jobs.runOnce('webhook-delivery');
      expect(received).toHaveLength(1);
      expect(received[0].headers['x-otklik-signature']).toBe(`sha256=${createHmac('sha256', secret).update(received[0].body).digest('hex')}`);
      expect(JSON.parse(received[0].body)).toMatchObject({ type: 'appeal.created', municipality: 'beloyarsky', data: { number: sent.json().number } });

      await page.reload();
      await expect.poll(() => table.innerText()).toContain('доставлено 1');
      await page.locator('[data-qa="show-deliveries"]').click();
      const deliveries = page.locator('[data-qa="deliveries-table"]');
      await expect.poll(() => deliveries.innerText()).toContain('Доставлено');
      expect(await deliveries.innerText()).toContain('HTTP 200');
      await page.locator('[data-qa="delivery-log"]').click();
      const log = page.locator('[data-qa="delivery-attempts"]');
      await expect.poll(() => log.innerText()).toContain('Попытка 1');
      expect(await log.innerText()).toContain(sent.json().number);

      // «Отправить снова» queues it once more; the next run sends it.
      await page.locator('[data-qa="delivery-retry"]').click();
      await expect.poll(() => deliveries.innerText()).toContain('Ожидает отправки');
      await server.app.services.jobs.runOnce('webhook-delivery');
      expect(received).toHaveLength(2);
      // The one refused request is the wrong address the form was first sent with.
      expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
