import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';

let t: TestApp;
let admin: Session;
let orgs: Record<string, string>;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login('cur.admin');
  orgs = Object.fromEntries((await admin.get('/api/organizations')).json().items.map((o: { slug: string; id: string }) => [o.slug, o.id]));
});
afterAll(async () => { await t.close(); });

describe('users', () => {
  it('the administrator creates a user who gets a temporary password and must change it', async () => {
    const res = await admin.post('/api/users', { login: 'beloyarsky.clerk', fullName: 'Новикова Анна Петровна', role: 'executor', organizationId: orgs.beloyarsky, email: 'clerk@example.ru' });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user).toMatchObject({ login: 'beloyarsky.clerk', role: 'executor', mustChangePassword: true, organization: { slug: 'beloyarsky' } });
    expect(temporaryPassword).toMatch(/^[a-z]{4}-\d{4}-[a-z]{4}$/);
    const session = await t.login('beloyarsky.clerk', temporaryPassword);
    expect(session.user.role).toBe('executor');
    expect((await session.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
  });

  it('refuses a duplicate login (any case) and a role that does not fit the organisation', async () => {
    const dup = await admin.post('/api/users', { login: 'CUR.Admin', fullName: 'Кто-то Другой', role: 'cur_analyst', organizationId: orgs.cur });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('login_taken');
    const mismatch = await admin.post('/api/users', { login: 'wrong.role', fullName: 'Не Тот', role: 'cur_analyst', organizationId: orgs.beloyarsky });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().code).toBe('role_organization_mismatch');
  });

  it('an empty form is answered field by field in words a person reads, not the first role the schema tried', async () => {
    const res = await admin.post('/api/users', { login: '', fullName: '', role: '', organizationId: '' });
    expect(res.statusCode).toBe(400);
    const byField = Object.fromEntries(res.json().details.map((d: { field: string; message: string }) => [d.field, d.message]));
    expect(byField.role).toBe('Выберите значение из списка');
    expect(Object.keys(byField)).toEqual(expect.arrayContaining(['login', 'fullName', 'role', 'organizationId']));
    expect(JSON.stringify(res.json())).not.toContain('cur_admin');
  });

  it('changing a role or deactivating ends the user\'s sessions', async () => {
    const user = (await admin.get('/api/users?q=ekb.executor')).json().items[0];
    const session = await t.login('ekb.executor');
    const changed = await admin.patch(`/api/users/${user.id}`, { role: 'head' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().role).toBe('head');
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.login('ekb.executor');
    expect(again.user.role).toBe('head');
    expect((await admin.patch(`/api/users/${user.id}`, { active: false })).json().active).toBe(false);
    expect((await again.get('/api/auth/me')).statusCode).toBe(401);
    const denied = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'ekb.executor', password: 'demo' } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('account_disabled');
    const audit = (await admin.get(`/api/audit?entityType=user&entityId=${user.id}`)).json().items.map((a: { action: string }) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['user.change_role', 'user.deactivate']));
  });

  it('the administrator cannot deactivate or demote themselves', async () => {
    const res = await admin.patch(`/api/users/${admin.user.id}`, { active: false });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('cannot_change_self');
  });

  it('reset password issues a new temporary one and the old password stops working', async () => {
    const user = (await admin.get('/api/users?q=beloyarsky.head')).json().items[0];
    const res = await admin.post(`/api/users/${user.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'beloyarsky.head', password: 'demo' } })).statusCode).toBe(401);
    expect((await t.login('beloyarsky.head', temporaryPassword)).user.id).toBe(user.id);
    const audit = (await admin.get(`/api/audit?action=user.reset_password&entityId=${user.id}`)).json().items;
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
  });

  it('municipal users list only their colleagues and cannot manage accounts', async () => {
    const contact = await t.login('beloyarsky.contact');
    const items = (await contact.get('/api/users')).json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((u: { organization: { slug: string } }) => u.organization.slug))).toEqual(new Set(['beloyarsky']));
    expect((await contact.post('/api/users', { login: 'x.y.z', fullName: 'Икс Игрек', role: 'executor', organizationId: orgs.beloyarsky })).statusCode).toBe(403);
  });
});
