import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';
import { remind } from './service';

const clock = new ManualClock(new Date('2026-11-02T05:00:00Z'));
let t: TestApp;
beforeAll(async () => { t = await buildTestApp({ clock }); });
afterAll(async () => { await t.close(); });

describe('requests of ЦУР (§10.4–10.5)', () => {
  it('goes out to three municipalities and comes back answered by one, overdue for the others', async () => {
    const cur = await t.login('cur.analyst');
    const res = await cur.post('/api/requests', {
      subject: 'Сведения о подготовке к отопительному сезону', text: 'Просим представить сведения о готовности котельных.',
      municipalities: ['beloyarsky', 'ekaterinburg', 'asbest'], dueAt: '2026-11-05T13:00:00Z',
    });
    expect(res.statusCode).toBe(201);
    const { id, number } = res.json();
    expect(number).toMatch(/^ЗИ-2026-\d{4}$/);
    expect(res.json().addressees.map((a: { municipality: string; status: string }) => [a.municipality, a.status])).toEqual([
      ['asbest', 'sent'], ['beloyarsky', 'sent'], ['ekaterinburg', 'sent'],
    ]);

    const bel = await t.login('beloyarsky.contact');
    const seen = (await bel.get(`/api/requests/${id}`)).json();
    expect(seen.addressees).toHaveLength(1);
    expect(seen.addressees[0]).toMatchObject({ municipality: 'beloyarsky', status: 'read' });
    expect((await bel.get('/api/requests')).json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    const answered = await bel.post(`/api/requests/${id}/answer`, { text: 'Все 12 котельных готовы, паспорта готовности получены 30.10.' });
    expect(answered.json().addressees[0]).toMatchObject({ status: 'answered', answerText: expect.stringContaining('12 котельных') });
    expect((await bel.post(`/api/requests/${id}/answer`, { text: 'ещё раз' })).statusCode).toBe(409);
    // An empty answer is bad input whatever the request's state: the same 400 as before answering.
    const blank = await bel.post(`/api/requests/${id}/answer`, { text: '   ' });
    expect([blank.statusCode, blank.json().code, blank.json().details?.[0]?.field]).toEqual([400, 'validation_failed', 'text']);

    // Another municipality does not see Белоярский's answer, and a municipality not addressed sees nothing.
    const ekb = (await (await t.login('ekb.contact')).get(`/api/requests/${id}`)).json();
    expect(JSON.stringify(ekb)).not.toContain('12 котельных');
    expect((await (await t.login('cur.admin')).get('/api/requests')).statusCode).toBe(200);
    const admin = await t.login('cur.admin');
    const orgs = (await admin.get('/api/organizations?kind=municipality')).json().items;
    const pervouralsk = orgs.find((o: { slug: string }) => o.slug === 'pervouralsk');
    await admin.post('/api/users', { login: 'pervouralsk.contact', fullName: 'Контакт Первоуральска', role: 'contact_official', organizationId: pervouralsk.id, password: 'Passw0rd1' });
    const outsider = await t.login('pervouralsk.contact', 'Passw0rd1');
    expect((await outsider.get(`/api/requests/${id}`)).statusCode).toBe(404);
    expect((await outsider.get('/api/requests')).json().items).toEqual([]);

    clock.set('2026-11-05T14:00:00Z');
    await t.app.services.jobs.runOnce('request-reminders');
    const side = (await (await t.login('cur.analyst')).get(`/api/requests/${id}`)).json();
    expect(side.addressees.map((a: { municipality: string; status: string }) => [a.municipality, a.status])).toEqual([
      ['asbest', 'overdue'], ['beloyarsky', 'answered'], ['ekaterinburg', 'overdue'],
    ]);
    const reminders = (await (await t.login('ekb.contact')).get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind);
    expect(reminders).toContain('request.overdue');
    expect(await remind(t.database.db, new Date('2026-11-05T14:00:00Z'))).toEqual({ notified: 0 });
  });

  it('only ЦУР sends requests, with a future deadline and known municipalities', async () => {
    clock.set('2026-11-06T05:00:00Z');
    const bel = await t.login('beloyarsky.head');
    expect((await bel.post('/api/requests', { subject: 'Тест', text: 'x', municipalities: ['ekaterinburg'], dueAt: '2026-12-01T00:00:00Z' })).statusCode).toBe(403);
    const cur = await t.login('cur.analyst');
    const past = await cur.post('/api/requests', { subject: 'Тест', text: 'x', municipalities: ['ekaterinburg'], dueAt: '2026-11-01T00:00:00Z' });
    expect(past.json().details[0].field).toBe('dueAt');
    const unknown = await cur.post('/api/requests', { subject: 'Тест', text: 'x', municipalities: ['atlantis'], dueAt: '2026-12-01T00:00:00Z' });
    expect(unknown.json().details[0]).toMatchObject({ field: 'municipalities', message: expect.stringContaining('atlantis') });
  });

  it('checks a request sent without a body or a content type like any other', async () => {
    const cur = await t.login('cur.analyst');
    const empty = await cur.request({ method: 'POST', url: '/api/requests' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['subject', 'text', 'municipalities', 'dueAt']));
    const text = await cur.request({ method: 'POST', url: '/api/requests', payload: 'Тема запроса', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(400);
  });
});
