import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';

let t: TestApp;
let admin: Session;
beforeAll(async () => { t = await buildTestApp(); admin = await t.login('cur.admin'); });
afterAll(async () => { await t.close(); });

const newMunicipality = { name: 'Городской округ Верхняя Пышма', shortName: 'Верхняя Пышма', slug: 'verkhnyaya-pyshma', oktmo: '65732000', numberPrefix: 'ВПШ' };

describe('organisations', () => {
  it('ЦУР sees the centre and every municipality; a municipality sees only itself', async () => {
    const all = (await admin.get('/api/organizations')).json().items;
    expect(all[0].kind).toBe('regional_center');
    expect(all.filter((o: { kind: string }) => o.kind === 'municipality').length).toBeGreaterThanOrEqual(6);
    expect(all.map((o: { slug: string }) => o.slug)).toEqual(expect.arrayContaining(['beloyarsky', 'ekaterinburg']));
    const own = (await (await t.login('beloyarsky.head')).get('/api/organizations')).json().items;
    expect(own.map((o: { slug: string }) => o.slug)).toEqual(['beloyarsky']);
  });

  it('the administrator adds a municipality, audited', async () => {
    const res = await admin.post('/api/organizations', newMunicipality);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ...newMunicipality, kind: 'municipality', timeZone: 'Asia/Yekaterinburg', active: true });
    const audit = (await admin.get(`/api/audit?entityType=organization&entityId=${res.json().id}`)).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'organization.create', actorLogin: 'cur.admin', after: { slug: 'verkhnyaya-pyshma' } });
    expect(audit[0].requestId).toBeTruthy();
  });

  it('refuses a taken slug or OKTMO with 409 and writes nothing', async () => {
    const before = (await admin.get('/api/organizations')).json().items.length;
    const slug = await admin.post('/api/organizations', { ...newMunicipality, oktmo: '65799000' });
    expect(slug.statusCode).toBe(409);
    expect(slug.json().code).toBe('slug_taken');
    const oktmo = await admin.post('/api/organizations', { ...newMunicipality, slug: 'other-slug' });
    expect(oktmo.statusCode).toBe(409);
    expect(oktmo.json().code).toBe('oktmo_taken');
    expect((await admin.get('/api/organizations')).json().items.length).toBe(before);
  });

  it('the administrator sets and clears the population; it must be a positive whole number', async () => {
    const own = (await admin.get('/api/organizations')).json().items.find((o: { slug: string }) => o.slug === 'asbest');
    expect(own.population).toBe(63000);
    const set = await admin.patch(`/api/organizations/${own.id}`, { population: 61234 });
    expect(set.statusCode).toBe(200);
    expect(set.json().population).toBe(61234);
    expect((await admin.patch(`/api/organizations/${own.id}`, { population: -5 })).statusCode).toBe(400);
    expect((await admin.patch(`/api/organizations/${own.id}`, { population: 12.5 })).statusCode).toBe(400);
    expect((await admin.patch(`/api/organizations/${own.id}`, { population: null })).json().population).toBeNull();
  });

  it('validates fields with Russian messages', async () => {
    const res = await admin.post('/api/organizations', { name: 'Ок', slug: 'Bad Slug', oktmo: '12', numberPrefix: 'x', timeZone: 'Mars/Olympus' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'slug', 'oktmo', 'numberPrefix']));
    const tz = await admin.post('/api/organizations', { ...newMunicipality, slug: 'tz-test', oktmo: '65798000', timeZone: 'Mars/Olympus' });
    expect(tz.statusCode).toBe(400);
    expect(tz.json().details[0]).toMatchObject({ field: 'timeZone' });
  });

  it('each organisation says what the reader may do with it: the centre is never switched off, a municipality is, by the administrator only', async () => {
    const all = (await admin.get('/api/organizations')).json().items as Array<{ kind: string; slug: string; active: boolean; can: Record<string, boolean> }>;
    expect(all.find((o) => o.kind === 'regional_center')!.can).toEqual({ edit: true, deactivate: false, activate: false, mailbox: false });
    expect(all.find((o) => o.slug === 'beloyarsky')!.can).toEqual({ edit: true, deactivate: true, activate: false, mailbox: true });
    const analyst = (await (await t.login('cur.analyst')).get('/api/organizations')).json().items as typeof all;
    expect(analyst.every((o) => Object.values(o.can).every((allowed) => !allowed))).toBe(true);
  });

  it('only the ЦУР administrator manages organisations', async () => {
    const analyst = await t.login('cur.analyst');
    expect((await analyst.post('/api/organizations', { ...newMunicipality, slug: 'x-y', oktmo: '65797000' })).statusCode).toBe(403);
    const own = (await admin.get('/api/organizations')).json().items.find((o: { slug: string }) => o.slug === 'beloyarsky');
    const head = await t.login('beloyarsky.head');
    expect((await head.patch(`/api/organizations/${own.id}`, { name: 'Новое имя округа' })).statusCode).toBe(403);
  });

  it('deactivates a municipality, whose users can no longer log in; the centre cannot be deactivated', async () => {
    const orgs = (await admin.get('/api/organizations')).json().items;
    const asbest = orgs.find((o: { slug: string }) => o.slug === 'asbest');
    const center = orgs.find((o: { kind: string }) => o.kind === 'regional_center');
    const created = await admin.post('/api/users', { login: 'asbest.head', fullName: 'Глава Асбеста', role: 'head', organizationId: asbest.id, password: 'Passw0rd!' });
    expect(created.statusCode).toBe(201);
    const res = await admin.patch(`/api/organizations/${asbest.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'asbest.head', password: 'Passw0rd!' } })).statusCode).toBe(403);
    const centre = await admin.patch(`/api/organizations/${center.id}`, { active: false });
    expect(centre.statusCode).toBe(422);
    expect(centre.json().code).toBe('cannot_deactivate_regional_center');
  });
});
