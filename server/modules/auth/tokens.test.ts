// Personal API tokens: only a session manages them; a token acts within its scope and until its expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';

const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
let contact: Session;

beforeAll(async () => {
  t = await buildTestApp({ clock });
  contact = await t.login('beloyarsky.contact');
});
afterAll(async () => { await t.close(); });

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

function multipart(fields: Record<string, string>, file: { filename: string; type: string; content: Buffer }) {
  const boundary = '----otklik' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const letter = {
  channel: 'fz59', subChannel: 'letter',
  receivedAt: '2026-03-09T05:00:00Z', registeredAt: '2026-03-09T06:00:00Z',
  author: { surname: 'Григорьев', name: 'Павел', patronymic: 'Ильич', email: 'grigoriev@example.ru', postalAddress: '624030, пос. Белоярский, ул. Ленина, д. 5' },
  text: 'Прошу отремонтировать дорогу на улице Ленина: ямы на дороге не дают проехать.',
  kind: 'complaint',
};

async function issue(body: Record<string, unknown>) {
  const res = await contact.post('/api/auth/tokens', { name: 'Интеграция', ...body });
  expect(res.statusCode).toBe(201);
  const { token, apiToken } = res.json();
  const as = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, payload: payload as never, headers: { authorization: `Bearer ${token}`, ...headers } });
  return { token, apiToken, as };
}

describe('only a session manages tokens and the password', () => {
  it('a token can neither issue, list nor revoke tokens, nor change the password', async () => {
    const { apiToken, as } = await issue({ scope: 'full' });
    for (const res of [
      await as('POST', '/api/auth/tokens', { name: 'ещё один', scope: 'full' }),
      await as('GET', '/api/auth/tokens'),
      await as('DELETE', `/api/auth/tokens/${apiToken.id}`),
      await as('POST', '/api/auth/password', { currentPassword: 'demo', newPassword: 'NewPassw0rd' }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'session_required', message: 'Это действие доступно только после входа в систему, а не по API-токену' });
    }
    const names = (await contact.get('/api/auth/tokens')).json().items.map((i: { name: string }) => i.name);
    expect(names).not.toContain('ещё один');
    // Revoked from the session, the token stops working.
    expect((await contact.del(`/api/auth/tokens/${apiToken.id}`)).statusCode).toBe(200);
    expect((await as('GET', '/api/auth/me')).json().code).toBe('invalid_token');
  });
});

describe('scopes', () => {
  it('a new token reads only unless asked for more', async () => {
    const { apiToken, as } = await issue({});
    expect(apiToken).toMatchObject({ scope: 'read', expiresAt: null, status: 'active' });
    expect((await as('GET', '/api/appeals')).statusCode).toBe(200);
    const refused = await as('POST', '/api/appeals', letter);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'token_scope', message: 'Токен с правами «только чтение» не позволяет это действие: нужны права «приём обращений»' });
  });

  it('an intake token registers appeals with their files, and nothing more', async () => {
    const { as } = await issue({ scope: 'intake' });
    const created = await as('POST', '/api/appeals', letter);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const photo = multipart({ purpose: 'appeal' }, { filename: 'photo.png', type: 'image/png', content: PNG });
    expect((await as('POST', `/api/appeals/${id}/attachments`, photo.payload, photo.headers)).statusCode).toBe(200);
    const answer = multipart({ purpose: 'answer' }, { filename: 'answer.png', type: 'image/png', content: PNG });
    const answerRes = await as('POST', `/api/appeals/${id}/attachments`, answer.payload, answer.headers);
    expect(answerRes.statusCode).toBe(403);
    expect(answerRes.json().code).toBe('token_scope');
    const comment = await as('POST', `/api/appeals/${id}/comments`, { text: 'по токену' });
    expect(comment.statusCode).toBe(403);
    expect(comment.json()).toMatchObject({ code: 'token_scope', message: 'Токен с правами «приём обращений» не позволяет это действие: нужны права «полный доступ»' });
  });

  it('a full token does what its owner may', async () => {
    const { as } = await issue({ scope: 'full' });
    const id = (await as('POST', '/api/appeals', letter)).json().id;
    expect((await as('POST', `/api/appeals/${id}/comments`, { text: 'по токену' })).statusCode).toBe(201);
  });

  it('tokens issued before scopes existed keep full access', async () => {
    const token = 'otk_issued_before_scopes_existed_0001';
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(token).digest('hex');
    await t.database.db.execute(sql`insert into api_tokens (user_id, name, token_hash, prefix) values (${contact.user.id}, 'старый', ${hash}, 'otk_issued')`);
    const id = (await contact.post('/api/appeals', letter)).json().id;
    const res = await t.app.inject({ method: 'POST', url: `/api/appeals/${id}/comments`, payload: { text: 'старый токен' }, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(201);
  });
});

describe('expiry', () => {
  it('an expired token is refused with its own code and shown as expired', async () => {
    const { apiToken, as } = await issue({ expiresInDays: 1 });
    expect(apiToken.expiresAt).toBe('2026-03-11T09:00:00.000Z');
    expect((await as('GET', '/api/auth/me')).statusCode).toBe(200);
    clock.advance(25 * 3600_000);
    const res = await as('GET', '/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'token_expired', message: 'Срок действия токена истёк. Выпустите новый токен в профиле' });
    contact = await t.login('beloyarsky.contact'); // the session of yesterday has ended too
    const listed = (await contact.get('/api/auth/tokens')).json().items.find((i: { id: string }) => i.id === apiToken.id);
    expect(listed.status).toBe('expired');
  });

  it('takes an end date in the future, and only one way of giving it', async () => {
    const at = new Date(clock.now().getTime() + 30 * 24 * 3600_000).toISOString();
    const { apiToken } = await issue({ expiresAt: at });
    expect(apiToken.expiresAt).toBe(at);
    const past = await contact.post('/api/auth/tokens', { name: 'x', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().details).toEqual([{ field: 'expiresAt', message: 'Дата окончания должна быть в будущем' }]);
    expect((await contact.post('/api/auth/tokens', { name: 'x', expiresAt: at, expiresInDays: 3 })).statusCode).toBe(400);
  });
});
