import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { sql } from 'drizzle-orm';

let t: TestApp;
let head: Session;
let executor: Session;

// A 1×1 PNG and a minimal PDF, recognised by content.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

function multipart(fields: Record<string, string>, files: { name: string; filename: string; type: string; content: Buffer }[]) {
  const boundary = '----otklik' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const citizen = {
  municipality: 'beloyarsky', surname: 'Андреева', name: 'Светлана', patronymic: 'Олеговна', email: 'andreeva@example.ru',
  text: 'Прошу установить детскую площадку во дворе дома 12 по улице Милицейской.', consent: true,
};

beforeAll(async () => {
  t = await buildTestApp({ config: { publicAppealsPerHour: 1000 } });
  head = await t.login('beloyarsky.head');
  executor = await t.login('beloyarsky.executor');
});
afterAll(async () => { await t.close(); });

const send = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/public/appeals', payload: payload as never });

describe('e-reception', () => {
  it('accepts an appeal and returns its number and tracking code; the status page needs the code', async () => {
    const res = await send(citizen);
    expect(res.statusCode).toBe(201);
    const { number, trackingCode } = res.json();
    expect(number).toMatch(/^БЕЛ-2026-\d{6}$/);
    expect(trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    const wrong = await t.app.inject({ method: 'GET', url: `/api/public/appeals/${encodeURIComponent(number)}?code=WRONGCODE1` });
    expect(wrong.statusCode).toBe(404);
    const status = await t.app.inject({ method: 'GET', url: `/api/public/appeals/${encodeURIComponent(number)}?code=${trackingCode}` });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ number, status: 'received', statusLabel: 'Поступило', answer: null, canRate: false });
    const staff = (await head.get(`/api/appeals?q=${encodeURIComponent(number)}`)).json().items[0];
    expect(staff).toMatchObject({ status: 'received', channel: 'fz59', subChannel: 'e_reception', authorName: 'Андреева Светлана Олеговна' });
  });

  it('requires what 59-ФЗ needs, with Russian messages per field', async () => {
    const noAddress = await send({ ...citizen, email: undefined });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json().details[0]).toMatchObject({ field: 'email', message: expect.stringContaining('почтовый адрес') });
    const noConsent = await send({ ...citizen, consent: false });
    expect(noConsent.json().details.map((d: { field: string }) => d.field)).toContain('consent');
    const missing = await send({ municipality: 'beloyarsky', consent: true });
    expect(missing.json().details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['surname', 'name', 'text']));
    expect((await send({ ...citizen, municipality: 'atlantis' })).statusCode).toBe(404);
    const bot = await send({ ...citizen, website: 'http://spam.example' });
    expect(bot.statusCode).toBe(422);
  });

  it('checks a form sent without a body or a content type like any other', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/public/appeals', remoteAddress: '10.9.9.1' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['surname', 'name', 'text']));
    const text = await t.app.inject({ method: 'POST', url: '/api/public/appeals', payload: 'Прошу помочь', headers: { 'content-type': 'text/plain' }, remoteAddress: '10.9.9.1' });
    expect(text.statusCode).toBe(400);
  });

  it('takes files by multipart, checked by content, not by name', async () => {
    const ok = multipart({ ...citizen, consent: 'true' }, [
      { name: 'files', filename: 'фото.png', type: 'image/png', content: PNG },
      { name: 'files', filename: 'заявление.pdf', type: 'application/pdf', content: PDF },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/api/public/appeals', ...ok });
    expect(res.statusCode).toBe(201);
    const id = (await head.get(`/api/appeals?q=${encodeURIComponent(res.json().number)}`)).json().items[0].id;
    const card = (await head.get(`/api/appeals/${id}`)).json();
    expect(card.attachments.map((f: { filename: string; mimeType: string }) => [f.filename, f.mimeType])).toEqual([
      ['фото.png', 'image/png'], ['заявление.pdf', 'application/pdf'],
    ]);
    const download = await head.get(`/api/appeals/${id}/attachments/${card.attachments[0].id}`);
    expect(download.rawPayload.equals(PNG)).toBe(true);

    const before = (await head.get('/api/appeals')).json().total;
    const fake = multipart({ ...citizen, consent: 'true' }, [{ name: 'files', filename: 'document.pdf', type: 'application/pdf', content: Buffer.from('MZ this is an executable, not a pdf') }]);
    const refused = await t.app.inject({ method: 'POST', url: '/api/public/appeals', ...fake });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().code).toBe('file_type_not_allowed');
    const six = multipart({ ...citizen, consent: 'true' }, Array.from({ length: 6 }, (_, i) => ({ name: 'files', filename: `${i}.png`, type: 'image/png', content: PNG })));
    expect((await t.app.inject({ method: 'POST', url: '/api/public/appeals', ...six })).statusCode).toBe(413);
    expect((await head.get('/api/appeals')).json().total).toBe(before);
  });

  it('limits submissions per address and says when to come back', async () => {
    const limited = await buildTestApp({ config: { publicAppealsPerHour: 2 } });
    try {
      const responses = [];
      for (let i = 0; i < 3; i++) responses.push(await limited.app.inject({ method: 'POST', url: '/api/public/appeals', payload: citizen }));
      expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 429]);
      const refused = responses[2];
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
      expect(refused.json()).toMatchObject({ code: 'rate_limited', message: 'Слишком много запросов. Повторите через 60 мин.' });
    } finally {
      await limited.close();
    }
  });
});

describe('rating', () => {
  async function answered() {
    const { number, trackingCode } = (await send(citizen)).json();
    const id = (await head.get(`/api/appeals?q=${encodeURIComponent(number)}`)).json().items[0].id;
    const dept = (await head.get('/api/departments')).json().items[0].id;
    for (const [s, action, body] of [
      [head, 'register', {}], [head, 'assign', { departmentId: dept, executorId: executor.user.id }], [executor, 'take', {}],
      [executor, 'submit_answer', { answerText: 'Детская площадка во дворе дома 12 по улице Милицейской включена в план благоустройства и будет установлена до 30 мая 2026 года; ответственный — отдел благоустройства администрации.', resultCode: 'supported' }], [head, 'approve', {}],
    ] as const) {
      const res = await s.post(`/api/appeals/${id}/actions/${action}`, body);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
    return { number, trackingCode, id };
  }

  it('is possible only once the appeal is answered, and only once', async () => {
    const { number, trackingCode } = (await send(citizen)).json();
    const early = await t.app.inject({ method: 'POST', url: `/api/public/appeals/${encodeURIComponent(number)}/rating`, payload: { code: trackingCode, score: 5 } });
    expect(early.statusCode).toBe(409);
    const a = await answered();
    const status = (await t.app.inject({ method: 'GET', url: `/api/public/appeals/${encodeURIComponent(a.number)}?code=${a.trackingCode}` })).json();
    expect(status).toMatchObject({ status: 'answered', canRate: true, answer: { text: 'Детская площадка во дворе дома 12 по улице Милицейской включена в план благоустройства и будет установлена до 30 мая 2026 года; ответственный — отдел благоустройства администрации.', resultLabel: expect.any(String) } });
    const rated = await t.app.inject({ method: 'POST', url: `/api/public/appeals/${encodeURIComponent(a.number)}/rating`, payload: { code: a.trackingCode, score: 5, comment: 'Спасибо!' } });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ rating: { score: 5, comment: 'Спасибо!' }, canRate: false, status: 'answered' });
    const twice = await t.app.inject({ method: 'POST', url: `/api/public/appeals/${encodeURIComponent(a.number)}/rating`, payload: { code: a.trackingCode, score: 1 } });
    expect(twice.statusCode).toBe(409);
  });

  it('a score of 1–2 reopens the appeal for the head and flags it for ЦУР', async () => {
    const a = await answered();
    const res = await t.app.inject({ method: 'POST', url: `/api/public/appeals/${encodeURIComponent(a.number)}/rating`, payload: { code: a.trackingCode, score: 2, comment: 'Ничего не сделано' } });
    expect(res.statusCode).toBe(200);
    const card = (await head.get(`/api/appeals/${a.id}`)).json();
    expect(card).toMatchObject({ status: 'reopened', flaggedForCur: true, rating: { score: 2 } });
    const notes = (await head.get('/api/notifications')).json().items;
    expect(notes.some((n: { kind: string; entityId: string }) => n.kind === 'appeal.reopened' && n.entityId === a.id)).toBe(true);
    const flagged = (await (await t.login('cur.analyst')).get('/api/appeals?flagged=true')).json().items.map((i: { id: string }) => i.id);
    expect(flagged).toContain(a.id);
  });
});

describe('letters to the author', () => {
  it('confirms receipt with the number and code, and sends the approved answer', async () => {
    const { sql } = await import('drizzle-orm');
    const subjects = async (to: string) => {
      const res = await t.database.db.execute(sql`select subject, text from mail_outbox where "to" = ${to} order by created_at`);
      return ((res as { rows?: unknown[] }).rows ?? res) as { subject: string; text: string }[];
    };
    const to = 'letters@example.ru';
    const { number, trackingCode } = (await send({ ...citizen, email: to })).json();
    const [receipt] = await subjects(to);
    expect(receipt.subject).toBe(`Обращение № ${number} принято`);
    expect(receipt.text).toContain(trackingCode);
    const id = (await head.get(`/api/appeals?q=${encodeURIComponent(number)}`)).json().items[0].id;
    const dept = (await head.get('/api/departments')).json().items[0].id;
    await head.post(`/api/appeals/${id}/actions/register`, {});
    await head.post(`/api/appeals/${id}/actions/assign`, { departmentId: dept, executorId: executor.user.id });
    await executor.post(`/api/appeals/${id}/actions/take`, {});
    await executor.post(`/api/appeals/${id}/actions/submit_answer`, { answerText: 'Детская площадка во дворе дома 12 по улице Милицейской включена в план благоустройства и будет установлена до 30 мая 2026 года; ответственный — отдел благоустройства администрации.', resultCode: 'supported' });
    await head.post(`/api/appeals/${id}/actions/approve`, {});
    const letters = await subjects(to);
    expect(letters.map((l) => l.subject)).toEqual([`Обращение № ${number} принято`, `Ответ на обращение № ${number}`]);
    expect(letters[1].text).toContain('Детская площадка во дворе дома 12 по улице Милицейской включена в план благоустройства и будет установлена до 30 мая 2026 года; ответственный — отдел благоустройства администрации.');
  });
});

describe('the author hears of every outcome, whatever the channel', () => {
  const mails = async (to: string) => {
    const res = await t.database.db.execute(sql`select subject, text from mail_outbox where "to" = ${to} order by subject`);
    return ((res as { rows?: unknown[] }).rows ?? res) as { subject: string; text: string }[];
  };
  const register = async (email: string, over: Record<string, unknown> = {}) => {
    const contact = await t.login('beloyarsky.contact');
    const res = await contact.post('/api/appeals', {
      channel: 'pos', externalId: `POS-${email}`, author: { surname: 'Яковлев', name: 'Игорь', email }, text: 'Прошу убрать мусор у дома 3 по улице Мира.', ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    if (res.json().status === 'received') expect((await head.post(`/api/appeals/${id}/actions/register`, {})).statusCode).toBe(200);
    return res.json() as { id: string; number: string };
  };

  it('an answer to a ПОС appeal carries the rating link and a code that rates it', async () => {
    const a = await register('yakovlev@example.ru');
    const dept = (await head.get('/api/departments')).json().items[0].id;
    for (const [s, action, body] of [
      [head, 'assign', { departmentId: dept, executorId: executor.user.id }], [executor, 'take', {}],
      [executor, 'submit_answer', { answerText: 'Мусор вывезен 12 марта.', resultCode: 'supported' }], [head, 'approve', {}],
    ] as const) expect((await s.post(`/api/appeals/${a.id}/actions/${action}`, body)).statusCode).toBe(200);
    const [answer] = (await mails('yakovlev@example.ru')).filter((m) => m.subject.startsWith('Ответ на обращение'));
    expect(answer.text).toContain(`/status/${encodeURIComponent(a.number)}`);
    const code = /Код: ([A-Z2-9]{10})/.exec(answer.text)?.[1];
    expect(code).toBeDefined();
    const rated = await t.app.inject({ method: 'POST', url: `/api/public/appeals/${encodeURIComponent(a.number)}/rating`, payload: { code, score: 4 } });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().rating).toEqual({ score: 4, comment: null });
  });

  it('forwarding tells the author where and when (59-ФЗ ст.8 ч.3), by e-mail and on the status page', async () => {
    const { number, trackingCode } = (await send({ ...citizen, email: 'forwarded@example.ru' })).json();
    const id = (await head.get(`/api/appeals?q=${encodeURIComponent(number)}`)).json().items[0].id;
    await head.post(`/api/appeals/${id}/actions/register`, {});
    expect((await head.post(`/api/appeals/${id}/actions/forward`, { bodyName: 'Министерство энергетики и ЖКХ Свердловской области', forwardedOn: '2026-03-04' })).statusCode).toBe(200);
    const letter = (await mails('forwarded@example.ru')).find((m) => m.subject.includes('направлено по компетенции'));
    expect(letter?.text).toContain('04.03.2026 направлено для рассмотрения по компетенции: Министерство энергетики и ЖКХ Свердловской области');
    const status = (await t.app.inject({ method: 'GET', url: `/api/public/appeals/${encodeURIComponent(number)}?code=${trackingCode}` })).json();
    expect(status).toMatchObject({ forwardedTo: 'Министерство энергетики и ЖКХ Свердловской области', forwardedOn: '2026-03-04' });
  });

  it('leaving without an answer tells the author the ground (ст.11 ч.3–5), and nobody under ч.1', async () => {
    const { number, trackingCode } = (await send({ ...citizen, email: 'left@example.ru' })).json();
    const id = (await head.get(`/api/appeals?q=${encodeURIComponent(number)}`)).json().items[0].id;
    await head.post(`/api/appeals/${id}/actions/register`, {});
    expect((await head.post(`/api/appeals/${id}/actions/leave_without_answer`, { ground: 'repeated_without_new_arguments' })).statusCode).toBe(200);
    const letter = (await mails('left@example.ru')).find((m) => m.subject.includes('без ответа по существу'));
    expect(letter?.text).toContain('ч. 5 ст. 11 59-ФЗ');
    const status = (await t.app.inject({ method: 'GET', url: `/api/public/appeals/${encodeURIComponent(number)}?code=${trackingCode}` })).json();
    expect(status.noAnswerGround).toContain('ч. 5 ст. 11 59-ФЗ');

    const nameless = await register('nameless@example.ru');
    expect((await head.post(`/api/appeals/${nameless.id}/actions/leave_without_answer`, { ground: 'no_name_or_address' })).statusCode).toBe(200);
    expect((await mails('nameless@example.ru')).filter((m) => m.subject.includes('без ответа'))).toEqual([]);
  });
});

describe('organisations and groups', () => {
  it('takes an appeal from an organisation with its ИНН and the person who signs; the card and the export show them', async () => {
    const res = await send({ ...citizen, authorKind: 'legal_entity', organization: 'ТСЖ «Милицейская, 12»', inn: '6658021579', surname: 'Кравцов', name: 'Олег', patronymic: 'Ильич' });
    expect(res.statusCode).toBe(201);
    const listed = (await head.get(`/api/appeals?q=${encodeURIComponent(res.json().number)}`)).json().items[0];
    const card = (await head.get(`/api/appeals/${listed.id}`)).json();
    expect(card.author).toMatchObject({ kind: 'legal_entity', organization: 'ТСЖ «Милицейская, 12»', inn: '6658021579', surname: 'Кравцов', name: 'Олег', signers: [] });
    const csv = (await head.get(`/api/appeals/export?format=csv&q=${encodeURIComponent(res.json().number)}`)).body.replace(/^\uFEFF/, '').trim().split('\n');
    const header = csv[0].split(';');
    const row = csv[1].split(';');
    expect(row[header.indexOf('ИНН')]).toBe('6658021579');
    expect(row[header.indexOf('Заявитель')]).toContain('ТСЖ');
  });

  it('refuses a wrong ИНН, an organisation without a name, and an ИНН of a private person, writing nothing', async () => {
    const before = (await head.get('/api/appeals?municipality=beloyarsky')).json().total;
    const wrong = await send({ ...citizen, authorKind: 'legal_entity', organization: 'ООО «Ромашка»', inn: '6658021578' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details).toEqual([expect.objectContaining({ field: 'inn', message: expect.stringMatching(/контрольные цифры/) })]);
    const noName = await send({ ...citizen, authorKind: 'legal_entity' });
    expect(noName.json().details.map((d: { field: string }) => d.field)).toEqual(['organization']);
    const personal = await send({ ...citizen, inn: '6658021579' });
    expect(personal.json().details.map((d: { field: string }) => d.field)).toEqual(['inn']);
    const short = await send({ ...citizen, authorKind: 'legal_entity', organization: 'ООО «Ромашка»', inn: '123' });
    expect(short.statusCode).toBe(400);
    expect(short.json().details.map((d: { field: string }) => d.field)).toEqual(['inn']);
    expect((await head.get('/api/appeals?municipality=beloyarsky')).json().total).toBe(before);
  });

  it('takes a collective appeal with several signatories, by JSON and by a form with files', async () => {
    const signers = [{ surname: 'Белова', name: 'Анна' }, { surname: 'Чернов', name: 'Игорь', patronymic: 'Петрович', postalAddress: 'ул. Милицейская, 12, кв. 4' }];
    const res = await send({ ...citizen, authorKind: 'collective', signers });
    expect(res.statusCode).toBe(201);
    const listed = (await head.get(`/api/appeals?q=${encodeURIComponent(res.json().number)}`)).json().items[0];
    const card = (await head.get(`/api/appeals/${listed.id}`)).json();
    expect(card.author).toMatchObject({ kind: 'collective', surname: 'Андреева', signatories: 3, signers: [
      { surname: 'Белова', name: 'Анна', patronymic: null, postalAddress: null }, { surname: 'Чернов', name: 'Игорь', patronymic: 'Петрович', postalAddress: 'ул. Милицейская, 12, кв. 4' },
    ] });
    expect((await head.get('/api/appeals?collective=true&municipality=beloyarsky')).json().items.map((i: { id: string }) => i.id)).toContain(listed.id);
    const csv = (await head.get(`/api/appeals/export?format=csv&q=${encodeURIComponent(res.json().number)}`)).body.replace(/^\uFEFF/, '').trim().split('\n');
    const header = csv[0].split(';');
    expect(csv[1].split(';')[header.indexOf('Подписей')]).toBe('3');
    expect(csv[1].split(';')[header.indexOf('Подписавшие')]).toBe('Белова Анна, Чернов Игорь Петрович');

    const form = multipart({ ...Object.fromEntries(Object.entries(citizen).map(([k, v]) => [k, String(v)])), authorKind: 'collective', signers: JSON.stringify(signers.slice(0, 1)) }, [{ name: 'file', filename: 'list.pdf', type: 'application/pdf', content: PDF }]);
    const viaForm = await t.app.inject({ method: 'POST', url: '/api/public/appeals', ...form });
    expect(viaForm.statusCode).toBe(201);

    const lonely = await send({ ...citizen, authorKind: 'collective' });
    expect(lonely.statusCode).toBe(400);
    expect(lonely.json().details.map((d: { field: string }) => d.field)).toEqual(['signers']);
    const unnamed = await send({ ...citizen, authorKind: 'collective', signers: [{ surname: 'Белова' }] });
    expect(unnamed.statusCode).toBe(400);
  });

  it('staff register an organisation’s letter and a collective appeal with the same checks', async () => {
    const contact = await t.login('beloyarsky.contact');
    const base = { channel: 'fz59', subChannel: 'letter', text: 'Просим отремонтировать кровлю дома 12 по ул. Милицейской, течёт в трёх подъездах.' };
    const org = await contact.post('/api/appeals', { ...base, author: { kind: 'legal_entity', organization: 'ООО «УК Белоярская»', inn: '7707083893', surname: 'Гусев', name: 'Роман', postalAddress: 'ул. Ленина, 1' } });
    expect(org.statusCode).toBe(201);
    expect(org.json().author).toMatchObject({ kind: 'legal_entity', inn: '7707083893', organization: 'ООО «УК Белоярская»' });
    const bad = await contact.post('/api/appeals', { ...base, author: { kind: 'legal_entity', organization: 'ООО «УК Белоярская»', inn: '7707083890', surname: 'Гусев', name: 'Роман' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([expect.objectContaining({ field: 'author.inn' })]);
    const group = await contact.post('/api/appeals', { ...base, author: { kind: 'collective', surname: 'Лебедев', name: 'Антон', signers: [{ surname: 'Соколова', name: 'Мария' }] } });
    expect(group.statusCode).toBe(201);
    expect(group.json().author).toMatchObject({ signatories: 2, signers: [{ surname: 'Соколова', name: 'Мария' }] });
  });
});
