// Limits of failed logins and their audit: the failing source is slowed, the owner is not locked out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';

const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
// The limits an installation gets by default.
beforeAll(async () => { t = await buildTestApp({ clock, config: { loginRateLimit: { perIp: 20, perLogin: 10, windowMinutes: 15 } } }); });
afterAll(async () => { await t.close(); });

const attempt = (login: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress: ip });

async function statuses(count: number, make: (i: number) => ReturnType<typeof attempt>): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < count; i++) codes.push((await make(i)).statusCode);
  return codes;
}

describe('login limits', () => {
  it('an office behind one address logs in as often as it needs: only failures count', async () => {
    const logins = ['cur.admin', 'cur.analyst', 'ekb.contact', 'ekb.executor', 'ekb.head'];
    const codes = await statuses(25, (i) => attempt(logins[i % logins.length], 'demo', '192.0.2.10'));
    expect(codes).toEqual(Array(25).fill(200));
  });

  it('an address with too many failures waits, whatever logins it tries, and is told for how long', async () => {
    const codes = await statuses(20, (i) => attempt(`nobody.${i}`, 'guess', '192.0.2.20'));
    expect(codes).toEqual(Array(20).fill(401));
    const refused = await attempt('ekb.head', 'demo', '192.0.2.20');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('900');
    expect(refused.json()).toMatchObject({ code: 'rate_limited', message: 'Слишком много неудачных попыток входа с вашего адреса. Повторите через 15 мин.' });
    expect((await attempt('ekb.head', 'demo', '192.0.2.21')).statusCode).toBe(200);
  });

  it('ten wrong passwords from one address do not lock the owner out from another', async () => {
    const codes = await statuses(10, (i) => attempt('cur.admin', `wrong-${i}`, '198.51.100.1'));
    expect(codes).toEqual(Array(10).fill(401));
    // The guessing address waits, even with the right password…
    const refused = await attempt('cur.admin', 'demo', '198.51.100.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('900');
    // …while the owner, from anywhere else, logs in at once.
    expect((await attempt('cur.admin', 'demo', '198.51.100.2')).statusCode).toBe(200);

    clock.advance(8 * 60_000);
    const later = await attempt('cur.admin', 'demo', '198.51.100.1');
    expect(later.statusCode).toBe(429);
    expect(later.headers['retry-after']).toBe('420');
    expect(later.json().message).toBe('Слишком много неудачных попыток входа под этим логином с вашего адреса. Повторите через 7 мин.');
    clock.advance(7 * 60_000);
    expect((await attempt('cur.admin', 'demo', '198.51.100.1')).statusCode).toBe(200);
  });

  it('guessing spread over many addresses is slowed by a growing delay of seconds, never a lock of the owner', async () => {
    // The owner has logged in from the office before.
    expect((await attempt('beloyarsky.head', 'demo', '203.0.113.250')).statusCode).toBe(200);
    let ip = 0;
    const next = () => `203.0.113.${++ip}`;
    expect(await statuses(11, () => attempt('beloyarsky.head', 'guess', next()))).toEqual(Array(11).fill(401));

    const waits: number[] = [];
    for (let round = 0; round < 8; round++) {
      const refused = await attempt('beloyarsky.head', 'guess', next());
      expect(refused.statusCode).toBe(429);
      const wait = Number(refused.headers['retry-after']);
      expect(refused.json().message).toMatch(/^Под этим логином только что было много неудачных попыток входа\. Повторите через (\d+ сек|1 мин)\.$/);
      waits.push(wait);
      clock.advance(wait * 1000);
      expect((await attempt('beloyarsky.head', 'guess', next())).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);

    // The owner's usual address is not delayed; a new one waits seconds, then gets in.
    expect((await attempt('beloyarsky.head', 'demo', '203.0.113.250')).statusCode).toBe(200);
    const elsewhere = await attempt('beloyarsky.head', 'demo', '203.0.113.200');
    expect(elsewhere.statusCode).toBe(429);
    expect(Number(elsewhere.headers['retry-after'])).toBeLessThanOrEqual(60);
    clock.advance(Number(elsewhere.headers['retry-after']) * 1000);
    expect((await attempt('beloyarsky.head', 'demo', '203.0.113.200')).statusCode).toBe(200);
  });
});

describe('audit of failed logins', () => {
  async function failures(login: string) {
    const admin = await t.login('cur.admin');
    const items = (await admin.get('/api/audit?action=auth.login_failed&limit=500')).json().items as { entityType: string; entityId: string | null; actorId: string | null; after: { login: string; reason: string } }[];
    return items.filter((i) => i.after.login === login);
  }

  it('records the login tried, the address and the reason, never the password', async () => {
    expect((await attempt('cur.analyst', 'S3cret-guess', '192.0.2.77')).statusCode).toBe(401);
    expect((await attempt('ghost.user', 'S3cret-guess', '192.0.2.77')).statusCode).toBe(401);
    const known = await failures('cur.analyst');
    const analystId = (await t.login('cur.analyst')).user.id;
    expect(known).toEqual([expect.objectContaining({ entityType: 'user', entityId: analystId, actorId: null, after: { login: 'cur.analyst', ip: '192.0.2.77', reason: 'invalid_credentials' } })]);
    expect(await failures('ghost.user')).toEqual([expect.objectContaining({ entityType: 'user', entityId: null, after: { login: 'ghost.user', ip: '192.0.2.77', reason: 'invalid_credentials' } })]);
    expect(JSON.stringify(await failures('cur.analyst'))).not.toContain('S3cret-guess');
  });

  it('records a disabled account and the first refusal of a blocked address', async () => {
    await t.database.db.execute(sql`update users set active = false where login = 'ekb.executor'`);
    const disabled = await attempt('ekb.executor', 'demo', '192.0.2.78');
    expect(disabled.statusCode).toBe(403);
    expect(disabled.json().code).toBe('account_disabled');
    expect((await failures('ekb.executor')).map((i) => i.after.reason)).toEqual(['account_disabled']);

    await statuses(10, () => attempt('ekb.contact', 'wrong', '192.0.2.79'));
    expect((await attempt('ekb.contact', 'demo', '192.0.2.79')).statusCode).toBe(429);
    expect((await attempt('ekb.contact', 'demo', '192.0.2.79')).statusCode).toBe(429);
    const reasons = (await failures('ekb.contact')).map((i) => i.after.reason);
    expect(reasons.filter((r) => r === 'invalid_credentials')).toHaveLength(10);
    expect(reasons.filter((r) => r === 'rate_limited')).toHaveLength(1);
  });
});
