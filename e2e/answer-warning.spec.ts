// The head approving a formal answer («отписка»): the dialog shows each reason of the check, approval
// without saying «despite the warning» is refused, and an approval despite it stays on the card.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSession, openPage, signIn, useServerAndBrowser, type TestServer } from './helpers';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((env) => ({ server, browser } = env));

describe('the «отписка» warning before approval', () => {
  it('shows the reasons, refuses a plain approval and records the approval despite the warning', async () => {
    const contact = await apiSession(server, 'beloyarsky.contact');
    const head = await apiSession(server, 'beloyarsky.head');
    const created = await contact.request<{ id: string }>('POST', '/api/appeals', {
      channel: 'fz59', subChannel: 'letter', author: { kind: 'person', surname: 'Лаптева', name: 'Нина' },
      text: 'Во дворе дома 7 по улице Школьной не горят фонари, вечером темно.',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const departments = await head.request<{ items: { id: string }[] }>('GET', '/api/departments');
    expect((await head.request('POST', `/api/appeals/${id}/actions/assign`, { departmentId: departments.body.items[0].id })).status).toBe(200);
    expect((await head.request('POST', `/api/appeals/${id}/actions/take`, {})).status).toBe(200);
    expect((await head.request('POST', `/api/appeals/${id}/actions/submit_answer`, {
      answerText: 'Ваше обращение рассмотрено в установленном порядке. Информация принята к сведению.', resultCode: 'explained',
    })).status).toBe(200);

    const { page, context } = await openPage(browser);
    try {
      await signIn(page, server.url, 'beloyarsky.head');
      await page.goto(`${server.url}/appeals/${id}`);
      await page.locator('[data-qa="appeal-card"]').waitFor();
      await page.locator('[data-qa="action-approve"]').click();
      const dialog = page.locator('[data-qa="action-dialog"]');
      const warning = dialog.locator('[data-qa="formal-warning"]');
      await warning.waitFor();
      expect(await warning.innerText()).toContain('Проект ответа похож на отписку');
      expect(await warning.locator('[data-qa="formal-reason-stock_phrases"]').innerText()).toContain('рассмотрено в установленном порядке');
      expect(await warning.locator('li').count()).toBeGreaterThanOrEqual(2);

      // Approving without saying so is refused, and the appeal stays on approval.
      await dialog.getByRole('button', { name: 'Утвердить ответ', exact: true }).click();
      await dialog.locator('[data-qa="form-error"]').waitFor();
      expect(await dialog.locator('[data-qa="form-error"]').innerText()).toContain('похож на отписку');
      expect((await head.request<{ status: string }>('GET', `/api/appeals/${id}`)).body.status).toBe('on_approval');

      await dialog.locator('[data-qa="despite-warning"]').click();
      await dialog.getByRole('button', { name: 'Утвердить ответ', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('[data-qa="appeal-card"] [data-qa="appeal-status"]').innerText()).toBe('Дан ответ');
      const note = page.locator('[data-qa="answer-despite-warning"]');
      await note.waitFor();
      expect(await note.innerText()).toContain('Согласован, несмотря на предупреждение об отписке');
      const stored = await head.request<{ answer: { approvedDespiteWarning: boolean } }>('GET', `/api/appeals/${id}`);
      expect(stored.body.answer.approvedDespiteWarning).toBe(true);
    } finally {
      await context.close();
    }
  });
});
