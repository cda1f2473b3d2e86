// The `can` blocks and the session's `policies` tell the truth: for each demo role, what they promise
// the API then allows (2xx), and what they withhold it refuses (403, or 409 where the state forbids it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from './helpers';

const LOGINS = ['cur.admin', 'cur.analyst', 'beloyarsky.contact', 'beloyarsky.executor', 'beloyarsky.head'] as const;
type Login = (typeof LOGINS)[number];

let t: TestApp;
const as = {} as Record<Login, Session>;
const ids = { appeal: '', risk: '', freshRisk: '', report: '', request: '', contact: '' };

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
function multipart(name: string, extra: Record<string, string> = {}) {
  const boundary = 'capabilitiesboundary';
  const fields = Object.entries(extra).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const payload = Buffer.concat([
    Buffer.from(`${fields}--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`), png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A promise kept answers 2xx; a promise withheld answers one of the refusals. */
function expectKept(promised: boolean, status: number, refusals: number[] = [403]) {
  if (promised) expect(status).toBeLessThan(300);
  else expect(refusals).toContain(status);
}

beforeAll(async () => {
  t = await buildTestApp();
  for (const login of LOGINS) as[login] = await t.login(login);
  const head = as['beloyarsky.head'];
  const submitted = (await t.app.inject({ method: 'POST', url: '/api/public/appeals', payload: { municipality: 'beloyarsky', surname: 'Петрова', name: 'Анна', email: 'a@example.ru', text: 'Обращение о ремонте крыши школы', consent: true } })).json();
  ids.appeal = (await head.get(`/api/appeals?q=${encodeURIComponent(submitted.number)}`)).json().items[0].id;
  ids.risk = (await as['cur.analyst'].post('/api/risks', { municipality: 'beloyarsky', platform: 'telegram', text: 'Слух о закрытии школы', kind: 'misinformation', level: 'medium' })).json().id;
  await as['beloyarsky.contact'].post(`/api/risks/${ids.risk}/actions/submit_draft`, { text: 'Проект комментария' });
  ids.freshRisk = (await as['cur.analyst'].post('/api/risks', { municipality: 'beloyarsky', platform: 'vk', text: 'Новый слух без комментария', kind: 'misinformation', level: 'low' })).json().id;
  ids.report = (await head.post('/api/reports', { year: 2026, quarter: 1 })).json().id;
  ids.request = (await as['cur.analyst'].post('/api/requests', { subject: 'Сведения о школах', text: 'Пришлите сведения', municipalities: ['beloyarsky'], dueAt: '2099-01-01T00:00:00Z' })).json().id;
  ids.contact = (await head.get('/api/contacts')).json().items[0].id;
});
afterAll(async () => { await t.close(); });

describe.each(LOGINS)('%s', (login) => {
  it('edits, uploads to and comments on an appeal exactly as its `can` says', async () => {
    const s = as[login];
    const appeal = (await s.get(`/api/appeals/${ids.appeal}`)).json();
    expect(Object.keys(appeal.can).sort()).toEqual(['comment', 'edit', 'upload']);
    expectKept(appeal.can.edit, (await s.patch(`/api/appeals/${ids.appeal}`, { repeated: false })).statusCode);
    expectKept(appeal.can.upload, (await s.request({ method: 'POST', url: `/api/appeals/${ids.appeal}/attachments`, ...multipart('file') })).statusCode);
    expectKept(appeal.can.comment, (await s.post(`/api/appeals/${ids.appeal}/comments`, { text: `Комментарий ${login}` })).statusCode);
  });

  it('uploads to a risk and exports its comment exactly as its `can` says', async () => {
    const s = as[login];
    const risk = (await s.get(`/api/risks/${ids.risk}`)).json();
    expectKept(risk.can.upload, (await s.request({ method: 'POST', url: `/api/risks/${ids.risk}/files`, ...multipart('files', { purpose: 'publication' }) })).statusCode);
    expect(risk.can.exportComment).toBe(true);
    expect((await s.get(`/api/risks/${ids.risk}/comment.docx`)).statusCode).toBe(200);
    const fresh = (await s.get(`/api/risks/${ids.freshRisk}`)).json();
    expect(fresh.can.exportComment).toBe(false);
    expect((await s.get(`/api/risks/${ids.freshRisk}/comment.pdf`)).statusCode).toBe(409);
  });

  it('edits and exports a report exactly as its `can` says', async () => {
    const s = as[login];
    const res = await s.get(`/api/reports/${ids.report}`);
    if (res.statusCode === 404) return; // ЦУР does not see a draft: nothing is offered to it
    const report = res.json();
    expect(report.can.read).toBe(true);
    expectKept(report.can.edit, (await s.patch(`/api/reports/${ids.report}`, { analytics: { measures: `Меры ${login}` } })).statusCode, [403, 409]);
    expectKept(report.can.export, (await s.get(`/api/reports/${ids.report}/export.xlsx`)).statusCode, [404]);
  });

  it('edits a contact official exactly as its `can` says', async () => {
    const s = as[login];
    const contact = (await s.get('/api/contacts')).json().items.find((c: { id: string }) => c.id === ids.contact);
    expectKept(contact.can.edit, (await s.patch(`/api/contacts/${ids.contact}`, { phone: '+7 343 000-00-00' })).statusCode);
  });

  it('creates what the session policies promise', async () => {
    const s = as[login];
    const { policies } = (await s.get('/api/auth/me')).json();
    expectKept(policies['risks.create'], (await s.post('/api/risks', { municipality: 'beloyarsky', platform: 'vk', text: `Риск от ${login}`, kind: 'misinformation', level: 'low' })).statusCode);
    expectKept(policies['requests.create'], (await s.post('/api/requests', { subject: `Запрос ${login}`, text: 'Текст', municipalities: ['beloyarsky'], dueAt: '2099-01-01T00:00:00Z' })).statusCode);
    expectKept(policies['reports.compose'], (await s.post('/api/reports', { municipality: 'beloyarsky', year: 2026, quarter: 2 })).statusCode);
    expectKept(policies['contacts.create'], (await s.post('/api/contacts', { municipality: 'beloyarsky', surname: 'Контакт', name: login, position: 'Специалист', email: 'c@example.ru', phone: '+7 343 111-11-11' })).statusCode);
    expectKept(policies['departments.manage'], (await s.post('/api/departments', { municipality: 'beloyarsky', name: `Отдел ${login}` })).statusCode);
    const boundary = 'importcapabilities';
    const csv = 'Номер;Факт;Дата поступления\n1;Сообщение ПОС;01.03.2026 10:00\n';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\npos\r\n--${boundary}\r\nContent-Disposition: form-data; name="municipality"\r\n\r\nbeloyarsky\r\n`
      + `--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pos.csv"\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    expectKept(policies['imports.run'], (await s.request({ method: 'POST', url: '/api/imports', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } })).statusCode);
    expectKept(policies['imports.categories'], (await s.request({ method: 'PUT', url: '/api/import-categories/incidents', payload: { items: [] } })).statusCode);
    expectKept(policies['open311.manage'], (await s.get('/api/open311/keys')).statusCode);
    expectKept(policies['monitoring.manage'], (await s.get('/api/monitoring/items')).statusCode);
    expectKept(policies['officialPages.manage'], (await s.post('/api/official-pages', { municipality: 'beloyarsky', platform: 'vk', url: `https://vk.com/${login.replace('.', '_')}` })).statusCode);
  });
});

it('answers a request exactly as its `can` says, then no more', async () => {
  for (const login of LOGINS) {
    const s = as[login];
    const request = (await s.get(`/api/requests/${ids.request}`)).json();
    const res = await s.post(`/api/requests/${ids.request}/answer`, { text: `Ответ ${login}` });
    // One answer per administration: whoever answers first closes it for the others (409).
    expectKept(request.can.answer, res.statusCode, [403, 409]);
    if (request.can.answer) expect(res.json().can.answer).toBe(false);
  }
  const answered = (await as['beloyarsky.head'].get(`/api/requests/${ids.request}`)).json();
  expect(answered.addressees[0].answerText).toBe('Ответ beloyarsky.contact');
  expect((await as['beloyarsky.head'].post(`/api/requests/${ids.request}/answer`, { text: 'Ещё раз' })).statusCode).toBe(409);
});

it('the promises are not vacuous: each is kept for someone and withheld from someone', async () => {
  const appealCan = await Promise.all(LOGINS.map(async (l) => (await as[l].get(`/api/appeals/${ids.appeal}`)).json().can));
  expect(appealCan.some((c) => c.edit) && appealCan.some((c) => !c.edit)).toBe(true);
  const contactCan = await Promise.all(LOGINS.map(async (l) => (await as[l].get('/api/contacts')).json().items.find((c: { id: string }) => c.id === ids.contact).can));
  expect(contactCan.some((c) => c.edit) && contactCan.some((c) => !c.edit)).toBe(true);
  const head = (await as['beloyarsky.head'].get(`/api/reports/${ids.report}`)).json();
  expect(head.can.edit).toBe(true);
});
