import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { buildTestApp, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';
import { seedAppeals } from '../../seed/appeals';
import { remindReports } from './service';

// 2 October 2026: the third quarter's report falls due on 5 October.
const clock = new ManualClock(new Date('2026-10-02T05:00:00Z'));
let t: TestApp;
const rowsOf = (res: unknown) => ((res as { rows?: unknown[] }).rows ?? res) as Record<string, unknown>[];

beforeAll(async () => {
  t = await buildTestApp({ clock });
  await seedAppeals(t.database.db, { count: 2500, seed: 11, now: clock.now(), days: 150 });
});
afterAll(async () => { await t.close(); });

describe('quarterly report', () => {
  let id: string;

  it('counts the registry exactly: every figure equals an independent count and its registry link lists the same appeals', async () => {
    const head = await t.login('beloyarsky.head');
    const opened = await head.post('/api/reports', { year: 2026, quarter: 3 });
    expect(opened.statusCode).toBe(201);
    id = opened.json().id;
    expect((await head.post('/api/reports', { year: 2026, quarter: 3 })).statusCode).toBe(200);
    const report = opened.json();
    expect(report).toMatchObject({ status: 'draft', dueDate: '2026-10-05', timeliness: 'pending', figuresFrozen: false });

    const quarterRows = rowsOf(await t.database.db.execute(sql`
      select a.channel, a.author_kind, a.repeated, a.answer_result, a.rating_score,
             (a.answered_at at time zone o.time_zone)::date > a.deadline_answer as late
      from appeals a join organizations o on o.id = a.organization_id
      where o.slug = 'beloyarsky' and (a.registered_at at time zone o.time_zone)::date between '2026-07-01' and '2026-09-30'`));
    const f = report.figures;
    expect(quarterRows.length).toBeGreaterThan(20);
    expect(f.total.value).toBe(quarterRows.length);
    const byChannel: Record<string, number> = {};
    for (const r of quarterRows) byChannel[r.channel as string] = (byChannel[r.channel as string] ?? 0) + 1;
    expect(Object.fromEntries(f.byChannel.map((x: { key: string; value: number }) => [x.key, x.value]))).toEqual(byChannel);
    expect(f.collective.value).toBe(quarterRows.filter((r) => r.author_kind === 'collective').length);
    expect(f.repeated.value).toBe(quarterRows.filter((r) => r.repeated).length);
    expect(f.answeredLate.value).toBe(quarterRows.filter((r) => r.late === true).length);
    expect(f.satisfaction.rated).toBe(quarterRows.filter((r) => r.rating_score !== null).length);
    const results = quarterRows.filter((r) => r.answer_result).length;
    expect(f.byResult.reduce((a: number, x: { value: number }) => a + x.value, 0)).toBe(results);

    const cur = await t.login('cur.analyst');
    for (const figure of [f.total, ...f.byChannel, f.repeated, f.answeredLate, ...f.byResult.slice(0, 2), ...f.byKind.slice(0, 2)]) {
      const listed = (await cur.get(`/api/appeals?${figure.filter}&limit=1`)).json();
      expect(listed.total, figure.label).toBe(figure.value);
    }
  });

  it('the head signs after the analytical part is written; the contact official submits; ЦУР sees it on time in the matrix', async () => {
    const contact = await t.login('beloyarsky.contact');
    const bySign = await contact.post(`/api/reports/${id}/actions/sign`);
    expect(bySign.statusCode).toBe(409);
    const head = await t.login('beloyarsky.head');
    const unsigned = await head.post(`/api/reports/${id}/actions/sign`);
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().details.map((d: { field: string }) => d.field)).toEqual(['analytics.mainProblems', 'analytics.measures', 'analytics.proposals']);
    const cur = await t.login('cur.analyst');
    expect((await cur.get(`/api/reports/${id}`)).statusCode).toBe(404);
    await head.patch(`/api/reports/${id}`, { analytics: { mainProblems: 'Ямы на дорогах частного сектора', measures: 'Ямочный ремонт 14 улиц', proposals: 'Включить ул. Ленина в программу 2027 года' } });
    expect((await head.post(`/api/reports/${id}/actions/sign`)).json().status).toBe('signed');
    expect((await head.patch(`/api/reports/${id}`, { analytics: { measures: 'другое' } })).statusCode).toBe(409);
    clock.set('2026-10-05T18:00:00Z'); // 23:00 local on the 5th
    const submitted = await (await t.login('beloyarsky.contact')).post(`/api/reports/${id}/actions/submit`);
    expect(submitted.json()).toMatchObject({ status: 'submitted', timeliness: 'on_time', figuresFrozen: true });
    const matrix = (await (await t.login('cur.analyst')).get('/api/reports?year=2026')).json();
    const bel = matrix.rows.find((r: { municipality: string }) => r.municipality === 'beloyarsky');
    const ekb = matrix.rows.find((r: { municipality: string }) => r.municipality === 'ekaterinburg');
    expect(bel.cells.map((c: { status: string }) => c.status)).toEqual(['missing', 'missing', 'on_time', 'pending']);
    expect(ekb.cells[2].status).toBe('pending');
  });

  it('ЦУР returns it with remarks; submitted again after the 5th it is late; then accepted', async () => {
    clock.set('2026-10-06T05:00:00Z');
    const cur = await t.login('cur.analyst');
    expect((await cur.post(`/api/reports/${id}/actions/return`, {})).statusCode).toBe(400);
    const returned = await cur.post(`/api/reports/${id}/actions/return`, { remarks: 'Добавьте меры по повторным обращениям' });
    expect(returned.json()).toMatchObject({ status: 'returned', timeliness: 'returned', reviewed: { remarks: 'Добавьте меры по повторным обращениям' } });
    const matrix = (await cur.get('/api/reports?year=2026&municipality=beloyarsky&quarter=3')).json();
    expect(matrix.rows[0].cells).toEqual([expect.objectContaining({ quarter: 3, status: 'returned' })]);
    const ekb = (await cur.get('/api/reports?year=2026&municipality=ekaterinburg&quarter=3')).json();
    expect(ekb.rows[0].cells[0].status).toBe('missing');
    clock.set('2026-10-07T05:00:00Z');
    const head = await t.login('beloyarsky.head');
    await head.patch(`/api/reports/${id}`, { analytics: { measures: 'Ямочный ремонт 14 улиц; выездные приёмы по повторным обращениям' } });
    await head.post(`/api/reports/${id}/actions/sign`);
    expect((await head.post(`/api/reports/${id}/actions/submit`)).json().timeliness).toBe('late');
    const accepted = await (await t.login('cur.analyst')).post(`/api/reports/${id}/actions/accept`, {});
    expect(accepted.json()).toMatchObject({ status: 'accepted', timeliness: 'accepted_late' });
  });

  it('exports XLSX with a sheet per section and totals as formulas, and a PDF', async () => {
    const cur = await t.login('cur.analyst');
    const xlsx = await cur.get(`/api/reports/${id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Сводка', 'Каналы', 'Разделы', 'Тематики', 'Виды', 'Результаты', 'Проблемы', 'Аналитика']);
    const channels = workbook.getWorksheet('Каналы')!;
    const last = channels.getRow(channels.rowCount);
    expect(last.getCell(1).value).toBe('Итого');
    expect((last.getCell(2).value as { formula: string }).formula).toMatch(/^SUM\(B2:B\d+\)$/);
    const pdf = await cur.get(`/api/reports/${id}/export.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a municipality sees only its own reports; another answers 404', async () => {
    expect((await (await t.login('ekb.head')).get(`/api/reports/${id}`)).statusCode).toBe(404);
    const own = (await (await t.login('ekb.head')).get('/api/reports?year=2026')).json();
    expect(own.rows.map((r: { municipality: string }) => r.municipality)).toEqual(['ekaterinburg']);
  });
});

describe('reminders of the quarterly report', () => {
  it('three days before the 5th, on it and after it, to administrations that have not submitted, once each', async () => {
    const remindClock = new ManualClock(new Date('2026-10-02T05:00:00Z'));
    const app = await buildTestApp({ clock: remindClock });
    try {
      const kinds = async (login: string) => ((await (await app.login(login)).get('/api/notifications?limit=200')).json().items as { kind: string }[])
        .map((n) => n.kind).filter((k) => k.startsWith('report.')).sort();
      await app.app.services.jobs.runOnce('report-reminders');
      await app.app.services.jobs.runOnce('report-reminders');
      expect(await kinds('ekb.contact')).toEqual(['report.due_soon']);
      remindClock.set('2026-10-05T05:00:00Z');
      await app.app.services.jobs.runOnce('report-reminders');
      remindClock.set('2026-10-06T05:00:00Z');
      await app.app.services.jobs.runOnce('report-reminders');
      expect(await kinds('ekb.head')).toEqual(['report.due_soon', 'report.due_today', 'report.missing']);
      // A second pass over the same day notifies nobody again.
      expect(await remindReports(app.database.db, new Date('2026-10-06T05:00:00Z'))).toEqual({ notified: 0 });
    } finally {
      await app.close();
    }
  });
});
