import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ManualClock } from '../../platform/clock';
import { notifications } from '../../db/schema';
import { notifiedStaff } from '../contacts/repository';
import { escalateDeadlines } from './escalation';

// Tuesday 10 March 2026, 14:00 in Yekaterinburg.
const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
let contact: Session;
let head: Session;
let executor: Session;
let analyst: Session;
let departmentId: string;

const letter = (over: Record<string, unknown> = {}) => ({
  channel: 'fz59', subChannel: 'letter',
  receivedAt: '2026-03-02T05:00:00Z', registeredAt: '2026-03-02T06:00:00Z',
  author: { surname: 'Григорьев', name: 'Павел', patronymic: 'Ильич', email: 'grigoriev@example.ru', postalAddress: '624030, пос. Белоярский, ул. Ленина, д. 5' },
  text: 'Прошу отремонтировать дорогу на улице Ленина: ямы на дороге не дают проехать.',
  address: 'пос. Белоярский, ул. Ленина',
  kind: 'complaint',
  ...over,
});

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [contact, head, executor, analyst] = await Promise.all(['beloyarsky.contact', 'beloyarsky.head', 'beloyarsky.executor', 'cur.analyst'].map((l) => t.login(l)));
  departmentId = (await head.get('/api/departments')).json().items.find((d: { name: string }) => d.name.includes('благоустройства')).id;
});
afterAll(async () => { await t.close(); });

describe('registration', () => {
  it('registers a paper letter with a human number and the 59-ФЗ deadlines on the production calendar', async () => {
    const res = await contact.post('/api/appeals', letter());
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a.number).toMatch(/^БЕЛ-2026-\d{6}$/);
    expect(a).toMatchObject({ municipality: 'beloyarsky', channel: 'fz59', status: 'registered', receivedAt: '2026-03-02T05:00:00.000Z', registeredAt: '2026-03-02T06:00:00.000Z' });
    expect(a.author).toMatchObject({ surname: 'Григорьев', name: 'Павел', patronymic: 'Ильич', email: 'grigoriev@example.ru' });
    // Register: 3 days → Thu 5 March. Forward: 7 days → Mon 9 March, a holiday (8 March moved) → Fri 6 March.
    // Answer: 30 days → Wed 1 April.
    expect(a.deadlines).toEqual({ register: '2026-03-05', forward: '2026-03-06', answer: '2026-04-01' });
    expect(a.overdue).toBe(false);
    expect(a.actions).toEqual(expect.arrayContaining(['forward', 'merge']));
  });

  it('numbers appeals of a municipality consecutively', async () => {
    const first = (await contact.post('/api/appeals', letter())).json().number;
    const second = (await contact.post('/api/appeals', letter())).json().number;
    expect(Number(second.slice(-6))).toBe(Number(first.slice(-6)) + 1);
  });

  it('ПОС answers in 10 working days; an external id already known returns the same appeal with 200', async () => {
    const body = { channel: 'pos', externalId: 'POS-778812', receivedAt: '2026-03-02T05:00:00Z', registeredAt: '2026-03-02T06:00:00Z', text: 'Не вывозят мусор с контейнерной площадки третью неделю.', author: { kind: 'anonymous' } };
    const first = await contact.post('/api/appeals', body);
    expect(first.statusCode).toBe(201);
    expect(first.json().deadlines).toEqual({ register: '2026-03-03', forward: null, answer: '2026-03-17' });
    const again = await head.post('/api/appeals', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const list = (await contact.get('/api/appeals?q=POS-778812')).json();
    expect(list.total).toBe(1);
  });

  it('ЦУР registers into a named municipality; a municipality user cannot register into another', async () => {
    const res = await analyst.post('/api/appeals', { ...letter(), municipality: 'ekaterinburg', channel: 'social', subChannel: 'vk', externalId: 'inc-1' });
    expect(res.statusCode).toBe(201);
    expect(res.json().number).toMatch(/^ЕКБ-2026-/);
    expect((await analyst.post('/api/appeals', { ...letter(), subChannel: undefined })).statusCode).toBe(400);
    expect((await contact.post('/api/appeals', { ...letter(), municipality: 'ekaterinburg' })).statusCode).toBe(404);
  });

  it('answers clear 400s for bad input and writes nothing', async () => {
    const before = (await contact.get('/api/appeals')).json().total;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...letter(), text: '' }, 'text'],
      [{ ...letter(), channel: 'pigeon' }, 'channel'],
      [{ ...letter(), registeredAt: '2026-03-01T00:00:00Z' }, 'registeredAt'],
      [{ ...letter(), receivedAt: '2026-04-01T00:00:00Z', registeredAt: undefined }, 'receivedAt'],
      [{ ...letter(), topic: '9999.9999' }, 'topic'],
      [{ ...letter(), subChannel: 'pos' }, 'subChannel'],
      [{ ...letter(), author: { email: 'not-an-email' } }, 'author.email'],
    ];
    for (const [body, field] of cases) {
      const res = await contact.post('/api/appeals', body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field), field).toContain(field);
      expect(res.json().message).toMatch(/[а-я]/);
    }
    expect((await contact.get('/api/appeals')).json().total).toBe(before);
  });
});

describe('life cycle', () => {
  it('assign → take → answer → return → answer → approve, each step on the timeline and in the audit', async () => {
    const a = (await contact.post('/api/appeals', letter())).json();
    const act = (s: Session, action: string, body: unknown = {}) => s.post(`/api/appeals/${a.id}/actions/${action}`, body);

    expect((await act(executor, 'assign', { departmentId, executorId: executor.user.id })).statusCode).toBe(403);
    const assigned = await act(head, 'assign', { departmentId, executorId: executor.user.id });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'assigned', executor: { id: executor.user.id }, department: { id: departmentId } });

    const notes = (await executor.get('/api/notifications')).json();
    expect(notes.items.some((n: { kind: string; entityId: string }) => n.kind === 'appeal.assigned' && n.entityId === a.id)).toBe(true);

    expect((await act(executor, 'approve')).statusCode).toBe(409);
    expect((await act(executor, 'take')).json().status).toBe('in_progress');
    const missing = await act(executor, 'submit_answer', { answerText: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['answerText', 'resultCode']));
    expect((await act(executor, 'submit_answer', { answerText: 'Ремонт запланирован.', resultCode: 'supported' })).json().status).toBe('on_approval');
    expect((await act(head, 'return_for_rework', { remark: 'Укажите сроки и ответственного' })).json().status).toBe('in_progress');
    await act(executor, 'submit_answer', { answerText: 'Ямочный ремонт ул. Ленина выполнит МУП «Дорсервис» до 30 апреля 2026 г., ответственный — Петров И. Н.', resultCode: 'supported' });
    const approved = await act(head, 'approve');
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'answered', answer: { result: 'supported', approvedBy: { id: head.user.id }, submittedBy: { id: executor.user.id } } });

    await contact.post(`/api/appeals/${a.id}/comments`, { text: 'Проверить исполнение в мае' });
    const timeline = (await head.get(`/api/appeals/${a.id}/timeline`)).json().items;
    expect(timeline.map((e: { action: string | null; kind: string }) => e.action ?? e.kind)).toEqual(
      ['register', 'assign', 'take', 'submit_answer', 'return_for_rework', 'submit_answer', 'approve', 'comment'],
    );
    expect(timeline.find((e: { action: string }) => e.action === 'return_for_rework').note).toBe('Укажите сроки и ответственного');
    const admin = await t.login('cur.admin');
    const audit = (await admin.get(`/api/audit?entityType=appeal&entityId=${a.id}`)).json().items.map((r: { action: string }) => r.action);
    expect(audit).toEqual(expect.arrayContaining(['appeal.create', 'appeal.assign', 'appeal.approve', 'appeal.comment']));
  });

  it('an executor cannot work on an appeal assigned to a colleague', async () => {
    const admin = await t.login('cur.admin');
    const orgId = head.user.organization.id;
    const colleague = (await admin.post('/api/users', { login: 'beloyarsky.executor2', fullName: 'Козлова Нина Павловна', role: 'executor', organizationId: orgId, password: 'Passw0rd1' })).json().user;
    const a = (await contact.post('/api/appeals', letter())).json();
    await head.post(`/api/appeals/${a.id}/actions/assign`, { departmentId, executorId: colleague.id });
    const res = await executor.post(`/api/appeals/${a.id}/actions/take`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('not_assigned_to_you');
  });

  it('one fz59 extension of up to 30 days moves the answer deadline; a second is refused', async () => {
    const a = (await contact.post('/api/appeals', letter())).json();
    expect((await head.post(`/api/appeals/${a.id}/actions/extend`, { reason: 'Нужна экспертиза', days: 31 })).statusCode).toBe(400);
    const extended = await head.post(`/api/appeals/${a.id}/actions/extend`, { reason: 'Нужна экспертиза подрядчика', days: 30 });
    expect(extended.statusCode).toBe(200);
    // 1 April + 30 days = 1 May, a holiday → the preceding working day, Thu 30 April.
    expect(extended.json().deadlines.answer).toBe('2026-04-30');
    expect(extended.json().extension).toEqual({ days: 30, reason: 'Нужна экспертиза подрядчика' });
    const again = await head.post(`/api/appeals/${a.id}/actions/extend`, { reason: 'Ещё', days: 5 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_extended');
  });

  it('unknown actions answer 404, ЦУР may only reopen or control', async () => {
    const a = (await contact.post('/api/appeals', letter())).json();
    expect((await head.post(`/api/appeals/${a.id}/actions/teleport`, {})).statusCode).toBe(404);
    expect((await analyst.post(`/api/appeals/${a.id}/actions/assign`, { departmentId })).statusCode).toBe(403);
    const controlled = await analyst.post(`/api/appeals/${a.id}/actions/set_control`, {});
    expect(controlled.statusCode).toBe(200);
    expect(controlled.json().onControl).toBe(true);
  });
});

describe('registry list', () => {
  it('searches in Russian with stemming: «дорогах» finds «дорога»', async () => {
    await contact.post('/api/appeals', letter({ text: 'Разбита дорога у школы №2, прошу заасфальтировать.' }));
    await contact.post('/api/appeals', letter({ text: 'Во дворе не горят фонари уличного освещения.' }));
    const found = (await contact.get(`/api/appeals?q=${encodeURIComponent('дорогах')}`)).json();
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((i: { excerpt: string }) => /дорог/i.test(i.excerpt))).toBe(true);
    const lights = (await contact.get(`/api/appeals?q=${encodeURIComponent('фонарь')}`)).json();
    expect(lights.items.map((i: { excerpt: string }) => i.excerpt)).toEqual(['Во дворе не горят фонари уличного освещения.']);
  });

  it('pages with a cursor through exactly the filtered set, without repeats', async () => {
    const all = (await contact.get('/api/appeals?limit=200&sort=number')).json();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { number: string }[]; nextCursor: string | null } = (await contact.get(`/api/appeals?limit=3&sort=number${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((i) => i.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i: { number: string }) => i.number));
    expect(seen).toEqual([...seen].sort());
    expect((await contact.get('/api/appeals?cursor=garbage')).json().code).toBe('invalid_cursor');
  });

  it('counts the selection for the first page only, unless asked; a short first page is its own count', async () => {
    const all = (await contact.get('/api/appeals?limit=200')).json();
    expect(all.nextCursor).toBeNull();
    expect(all).toMatchObject({ total: all.items.length, totalCapped: false });
    const first = (await contact.get('/api/appeals?limit=2')).json();
    expect(first).toMatchObject({ total: all.items.length, totalCapped: false });
    const next = (await contact.get(`/api/appeals?limit=2&cursor=${first.nextCursor}`)).json();
    expect(next).toMatchObject({ total: null, totalCapped: false });
    expect(next.items).toHaveLength(2);
    expect((await contact.get(`/api/appeals?limit=2&total=true&cursor=${first.nextCursor}`)).json().total).toBe(all.items.length);
    expect((await contact.get('/api/appeals?limit=2&total=false')).json().total).toBeNull();
  });

  it('filters by channel, status and overdue; ЦУР sees every municipality, a municipality only itself', async () => {
    const pos = (await contact.get('/api/appeals?channel=pos')).json().items;
    expect(pos.length).toBeGreaterThan(0);
    expect(pos.every((i: { channel: string }) => i.channel === 'pos')).toBe(true);
    // Today is 10 March: the ПОС appeal answered by 17 March is not overdue; register an old one that is.
    const old = (await contact.post('/api/appeals', letter({ receivedAt: '2026-01-12T05:00:00Z', registeredAt: '2026-01-12T06:00:00Z' }))).json();
    expect(old.overdue).toBe(true);
    expect(old.workingDaysLeft).toBeLessThan(0);
    const overdue = (await contact.get('/api/appeals?overdue=true')).json().items;
    expect(overdue.map((i: { id: string }) => i.id)).toContain(old.id);
    expect(overdue.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const cur = (await analyst.get('/api/appeals?overdue=true')).json().items;
    expect(cur.map((i: { id: string }) => i.id)).toContain(old.id);
    const ekb = (await (await t.login('ekb.contact')).get('/api/appeals?limit=200')).json().items;
    expect(ekb.every((i: { municipality: string }) => i.municipality === 'ekaterinburg')).toBe(true);
    const registered = (await contact.get('/api/appeals?status=answered')).json().items;
    expect(registered.every((i: { status: string }) => i.status === 'answered')).toBe(true);
  });

  it('exports exactly the filtered list to CSV and XLSX', async () => {
    const expected = (await contact.get('/api/appeals?channel=fz59&limit=200&sort=number')).json().items.map((i: { number: string }) => i.number);
    const csv = await contact.get('/api/appeals/export?format=csv&channel=fz59&sort=number');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toContain('Номер');
    const numbers = lines.slice(1).map((l) => l.split(';')[0]);
    expect(numbers).toEqual(expected);
    const xlsx = await contact.request({ method: 'GET', url: '/api/appeals/export?format=xlsx&channel=fz59&sort=number' });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const sheet = workbook.getWorksheet('Обращения')!;
    const col: string[] = [];
    sheet.eachRow((row, i) => { if (i > 1) col.push(String(row.getCell(1).value)); });
    expect(col).toEqual(expected);
  });
});

describe('deadline escalation', () => {
  it('notifies the executor, head and contact official two working days before and after the deadline, once each', async () => {
    const a = (await contact.post('/api/appeals', letter({ channel: 'pos', subChannel: 'pos', externalId: 'POS-ESC-1', receivedAt: '2026-03-02T05:00:00Z', registeredAt: '2026-03-02T06:00:00Z' }))).json();
    await head.post(`/api/appeals/${a.id}/actions/assign`, { departmentId, executorId: executor.user.id });
    // Sessions follow the clock too, so each check logs in again at the new time.
    const count = async (s: Session, kind: string) => (await (await t.login(s.login)).get('/api/notifications?limit=200')).json().items
      .filter((n: { kind: string; entityId: string }) => n.kind === kind && n.entityId === a.id).length;
    // Answer due Tue 17 March. On Thu 12 March 3 working days are left: nothing yet.
    clock.set('2026-03-12T04:00:00Z');
    await t.app.services.jobs.runOnce('appeal-deadlines');
    expect(await count(head, 'appeal.deadline.due_soon')).toBe(0);
    // On Fri 13 March 2 working days are left (16, 17).
    clock.set('2026-03-13T04:00:00Z');
    await t.app.services.jobs.runOnce('appeal-deadlines');
    await t.app.services.jobs.runOnce('appeal-deadlines');
    for (const s of [head, contact, executor]) expect(await count(s, 'appeal.deadline.due_soon')).toBe(1);
    clock.set('2026-03-18T04:00:00Z');
    await t.app.services.jobs.runOnce('appeal-deadlines');
    for (const s of [head, contact, executor]) expect(await count(s, 'appeal.deadline.overdue')).toBe(1);
    clock.set('2026-03-10T09:00:00Z');
  });
});

describe('deadline sweep over many appeals', () => {
  it('notifies each stage of each appeal once, to each recipient, in batches; a second pass notifies nobody', async () => {
    // The sweep above moved the clock past the sessions of beforeAll.
    const [clerk, boss] = [await t.login('beloyarsky.contact'), await t.login('beloyarsky.head')];
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      const res = await clerk.post('/api/appeals', letter({ channel: 'pos', subChannel: 'pos', externalId: `POS-MANY-${i}` }));
      expect(res.statusCode, res.body).toBe(201);
      const a = res.json();
      expect(a.deadlines.answer).toBe('2026-03-17');
      if (i % 4 === 0) expect((await boss.post(`/api/appeals/${a.id}/actions/assign`, { departmentId, executorId: executor.user.id })).statusCode).toBe(200);
      ids.push(a.id);
    }
    const db = t.database.db;
    const staff = await notifiedStaff()(db, contact.user.organization.id);
    expect(staff.length).toBeGreaterThan(1);
    const stored = async (kind: string) => db.select({ appealId: notifications.entityId, userId: notifications.userId, n: sql<number>`count(*)::int` })
      .from(notifications).where(and(eq(notifications.kind, kind), inArray(notifications.entityId, ids)))
      .groupBy(notifications.entityId, notifications.userId);
    const expectOncePerRecipient = async (kind: string) => {
      const rows = await stored(kind);
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
      ids.forEach((id, i) => {
        const recipients = rows.filter((r) => r.appealId === id).map((r) => r.userId).sort();
        expect(recipients).toEqual([...new Set([...staff, ...(i % 4 === 0 ? [executor.user.id] : [])])].sort());
      });
    };

    // Answers due Tue 17 March; on Fri 13 March they are due soon. A stop request ends the pass after one batch.
    const stopping = new AbortController();
    stopping.abort();
    const dueSoon = new Date('2026-03-13T04:00:00Z');
    const first = await escalateDeadlines(db, dueSoon, { batch: 7, signal: stopping.signal });
    expect(first.appeals).toBe(7);
    const rest = await escalateDeadlines(db, dueSoon, { batch: 7 });
    expect(first.appeals + rest.appeals).toBeGreaterThanOrEqual(ids.length);
    await expectOncePerRecipient('appeal.deadline.due_soon');
    expect(await escalateDeadlines(db, dueSoon, { batch: 7 })).toEqual({ notified: 0, appeals: 0 });
    expect(await escalateDeadlines(db, new Date('2026-03-16T04:00:00Z'), { batch: 7 })).toEqual({ notified: 0, appeals: 0 });

    const overdue = new Date('2026-03-18T04:00:00Z');
    const late = await escalateDeadlines(db, overdue, { batch: 5 });
    expect(late.appeals).toBeGreaterThanOrEqual(ids.length);
    await expectOncePerRecipient('appeal.deadline.overdue');
    await expectOncePerRecipient('appeal.deadline.due_soon');
    expect(await escalateDeadlines(db, overdue, { batch: 5 })).toEqual({ notified: 0, appeals: 0 });
    // A month later other appeals fall due; these are still overdue on the same deadline and stay quiet.
    const mine = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(inArray(notifications.entityId, ids)))[0].n;
    const before = await mine();
    await escalateDeadlines(db, new Date('2026-04-20T04:00:00Z'), { batch: 5 });
    expect(await mine()).toBe(before);
  });
});

describe('deadline rules of the installation', () => {
  it('the ЦУР administrator changes the ПОС answer term; new appeals follow it, bad values are refused', async () => {
    const admin = await t.login('cur.admin');
    const current = (await admin.get('/api/settings/deadline-rules')).json();
    expect(current.customized).toBe(false);
    expect(current.rules.channels.pos.answer).toEqual({ days: 10, unit: 'working' });
    const freshHead = await t.login('beloyarsky.head');
    expect((await freshHead.request({ method: 'PUT', url: '/api/settings/deadline-rules', payload: current.rules })).statusCode).toBe(403);
    const bad = structuredClone(current.rules);
    bad.channels.pos.answer.days = 0;
    expect((await admin.request({ method: 'PUT', url: '/api/settings/deadline-rules', payload: bad })).statusCode).toBe(400);
    const rules = structuredClone(current.rules);
    rules.channels.pos.answer = { days: 5, unit: 'working' };
    const saved = await admin.request({ method: 'PUT', url: '/api/settings/deadline-rules', payload: rules });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().customized).toBe(true);
    const a = (await (await t.login('beloyarsky.contact')).post('/api/appeals', { channel: 'pos', externalId: 'POS-RULES-1', receivedAt: '2026-03-02T05:00:00Z', registeredAt: '2026-03-02T06:00:00Z', text: 'Проверка правил сроков' })).json();
    // 5 working days from Mon 2 March: 3, 4, 5, 6, (9 is a holiday) 10.
    expect(a.deadlines.answer).toBe('2026-03-10');
  });

  it('a channel made extendable in the rules is extended by the head within the installation maximum', async () => {
    const admin = await t.login('cur.admin');
    const pos = (await (await t.login('beloyarsky.contact')).post('/api/appeals', { channel: 'pos', externalId: 'POS-RULES-2', receivedAt: '2026-03-02T05:00:00Z', registeredAt: '2026-03-02T06:00:00Z', text: 'Проверка продления' })).json();
    const boss = await t.login('beloyarsky.head');
    expect((await boss.get(`/api/appeals/${pos.id}`)).json().actions).not.toContain('extend');
    expect((await boss.post(`/api/appeals/${pos.id}/actions/extend`, { reason: 'Нужна проверка', days: 3 })).json().code).toBe('channel_not_extendable');
    const rules = (await admin.get('/api/settings/deadline-rules')).json().rules;
    rules.channels.pos.extension = { days: 5, unit: 'working' };
    rules.channels.fz59.extension = { days: 10, unit: 'calendar' };
    expect((await admin.request({ method: 'PUT', url: '/api/settings/deadline-rules', payload: rules })).statusCode).toBe(200);
    expect((await boss.get(`/api/appeals/${pos.id}`)).json().actions).toContain('extend');
    const tooLong = await boss.post(`/api/appeals/${pos.id}/actions/extend`, { reason: 'Нужна проверка', days: 6 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().details[0]).toMatchObject({ field: 'days', message: expect.stringContaining('5') });
    const extended = await boss.post(`/api/appeals/${pos.id}/actions/extend`, { reason: 'Нужна проверка', days: 5 });
    expect(extended.statusCode).toBe(200);
    // 5 working days after 10 March: 11, 12, 13, 16, 17.
    expect(extended.json().deadlines.answer).toBe('2026-03-17');
    // The fz59 maximum is the installation's 10 days now, not the law's 30.
    const letter59 = (await (await t.login('beloyarsky.contact')).post('/api/appeals', { channel: 'fz59', text: 'Проверка максимума продления' })).json();
    expect((await boss.post(`/api/appeals/${letter59.id}/actions/extend`, { reason: 'Нужна проверка', days: 11 })).statusCode).toBe(400);
  });
});
