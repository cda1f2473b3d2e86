import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { buildTestApp, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';
import { seedAppeals } from '../../seed/appeals';
import { remindReports } from './service';
import { figureCounts, type ReportFigures } from './figures';
import { CHANNEL_LABELS, KIND_LABELS, OPEN_STATUSES, RESULT_CODE_LABELS } from '../../../domain/appeals';
import { toLocalDate } from '../../../domain/calendar/localDate';
import { clocksOf } from '../risks/service';

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

/** The figures counted row by row in JavaScript from every appeal of the municipality, without the database's aggregation. */
async function countedByHand(slug: string, from: string, to: string, now: Date): Promise<Omit<ReportFigures, 'period'>> {
  const [org] = rowsOf(await t.database.db.execute(sql`select id, slug, time_zone from organizations where slug = ${slug}`));
  const tz = org.time_zone as string;
  const all = rowsOf(await t.database.db.execute(sql`
    select channel, kind, answer_result, topic_code, author_kind, repeated, extension_days, status, rating_score,
           to_char(deadline_answer, 'YYYY-MM-DD') as deadline_answer,
           floor(extract(epoch from registered_at) * 1000)::float8 as registered_at, floor(extract(epoch from answered_at) * 1000)::float8 as answered_at
    from appeals where organization_id = ${org.id as string}`));
  const date = (v: unknown) => (v === null ? null : new Date(typeof v === 'string' && !/^[\d.]+$/.test(v) ? v : Number(v)));
  const rows = all.filter((r) => r.registered_at !== null && toLocalDate(date(r.registered_at)!, tz) >= from && toLocalDate(date(r.registered_at)!, tz) <= to);
  const title = new Map(rowsOf(await t.database.db.execute(sql`select code, title from topics`)).map((x) => [x.code as string, x.title as string]));
  const base = `municipality=${slug}&registeredFrom=${from}&registeredTo=${to}`;
  const f = (extra: string) => `${base}&${extra}`;
  const count = (key: (r: Record<string, unknown>) => string | null, label: (k: string) => string, param: string) => {
    const m = new Map<string, number>();
    for (const r of rows) { const k = key(r); if (k) m.set(k, (m.get(k) ?? 0) + 1); }
    return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, value]) => ({ key: k, label: label(k), value, filter: f(`${param}=${encodeURIComponent(k)}`) }));
  };
  const one = (key: string, label: string, pred: (r: Record<string, unknown>) => boolean, extra: string) => ({ key, label, value: rows.filter(pred).length, filter: f(extra) });
  const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
  const days = rows.filter((r) => r.answered_at !== null).map((r) => (date(r.answered_at)!.getTime() - date(r.registered_at)!.getTime()) / 86_400_000).sort((a, b) => a - b);
  const median = days.length ? (days.length % 2 ? days[(days.length - 1) / 2] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2) : null;
  const rated = rows.filter((r) => r.rating_score !== null).map((r) => Number(r.rating_score));
  const topic = (r: Record<string, unknown>) => r.topic_code as string | null;
  const risks = rowsOf(await t.database.db.execute(sql`select row_to_json(r) as r from risks r where organization_id = ${org.id as string}`))
    .map((x) => (typeof x.r === 'string' ? JSON.parse(x.r) : x.r) as Record<string, unknown>)
    .filter((r) => { const d = toLocalDate(date(r.detected_at)!, tz); return d >= from && d <= to; })
    .map((r) => ({ kind: r.kind as string, level: r.level as string, status: r.status as string, deadlineCurProposal: date(r.deadline_cur_proposal)!, curProposalAt: date(r.cur_proposal_at), deadlineDraft: date(r.deadline_draft)!, draftAt: date(r.draft_at) }));
  const share = (which: 'curProposal' | 'draft') => {
    const states = risks.map((r) => clocksOf(r, now)[which].state).filter((s) => s === 'met' || s === 'late' || s === 'overdue');
    return states.length ? round(states.filter((s) => s === 'met').length / states.length, 3) : null;
  };
  const tally = (key: 'kind' | 'level') => risks.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r[key]]: (acc[r[key]] ?? 0) + 1 }), {});
  return {
    total: { key: 'total', label: 'Всего обращений', value: rows.length, filter: base },
    byChannel: count((r) => r.channel as string, (k) => CHANNEL_LABELS.ru[k as keyof typeof CHANNEL_LABELS.ru] ?? k, 'channel'),
    bySection: count((r) => topic(r)?.slice(0, 4) ?? null, (k) => title.get(k) ?? k, 'topic'),
    byTheme: count((r) => topic(r)?.slice(0, 9) ?? null, (k) => title.get(k) ?? k, 'topic').slice(0, 15),
    byKind: count((r) => r.kind as string | null, (k) => KIND_LABELS.ru[k as keyof typeof KIND_LABELS.ru] ?? k, 'kind'),
    byResult: count((r) => r.answer_result as string | null, (k) => RESULT_CODE_LABELS.ru[k as keyof typeof RESULT_CODE_LABELS.ru] ?? k, 'result'),
    collective: one('collective', 'Коллективные', (r) => r.author_kind === 'collective', 'collective=true'),
    repeated: one('repeated', 'Повторные', (r) => r.repeated === true, 'repeated=true'),
    extended: one('extended', 'С продлением срока', (r) => r.extension_days !== null, 'extended=true'),
    answeredLate: one('answeredLate', 'Ответ дан с нарушением срока', (r) => r.answered_at !== null && r.deadline_answer !== null && toLocalDate(date(r.answered_at)!, tz) > (r.deadline_answer as string), 'answeredLate=true'),
    stillOverdue: one('stillOverdue', 'Просрочены и не закрыты', (r) => (OPEN_STATUSES as readonly string[]).includes(r.status as string) && r.deadline_answer !== null && toLocalDate(now, tz) > (r.deadline_answer as string), 'overdue=true'),
    answerDays: { average: days.length ? round(days.reduce((a, b) => a + b, 0) / days.length) : null, median: median === null ? null : round(median), answered: days.length },
    satisfaction: {
      rated: rated.length, average: rated.length ? round(rated.reduce((a, b) => a + b, 0) / rated.length, 2) : null,
      positiveShare: rated.length ? round(rated.filter((x) => x >= 4).length / rated.length, 3) : null, filter: f('rated=true'),
    },
    topProblems: count(topic, (k) => title.get(k) ?? k, 'topic').slice(0, 10).map((x) => ({
      topic: x.key, title: x.label, count: x.value, filter: x.filter,
      results: rows.filter((r) => topic(r) === x.key && r.answer_result).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.answer_result as string]: (acc[r.answer_result as string] ?? 0) + 1 }), {}),
    })),
    risks: { total: risks.length, byKind: tally('kind'), byLevel: tally('level'), curProposalOnTime: share('curProposal'), draftOnTime: share('draft') },
  };
}

describe('figures of a draft', () => {
  it('equal a count by hand over a varied registry: channels, topics, kinds, results, statuses, overdue, late, repeated, extended, collective, ratings, the quarter\'s edges', async () => {
    const db = t.database.db;
    const [ekb] = rowsOf(await db.execute(sql`select id from organizations where slug = 'ekaterinburg'`));
    const org = ekb.id as string;
    const q3 = sql`organization_id = ${org} and registered_at >= '2026-06-30T19:00:00Z' and registered_at < '2026-09-30T19:00:00Z'`;
    // Vary what the seed leaves uniform, in every tenth, seventh, … appeal of the quarter.
    const ids = rowsOf(await db.execute(sql`select id from appeals where ${q3} order by number`)).map((r) => r.id as string);
    expect(ids.length).toBeGreaterThan(200);
    const every = (n: number, shift = 0) => ids.filter((_, i) => i % n === shift);
    const inList = (list: string[]) => sql.join(list.map((x) => sql`${x}::uuid`), sql`, `);
    await db.execute(sql`update appeals set author_kind = 'collective', signatories = 12 where id in (${inList(every(10))})`);
    await db.execute(sql`update appeals set repeated = true where id in (${inList(every(7, 1))})`);
    await db.execute(sql`update appeals set extension_days = 30 where id in (${inList(every(9, 2))})`);
    await db.execute(sql`update appeals set rating_score = 1 + (abs(hashtext(id::text)) % 5), rated_at = answered_at where answered_at is not null and id in (${inList(every(3))})`);
    await db.execute(sql`update appeals set topic_code = null, kind = null where id in (${inList(every(13, 4))})`);
    // Open with a deadline already passed, and answered after the deadline late in the evening (local date differs from UTC).
    await db.execute(sql`update appeals set status = 'in_progress', answered_at = null, answer_result = null, deadline_answer = '2026-09-01' where id in (${inList(every(11, 5))})`);
    await db.execute(sql`update appeals set deadline_answer = (answered_at at time zone 'UTC')::date where answered_at is not null and extract(hour from answered_at at time zone 'UTC') < 19 and id in (${inList(every(8, 3))})`);
    await db.execute(sql`update appeals set answered_at = (deadline_answer::timestamp + interval '19 hours 30 minutes') at time zone 'UTC' where answered_at is not null and deadline_answer is not null and id in (${inList(every(17, 6))})`);
    // The quarter's edges in Yekaterinburg time: 00:00 on 1 July is in, a millisecond before it is not; the same at 1 October.
    await db.execute(sql`update appeals set registered_at = '2026-06-30T19:00:00Z' where id = ${ids[1]}`);
    await db.execute(sql`update appeals set registered_at = '2026-06-30T18:59:59.999Z' where id = ${ids[2]}`);
    await db.execute(sql`update appeals set registered_at = '2026-09-30T18:59:59.999Z' where id = ${ids[3]}`);
    await db.execute(sql`update appeals set registered_at = '2026-09-30T19:00:00Z' where id = ${ids[4]}`);

    const head = await t.login('ekb.head');
    const report = (await head.post('/api/reports', { year: 2026, quarter: 3 })).json();
    const { period, ...figures } = report.figures as ReportFigures;
    expect(period).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    const expected = await countedByHand('ekaterinburg', '2026-07-01', '2026-09-30', clock.now());
    expect(figures).toEqual(expected);
    // The fixture reaches every kind of figure.
    for (const x of [figures.collective, figures.repeated, figures.extended, figures.answeredLate, figures.stillOverdue]) expect(x.value, x.key).toBeGreaterThan(0);
    expect(figures.satisfaction.rated).toBeGreaterThan(0);
    expect(figures.byChannel.length).toBeGreaterThan(2);
    expect(figures.byResult.length).toBeGreaterThan(1);
    expect(figures.topProblems.length).toBe(10);
  });

  it('are kept until the registry changes; each change to an appeal changes the next read, even two at the same instant', async () => {
    let head = await t.login('ekb.head');
    const { id } = (await head.post('/api/reports', { year: 2026, quarter: 3 })).json();
    const read = async () => (await head.get(`/api/reports/${id}`)).json().figures as ReportFigures;
    const first = await read();
    const before = { ...figureCounts };
    expect(await read()).toEqual(first);
    expect(figureCounts).toEqual({ counted: before.counted, reused: before.reused + 1 });

    const [appeal] = rowsOf(await t.database.db.execute(sql`
      select a.id from appeals a join organizations o on o.id = a.organization_id
      where o.slug = 'ekaterinburg' and not a.repeated and a.registered_at >= '2026-07-01T00:00:00Z' and a.registered_at < '2026-09-30T00:00:00Z' limit 1`));
    expect((await head.patch(`/api/appeals/${appeal.id}`, { repeated: true })).statusCode).toBe(200);
    const marked = await read();
    expect(marked.repeated.value).toBe(first.repeated.value + 1);
    // The clock has not moved: the same instant stamps the second change, and it still shows.
    expect((await head.patch(`/api/appeals/${appeal.id}`, { repeated: false })).statusCode).toBe(200);
    expect((await read()).repeated.value).toBe(first.repeated.value);
    expect(await read()).toEqual(first);
    // A new day moves appeals into «still overdue» without any change to the registry.
    clock.set('2026-10-20T05:00:00Z');
    head = await t.login('ekb.head');
    const later = await read();
    expect(later.stillOverdue.value).toBe((await countedByHand('ekaterinburg', '2026-07-01', '2026-09-30', clock.now())).stillOverdue.value);
    expect(later.stillOverdue.value).toBeGreaterThan(first.stillOverdue.value);
    clock.set('2026-10-07T05:00:00Z');
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
