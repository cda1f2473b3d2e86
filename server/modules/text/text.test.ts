import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers';

let t: TestApp;
beforeAll(async () => { t = await buildTestApp(); });
afterAll(async () => { await t.close(); });

const formal = {
  appealText: 'Третью неделю нет горячей воды в доме на ул. Мира, 5.',
  answerText: 'Ваше обращение рассмотрено в установленном порядке. Информация принята к сведению.',
};

describe('POST /api/text/answer-check', () => {
  it('tells a formal reply from a real one for staff', async () => {
    const head = await t.login('beloyarsky.head');
    const res = await head.post('/api/text/answer-check', formal);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ formal: true });
    expect(res.json().score).toBeGreaterThanOrEqual(0.5);
    expect(res.json().reasons.map((r: { code: string }) => r.code)).toContain('stock_phrases');
    const real = await head.post('/api/text/answer-check', {
      appealText: formal.appealText,
      answerText: 'Горячее водоснабжение дома № 5 по ул. Мира восстановлено 18 марта после замены трубопровода силами АО «Теплосеть».',
    });
    expect(real.json()).toEqual({ formal: false, score: 0, reasons: [] });
  });

  it('answers a read-only token and refuses strangers and bad input', async () => {
    const head = await t.login('beloyarsky.head');
    const token = (await head.post('/api/auth/tokens', { name: 'Проверка ответов', scope: 'read' })).json().token;
    const viaToken = await t.app.inject({ method: 'POST', url: '/api/text/answer-check', headers: { authorization: `Bearer ${token}` }, payload: formal });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json().formal).toBe(true);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/text/answer-check', payload: formal });
    expect(anonymous.statusCode).toBe(401);
    const empty = await head.post('/api/text/answer-check', { appealText: '', answerText: 'x' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('validation_failed');
  });
});
