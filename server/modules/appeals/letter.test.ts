import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';

// Tuesday 10 March 2026, 14:00 in Yekaterinburg.
const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
let contact: Session;
let head: Session;
let executor: Session;
let analyst: Session;
let ekbHead: Session;
let departmentId: string;

const letter = (over: Record<string, unknown> = {}) => ({
  channel: 'fz59', subChannel: 'letter',
  receivedAt: '2026-03-02T05:00:00Z', registeredAt: '2026-03-02T06:00:00Z',
  author: { surname: 'Григорьев', name: 'Павел', patronymic: 'Ильич', email: 'grigoriev@example.ru', postalAddress: '624030, пос. Белоярский, ул. Ленина, д. 5' },
  text: 'Прошу отремонтировать дорогу на улице Ленина: ямы на дороге не дают проехать.',
  kind: 'complaint',
  ...over,
});

async function answered(): Promise<string> {
  const a = (await contact.post('/api/appeals', letter())).json();
  await head.post(`/api/appeals/${a.id}/actions/assign`, { departmentId, executorId: executor.user.id });
  await executor.post(`/api/appeals/${a.id}/actions/take`, {});
  await executor.post(`/api/appeals/${a.id}/actions/submit_answer`, { answerText: 'Ямочный ремонт ул. Ленина выполнит МУП «Дорсервис» до 30 апреля 2026 г.\nОтветственный — Петров И. Н.', resultCode: 'supported' });
  expect((await head.post(`/api/appeals/${a.id}/actions/approve`, {})).statusCode).toBe(200);
  return a.id;
}

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [contact, head, executor, analyst, ekbHead] = await Promise.all(['beloyarsky.contact', 'beloyarsky.head', 'beloyarsky.executor', 'cur.analyst', 'ekb.head'].map((l) => t.login(l)));
  departmentId = (await head.get('/api/departments')).json().items.find((d: { name: string }) => d.name.includes('благоустройства')).id;
}, 300_000);
afterAll(async () => { await t?.close(); });

describe('the answer as an official letter', () => {
  it('DOCX on the letterhead: the appeal number and date, the author address block, the text and the approving head', async () => {
    const id = await answered();
    const number = (await head.get(`/api/appeals/${id}`)).json().number;
    const res = await executor.get(`/api/appeals/${id}/answer.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`Ответ на обращение ${number}.docx`);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    for (const part of ['Белоярский городской округ', `№ ${number}`, 'от 10.03.2026', 'Григорьев Павел Ильич', '624030, пос. Белоярский, ул. Ленина, д. 5',
      'Уважаемый Павел Ильич!', `Ваше обращение от 02.03.2026 № ${number} рассмотрено.`, 'МУП «Дорсервис»', 'Ответственный — Петров И. Н.',
      'Глава городского округа', 'Соколов Дмитрий Александрович']) {
      expect(xml).toContain(part);
    }
  });

  it('PDF too; ЦУР may download it; another municipality gets 404; no answer yet is 409', async () => {
    const id = await answered();
    const pdf = await analyst.get(`/api/appeals/${id}/answer.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await ekbHead.get(`/api/appeals/${id}/answer.pdf`)).statusCode).toBe(404);
    const fresh = (await contact.post('/api/appeals', letter())).json();
    const none = await head.get(`/api/appeals/${fresh.id}/answer.docx`);
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('no_answer_yet');
  });
});

describe('reopen keeps who approved the answer given', () => {
  it('after a reopen the card still names the head who approved; a new answer is unapproved until approved again', async () => {
    const id = await answered();
    const reopened = await analyst.post(`/api/appeals/${id}/actions/reopen`, { reason: 'returned_by_cur', remark: 'Ответ не содержит сроков' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'reopened', answer: { approvedBy: { id: head.user.id } } });
    await executor.post(`/api/appeals/${id}/actions/take`, {});
    const submitted = (await executor.post(`/api/appeals/${id}/actions/submit_answer`, { answerText: 'Ремонт выполнен 5 апреля 2026 г., фото приложено.', resultCode: 'supported' })).json();
    expect(submitted.answer.approvedBy).toBeNull();
  });
});

describe('bulk actions in the registry', () => {
  it('assigns the selected appeals, each audited; refusals come back per appeal; nothing of another municipality leaks', async () => {
    const a = (await contact.post('/api/appeals', letter())).json();
    const b = (await contact.post('/api/appeals', letter())).json();
    const foreign = (await ekbHead.post('/api/appeals', letter())).json();
    const res = await head.post('/api/appeals/bulk', { ids: [a.id, b.id, foreign.id], action: 'assign', payload: { departmentId, executorId: executor.user.id } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ done: 2, failed: 1 });
    expect(body.items[0]).toMatchObject({ id: a.id, number: a.number, ok: true, status: 'assigned' });
    expect(body.items[2]).toMatchObject({ id: foreign.id, number: null, ok: false, code: 'appeal_not_found' });
    expect((await head.get(`/api/appeals/${b.id}`)).json().executor.id).toBe(executor.user.id);
    const admin = await t.login('cur.admin');
    for (const id of [a.id, b.id]) {
      const audit = (await admin.get(`/api/audit?entityType=appeal&entityId=${id}`)).json().items.map((r: { action: string }) => r.action);
      expect(audit).toContain('appeal.assign');
    }
    // An executor may not assign: each appeal says why.
    const refused = (await executor.post('/api/appeals/bulk', { ids: [a.id], action: 'set_control' })).json();
    expect(refused).toMatchObject({ done: 0, failed: 1, items: [{ ok: false, code: 'action_forbidden' }] });
    // A missing department is said once, before any appeal is touched.
    const missing = await head.post('/api/appeals/bulk', { ids: [a.id], action: 'assign' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([{ field: 'payload.departmentId', message: 'Выберите подразделение' }]);
  });

  it('ЦУР sets the selected appeals on control; bad input is a 400', async () => {
    const a = (await contact.post('/api/appeals', letter())).json();
    const res = (await analyst.post('/api/appeals/bulk', { ids: [a.id], action: 'set_control' })).json();
    expect(res).toMatchObject({ done: 1, items: [{ ok: true }] });
    expect((await head.get(`/api/appeals/${a.id}`)).json().onControl).toBe(true);
    expect((await head.post('/api/appeals/bulk', { ids: [], action: 'set_control' })).statusCode).toBe(400);
    expect((await head.post('/api/appeals/bulk', { ids: [a.id], action: 'approve' })).statusCode).toBe(400);
  });

  it('exports exactly the selected appeals', async () => {
    const a = (await contact.post('/api/appeals', letter({ text: 'Выбранное обращение про освещение во дворе.' }))).json();
    const b = (await contact.post('/api/appeals', letter({ text: 'Второе выбранное обращение про мусор.' }))).json();
    const csv = await head.get(`/api/appeals/export?format=csv&ids=${a.id},${b.id}`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(csv.body).toContain(a.number);
    expect(csv.body).toContain(b.number);
    expect((await head.get('/api/appeals/export?format=csv&ids=nonsense')).statusCode).toBe(400);
  });
});
