// Bad input is answered 4xx with a stable code and the field named; nothing reaches the database.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type Session, type TestApp } from './helpers';
import { clientErrorOf } from '../platform/db-errors';

let t: TestApp;
let admin: Session;
let contact: Session;

const citizen = {
  municipality: 'beloyarsky', surname: 'Андреева', name: 'Светлана', email: 'andreeva@example.ru',
  text: 'Прошу отремонтировать дорогу по улице Милицейской.', consent: true,
};

beforeAll(async () => {
  t = await buildTestApp({ config: { publicAppealsPerHour: 1000 } });
  admin = await t.login('cur.admin');
  contact = await t.login('beloyarsky.contact');
});
afterAll(async () => { await t.close(); });

async function appealCount(): Promise<number> {
  const rows = await t.database.db.execute(sql`select count(*)::int as n from appeals`);
  return Number((rows as unknown as { rows: { n: number }[] }).rows?.[0]?.n ?? (rows as unknown as { n: number }[])[0]?.n);
}

describe('control characters', () => {
  it('refuse U+0000 in any field of the public reception, naming the field, and store nothing', async () => {
    const before = await appealCount();
    for (const field of ['surname', 'name', 'email', 'text'] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/public/appeals', payload: { ...citizen, [field]: `${citizen[field]}\u0000x` } });
      expect(res.statusCode, field).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', details: [{ field }] });
      expect(res.json().message).toMatch(/управляющие символы/);
    }
    expect(await appealCount()).toBe(before);
  });

  it('refuse other control characters but keep tabs and line breaks', async () => {
    for (const ch of ['\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/public/appeals', payload: { ...citizen, text: `Текст ${ch} обращения` } });
      expect(res.statusCode, JSON.stringify(ch)).toBe(400);
    }
    const ok = await t.app.inject({ method: 'POST', url: '/api/public/appeals', payload: { ...citizen, text: 'Первая строка\r\n\tвторая строка с отступом 😀' } });
    expect(ok.statusCode).toBe(201);
  });

  it('refuse U+0000 at login and in nested objects and keys', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'cur.admin\u0000', password: 'demo' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().details).toEqual([{ field: 'login', message: expect.any(String) }]);
    const key = await t.app.inject({ method: 'POST', url: '/api/public/appeals', payload: { ...citizen, 'a\u0000b': 1 } });
    expect(key.statusCode).toBe(400);
  });

  it('refuse U+0000 in query parameters of every kind of list, export and feed', async () => {
    const urls = [
      '/api/appeals?q=a%00b', '/api/appeals/export?format=csv&q=a%00b', '/api/appeals?number=%00',
      '/api/risks?q=%00', '/api/contacts?q=a%00', '/api/contacts/export?q=%00', '/api/contacts/history?q=%00',
      '/api/users?q=%00', '/api/audit?action=%00', '/api/departments?municipality=%00',
    ];
    for (const url of urls) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe('validation_failed');
    }
    for (const url of ['/api/public/refutations?municipality=a%00b', '/api/public/refutations.atom?municipality=a%00b', '/api/public/appeals/%00?code=x']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
    }
  });
});

describe('unreadable addresses', () => {
  it('a broken percent-encoding or an over-long path parameter gets the standard Russian error body', async () => {
    const broken = await admin.get('/api/requests/%E0%A4%A');
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'bad_url', message: expect.stringMatching(/закодированные/), requestId: expect.any(String) });
    const long = await admin.get(`/api/appeals/${'a'.repeat(200)}`);
    expect(long.statusCode).toBe(414);
    expect(long.json()).toMatchObject({ code: 'url_too_long', requestId: expect.any(String) });
  });
});

describe('malformed multipart', () => {
  const bodies = [
    { 'content-type': 'multipart/form-data' },
    { 'content-type': 'multipart/form-data; boundary=' },
    { 'content-type': 'multipart/form-data; boundary=zzz' },
  ];
  it('is a 400 on every upload route, the public reception included', async () => {
    const id = randomUUID();
    const routes: { url: string; as: 'anon' | Session }[] = [
      { url: '/api/public/appeals', as: 'anon' },
      { url: `/api/appeals/${id}/attachments`, as: contact },
      { url: `/api/risks/${id}/files`, as: admin },
      { url: '/api/requests', as: admin },
      { url: `/api/requests/${id}/answer`, as: contact },
    ];
    for (const route of routes) {
      for (const headers of bodies) {
        const options = { method: 'POST' as const, url: route.url, headers, payload: '[[[' };
        const res = route.as === 'anon' ? await t.app.inject(options) : await route.as.request(options);
        expect(res.statusCode, `${route.url} ${headers['content-type']}`).toBe(400);
        expect(res.json().code).toBe('invalid_multipart');
      }
    }
  });
});

describe('links', () => {
  it('only http and https links are stored for a risk and its publication', async () => {
    const risk = {
      municipality: 'beloyarsky', platform: 'vk', sourceName: 'Подслушано Белоярский', publishedAt: '2026-03-02T08:00:00Z',
      text: 'В посёлке отключат воду на месяц, администрация молчит!', kind: 'misinformation', level: 'high',
    };
    for (const link of ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>1</script>', 'file:///etc/passwd', 'vbscript:x']) {
      const res = await admin.post('/api/risks', { ...risk, link });
      expect(res.statusCode, link).toBe(400);
      expect(res.json().details).toEqual([{ field: 'link', message: 'Ссылка должна начинаться с http:// или https://' }]);
    }
    const ok = await admin.post('/api/risks', { ...risk, link: 'HTTPS://vk.com/wall-1_2' });
    expect(ok.statusCode, ok.body).toBe(201);
    const publish = await admin.post(`/api/risks/${ok.json().id}/actions/publish`, { place: 'Группа администрации', link: 'javascript:alert(1)' });
    expect(publish.statusCode).toBe(400);
    expect(publish.json().details).toEqual([{ field: 'link', message: 'Ссылка должна начинаться с http:// или https://' }]);
  });
});

describe('database errors', () => {
  it('map constraint, encoding and range errors to 4xx and leave real faults as 5xx', () => {
    const pg = (code: string) => Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('x'), { code }) });
    expect(clientErrorOf(pg('23505'))).toMatchObject({ status: 409, code: 'already_exists' });
    expect(clientErrorOf(pg('23503'))).toMatchObject({ status: 409 });
    expect(clientErrorOf(pg('22001'))).toMatchObject({ status: 400, code: 'value_too_long' });
    expect(clientErrorOf(pg('22P05'))).toMatchObject({ status: 400, code: 'invalid_characters' });
    expect(clientErrorOf(pg('22008'))).toMatchObject({ status: 400, code: 'invalid_date' });
    expect(clientErrorOf(pg('2201X'))).toMatchObject({ status: 400, code: 'invalid_value' });
    expect(clientErrorOf(pg('54000'))).toMatchObject({ status: 413 });
    expect(clientErrorOf(pg('42P01'))).toBeNull();
    expect(clientErrorOf(new Error('plain'))).toBeNull();
  });

  it('a value the database refuses is a 400 with a stable code, not a 500', async () => {
    // A date the schema's format accepts but PostgreSQL's timestamp range does not.
    const res = await admin.get('/api/appeals?receivedFrom=0000-01-01');
    expect(res.statusCode).toBeLessThan(500);
    const far = await admin.get('/api/audit?from=294277-01-01T00:00:00Z');
    expect(far.statusCode).toBeLessThan(500);
  });
});
