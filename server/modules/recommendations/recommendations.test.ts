import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';
import { remind } from './service';

const clock = new ManualClock(new Date('2026-11-02T05:00:00Z'));
let t: TestApp;
beforeAll(async () => { t = await buildTestApp({ clock }); });
afterAll(async () => { await t.close(); });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
function form(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = 'recboundary';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`), file.content, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const statuses = (r: { addressees: { municipality: string; status: string }[] }) => r.addressees.map((a) => [a.municipality, a.status]);

describe('recommendations of ЦУР (§4.3, §4.5, §6.1)', () => {
  it('goes to three municipalities, is acknowledged, reported, returned, reported again and accepted', async () => {
    let cur = await t.login('cur.analyst');
    const res = await cur.request({ method: 'POST', url: '/api/recommendations', ...form({
      subject: 'О порядке подготовки ответов на обращения', text: 'Рекомендуем указывать в ответе сроки и ответственных.',
      municipalities: 'beloyarsky,ekaterinburg,asbest', dueAt: '2026-11-20T13:00:00Z',
    }, { name: 'Методические рекомендации.pdf', content: PDF }) });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.number).toMatch(/^РМ-2026-\d{4}$/);
    expect(created.files.map((f: { filename: string }) => f.filename)).toEqual(['Методические рекомендации.pdf']);
    expect(statuses(created)).toEqual([['asbest', 'sent'], ['beloyarsky', 'sent'], ['ekaterinburg', 'sent']]);
    const id = created.id;

    // The contact officials hear of it in the app and by e-mail through the outbox.
    let bel = await t.login('beloyarsky.contact');
    expect((await bel.get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind)).toContain('recommendation.received');

    // A municipality sees its own part only; a report before acknowledging is refused.
    const seen = (await bel.get(`/api/recommendations/${id}`)).json();
    expect(statuses(seen)).toEqual([['beloyarsky', 'sent']]);
    expect(seen.addressees[0].can).toEqual({ acknowledge: true, report: false, accept: false, return: false });
    expect((await bel.post(`/api/recommendations/${id}/report`, { text: 'Сделано' })).statusCode).toBe(409);
    const acknowledged = (await bel.post(`/api/recommendations/${id}/acknowledge`)).json();
    expect(acknowledged.addressees[0]).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Иванова Мария Сергеевна', acknowledgedAt: '2026-11-02T05:00:00.000Z' });
    expect((await bel.post(`/api/recommendations/${id}/acknowledge`)).json().code).toBe('step_not_allowed');

    // ЦУР sees who has not acknowledged.
    const pending = (await cur.get('/api/recommendations/unacknowledged')).json().items.filter((i: { recommendationId: string }) => i.recommendationId === id);
    expect(pending.map((i: { municipality: string }) => i.municipality)).toEqual(['asbest', 'ekaterinburg']);

    clock.set('2026-11-10T05:00:00Z');
    [cur, bel] = [await t.login('cur.analyst'), await t.login('beloyarsky.contact')];
    const blank = await bel.post(`/api/recommendations/${id}/report`, { text: '  ' });
    expect([blank.statusCode, blank.json().details?.[0]?.field]).toEqual([400, 'text']);
    const reported = await bel.request({ method: 'POST', url: `/api/recommendations/${id}/report`, ...form({ text: 'Шаблоны ответов дополнены сроками.' }, { name: 'Приказ.pdf', content: PDF }) });
    expect(reported.json().addressees[0]).toMatchObject({ status: 'reported', reportedBy: 'Иванова Мария Сергеевна', files: [{ filename: 'Приказ.pdf' }] });
    const reportFile = reported.json().addressees[0].files[0].id;

    // Another addressee sees neither Белоярский's report nor its file; one not addressed sees nothing.
    let ekb = await t.login('ekb.contact');
    expect(JSON.stringify((await ekb.get(`/api/recommendations/${id}`)).json())).not.toContain('Шаблоны ответов');
    expect((await ekb.get(`/api/recommendations/${id}/files/${reportFile}`)).statusCode).toBe(404);
    expect((await cur.get(`/api/recommendations/${id}/files/${reportFile}`)).statusCode).toBe(200);
    expect((await ekb.post(`/api/recommendations/${id}/addressees/beloyarsky/accept`, {})).statusCode).toBe(403);

    const noRemarks = await cur.post(`/api/recommendations/${id}/addressees/beloyarsky/return`, {});
    expect([noRemarks.statusCode, noRemarks.json().details?.[0]?.field]).toEqual([400, 'remarks']);
    const returned = (await cur.post(`/api/recommendations/${id}/addressees/beloyarsky/return`, { remarks: 'Приложите утверждённые шаблоны' })).json();
    expect(returned.addressees.find((a: { municipality: string }) => a.municipality === 'beloyarsky')).toMatchObject({ status: 'returned', remarks: 'Приложите утверждённые шаблоны' });
    expect((await bel.get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind)).toContain('recommendation.returned');
    await bel.post(`/api/recommendations/${id}/report`, { text: 'Шаблоны утверждены приказом от 09.11.2026 № 15.' });
    const accepted = (await cur.post(`/api/recommendations/${id}/addressees/beloyarsky/accept`, {})).json();
    expect(statuses(accepted)).toEqual([['asbest', 'sent'], ['beloyarsky', 'accepted'], ['ekaterinburg', 'sent']]);
    expect((await cur.post(`/api/recommendations/${id}/addressees/pervouralsk/accept`, {})).statusCode).toBe(404);

    // Reminders: three days before the due date, once, to the addressees still owing a report.
    clock.set('2026-11-18T05:00:00Z');
    [bel, ekb] = [await t.login('beloyarsky.contact'), await t.login('ekb.contact')];
    await t.app.services.jobs.runOnce('recommendation-reminders');
    const ekbKinds = (await ekb.get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind);
    expect(ekbKinds.filter((k: string) => k === 'recommendation.due_soon')).toHaveLength(1);
    expect((await bel.get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind)).not.toContain('recommendation.due_soon');
    expect(await remind(t.database.db, new Date('2026-11-19T05:00:00Z'))).toEqual({ notified: 0 });

    clock.set('2026-11-21T05:00:00Z');
    cur = await t.login('cur.analyst');
    const late = (await cur.get('/api/recommendations')).json().items.find((i: { id: string }) => i.id === id);
    expect(late.addressees.map((a: { municipality: string; overdue: boolean }) => [a.municipality, a.overdue])).toEqual([['asbest', true], ['beloyarsky', false], ['ekaterinburg', true]]);
    const audit = (await (await t.login('cur.admin')).get(`/api/audit?entityType=recommendation&entityId=${id}`)).json();
    expect(JSON.stringify(audit)).toContain('recommendation.accept');
  });

  it('only ЦУР sends them, to known municipalities, with a future due date or none', async () => {
    clock.set('2026-11-25T05:00:00Z');
    const head = await t.login('beloyarsky.head');
    expect((await head.post('/api/recommendations', { subject: 'Тест', text: 'x', municipalities: ['ekaterinburg'] })).statusCode).toBe(403);
    const cur = await t.login('cur.analyst');
    expect((await cur.post('/api/recommendations', { subject: 'Тест', text: 'x', municipalities: ['ekaterinburg'], dueAt: '2026-11-01T00:00:00Z' })).json().details[0].field).toBe('dueAt');
    expect((await cur.post('/api/recommendations', { subject: 'Тест', text: 'x', municipalities: ['atlantis'] })).json().details[0]).toMatchObject({ field: 'municipalities', message: expect.stringContaining('atlantis') });
    const open = await cur.post('/api/recommendations', { subject: 'Без срока', text: 'Рекомендация без срока исполнения', municipalities: ['asbest'] });
    expect([open.statusCode, open.json().dueAt]).toEqual([201, null]);
    const empty = await cur.request({ method: 'POST', url: '/api/recommendations' });
    expect(empty.json().details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['subject', 'text', 'municipalities']));
  });
});
