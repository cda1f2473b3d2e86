// Webhooks against a real HTTP receiver on loopback: signed deliveries, retries after a failure, no
// delivery twice, tenant scoping of subscriptions and of the events they get, secrets never read back.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';
import { WEBHOOK_JOB } from '../../platform/webhooks';
import { allowInternalAddresses } from '../../platform/outbound';
import { WEBHOOK_MAX_ATTEMPTS } from '../../../domain/webhooks/events';

interface Received { headers: http.IncomingHttpHeaders; body: string; path: string }

/** A receiver that records every request and answers with the next status of its path's script (200 when empty). */
class Receiver {
  received: Received[] = [];
  script: Record<string, number[]> = {};
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '' });
      res.statusCode = this.script[req.url ?? '']?.shift() ?? 200;
      res.end('ok');
    });
  });
  url = '';
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  stop() { return new Promise<void>((resolve) => this.server.close(() => resolve())); }
  of(type: string) { return this.received.filter((r) => r.headers['x-otklik-event'] === type); }
}

const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
const SECRET = 'integrator-secret-0123456789';
let t: TestApp;
let admin: Session;
let head: Session;
let contact: Session;
const receiver = new Receiver();
const deliver = () => t.app.services.jobs.runOnce(WEBHOOK_JOB);

const letter = (text = 'Прошу отремонтировать дорогу по ул. Ленина у дома 5, там глубокие ямы.') => ({ channel: 'fz59', subChannel: 'letter', author: { surname: 'Иванов', name: 'Пётр', email: 'ivanov@example.ru' }, text });

/** Sessions expire as the test clock moves on: each test signs in afresh. */
async function signIn() {
  admin = await t.login('cur.admin');
  head = await t.login('beloyarsky.head');
  contact = await t.login('beloyarsky.contact');
}

beforeAll(async () => {
  await receiver.start();
  t = await buildTestApp({ clock });
});
afterAll(async () => { await t.close(); await receiver.stop(); });
beforeEach(async () => { receiver.received = []; receiver.script = {}; await signIn(); });

function verify(r: Received, secret = SECRET) {
  const expected = `sha256=${createHmac('sha256', secret).update(r.body).digest('hex')}`;
  expect(r.headers['x-otklik-signature']).toBe(expected);
}

describe('subscriptions', () => {
  let regionId: string;

  it('the ЦУР administrator subscribes the whole region; the secret is shown once and never read back, nor audited', async () => {
    const res = await admin.post('/api/webhooks', { name: 'Региональная шина', url: `${receiver.url}/region`, secret: SECRET, events: ['appeal.created', 'appeal.status_changed', 'appeal.answered', 'risk.registered', 'risk.published', 'report.submitted'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ secret: SECRET, subscription: { name: 'Региональная шина', municipality: null, active: true, can: { edit: true } } });
    regionId = res.json().subscription.id;
    const read = await admin.get(`/api/webhooks/${regionId}`);
    expect(read.body).not.toContain(SECRET);
    expect((await admin.get('/api/webhooks')).body).not.toContain(SECRET);
    const audit = await admin.get(`/api/audit?entityType=webhook&entityId=${regionId}`);
    expect(audit.json().items[0]).toMatchObject({ action: 'webhook.create', after: { url: `${receiver.url}/region` } });
    expect(audit.body).not.toContain(SECRET);
  });

  it('generates a secret when none is given and refuses bad input with Russian messages', async () => {
    const res = await admin.post('/api/webhooks', { name: 'Без ключа', url: `${receiver.url}/generated`, events: ['risk.registered'], municipality: 'asbest' });
    expect(res.statusCode).toBe(201);
    expect(res.json().secret.length).toBeGreaterThanOrEqual(24);
    expect(res.json().subscription.municipality).toMatchObject({ slug: 'asbest' });
    const bad = await admin.post('/api/webhooks', { name: 'x', url: 'javascript:alert(1)', secret: 'short', events: ['appeal.deleted'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['name', 'url', 'secret']));
    expect((await admin.post('/api/webhooks', { name: 'Нет событий', url: `${receiver.url}/x`, events: [] })).statusCode).toBe(400);
    const unknown = await admin.post('/api/webhooks', { name: 'Чужой', url: `${receiver.url}/x`, events: ['risk.registered'], municipality: 'atlantis' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0]).toMatchObject({ field: 'municipality', message: expect.stringMatching(/не найдено/) });
  });

  it('the head subscribes only its own municipality and sees neither the region-wide nor another municipality’s subscriptions', async () => {
    const own = await head.post('/api/webhooks', { name: 'Сайт администрации', url: `${receiver.url}/beloyarsky`, secret: 'beloyarsky-secret-000000', events: ['appeal.created', 'report.submitted'] });
    expect(own.statusCode).toBe(201);
    expect(own.json().subscription.municipality).toMatchObject({ slug: 'beloyarsky' });
    expect((await head.post('/api/webhooks', { name: 'Чужой', url: `${receiver.url}/x`, events: ['appeal.created'], municipality: 'ekaterinburg' })).statusCode).toBe(404);
    const list = (await head.get('/api/webhooks')).json();
    expect(list.items.map((s: { name: string }) => s.name)).toEqual(['Сайт администрации']);
    expect(list.can).toEqual({ create: true, regionWide: false });
    expect((await head.get(`/api/webhooks/${regionId}`)).statusCode).toBe(404);
    const ekbHead = await t.login('ekb.head');
    expect((await ekbHead.get(`/api/webhooks/${own.json().subscription.id}`)).statusCode).toBe(404);
    expect((await ekbHead.patch(`/api/webhooks/${own.json().subscription.id}`, { active: false })).statusCode).toBe(404);
    expect((await contact.get('/api/webhooks')).statusCode).toBe(403);
    expect((await contact.post('/api/webhooks', { name: 'Контакт', url: `${receiver.url}/x`, events: ['appeal.created'] })).statusCode).toBe(403);
  });
});

describe('deliveries', () => {
  it('an appeal and its steps reach the receiver signed, with event id and timestamp; tenancy decides who gets what', async () => {
    const created = (await contact.post('/api/appeals', letter())).json();
    await deliver();
    const region = receiver.received.filter((r) => r.path === '/region');
    const own = receiver.received.filter((r) => r.path === '/beloyarsky');
    expect(region).toHaveLength(1);
    expect(own).toHaveLength(1);
    const body = JSON.parse(region[0].body);
    expect(body).toMatchObject({ type: 'appeal.created', municipality: 'beloyarsky', occurredAt: '2026-03-10T09:00:00.000Z', data: { id: created.id, number: created.number, channel: 'fz59', status: 'registered' } });
    expect(region[0].headers).toMatchObject({ 'x-otklik-event': 'appeal.created', 'x-otklik-event-id': body.id, 'x-otklik-timestamp': String(Date.parse('2026-03-10T09:00:00Z') / 1000), 'content-type': 'application/json; charset=utf-8' });
    verify(region[0]);
    verify(own[0], 'beloyarsky-secret-000000');
    // The same event for both subscriptions: one id.
    expect(JSON.parse(own[0].body).id).toBe(body.id);
    // No personal data of the author goes out.
    expect(region[0].body).not.toContain('Иванов');
    expect(region[0].body).not.toContain('ivanov@example.ru');

    // Екатеринбург's appeal goes to the region-wide subscription only.
    receiver.received = [];
    await (await t.login('ekb.contact')).post('/api/appeals', letter('Во дворе дома 3 по ул. Малышева не вывозят мусор уже неделю.'));
    await deliver();
    expect(receiver.received.map((r) => r.path)).toEqual(['/region']);
    expect(JSON.parse(receiver.received[0].body).municipality).toBe('ekaterinburg');
  });

  it('the answer sends a status change for each step and appeal.answered once', async () => {
    const executor = await t.login('beloyarsky.executor');
    const departmentId = (await head.get('/api/departments')).json().items[0].id;
    const a = (await contact.post('/api/appeals', letter('На ул. Мира не горят фонари от дома 1 до дома 9, темно вечером.'))).json();
    const act = (s: Session, action: string, body: unknown = {}) => s.post(`/api/appeals/${a.id}/actions/${action}`, body);
    await act(head, 'assign', { departmentId, executorId: executor.user.id });
    await act(executor, 'take');
    await act(executor, 'submit_answer', { answerText: 'Фонари на ул. Мира заменит МУП «Горсвет» до 20 марта 2026 г., ответственный — Сидоров А. П.', resultCode: 'supported' });
    expect((await act(head, 'approve', { despiteWarning: true })).json().status).toBe('answered');
    await deliver();
    const mine = receiver.received.filter((r) => r.path === '/region' && JSON.parse(r.body).data.id === a.id);
    const changes = mine.filter((r) => r.headers['x-otklik-event'] === 'appeal.status_changed').map((r) => JSON.parse(r.body).data);
    expect(changes.map((c) => [c.action, c.from, c.to])).toEqual([
      ['assign', 'registered', 'assigned'], ['take', 'assigned', 'in_progress'], ['submit_answer', 'in_progress', 'on_approval'], ['approve', 'on_approval', 'answered'],
    ]);
    const answered = mine.filter((r) => r.headers['x-otklik-event'] === 'appeal.answered');
    expect(answered).toHaveLength(1);
    expect(JSON.parse(answered[0].body).data).toMatchObject({ number: a.number, result: 'supported' });
    for (const r of mine) verify(r);
  });

  it('a risk registered and published and a report submitted are delivered', async () => {
    const analyst = await t.login('cur.analyst');
    const risk = (await analyst.post('/api/risks', { municipality: 'beloyarsky', platform: 'telegram', text: 'Слух о закрытии поликлиники в Белоярском', kind: 'misinformation', level: 'medium' })).json();
    await contact.post(`/api/risks/${risk.id}/actions/submit_draft`, { text: 'Поликлиника работает в обычном режиме, закрывать её не планируется; приём ведётся по записи.' });
    await head.post(`/api/risks/${risk.id}/actions/approve`, {});
    await analyst.post(`/api/risks/${risk.id}/actions/approve`, {});
    expect((await contact.post(`/api/risks/${risk.id}/actions/publish`, { place: 'Официальная группа ВКонтакте', link: 'https://vk.com/wall-1_1' })).json().status).toBe('published');
    const report = (await head.post('/api/reports', { year: 2026, quarter: 1 })).json();
    await head.patch(`/api/reports/${report.id}`, { analytics: { mainProblems: 'Дороги', measures: 'Ремонт', proposals: 'Программа' } });
    await head.post(`/api/reports/${report.id}/actions/sign`);
    clock.set('2026-04-03T05:00:00Z');
    await signIn();
    expect((await contact.post(`/api/reports/${report.id}/actions/submit`)).json().status).toBe('submitted');
    await deliver();
    const region = receiver.received.filter((r) => r.path === '/region');
    expect(JSON.parse(region.find((r) => r.headers['x-otklik-event'] === 'risk.registered')!.body).data).toMatchObject({ id: risk.id, number: risk.number, level: 'medium' });
    expect(JSON.parse(region.find((r) => r.headers['x-otklik-event'] === 'risk.published')!.body).data).toMatchObject({ id: risk.id, link: 'https://vk.com/wall-1_1' });
    expect(JSON.parse(region.find((r) => r.headers['x-otklik-event'] === 'report.submitted')!.body).data).toMatchObject({ id: report.id, year: 2026, quarter: 1 });
    // The municipality's subscription asked for reports but not risks.
    expect(receiver.received.filter((r) => r.path === '/beloyarsky').map((r) => r.headers['x-otklik-event'])).toEqual(['report.submitted']);
  });

  it('after a 500 the delivery is retried with backoff, logged, and delivered once; a second run sends nothing again', async () => {
    const own = (await head.get('/api/webhooks')).json().items[0];
    receiver.script = { '/beloyarsky': [500] };
    await contact.post('/api/appeals', letter('Прошу убрать сухие деревья во дворе дома 12 по ул. Кирова.'));
    await deliver();
    expect(receiver.received.filter((r) => r.path === '/beloyarsky')).toHaveLength(1);
    let deliveries = (await head.get(`/api/webhooks/${own.id}/deliveries?status=pending`)).json().items;
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'ответ 500', can: { retry: false } });
    expect(deliveries[0].log).toEqual([expect.objectContaining({ attempt: 1, statusCode: 500 })]);
    expect(typeof deliveries[0].log[0].durationMs).toBe('number');
    // Not yet due: nothing is sent.
    receiver.received = [];
    await deliver();
    expect(receiver.received.filter((r) => r.path === '/beloyarsky')).toHaveLength(0);
    clock.advance(61_000);
    await deliver();
    const retried = receiver.received.filter((r) => r.path === '/beloyarsky');
    expect(retried).toHaveLength(1);
    verify(retried[0], 'beloyarsky-secret-000000');
    const retriedId = deliveries[0].id;
    deliveries = (await head.get(`/api/webhooks/${own.id}/deliveries`)).json().items.filter((d: { id: string }) => d.id === retriedId);
    expect(deliveries[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200, can: { retry: true } });
    expect(deliveries[0].log.map((l: { attempt: number; statusCode: number }) => [l.attempt, l.statusCode])).toEqual([[2, 200], [1, 500]]);
    // Nothing is ever sent twice by the job, however often it runs.
    receiver.received = [];
    clock.advance(3600_000);
    await Promise.all([deliver(), deliver()]);
    await deliver();
    expect(receiver.received).toHaveLength(0);
  });

  it('gives up after the last attempt; «отправить снова» sends once more', async () => {
    const sub = (await admin.post('/api/webhooks', { name: 'Ломается', url: `${receiver.url}/broken`, secret: SECRET, events: ['appeal.created'], municipality: 'beloyarsky' })).json().subscription;
    receiver.script = { '/broken': Array(WEBHOOK_MAX_ATTEMPTS).fill(503) };
    await contact.post('/api/appeals', letter('На остановке «Школа» разбито стекло павильона, прошу заменить.'));
    for (let i = 0; i < WEBHOOK_MAX_ATTEMPTS; i++) {
      await deliver();
      clock.advance(7 * 3600_000);
    }
    await signIn();
    expect(receiver.received.filter((r) => r.path === '/broken')).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    const [failed] = (await admin.get(`/api/webhooks/${sub.id}/deliveries`)).json().items;
    expect(failed).toMatchObject({ status: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS, lastStatusCode: 503, nextAttemptAt: null, can: { retry: true } });
    expect(failed.log).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect((await admin.get('/api/webhooks')).json().items.find((s: { id: string }) => s.id === sub.id).deliveries).toMatchObject({ failed: 1, delivered: 0 });

    receiver.received = [];
    const again = await admin.post(`/api/webhooks/${sub.id}/deliveries/${failed.id}/retry`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'pending', can: { retry: false } });
    await deliver();
    expect(receiver.received.filter((r) => r.path === '/broken')).toHaveLength(1);
    expect((await admin.get(`/api/webhooks/${sub.id}/deliveries`)).json().items[0]).toMatchObject({ status: 'delivered', attempts: WEBHOOK_MAX_ATTEMPTS + 1 });
    const ekbHead = await t.login('ekb.head');
    expect((await ekbHead.post(`/api/webhooks/${sub.id}/deliveries/${failed.id}/retry`)).statusCode).toBe(404);
  });

  it('a paused subscription gets no new deliveries; a deleted one is gone with its log', async () => {
    const sub = (await admin.post('/api/webhooks', { name: 'Пауза', url: `${receiver.url}/paused`, secret: SECRET, events: ['appeal.created'] })).json().subscription;
    expect((await admin.patch(`/api/webhooks/${sub.id}`, { active: false })).json().active).toBe(false);
    await contact.post('/api/appeals', letter('Прошу установить лавочки у подъездов дома 7 по ул. Советской.'));
    await deliver();
    expect(receiver.received.filter((r) => r.path === '/paused')).toHaveLength(0);
    expect((await admin.del(`/api/webhooks/${sub.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/webhooks/${sub.id}`)).statusCode).toBe(404);
  });

  it('an unreachable receiver is logged as an error and retried', async () => {
    const closed = new Receiver();
    await closed.start();
    const url = closed.url;
    await closed.stop();
    const sub = (await admin.post('/api/webhooks', { name: 'Недоступен', url: `${url}/x`, secret: SECRET, events: ['appeal.created'], municipality: 'beloyarsky' })).json().subscription;
    await contact.post('/api/appeals', letter('Прошу покрасить ограждение детской площадки у дома 2 по ул. Школьной.'));
    await deliver();
    const [d] = (await admin.get(`/api/webhooks/${sub.id}/deliveries`)).json().items;
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(d.lastError).toMatch(/ECONNREFUSED|fetch failed/);
    await admin.del(`/api/webhooks/${sub.id}`);
  });

  it('an installation that keeps to the public internet sends nothing to its own network and says why', async () => {
    const sub = (await admin.post('/api/webhooks', { name: 'Внутренний адрес', url: `${receiver.url}/inside`, secret: SECRET, events: ['appeal.created'], municipality: 'beloyarsky' })).json().subscription;
    allowInternalAddresses(false);
    try {
      await contact.post('/api/appeals', letter('Прошу убрать сухое дерево у дома 9 по ул. Садовой.'));
      await deliver();
    } finally {
      allowInternalAddresses(true);
    }
    expect(receiver.received.filter((r) => r.path === '/inside')).toEqual([]);
    const [d] = (await admin.get(`/api/webhooks/${sub.id}/deliveries`)).json().items;
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(d.lastError).toMatch(/внутреннюю сеть/);
    await admin.del(`/api/webhooks/${sub.id}`);
  });
});
