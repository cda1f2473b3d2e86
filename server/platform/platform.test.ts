import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_DATABASE_URL, type TestApp } from '../test/helpers';
import { loadConfig, ConfigError } from '../config';
import { eq } from 'drizzle-orm';
import { audited } from './audit';
import { auditLog, organizations } from '../db/schema';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    extend: (app) => app.get('/api/test/boom', async () => { throw new Error('secret internal detail at /srv/otklik'); }),
  });
});
afterAll(async () => { await t.close(); });

describe('health and API description', () => {
  it('reports the engine and version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', engine: TEST_DATABASE_URL ? 'postgres' : 'pglite', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('publishes OpenAPI generated from the route schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/organizations', '/api/users/{id}', '/api/audit']));
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['login', 'password']);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});

describe('errors', () => {
  it('an unknown API route answers a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'route_not_found', message: expect.stringMatching(/[а-я]/) });
  });

  it('malformed JSON answers 400 invalid_json', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"login":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_json');
  });

  it('a body over the limit answers 413', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'x', password: 'y'.repeat(2 * 1024 * 1024) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
  });

  it('a 500 never leaks the internal message or a stack', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('internal_error');
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('at ');
  });

  it('every response carries a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});

describe('audit', () => {
  it('a change that fails after its audit row is written leaves neither the change nor the row', async () => {
    const admin = await t.login('cur.admin');
    const ctx = { actor: { userId: admin.user.id, login: 'cur.admin', fullName: 'x', role: 'cur_admin' as const, organizationId: admin.user.organization.id, organizationKind: 'regional_center' as const, timeZone: 'Asia/Yekaterinburg', viaToken: false, tokenScope: null }, requestId: 'audit-rollback-test' };
    const attempt = audited(t.database.db, ctx, async (tx) => {
      const [org] = await tx.insert(organizations).values({ kind: 'municipality', name: 'Проверочный округ', shortName: 'Проверочный', slug: 'audit-rollback', numberPrefix: 'ПРВ' }).returning();
      return {
        result: org,
        audit: [
          { action: 'organization.create', entityType: 'organization', entityId: org.id, organizationId: org.id, after: org },
          // The second row breaks NOT NULL once the first one is already in the table.
          { action: null as unknown as string, entityType: 'organization', entityId: org.id, organizationId: org.id },
        ],
      };
    });
    await expect(attempt).rejects.toThrow();
    const orgs = await t.database.db.select().from(organizations).where(eq(organizations.slug, 'audit-rollback'));
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.requestId, 'audit-rollback-test'));
    expect(orgs).toEqual([]);
    expect(rows).toEqual([]);
  });

  it('a refused change writes no audit row', async () => {
    const admin = await t.login('cur.admin');
    const before = (await admin.get('/api/audit?limit=500')).json().items.length;
    const res = await admin.post('/api/organizations', { name: 'Дубль Белоярского', slug: 'beloyarsky', oktmo: '65700001', numberPrefix: 'ДБЛ' });
    expect(res.statusCode).toBe(409);
    expect((await admin.get('/api/audit?limit=500')).json().items.length).toBe(before);
  });

  it('pages with a cursor and filters by action', async () => {
    const admin = await t.login('cur.admin');
    const first = (await admin.get('/api/audit?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1].id);
    const next = (await admin.get(`/api/audit?limit=2&before=${first.nextCursor}`)).json();
    expect(next.items[0].id).toBeLessThan(first.items[1].id);
    const logins = (await admin.get('/api/audit?action=auth.login')).json().items;
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((a: { action: string }) => a.action === 'auth.login')).toBe(true);
  });
});

describe('config', () => {
  it('is validated once with clear messages', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(loadConfig({}).port).toBe(3000);
    expect(loadConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
  });
});

describe('logs', () => {
  it('never carry search terms, tracking codes or tokens from URLs', async () => {
    const { maskUrl } = await import('./logging');
    expect(maskUrl('/api/appeals?q=%D0%93%D1%80%D0%B8%D0%B3%D0%BE%D1%80%D1%8C%D0%B5%D0%B2&limit=5')).toBe('/api/appeals?q=***&limit=5');
    expect(maskUrl('/api/public/appeals/%D0%91%D0%95%D0%9B-2026-000001?code=ABCDEF2345')).toBe('/api/public/appeals/%D0%91%D0%95%D0%9B-2026-000001?code=***');
  });
});
