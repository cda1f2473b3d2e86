import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';

// 11:00 on 15 June in Белоярский (UTC+5).
const clock = new ManualClock(new Date('2026-06-15T06:00:00Z'));
let t: TestApp;
let head: Session;
beforeAll(async () => {
  t = await buildTestApp({ clock });
  head = await t.login('beloyarsky.head');
});
afterAll(async () => { await t.close(); });

const WASTE = '0005.0005.0056.1130';
const WASTE_FEE = '0005.0005.0056.1131';
const SURNAMES = ['Иванов', 'Петров', 'Сидоров', 'Кузнецов', 'Смирнов', 'Попов', 'Волков', 'Зайцев', 'Орлов', 'Соколов', 'Морозов', 'Лебедев', 'Козлов', 'Новиков'];
let surname = 0;
async function appeal(session: Session, receivedAt: string, topic: string | null, address: string, text = 'Не вывозят мусор с контейнерной площадки, баки переполнены') {
  const res = await session.post('/api/appeals', { channel: 'pos', receivedAt, topic, address, text, author: { surname: SURNAMES[surname++ % SURNAMES.length], name: 'Иван' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function outbox(to: string) {
  const res = await t.database.db.execute(sql`select subject, text from mail_outbox where "to" = ${to} order by created_at`);
  return (res as unknown as { rows: { subject: string; text: string }[] }).rows;
}

async function subscribe(email: string, topics: string[], confirm = true) {
  const res = await t.app.inject({ method: 'POST', url: '/api/public/subscriptions', payload: { municipality: 'beloyarsky', email, topics } });
  expect(res.statusCode, res.body).toBe(202);
  if (!confirm) return;
  const letter = (await outbox(email)).at(-1)!;
  const token = /confirm\?token=([\w-]+)/.exec(letter.text)![1];
  expect((await t.app.inject({ method: 'POST', url: '/api/public/subscriptions/confirm', payload: { token } })).statusCode).toBe(200);
}

describe('roadmaps (§6.3)', () => {
  it('measures the effect: appeals on the topics at the places after the start against as many days before', async () => {
    // Before the start (17–31 May local): three; after (1–15 June local): two, one of them at 00:30 on 1 June local.
    await appeal(head, '2026-05-17T05:00:00Z', WASTE, 'ул. Мира, д. 5');
    await appeal(head, '2026-05-20T05:00:00Z', WASTE, 'ул. Мира, д. 7');
    await appeal(head, '2026-05-31T18:30:00Z', WASTE, 'ул. Мира, 5');
    await appeal(head, '2026-05-31T19:30:00Z', WASTE, 'ул. Мира, 5');
    await appeal(head, '2026-06-10T05:00:00Z', WASTE_FEE, 'ул. Мира, 9', 'Пришла квитанция за вывоз ТКО, а мусор не вывозят');
    // Not counted: too early, another street, another theme, another municipality.
    await appeal(head, '2026-05-16T05:00:00Z', WASTE, 'ул. Мира, 5');
    await appeal(head, '2026-06-10T05:00:00Z', WASTE, 'ул. Ленина, 3');
    await appeal(head, '2026-06-10T05:00:00Z', '0002.0004.0051.0235', 'ул. Мира, 5', 'Вопрос о пособии на ребёнка');
    await appeal(await t.login('ekb.head'), '2026-06-10T05:00:00Z', WASTE, 'ул. Мира, 5');

    const res = await head.post('/api/roadmaps', { municipality: 'beloyarsky', title: 'Вывоз мусора на улице Мира', topics: ['0005.0005'], places: ['ул. Мира'], startsOn: '2026-06-01' });
    expect(res.statusCode, res.body).toBe(201);
    const roadmap = res.json();
    expect(roadmap.places).toEqual([{ kind: 'street', name: 'ул. Мира', street: 'мир', house: null }]);
    expect(roadmap.effect).toEqual({
      before: 3, after: 2, change: -0.3333,
      window: { beforeFrom: '2026-05-17', beforeTo: '2026-05-31', afterFrom: '2026-06-01', afterTo: '2026-06-15', days: 15 },
      months: [{ month: '2026-05', before: 3, after: 0 }, { month: '2026-06', before: 0, after: 2 }],
    });
    expect((await head.get(`/api/roadmaps/${roadmap.id}`)).json().effect.after).toBe(2);

    // Without places, every street counts; a settlement is found by its name in the address or the text.
    const wide = (await head.patch(`/api/roadmaps/${roadmap.id}`, { places: [] })).json();
    expect([wide.effect.before, wide.effect.after]).toEqual([3, 3]);
    const settlement = (await head.patch(`/api/roadmaps/${roadmap.id}`, { places: [{ kind: 'settlement', name: 'Ленина' }] })).json();
    expect([settlement.effect.before, settlement.effect.after]).toEqual([0, 1]);
    expect(settlement.effect.change).toBeNull();
    const notYet = (await head.patch(`/api/roadmaps/${roadmap.id}`, { startsOn: '2026-07-01' })).json();
    expect(notYet.effect).toMatchObject({ before: 0, after: 0, change: null, months: [], window: { days: 0 } });
  });

  it('counts the appeals of a linked problem cluster', async () => {
    for (const at of ['2026-06-05T05:00:00Z', '2026-06-06T05:00:00Z']) {
      await appeal(head, at, null, 'ул. Садовая, д. 4', 'Протекает крыша в доме 4 по ул. Садовая, с потолка капает.');
    }
    const cluster = (await head.get('/api/clusters')).json().items.find((c: { title: string }) => /Садов/i.test(c.title));
    expect(cluster).toBeTruthy();
    const res = await head.post('/api/roadmaps', { municipality: 'beloyarsky', title: 'Ремонт кровли на Садовой', topics: ['0001.0001'], clusters: [cluster.id], startsOn: '2026-06-01' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().clusters).toEqual([{ id: cluster.id, title: cluster.title, size: 2 }]);
    expect([res.json().effect.before, res.json().effect.after]).toEqual([0, 2]);
  });

  it('keeps measures with the responsible, the deadline, the status and evidence; done informs the subscribers once', async () => {
    await subscribe('waste@example.ru', ['0005.0005']);
    await subscribe('family@example.ru', ['0002.0004']);
    await subscribe('unconfirmed@example.ru', ['0005.0005'], false);
    await subscribe('gone@example.ru', ['0005']);
    const created = (await head.post('/api/roadmaps', { municipality: 'beloyarsky', title: 'Контейнерные площадки', topics: [WASTE], startsOn: '2026-06-01' })).json();
    let card = (await head.post(`/api/roadmaps/${created.id}/measures`, { title: 'Установить 10 новых контейнеров', responsible: 'Петров П. П., начальник отдела ЖКХ', dueOn: '2026-06-10' })).json();
    const measure = card.measures[0];
    expect(measure).toMatchObject({ status: 'planned', dueOn: '2026-06-10', overdue: true, evidence: [] });

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    const boundary = 'roadmapboundary';
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="акт.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const uploaded = await head.request({ method: 'POST', url: `/api/roadmaps/${created.id}/measures/${measure.id}/evidence`, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const file = uploaded.json().measures[0].evidence[0];
    expect(file).toMatchObject({ filename: 'акт.png', mimeType: 'image/png' });
    expect((await head.get(`/api/roadmaps/${created.id}/measures/${measure.id}/evidence/${file.id}`)).rawPayload).toEqual(png);

    // «gone» unsubscribes with the link of its letter before the measure is done.
    const goneLetter = (await outbox('gone@example.ru')).at(-1)!;
    expect(goneLetter.text).toContain('confirm?token=');
    const state = await t.app.inject({ method: 'POST', url: '/api/public/subscriptions/unsubscribe', payload: { token: await unsubscribeTokenOf('gone@example.ru') } });
    expect(state.json()).toMatchObject({ municipality: 'beloyarsky', status: 'unsubscribed' });

    card = (await head.patch(`/api/roadmaps/${created.id}/measures/${measure.id}`, { status: 'done', note: 'Контейнеры установлены' })).json();
    expect(card.measures[0]).toMatchObject({ status: 'done', overdue: false, doneAt: '2026-06-15T06:00:00.000Z' });
    const letters = await outbox('waste@example.ru');
    expect(letters.filter((l) => l.subject.includes('выполнено мероприятие'))).toHaveLength(1);
    const letter = letters.find((l) => l.subject.includes('выполнено мероприятие'))!;
    expect(letter.text).toContain('Установить 10 новых контейнеров');
    expect(letter.text).toMatch(/\/subscribe\/unsubscribe\?token=[\w-]+/);
    for (const other of ['family@example.ru', 'unconfirmed@example.ru', 'gone@example.ru']) {
      expect((await outbox(other)).filter((l) => l.subject.includes('выполнено мероприятие'))).toEqual([]);
    }
    // Back in progress and done again: nobody gets it twice.
    await head.patch(`/api/roadmaps/${created.id}/measures/${measure.id}`, { status: 'in_progress' });
    await head.patch(`/api/roadmaps/${created.id}/measures/${measure.id}`, { status: 'done' });
    expect((await outbox('waste@example.ru')).filter((l) => l.subject.includes('выполнено мероприятие'))).toHaveLength(1);

    // The subscriber's own link ends the subscription in one click.
    const token = /unsubscribe\?token=([\w-]+)/.exec(letter.text)![1];
    expect((await t.app.inject({ method: 'POST', url: '/api/public/subscriptions/unsubscribe', payload: { token } })).json().status).toBe('unsubscribed');
    const audit = (await (await t.login('cur.admin')).get(`/api/audit?entityType=roadmap_measure&entityId=${measure.id}`)).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['roadmap.measure.create', 'roadmap.measure.evidence', 'roadmap.measure.update']));
  });

  it('ЦУР sees every roadmap and comments; the administration is notified; another municipality sees nothing', async () => {
    const created = (await head.post('/api/roadmaps', { municipality: 'beloyarsky', title: 'Освещение дворов', topics: ['0005.0005'], startsOn: '2026-05-01' })).json();
    const cur = await t.login('cur.analyst');
    const seen = (await cur.get(`/api/roadmaps/${created.id}`)).json();
    expect(seen.can).toEqual({ edit: false, comment: true });
    expect((await cur.patch(`/api/roadmaps/${created.id}`, { title: 'Чужая правка' })).statusCode).toBe(403);
    const commented = (await cur.post(`/api/roadmaps/${created.id}/comments`, { text: 'Добавьте мероприятие по графику вывоза.' })).json();
    expect(commented.comments).toEqual([expect.objectContaining({ side: 'cur', text: 'Добавьте мероприятие по графику вывоза.' })]);
    const contact = await t.login('beloyarsky.contact');
    expect((await contact.get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind)).toContain('roadmap.comment');
    expect((await cur.get('/api/roadmaps')).json().items.map((r: { id: string }) => r.id)).toContain(created.id);

    const ekb = await t.login('ekb.head');
    expect((await ekb.get(`/api/roadmaps/${created.id}`)).statusCode).toBe(404);
    expect((await ekb.get('/api/roadmaps')).json().items).toEqual([]);
    expect((await ekb.post('/api/roadmaps', { municipality: 'beloyarsky', title: 'Чужая карта', topics: ['0005.0005'], startsOn: '2026-05-01' })).statusCode).toBe(404);
    expect((await cur.post('/api/roadmaps', { municipality: 'beloyarsky', title: 'Карта ЦУР', topics: ['0005.0005'], startsOn: '2026-05-01' })).statusCode).toBe(403);
  });

  it('refuses unknown topics, unreadable streets and foreign clusters on their fields, writing nothing', async () => {
    const before = (await head.get('/api/roadmaps')).json().items.length;
    const res = await head.post('/api/roadmaps', { municipality: 'beloyarsky', title: 'Неверная карта', topics: ['9999.9999'], places: ['!!'], clusters: ['00000000-0000-4000-8000-000000000000'], startsOn: '2026-05-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toEqual(['topics', 'places/0', 'clusters']);
    expect(res.json().details[0].message).toContain('9999.9999');
    const badDate = await head.post('/api/roadmaps', { municipality: 'beloyarsky', title: 'Карта', topics: ['0005.0005'], startsOn: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect((await head.get('/api/roadmaps')).json().items).toHaveLength(before);
  });
});

async function unsubscribeTokenOf(email: string): Promise<string> {
  const res = await t.database.db.execute(sql`select unsubscribe_token from subscriptions where email = ${email}`);
  return (res as unknown as { rows: { unsubscribe_token: string }[] }).rows[0].unsubscribe_token;
}
