import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers';
import { DEMO_USERS } from '../../seed/demo';

let t: TestApp;
beforeAll(async () => { t = await buildTestApp(); });
afterAll(async () => { await t.close(); });

describe('login', () => {
  it.each(DEMO_USERS.map((u) => [u.login, u.role]))('%s logs in with the demo password as %s', async (login, role) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'demo' } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ login, role });
    expect(body.user.organization).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), kind: expect.any(String) }));
    expect(body.csrfToken).toMatch(/.{20,}/);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/otklik_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('answers 401 invalid_credentials with a Russian message for a wrong password or an unknown login', async () => {
    for (const payload of [{ login: 'cur.admin', password: 'wrong' }, { login: 'nobody', password: 'demo' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'invalid_credentials', message: 'Неверный логин или пароль' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('validates the body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['login', 'password']);
  });
});

describe('session', () => {
  it('me needs a session and returns the user, CSRF token and navigation', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const s = await t.login('beloyarsky.executor');
    const res = await s.get('/api/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { login: 'beloyarsky.executor', organization: { slug: 'beloyarsky' } }, csrfToken: s.csrfToken });
    expect(res.json().navigation).not.toContain('users');
  });

  it('refuses a state change without the CSRF header', async () => {
    const s = await t.login('cur.admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie: s.cookie }, payload: { name: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie: s.cookie, 'x-csrf-token': 'nope' }, payload: { name: 'x' } });
    expect(wrong.statusCode).toBe(403);
  });

  it('logout ends the session', async () => {
    const s = await t.login('cur.analyst');
    expect((await s.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('an expired session is not accepted', async () => {
    const short = await buildTestApp({ config: { sessionTtlHours: 1 } });
    try {
      const s = await short.login('cur.admin');
      await short.database.db.execute(`update sessions set expires_at = now() - interval '1 minute'` as never);
      expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  }, 120_000); // a second application with its own database, every migration applied
});

describe('passwords', () => {
  it('a user changes their own password; the old one stops working', async () => {
    const s = await t.login('ekb.executor');
    const bad = await s.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'NewPassw0rd' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('currentPassword');
    const weak = await s.post('/api/auth/password', { currentPassword: 'demo', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect((await s.post('/api/auth/password', { currentPassword: 'demo', newPassword: 'NewPassw0rd' })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'ekb.executor', password: 'demo' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'ekb.executor', password: 'NewPassw0rd' } })).statusCode).toBe(200);
  });

  it('stores only a scrypt hash', async () => {
    const rows = await t.database.db.query.users.findMany();
    for (const row of rows) expect(row.passwordHash).toMatch(/^scrypt\$/);
  });
});

describe('personal API tokens', () => {
  it('a token authenticates without CSRF until it is revoked', async () => {
    const s = await t.login('beloyarsky.contact');
    const created = await s.post('/api/auth/tokens', { name: 'Интеграция' });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json();
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.login).toBe('beloyarsky.contact');
    const viaToken = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: bearer, payload: { name: 'second' } });
    expect(viaToken.statusCode).toBe(403);
    expect(viaToken.json().code).toBe('session_required');
    const list = await s.get('/api/auth/tokens');
    expect(list.json().items.map((i: { name: string }) => i.name)).toEqual(['Интеграция']);
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect((await s.del(`/api/auth/tokens/${apiToken.id}`)).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('invalid_token');
  });

  it('another user cannot revoke my token', async () => {
    const mine = await t.login('beloyarsky.head');
    const { apiToken } = (await mine.post('/api/auth/tokens', { name: 'мой' })).json();
    const other = await t.login('ekb.contact');
    expect((await other.del(`/api/auth/tokens/${apiToken.id}`)).statusCode).toBe(404);
  });
});
