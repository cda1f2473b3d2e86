import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/helpers';

let t: TestApp;
beforeAll(async () => { t = await buildTestApp(); });
afterAll(async () => { await t.close(); });

const mailTo = async (address: string) => {
  const res = await t.database.db.execute(sql`select subject from mail_outbox where "to" = ${address}`);
  return (((res as { rows?: unknown[] }).rows ?? res) as { subject: string }[]).map((r) => r.subject);
};

describe('contact officials (§9)', () => {
  it('ЦУР has a searchable directory of every municipality; a municipality sees its own', async () => {
    const cur = await t.login('cur.analyst');
    const all = (await cur.get('/api/contacts')).json().items;
    expect(new Set(all.map((c: { municipality: string }) => c.municipality)).size).toBeGreaterThanOrEqual(7);
    const found = (await cur.get(`/api/contacts?q=${encodeURIComponent('Иванова')}`)).json().items;
    expect(found.map((c: { fullName: string }) => c.fullName)).toEqual(['Иванова Мария Сергеевна']);
    const own = (await (await t.login('ekb.head')).get('/api/contacts')).json().items;
    expect(own.every((c: { municipality: string }) => c.municipality === 'ekaterinburg')).toBe(true);
    const csv = await cur.get('/api/contacts/export');
    expect(csv.body).toContain('Иванова Мария Сергеевна');
  });

  it('a change reaches ЦУР at once, in the app and by e-mail, and stays in the history', async () => {
    const head = await t.login('beloyarsky.head');
    const created = await head.post('/api/contacts', { surname: 'Сидорова', name: 'Алла', patronymic: 'Борисовна', position: 'Пресс-секретарь главы', email: 'sidorova@beloyarsky.example', phone: '+7 (34377) 2-10-10' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ surname: 'Сидорова', name: 'Алла', patronymic: 'Борисовна', fullName: 'Сидорова Алла Борисовна' });
    const cur = await t.login('cur.analyst');
    const notes = (await cur.get('/api/notifications')).json().items;
    expect(notes.some((n: { kind: string; title: string }) => n.kind === 'contact.changed' && n.title.includes('новое контактное лицо'))).toBe(true);
    expect(await mailTo('cur.analyst@demo.otklik.local')).toContain('Белоярский ГО: новое контактное лицо');
    const old = (await head.get('/api/contacts')).json().items.find((c: { fullName: string }) => c.fullName === 'Иванова Мария Сергеевна');
    const off = await head.patch(`/api/contacts/${old.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    const history = (await cur.get('/api/contacts/history?municipality=beloyarsky')).json().items.map((h: { change: string }) => h.change);
    expect(history.slice(0, 2)).toEqual(['deactivate', 'create']);
  });

  it('keeps at least one active contact official', async () => {
    const head = await t.login('ekb.head');
    const [only] = (await head.get('/api/contacts?active=true')).json().items;
    const res = await head.patch(`/api/contacts/${only.id}`, { active: false });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('last_contact_official');
  });

  it('only the administration itself or the ЦУР administrator edits; another municipality gets 404', async () => {
    const [bel] = (await (await t.login('beloyarsky.head')).get('/api/contacts')).json().items;
    expect((await (await t.login('beloyarsky.executor')).patch(`/api/contacts/${bel.id}`, { phone: '+7 000 000-00-00' })).statusCode).toBe(403);
    expect((await (await t.login('ekb.contact')).patch(`/api/contacts/${bel.id}`, { phone: '+7 000 000-00-00' })).statusCode).toBe(404);
    expect((await (await t.login('cur.admin')).patch(`/api/contacts/${bel.id}`, { phone: '+7 (34377) 2-22-22' })).statusCode).toBe(200);
  });

  it('keeps the surname, name and patronymic apart (§9); the full name is their joined, read-only form', async () => {
    const head = await t.login('beloyarsky.head');
    const [existing] = (await head.get(`/api/contacts?q=${encodeURIComponent('Иванова')}`)).json().items;
    expect(existing).toMatchObject({ surname: 'Иванова', name: 'Мария', patronymic: 'Сергеевна', fullName: 'Иванова Мария Сергеевна' });
    const renamed = await head.patch(`/api/contacts/${existing.id}`, { surname: 'Петрова' });
    expect(renamed.json()).toMatchObject({ surname: 'Петрова', name: 'Мария', patronymic: 'Сергеевна', fullName: 'Петрова Мария Сергеевна' });
    expect((await head.patch(`/api/contacts/${existing.id}`, { patronymic: null })).json().fullName).toBe('Петрова Мария');
    expect((await head.patch(`/api/contacts/${existing.id}`, { fullName: 'Кто-то Другой' })).statusCode).toBe(400);
    const missing = await head.post('/api/contacts', { surname: 'Орлова', position: 'Специалист', email: 'orlova@beloyarsky.example', phone: '+7 343 111-11-11' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.map((d: { field: string }) => d.field)).toContain('name');
  });
});
