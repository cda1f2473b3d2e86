import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';

const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
let admin: Session;
let contact: Session;
let number: string;
let appealId: string;

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [admin, contact] = await Promise.all(['cur.admin', 'beloyarsky.contact'].map((l) => t.login(l)));
  const res = await contact.post('/api/appeals', {
    channel: 'fz59', subChannel: 'letter', receivedAt: '2026-03-02T05:00:00Z', registeredAt: '2026-03-02T06:00:00Z',
    author: { surname: 'Григорьев', name: 'Павел', email: 'grigoriev@example.ru' }, text: 'Прошу отремонтировать дорогу на улице Ленина.',
  });
  ({ number, id: appealId } = res.json());
  await contact.patch(`/api/appeals/${appealId}`, { onControl: true });
}, 180_000);
afterAll(async () => { await t.close(); });

describe('the audit log in words', () => {
  it('names each action in Russian and the object by its number with a link', async () => {
    const items = (await admin.get(`/api/audit?object=${encodeURIComponent(number)}`)).json().items;
    expect(items.map((e: { actionTitle: string }) => e.actionTitle)).toEqual(['Изменена классификация обращения', 'Зарегистрировано обращение']);
    expect(items[0]).toMatchObject({
      object: { type: 'appeal', typeTitle: 'Обращение', title: number, link: `/appeals/${appealId}` },
      actorName: 'Иванова Мария Сергеевна', organizationName: 'Белоярский ГО', timeZone: 'Asia/Yekaterinburg',
    });
  });

  it('filters by user, municipality and period; an unknown number finds nothing', async () => {
    const byUser = (await admin.get(`/api/audit?actorId=${contact.user.id}`)).json().items;
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((e: { actorId: string }) => e.actorId === contact.user.id)).toBe(true);
    const ekb = (await admin.get('/api/audit?municipality=ekaterinburg')).json().items;
    expect(ekb.some((e: { object: { title: string } | null }) => e.object?.title === number)).toBe(false);
    const bel = (await admin.get('/api/audit?municipality=beloyarsky&action=appeal.create')).json().items;
    expect(bel.some((e: { object: { title: string } | null }) => e.object?.title === number)).toBe(true);
    expect((await admin.get('/api/audit?object=БЕЛ-1999-000001')).json().items).toEqual([]);
    expect((await admin.get('/api/audit?to=2000-01-01T00:00:00Z')).json().items).toEqual([]);
  });

  it('exports the filtered log to CSV and XLSX in words; only the ЦУР administrator reads it', async () => {
    const csv = await admin.get(`/api/audit/export?format=csv&object=${encodeURIComponent(number)}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Зарегистрировано обращение');
    expect(csv.body).toContain(number);
    expect(csv.body.trim().split('\n')).toHaveLength(3);
    const xlsx = await admin.request({ method: 'GET', url: `/api/audit/export?format=xlsx&object=${encodeURIComponent(number)}` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(5).value).toBe('Действие');
    expect(sheet.getRow(3).getCell(5).value).toBe('Зарегистрировано обращение');
    expect((await contact.get('/api/audit/export?format=csv')).statusCode).toBe(403);
  });

  it('every action the software records has its words', async () => {
    const { AUDIT_ACTION_LABELS } = await import('../../../domain/audit');
    const { APPEAL_ACTIONS } = await import('../../../domain/appeals');
    const { RISK_ACTIONS } = await import('../../../domain/risks');
    const { REPORT_ACTIONS } = await import('../../../domain/reports/lifecycle');
    for (const a of APPEAL_ACTIONS) expect(AUDIT_ACTION_LABELS[`appeal.${a}`], a).toBeTruthy();
    for (const a of RISK_ACTIONS) expect(AUDIT_ACTION_LABELS[`risk.${a}`], a).toBeTruthy();
    for (const a of REPORT_ACTIONS) expect(AUDIT_ACTION_LABELS[`report.${a}`], a).toBeTruthy();
    expect(AUDIT_ACTION_LABELS['risk.publish']).toBe('Опубликован официальный комментарий');
  });

  it('every action and object type a module writes into the log has its words', async () => {
    const { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } = await import('../../../domain/audit');
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '..');
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(root, f), 'utf8'));
    const literals = (pattern: RegExp) => [...new Set(sources.flatMap((text) => [...text.matchAll(pattern)].map((m) => m[1])))];
    const actions = literals(/\baction: '([a-z_]+\.[a-z_.]+)'/g);
    const entities = literals(/\bentityType: '([a-z_]+)'/g);
    expect(actions.length).toBeGreaterThan(40);
    expect(actions.filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
    expect(entities.filter((e) => !AUDIT_ENTITY_LABELS[e])).toEqual([]);
  });
});
