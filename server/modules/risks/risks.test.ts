import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { createMailTransport, deliverPendingMail } from '../../platform/mail';
import { escalateRiskClocks } from './escalation';

// 23:30 in Yekaterinburg on 26 November 2026.
const clock = new ManualClock(new Date('2026-11-26T18:30:00Z'));
let t: TestApp;
const as = async (login: string) => t.login(login);
const at = (iso: string) => clock.set(iso);

const publication = {
  municipality: 'beloyarsky', platform: 'vk', link: 'https://vk.com/wall-1_2', sourceName: 'Подслушано Белоярский',
  publishedAt: '2026-11-26T17:50:00Z', text: 'В посёлке отключат воду на две недели, администрация молчит!',
  reach: { views: 12400, comments: 85, reposts: 40 }, kind: 'misinformation', level: 'high',
};

beforeAll(async () => { t = await buildTestApp({ clock }); });
afterAll(async () => { await t.close(); });

describe('the §7 workflow', () => {
  let id: string;
  let number: string;

  it('ЦУР registers a risk at 23:30: the contact official is notified at once, by the app and by e-mail; both clocks run to 02:30', async () => {
    const cur = await as('cur.analyst');
    const res = await cur.post('/api/risks', publication);
    expect(res.statusCode).toBe(201);
    const risk = res.json();
    ({ id, number } = risk);
    expect(number).toMatch(/^ИР-2026-\d{5}$/);
    expect(risk).toMatchObject({ status: 'detected', municipality: 'beloyarsky', level: 'high', reach: { views: 12400 } });
    // §10.3: the administration's clock starts when the signal is delivered, not when somebody opens it.
    expect(risk.deadlines).toEqual({ curProposal: '2026-11-26T21:30:00.000Z', draft: '2026-11-26T21:30:00.000Z' });
    expect(risk.steps).toMatchObject({ signalReceivedAt: '2026-11-26T18:30:00.000Z', acknowledgedAt: null });
    expect(risk.clocks.curProposal.state).toBe('running');
    expect(risk.clocks.draft.state).toBe('running');
    const contact = await as('beloyarsky.contact');
    const notes = (await contact.get('/api/notifications')).json().items;
    expect(notes.some((n: { kind: string; entityId: string }) => n.kind === 'risk.detected' && n.entityId === id)).toBe(true);
    const mail = await t.database.db.execute(sql`select "to", subject from mail_outbox`);
    const rows = ((mail as { rows?: unknown[] }).rows ?? mail) as { to: string; subject: string }[];
    expect(rows).toEqual([{ to: 'beloyarsky.contact@demo.otklik.local', subject: `Сигнал ЦУР: информационный риск ${number}` }]);
    expect((await contact.get(`/api/risks?open=true`)).json().items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('the signal e-mail is really delivered to the contact official through SMTP', async () => {
    const received: { to: string[]; subject: string; text: string }[] = [];
    const smtp = new SMTPServer({
      logger: false, authOptional: true, disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        simpleParser(stream).then((mail) => { received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', text: mail.text ?? '' }); callback(); }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    try {
      const port = (smtp.server.address() as AddressInfo).port;
      const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Отклик <noreply@otklik.local>' })!;
      const counts = await deliverPendingMail(t.database.db, transport, clock.now());
      expect(counts.sent).toBe(1);
      expect(received).toHaveLength(1);
      expect(received[0].to).toEqual(['beloyarsky.contact@demo.otklik.local']);
      expect(received[0].subject).toBe(`Сигнал ЦУР: информационный риск ${number}`);
      expect(received[0].text).toContain('в течение 3 часов');
      expect(received[0].text).toContain(publication.text);
    } finally {
      await new Promise<void>((resolve) => smtp.close(resolve));
    }
  });

  it('the contact official reads the signal at 23:50: the reading is recorded, the clock still runs from the delivery to 02:30', async () => {
    at('2026-11-26T18:50:00Z');
    const contact = await as('beloyarsky.contact');
    const res = await contact.post(`/api/risks/${id}/actions/acknowledge`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'acknowledged', steps: { signalReceivedAt: '2026-11-26T18:30:00.000Z', acknowledgedAt: '2026-11-26T18:50:00.000Z' },
      deadlines: { draft: '2026-11-26T21:30:00.000Z' },
    });
  });

  it('ЦУР proposes, the administration drafts, ЦУР remarks, a second draft; every version kept', async () => {
    at('2026-11-26T19:10:00Z');
    const cur = await as('cur.analyst');
    expect((await cur.post(`/api/risks/${id}/actions/propose`, {})).statusCode).toBe(400);
    expect((await cur.post(`/api/risks/${id}/actions/propose`, { text: 'Предлагаем разъяснить: плановое отключение на 6 часов 28 ноября, график на сайте.' })).json().clocks.curProposal.state).toBe('met');
    at('2026-11-26T20:00:00Z');
    const contact = await as('beloyarsky.contact');
    expect((await contact.post(`/api/risks/${id}/actions/publish`, { place: 'x' })).statusCode).toBe(409);
    expect((await contact.post(`/api/risks/${id}/actions/submit_draft`, { text: 'Отключения воды на две недели не планируется.' })).json().status).toBe('review');
    expect((await contact.post(`/api/risks/${id}/actions/approve`, {})).statusCode).toBe(403);
    at('2026-11-26T20:20:00Z');
    const curAgain = await as('cur.analyst');
    expect((await curAgain.post(`/api/risks/${id}/actions/remark`, { text: 'Укажите дату и время планового отключения' })).json().status).toBe('revision');
    at('2026-11-26T20:40:00Z');
    const second = await (await as('beloyarsky.contact')).post(`/api/risks/${id}/actions/submit_draft`, {
      text: 'Отключения воды на две недели не планируется. 28 ноября с 9:00 до 15:00 — плановые работы на водоводе по ул. Ленина; график размещён на сайте администрации.',
    });
    const risk = second.json();
    expect(risk.status).toBe('review');
    expect(risk.clocks.draft.state).toBe('met');
    expect(risk.versions.map((v: { version: number; kind: string; side: string }) => [v.version, v.kind, v.side])).toEqual([
      [1, 'proposal', 'cur'], [2, 'draft', 'municipality'], [3, 'remark', 'cur'], [4, 'draft', 'municipality'],
    ]);
  });

  it('is approved by the head and ЦУР, published, shown to the public only then, and closed as refuted', async () => {
    const refutations = () => t.app.inject({ method: 'GET', url: '/api/public/refutations?municipality=beloyarsky' });
    expect((await refutations()).json().items).toEqual([]);
    at('2026-11-26T21:00:00Z');
    const head = await as('beloyarsky.head');
    expect((await head.post(`/api/risks/${id}/actions/approve`, {})).json().status).toBe('review');
    expect((await head.post(`/api/risks/${id}/actions/approve`, {})).json().code).toBe('already_approved');
    const cur = await as('cur.analyst');
    expect((await cur.post(`/api/risks/${id}/actions/approve`, {})).json().status).toBe('approved');
    expect((await cur.post(`/api/risks/${id}/actions/close`, { outcome: 'refuted' })).json().code).toBe('outcome_needs_publication');
    at('2026-11-26T21:20:00Z');
    const contact = await as('beloyarsky.contact');
    const published = await contact.post(`/api/risks/${id}/actions/publish`, { place: 'Официальная группа администрации ВКонтакте', link: 'https://vk.com/wall-2_10' });
    expect(published.json()).toMatchObject({ status: 'published', publication: { place: 'Официальная группа администрации ВКонтакте', text: expect.stringContaining('28 ноября с 9:00 до 15:00') } });
    const list = (await refutations()).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ number, claim: publication.text, claimLink: publication.link, link: 'https://vk.com/wall-2_10' });
    expect(JSON.stringify(list)).not.toContain('Укажите дату');
    const atom = await t.app.inject({ method: 'GET', url: '/api/public/refutations.atom?municipality=beloyarsky' });
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain(`Официальный комментарий ${number}`);
    expect(atom.body).toContain('28 ноября с 9:00 до 15:00');
    expect((await cur.post(`/api/risks/${id}/actions/close`, { outcome: 'refuted' })).json()).toMatchObject({ status: 'closed', outcome: 'refuted' });
  });

  it('exports the official comment on the letterhead as DOCX and PDF', async () => {
    const head = await as('beloyarsky.head');
    const pdf = await head.get(`/api/risks/${id}/comment.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await head.get(`/api/risks/${id}/comment.docx`);
    expect(docx.statusCode).toBe(200);
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Официальный комментарий');
    expect(xml).toContain('28 ноября с 9:00 до 15:00');
    expect(xml).toContain('Соколов Дмитрий Александрович');
  });

  it('statistics count the risk and the time of each step', async () => {
    const cur = await as('cur.analyst');
    const stats = (await cur.get('/api/risks/statistics?from=2026-11-01&to=2026-11-30')).json();
    const row = stats.rows.find((r: { municipality: string }) => r.municipality === 'beloyarsky');
    expect(row).toMatchObject({ total: 1, byKind: { misinformation: 1 }, byLevel: { high: 1 }, onTime: { curProposal: 1, draft: 1 } });
    expect(row.medianMinutes).toEqual({ acknowledge: 20, curProposal: 40, draft: 90, publication: 170 });
  });
});

describe('escalation of the clocks', () => {
  it('warns 60 minutes before and when each clock has run out, once each, though nobody opened the signal', async () => {
    at('2026-11-27T05:00:00Z');
    const cur = await as('cur.analyst');
    const { id, number } = (await cur.post('/api/risks', { ...publication, municipality: 'ekaterinburg', publishedAt: undefined })).json();
    const letters = async () => {
      const res = await t.database.db.execute(sql`select "to", subject from mail_outbox where subject like ${`%${number}`} and subject not like 'Сигнал%' order by subject, "to"`);
      return (((res as { rows?: unknown[] }).rows ?? res) as { to: string; subject: string }[]).map((m) => `${m.subject} → ${m.to}`);
    };
    const kinds = async () => ((await (await as('ekb.contact')).get('/api/notifications?limit=200')).json().items as { kind: string; entityId: string }[])
      .filter((n) => n.entityId === id).map((n) => n.kind).sort();
    at('2026-11-27T06:30:00Z');
    await t.app.services.jobs.runOnce('risk-clocks');
    expect(await kinds()).toEqual(['risk.detected']);
    at('2026-11-27T07:05:00Z');
    await t.app.services.jobs.runOnce('risk-clocks');
    await t.app.services.jobs.runOnce('risk-clocks');
    expect(await kinds()).toEqual(['risk.clock.due_soon', 'risk.clock.due_soon', 'risk.detected']);
    const titles = ((await (await as('ekb.contact')).get('/api/notifications?limit=200')).json().items as { title: string; entityId: string }[])
      .filter((n) => n.entityId === id).map((n) => n.title).join('\n');
    expect(titles).toContain('срока проекта комментария');
    // By e-mail too, once per clock and stage: the contact official, the head and the ЦУР curator.
    const soon = await letters();
    expect(soon).toHaveLength(6);
    expect(soon.filter((l) => l.endsWith('→ cur.analyst@demo.otklik.local'))).toHaveLength(2);
    expect(soon.some((l) => l.startsWith(`Срок истекает: информационный риск ${number} → ekb.contact@`))).toBe(true);
    expect(soon.some((l) => l.startsWith(`Срок истекает: информационный риск ${number} → ekb.head@`))).toBe(true);
    expect(await escalateRiskClocks(t.database.db, new Date('2026-11-27T07:05:00Z'))).toEqual({ notified: 0 });
    at('2026-11-27T08:01:00Z');
    await t.app.services.jobs.runOnce('risk-clocks');
    expect(await kinds()).toEqual(['risk.clock.due_soon', 'risk.clock.due_soon', 'risk.clock.overdue', 'risk.clock.overdue', 'risk.detected']);
    expect((await letters()).filter((l) => l.startsWith('Истёк срок'))).toHaveLength(6);
    // A second pass over the same state notifies nobody again.
    expect(await escalateRiskClocks(t.database.db, new Date('2026-11-27T08:01:00Z'))).toEqual({ notified: 0 });
    const board = (await (await as('cur.analyst')).get('/api/risks?open=true&sort=urgency&overdue=true')).json().items;
    expect(board.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('a municipality registers a risk itself: the signal is received at once and ЦУР hears of it', async () => {
    at('2026-11-27T09:00:00Z');
    const contact = await as('beloyarsky.contact');
    const res = await contact.post('/api/risks', { ...publication, municipality: undefined });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'acknowledged', registeredBySide: 'municipality', deadlines: { draft: '2026-11-27T12:00:00.000Z' } });
    const notes = (await (await as('cur.analyst')).get('/api/notifications')).json().items;
    expect(notes.some((n: { entityId: string }) => n.entityId === res.json().id)).toBe(true);
    expect((await (await as('beloyarsky.executor')).post('/api/risks', publication)).statusCode).toBe(403);
  });

  it('validates input with Russian messages', async () => {
    const cur = await as('cur.analyst');
    const res = await cur.post('/api/risks', { platform: 'myspace', text: '', kind: 'x', level: 'y' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['platform', 'text', 'kind', 'level']));
    expect((await cur.post('/api/risks', { ...publication, municipality: undefined })).json().details[0].field).toBe('municipality');
  });
});

describe('empty optional fields', () => {
  it('a risk or an appeal with an empty topic is registered without one', async () => {
    const cur = await t.login('cur.analyst');
    const risk = await cur.post('/api/risks', { ...publication, topic: null, link: null, sourceName: '' });
    expect(risk.statusCode).toBe(201);
    expect(risk.json()).toMatchObject({ topic: null, link: null, sourceName: null });
    const appeal = await (await t.login('beloyarsky.contact')).post('/api/appeals', { channel: 'fz59', text: 'Без темы', topic: '' });
    expect(appeal.statusCode).toBe(201);
    expect(appeal.json().topic).toBeNull();
  });
});
