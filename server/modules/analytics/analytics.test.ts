import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { OPEN_STATUSES } from '../../../domain/appeals';
import { toLocalDate } from '../../../domain/calendar/localDate';
import { DEFAULT_RATING_WEIGHTS, judgeSpike } from '../../../domain/analytics';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';
import { seedAppeals } from '../../seed/appeals';
import { clocksOf } from '../risks/service';

// 2 October 2026, 10:00 in Yekaterinburg.
const clock = new ManualClock(new Date('2026-10-02T05:00:00Z'));
const FROM = '2026-07-01';
const TO = '2026-09-30';
let t: TestApp;
let cur: Session;
const rowsOf = (res: unknown) => ((res as { rows?: unknown[] }).rows ?? res) as Record<string, unknown>[];

interface A {
  slug: string; tz: string; channel: string; received: Date; status: string; deadlineAnswer: string | null; deadlineRegister: string | null;
  answered: Date | null; rating: number | null; repeated: boolean; despiteWarning: boolean; department: string | null; executor: string | null; topic: string | null;
}
let all: A[] = [];

async function loadAppeals(): Promise<A[]> {
  const rows = rowsOf(await t.database.db.execute(sql`
    select o.slug, o.time_zone, a.channel, a.received_at, a.status, a.deadline_answer::text as deadline_answer, a.deadline_register::text as deadline_register,
           a.answered_at, a.rating_score, a.repeated, a.answer_approved_despite_warning, a.department_id, a.executor_id, a.topic_code
    from appeals a join organizations o on o.id = a.organization_id`));
  const date = (v: unknown) => (v === null ? null : new Date(v as string));
  return rows.map((r) => ({
    slug: r.slug as string, tz: r.time_zone as string, channel: r.channel as string, received: date(r.received_at)!, status: r.status as string,
    deadlineAnswer: r.deadline_answer as string | null, deadlineRegister: r.deadline_register as string | null, answered: date(r.answered_at),
    rating: r.rating_score === null ? null : Number(r.rating_score), repeated: r.repeated === true, despiteWarning: r.answer_approved_despite_warning === true, department: r.department_id as string | null,
    executor: r.executor_id as string | null, topic: r.topic_code as string | null,
  }));
}

// The independent count: plain TypeScript over every appeal, by the definitions the page states.
const inPeriod = (a: A, from = FROM, to = TO) => { const d = toLocalDate(a.received, a.tz); return d >= from && d <= to; };
const isOverdue = (a: A) => {
  const today = toLocalDate(clock.now(), a.tz);
  return (OPEN_STATUSES as readonly string[]).includes(a.status)
    && ((a.deadlineAnswer !== null && a.deadlineAnswer < today) || (a.status === 'received' && a.deadlineRegister !== null && a.deadlineRegister < today));
};
const isLate = (a: A) => a.answered !== null && a.deadlineAnswer !== null && toLocalDate(a.answered, a.tz) > a.deadlineAnswer;
const median = (values: number[]) => {
  if (!values.length) return null;
  const s = [...values].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
const r3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

function expected(rows: A[]) {
  const answered = rows.filter((a) => a.answered);
  const rated = rows.filter((a) => a.rating !== null);
  const low = rated.filter((a) => a.rating! <= 2).length;
  return {
    appeals: rows.length,
    overdue: rows.filter(isOverdue).length,
    answeredLate: rows.filter(isLate).length,
    answered: answered.length,
    medianAnswerDays: r1(median(answered.map((a) => (a.answered!.getTime() - a.received.getTime()) / 86_400_000))),
    satisfaction: { rated: rated.length, mean: rated.length ? r2(rated.reduce((s, a) => s + a.rating!, 0) / rated.length) : null, low, lowShare: rated.length ? r3(low / rated.length) : null },
    repeated: rows.filter((a) => a.repeated).length,
    approvedDespiteWarning: rows.filter((a) => a.despiteWarning).length,
  };
}

async function registryTotal(link: string, as: Session = cur): Promise<number> {
  const res = await as.get(`/api/${link.slice(1)}&limit=1`);
  expect(res.statusCode, link).toBe(200);
  return res.json().total;
}

beforeAll(async () => {
  t = await buildTestApp({ clock });
  const db = t.database.db;
  await seedAppeals(db, { count: 700, seed: 17, now: clock.now(), days: 430 });
  // A spike: 9 appeals on one topic in Beloyarsky within the last week, over a quiet baseline.
  await db.execute(sql`
    insert into appeals (organization_id, number, year, seq, channel, sub_channel, received_at, registered_at, status, text, topic_code)
    select o.id, 'ВСП-' || g, 2026, 90000 + g, 'pos', 'pos_widget', timestamptz '2026-09-28 06:00+00' + g * interval '5 hours', null, 'received',
           'Нет воды в доме ' || g, (select code from topics where level = 'topic' order by code limit 1 offset 3)
    from organizations o, generate_series(1, 9) g where o.slug = 'beloyarsky'`);
  // Risks with both clocks: met, late and overdue.
  await db.execute(sql`
    insert into risks (organization_id, number, platform, detected_at, text, kind, level, status, registered_by_side, deadline_cur_proposal, cur_proposal_at, deadline_draft, draft_at)
    select o.id, 'ИР-Т-' || o.slug || '-' || g, 'vk', timestamptz '2026-08-01 05:00+00' + g * interval '3 days', 'Публикация ' || g, 'negative', 'medium', 'in_progress', 'cur',
           timestamptz '2026-08-01 08:00+00' + g * interval '3 days',
           case when g % 3 = 0 then null else timestamptz '2026-08-01 07:00+00' + g * interval '3 days' + (g % 2) * interval '2 hours' end,
           case when g % 2 = 0 then timestamptz '2026-08-01 11:00+00' + g * interval '3 days' end,
           case when g % 4 = 0 then timestamptz '2026-08-01 10:00+00' + g * interval '3 days' end
    from organizations o, generate_series(1, 5) g where o.slug in ('beloyarsky', 'ekaterinburg')`);
  // The second quarter's report: Beloyarsky on time (due 5 July), Yekaterinburg late.
  await db.execute(sql`
    insert into quarterly_reports (organization_id, year, quarter, status, submitted_at)
    select id, 2026, 2, 'submitted', case slug when 'beloyarsky' then timestamptz '2026-07-03 05:00+00' else timestamptz '2026-07-10 05:00+00' end
    from organizations where slug in ('beloyarsky', 'ekaterinburg')`);
  // A ЦУР request due 10 August: Beloyarsky answered in time, Yekaterinburg late, Asbest not at all.
  await db.execute(sql`insert into info_requests (number, subject, text, due_at) values ('ЗИ-Т-1', 'Тест', 'Текст', timestamptz '2026-08-10 10:00+00')`);
  await db.execute(sql`
    insert into info_request_recipients (request_id, organization_id, answered_at)
    select r.id, o.id, case o.slug when 'beloyarsky' then timestamptz '2026-08-09 10:00+00' when 'ekaterinburg' then timestamptz '2026-08-12 10:00+00' end
    from info_requests r, organizations o where r.number = 'ЗИ-Т-1' and o.slug in ('beloyarsky', 'ekaterinburg', 'asbest')`);
  // Some answers were approved although the check called them an «отписка».
  await db.execute(sql`update appeals set answer_approved_despite_warning = true
    where id in (select id from appeals where answered_at is not null order by number limit 25)`);
  all = await loadAppeals();
  cur = await t.login('cur.analyst');
}, 240_000);
afterAll(async () => { await t.close(); });

describe('region overview', () => {
  it('every figure of every municipality and of the region equals an independent count over the appeals', async () => {
    const res = await cur.get(`/api/analytics/overview?from=${FROM}&to=${TO}`);
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.period).toEqual({ from: FROM, to: TO });
    const slugs = [...new Set(all.map((a) => a.slug))];
    expect(o.municipalities.length).toBe(7);
    for (const m of o.municipalities) {
      const rows = all.filter((a) => a.slug === m.municipality && inPeriod(a));
      const e = expected(rows);
      expect(m, m.municipality).toMatchObject(e);
      expect(m.overdueShare).toBe(rows.length ? r3(e.overdue / rows.length) : null);
      expect(m.repeatedShare).toBe(rows.length ? r3(e.repeated / rows.length) : null);
      const byChannel: Record<string, number> = {};
      for (const a of rows) byChannel[a.channel] = (byChannel[a.channel] ?? 0) + 1;
      expect(Object.fromEntries(m.byChannel.map((c: { channel: string; appeals: number }) => [c.channel, c.appeals]))).toEqual(byChannel);
      if (m.population) expect(m.appealsPer10k).toBe(r2((rows.length / m.population) * 10_000));
    }
    expect(slugs.length).toBeGreaterThan(3);
    expect(o.region).toMatchObject(expected(all.filter((a) => inPeriod(a))));
    // The fixture is varied enough for the figures to mean something.
    expect(o.region.appeals).toBeGreaterThan(100);
    expect(o.region.overdue).toBeGreaterThan(0);
    expect(o.region.answeredLate).toBeGreaterThan(0);
    expect(o.region.satisfaction.low).toBeGreaterThan(0);
    expect(o.region.repeated).toBeGreaterThan(0);
    expect(o.region.approvedDespiteWarning).toBeGreaterThan(0);
  });

  it('risks, reports and requests are counted per municipality', async () => {
    const o = (await cur.get(`/api/analytics/overview?from=${FROM}&to=${TO}`)).json();
    const risks = rowsOf(await t.database.db.execute(sql`
      select o.slug, r.deadline_cur_proposal, r.cur_proposal_at, r.deadline_draft, r.draft_at, r.status
      from risks r join organizations o on o.id = r.organization_id`));
    for (const slug of ['beloyarsky', 'ekaterinburg', 'asbest']) {
      const m = o.municipalities.find((x: { municipality: string }) => x.municipality === slug);
      const own = risks.filter((r) => r.slug === slug).map((r) => clocksOf({
        deadlineCurProposal: new Date(r.deadline_cur_proposal as string), curProposalAt: r.cur_proposal_at ? new Date(r.cur_proposal_at as string) : null,
        deadlineDraft: r.deadline_draft ? new Date(r.deadline_draft as string) : null, draftAt: r.draft_at ? new Date(r.draft_at as string) : null, status: r.status as string,
      }, clock.now()));
      const states = own.flatMap((c) => [c.curProposal.state, c.draft.state]);
      const decided = states.filter((s) => s === 'met' || s === 'late' || s === 'overdue').length;
      const met = states.filter((s) => s === 'met').length;
      expect(m.risks, slug).toEqual({ total: own.length, clocksDecided: decided, clocksMet: met, clocksMetShare: decided ? r3(met / decided) : null });
    }
    const by = (slug: string) => o.municipalities.find((x: { municipality: string }) => x.municipality === slug);
    expect(by('beloyarsky').risks.clocksDecided).toBeGreaterThan(by('beloyarsky').risks.clocksMet);
    expect(by('beloyarsky').reports).toEqual({ due: 1, onTime: 1, onTimeShare: 1 });
    expect(by('ekaterinburg').reports).toEqual({ due: 1, onTime: 0, onTimeShare: 0 });
    expect(by('beloyarsky').requests).toEqual({ decided: 1, onTime: 1, onTimeShare: 1 });
    expect(by('ekaterinburg').requests).toEqual({ decided: 1, onTime: 0, onTimeShare: 0 });
    expect(by('asbest').requests).toEqual({ decided: 1, onTime: 0, onTimeShare: 0 });
    expect(by('pervouralsk').requests).toEqual({ decided: 0, onTime: 0, onTimeShare: null });
  });

  it('each link of a figure opens in the registry exactly the appeals counted', async () => {
    const o = (await cur.get(`/api/analytics/overview?from=${FROM}&to=${TO}`)).json();
    for (const m of [...o.municipalities.slice(0, 3), o.region]) {
      expect(await registryTotal(m.links.appeals), m.municipality).toBe(m.appeals);
      expect(await registryTotal(m.links.overdue)).toBe(m.overdue);
      expect(await registryTotal(m.links.answeredLate)).toBe(m.answeredLate);
      expect(await registryTotal(m.links.rated)).toBe(m.satisfaction.rated);
      expect(await registryTotal(m.links.lowRated)).toBe(m.satisfaction.low);
      expect(await registryTotal(m.links.repeated)).toBe(m.repeated);
      expect(await registryTotal(m.links.approvedDespiteWarning)).toBe(m.approvedDespiteWarning);
      for (const c of m.byChannel) expect(await registryTotal(c.link)).toBe(c.appeals);
    }
  });

  it('a channel set narrows every figure, and the links keep it', async () => {
    const o = (await cur.get(`/api/analytics/overview?from=${FROM}&to=${TO}&channel=pos,social`)).json();
    expect(o.channels).toEqual(['pos', 'social']);
    const rows = all.filter((a) => inPeriod(a) && ['pos', 'social'].includes(a.channel));
    expect(o.region).toMatchObject(expected(rows));
    expect(o.region.links.appeals).toContain('channel=pos%2Csocial');
    expect(await registryTotal(o.region.links.appeals)).toBe(rows.length);
    expect((await cur.get(`/api/analytics/overview?from=${FROM}&to=${TO}&channel=pigeon`)).statusCode).toBe(400);
    expect((await cur.get(`/api/analytics/overview?from=${TO}&to=${FROM}`)).json().code).toBe('validation_failed');
  });

  it('ranks municipalities by the documented formula, and the ЦУР administrator\'s weights change it', async () => {
    const o = (await cur.get(`/api/analytics/overview?from=${FROM}&to=${TO}`)).json();
    const m = o.municipalities[0];
    expect(m.rank).toBe(1);
    const w = DEFAULT_RATING_WEIGHTS;
    const parts = Object.entries(m.ratingComponents).filter(([, v]) => v !== null) as [keyof typeof w, number][];
    const value = parts.reduce((s, [k, v]) => s + w[k] * v, 0) / parts.reduce((s, [k]) => s + w[k], 0);
    expect(m.rating).toBe(Math.round(value * 1000) / 10);
    const ratings = o.municipalities.map((x: { rating: number | null }) => x.rating ?? -1);
    expect(ratings).toEqual([...ratings].sort((a: number, b: number) => b - a));

    const only = { timeliness: 0, speed: 0, satisfaction: 0, repeated: 0, risks: 0, reports: 0, requests: 0 };
    expect((await cur.request({ method: 'PUT', url: '/api/analytics/rating-weights', payload: { ...only, timeliness: 1 } })).statusCode).toBe(403);
    const admin = await t.login('cur.admin');
    expect((await admin.request({ method: 'PUT', url: '/api/analytics/rating-weights', payload: only })).statusCode).toBe(400);
    const put = await admin.request({ method: 'PUT', url: '/api/analytics/rating-weights', payload: { ...only, timeliness: 1 } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ customized: true, weights: { timeliness: 1, speed: 0 } });
    const after = (await cur.get(`/api/analytics/overview?from=${FROM}&to=${TO}`)).json();
    for (const x of after.municipalities) {
      expect(x.rating).toBe(x.ratingComponents.timeliness === null ? null : Math.round(x.ratingComponents.timeliness * 1000) / 10);
    }
    const audit = (await admin.get('/api/audit?entityType=settings&entityId=analytics.rating_weights')).json().items;
    expect(audit[0]).toMatchObject({ action: 'settings.rating_weights', after: { timeliness: 1 } });
    await admin.request({ method: 'PUT', url: '/api/analytics/rating-weights', payload: DEFAULT_RATING_WEIGHTS });
  });

  it('exports the rating table to XLSX', async () => {
    const res = await cur.get(`/api/analytics/overview/export?from=${FROM}&to=${TO}`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Рейтинг')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Муниципальное образование');
    expect(sheet.rowCount).toBe(1 + 7 + 1);
    const o = (await cur.get(`/api/analytics/overview?from=${FROM}&to=${TO}`)).json();
    expect(sheet.getRow(2).getCell(2).value).toBe(o.municipalities[0].municipalityName);
    expect(sheet.getRow(9).getCell(4).value).toBe(o.region.appeals);
  });
});

describe('trends and spikes', () => {
  it('counts weeks and months of the period, the previous one and a year ago; each point links to its appeals', async () => {
    for (const granularity of ['week', 'month']) {
      const res = await cur.get(`/api/analytics/trends?from=${FROM}&to=${TO}&granularity=${granularity}&municipality=ekaterinburg`);
      expect(res.statusCode).toBe(200);
      const tr = res.json();
      // By month, whole months line up with whole months; by week, the same number of days.
      expect(tr.previous.period).toEqual(granularity === 'month' ? { from: '2026-04-01', to: '2026-06-30' } : { from: '2026-03-31', to: '2026-06-30' });
      if (granularity === 'month') expect(tr.previous.points.map((p: { bucket: string }) => p.bucket)).toEqual(['2026-04-01', '2026-05-01', '2026-06-01']);
      expect(tr.yearAgo.period).toEqual({ from: '2025-07-01', to: '2025-09-30' });
      for (const key of ['current', 'previous', 'yearAgo']) {
        const s = tr[key];
        const own = all.filter((a) => a.slug === 'ekaterinburg');
        expect(s.total, key).toBe(own.filter((a) => inPeriod(a, s.period.from, s.period.to)).length);
        for (const p of s.points) expect(p.appeals, `${key} ${p.bucket}`).toBe(own.filter((a) => inPeriod(a, p.from, p.to)).length);
      }
      expect(tr.yearAgo.total).toBeGreaterThan(0);
      expect(await registryTotal(tr.current.points[1].link)).toBe(tr.current.points[1].appeals);
    }
    const weeks = (await cur.get(`/api/analytics/trends?from=${FROM}&to=${TO}`)).json();
    expect(weeks.current.points[0]).toMatchObject({ bucket: '2026-06-29', from: FROM, to: '2026-07-05' });
  });

  it('lists a topic far above its 8-week baseline with how far above, and its link lists those appeals', async () => {
    const res = await cur.get('/api/analytics/spikes');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.week).toEqual({ from: '2026-09-26', to: '2026-10-02' });
    expect(s.baseline).toEqual({ from: '2026-08-01', to: '2026-09-25' });
    const spike = s.items.find((i: { municipality: string; count: number }) => i.municipality === 'beloyarsky' && i.count >= 9);
    expect(spike).toBeTruthy();
    const own = all.filter((a) => a.slug === 'beloyarsky' && a.topic === spike.topic);
    const count = own.filter((a) => inPeriod(a, s.week.from, s.week.to)).length;
    const baseline = own.filter((a) => inPeriod(a, s.baseline.from, s.baseline.to)).length;
    const { spike: isSpike, ...judged } = judgeSpike(count, baseline);
    expect(isSpike).toBe(true);
    expect(spike).toMatchObject({ ...judged, link: expect.stringContaining('topic=') });
    expect(await registryTotal(spike.link)).toBe(count);
    expect(await registryTotal(spike.baselineLink)).toBe(baseline);
    // Every listed item passes the test; nothing below the bar is listed.
    for (const i of s.items) expect(i.pValue).toBeLessThan(0.01);
  });
});

describe('streets', () => {
  it('lists the streets with most appeals of the period; each count equals an independent count and its link lists exactly those appeals', async () => {
    await t.database.db.execute(sql`update appeals set place_street = (array['ленин', 'мир', 'садов'])[1 + seq % 3],
      address = (array['ул. Ленина, 1', 'ул. Мира, 2', 'ул. Садовая, 3'])[1 + seq % 3] where seq % 4 = 0`);
    const rows = rowsOf(await t.database.db.execute(sql`select o.slug, o.time_zone, a.received_at, a.place_street from appeals a join organizations o on o.id = a.organization_id where a.place_street is not null`));
    const counted = new Map<string, number>();
    for (const r of rows) {
      if (!inPeriod({ received: new Date(r.received_at as string), tz: r.time_zone as string } as A)) continue;
      const key = `${r.slug}/${r.place_street}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    const res = await cur.get(`/api/analytics/streets?from=${FROM}&to=${TO}&limit=100`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { municipality: string; street: string; place: string | null; appeals: number; link: string }[];
    expect(new Map(items.map((i) => [`${i.municipality}/${i.street}`, i.appeals]))).toEqual(counted);
    for (let i = 1; i < items.length; i++) expect(items[i].appeals).toBeLessThanOrEqual(items[i - 1].appeals);
    expect(items.find((i) => i.street === 'садов')?.place).toContain('Садовая');
    for (const item of items.slice(0, 3)) expect(await registryTotal(item.link)).toBe(item.appeals);
    const own = (await cur.get(`/api/analytics/streets?from=${FROM}&to=${TO}&municipality=beloyarsky`)).json().items;
    expect(own.every((i: { municipality: string }) => i.municipality === 'beloyarsky')).toBe(true);
    expect(own.length).toBeGreaterThan(0);
    expect((await cur.get(`/api/analytics/streets?from=${TO}&to=${FROM}`)).statusCode).toBe(400);
  });
});

describe('a municipality', () => {
  it('departments and executors: figures equal independent counts, load is open appeals now, links agree', async () => {
    const res = await cur.get(`/api/analytics/municipalities/ekaterinburg?from=${FROM}&to=${TO}`);
    expect(res.statusCode).toBe(200);
    const m = res.json();
    const rows = all.filter((a) => a.slug === 'ekaterinburg' && inPeriod(a));
    expect(m.figures).toMatchObject(expected(rows));
    expect(m.departments.length).toBeGreaterThan(1);
    for (const [list, key] of [[m.departments, 'department'], [m.executors, 'executor']] as const) {
      for (const u of list) {
        const own = rows.filter((a) => a[key] === u.id);
        const e = expected(own);
        expect(u, u.name).toMatchObject({ appeals: e.appeals, overdue: e.overdue, answeredLate: e.answeredLate, medianAnswerDays: e.medianAnswerDays, satisfaction: e.satisfaction.mean, rated: e.satisfaction.rated });
        expect(u.open).toBe(all.filter((a) => a.slug === 'ekaterinburg' && a[key] === u.id && (OPEN_STATUSES as readonly string[]).includes(a.status)).length);
        expect(u.name).not.toBe('');
      }
    }
    const d = m.departments[0];
    expect(await registryTotal(d.links.appeals)).toBe(d.appeals);
    expect(await registryTotal(d.links.overdue)).toBe(d.overdue);
    expect(await registryTotal(d.links.open)).toBe(d.open);
    const e = m.executors[0];
    expect(await registryTotal(e.links.appeals)).toBe(e.appeals);
    expect(await registryTotal(e.links.open)).toBe(e.open);
    const x = await cur.get(`/api/analytics/municipalities/ekaterinburg/export?from=${FROM}&to=${TO}`);
    expect(x.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Подразделения')!.rowCount).toBe(1 + m.departments.length);
  });
});

describe('tenancy', () => {
  it('a head sees only their own municipality; another slug is 404; an executor has no analytics', async () => {
    const head = await t.login('beloyarsky.head');
    const o = (await head.get(`/api/analytics/overview?from=${FROM}&to=${TO}`)).json();
    expect(o.municipalities.map((m: { municipality: string }) => m.municipality)).toEqual(['beloyarsky']);
    expect(o.region.appeals).toBe(all.filter((a) => a.slug === 'beloyarsky' && inPeriod(a)).length);
    expect(await registryTotal(o.region.links.appeals, head)).toBe(o.region.appeals);
    expect((await head.get(`/api/analytics/municipalities/beloyarsky?from=${FROM}&to=${TO}`)).statusCode).toBe(200);
    for (const url of [
      `/api/analytics/municipalities/ekaterinburg?from=${FROM}&to=${TO}`,
      `/api/analytics/municipalities/atlantis?from=${FROM}&to=${TO}`,
      `/api/analytics/trends?from=${FROM}&to=${TO}&municipality=ekaterinburg`,
      '/api/analytics/spikes?municipality=ekaterinburg',
      `/api/analytics/streets?from=${FROM}&to=${TO}&municipality=ekaterinburg`,
    ]) {
      const res = await head.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('municipality_not_found');
    }
    const spikes = (await head.get('/api/analytics/spikes')).json();
    expect(spikes.items.every((i: { municipality: string }) => i.municipality === 'beloyarsky')).toBe(true);
    const contact = await t.login('ekb.contact');
    const ekbOverview = await contact.get(`/api/analytics/overview?from=${FROM}&to=${TO}`);
    expect(ekbOverview.body).not.toContain('beloyarsky');
    expect(ekbOverview.body).not.toContain('Белоярск');
    expect((await contact.get(`/api/analytics/municipalities/ekaterinburg?from=${FROM}&to=${TO}`)).statusCode).toBe(200);
    const executor = await t.login('beloyarsky.executor');
    expect((await executor.get(`/api/analytics/overview?from=${FROM}&to=${TO}`)).statusCode).toBe(403);
  });
});

describe('satisfaction ratings by group', () => {
  it.each(['municipality', 'topic', 'department', 'executor'] as const)('by %s: counts, means and the distribution equal a count by hand, and each link lists exactly its appeals', async (by) => {
    const res = await cur.get(`/api/analytics/ratings?from=${FROM}&to=${TO}&by=${by}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const rated = all.filter((a) => inPeriod(a) && a.rating !== null);
    expect(rated.length).toBeGreaterThan(5);
    const keyOf = (a: A) => (by === 'municipality' ? a.slug : by === 'topic' ? a.topic : by === 'department' ? a.department : a.executor);
    const groups = new Map<string | null, A[]>();
    for (const a of rated) groups.set(keyOf(a), [...(groups.get(keyOf(a)) ?? []), a]);
    const dist = (rows: A[]) => [1, 2, 3, 4, 5].map((s) => rows.filter((a) => a.rating === s).length);
    const mean = (rows: A[]) => r2(rows.reduce((s, a) => s + a.rating!, 0) / rows.length);
    expect(body.total).toMatchObject({ rated: rated.length, mean: mean(rated), distribution: dist(rated), low: rated.filter((a) => a.rating! <= 2).length });
    expect(body.items).toHaveLength(groups.size);
    for (const item of body.items) {
      const rows = groups.get(item.key)!;
      expect(item, String(item.key)).toMatchObject({ rated: rows.length, mean: mean(rows), distribution: dist(rows) });
      expect(item.label).toBeTruthy();
    }
    // Worst first.
    const means = body.items.map((i: { mean: number }) => i.mean);
    expect(means).toEqual([...means].sort((x, y) => x - y));
    for (const item of body.items.filter((i: { key: string | null }) => i.key !== null).slice(0, 3)) {
      expect(await registryTotal(item.link)).toBe(item.rated);
      expect(await registryTotal(item.lowLink)).toBe(item.low);
    }
  });

  it('a municipality sees its own ratings only; another municipality is absent', async () => {
    const head = await t.login('beloyarsky.head');
    const own = (await head.get(`/api/analytics/ratings?from=${FROM}&to=${TO}&by=municipality`)).json();
    const ownRated = all.filter((a) => inPeriod(a) && a.rating !== null && a.slug === 'beloyarsky').length;
    expect(own.total.rated).toBe(ownRated);
    expect(own.items.map((i: { key: string }) => i.key)).toEqual(ownRated ? ['beloyarsky'] : []);
    const byExecutor = (await head.get(`/api/analytics/ratings?from=${FROM}&to=${TO}&by=executor&municipality=beloyarsky`)).json();
    expect(byExecutor.total.rated).toBe(ownRated);
    expect((await head.get(`/api/analytics/ratings?from=${FROM}&to=${TO}&by=topic&municipality=ekaterinburg`)).statusCode).toBe(404);
    expect((await head.get(`/api/analytics/ratings?from=${TO}&to=${FROM}&by=topic`)).statusCode).toBe(400);
    expect((await head.get(`/api/analytics/ratings?from=${FROM}&to=${TO}&by=weather`)).statusCode).toBe(400);
  });
});
