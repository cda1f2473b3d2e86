import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../test/helpers';
import { ManualClock } from './clock';
import { seedAppeals } from '../seed/appeals';
import { escalateDeadlines } from '../modules/appeals/escalation';
import { escalateRiskClocks } from '../modules/risks/escalation';
import { remind } from '../modules/requests/service';
import { remindReports } from '../modules/reports/service';

// 2 October 2026, 10:00 in Yekaterinburg: three days before the third quarter's report falls due.
const clock = new ManualClock(new Date('2026-10-02T05:00:00Z'));
let t: TestApp;
const rowsOf = (res: unknown) => ((res as { rows?: unknown[] }).rows ?? res) as Record<string, unknown>[];
const marks = async () => new Set(rowsOf(await t.database.db.execute(sql`select job || ' ' || key as m from job_marks`)).map((r) => r.m as string));

beforeAll(async () => {
  t = await buildTestApp({ clock });
  await seedAppeals(t.database.db, { count: 400, seed: 5, now: clock.now(), days: 60 });
});
afterAll(async () => { await t.close(); });

describe('cleanup of job marks', () => {
  it('deletes the marks no job can select again, keeps the others, and no job notifies again afterwards', async () => {
    const db = t.database.db;
    const cur = await t.login('cur.analyst');
    const publication = (n: number) => ({
      municipality: 'ekaterinburg', platform: 'vk', link: `https://vk.com/wall-1_${n}`, sourceName: 'Подслушано', publishedAt: '2026-10-02T04:30:00Z',
      text: 'Во дворах не убирают снег', reach: { views: 100, comments: 1, reposts: 0 }, kind: 'misinformation', level: 'high',
    });
    const risk = await cur.post('/api/risks', publication(1));
    const other = await cur.post('/api/risks', publication(2));
    expect([risk.statusCode, other.statusCode]).toEqual([201, 201]);
    const request = await cur.post('/api/requests', { subject: 'Сведения', text: 'Просим представить сведения.', municipalities: ['beloyarsky', 'ekaterinburg'], dueAt: '2026-10-03T01:00:00Z' });
    expect(request.statusCode).toBe(201);
    clock.set('2026-10-02T07:30:00Z'); // half an hour before the risk's 3-hour clocks run out
    const now = clock.now();
    await escalateDeadlines(db, now);
    await escalateRiskClocks(db, now);
    await remind(db, now);
    await remindReports(db, now);
    const before = await marks();
    const of = (job: string) => [...before].filter((m) => m.startsWith(`${job} `)).map((m) => m.slice(job.length + 1));
    const deadlineMarks = of('appeal-deadlines');
    expect(deadlineMarks.length).toBeGreaterThan(20);
    // Both clocks of a risk run from its delivery to the administration (§10.3), so both warn.
    expect(of('risk-clocks').sort()).toEqual([risk, other].flatMap((r) => [`${r.json().id}:curProposal:due_soon`, `${r.json().id}:draft:due_soon`]).sort());
    expect(of('request-reminders')).toHaveLength(2);
    expect(of('report-reminders').length).toBeGreaterThan(2);

    // Spend some: appeals closed or given a later deadline, ЦУР's proposal made, one addressee answered, a quarter long past.
    const spent = new Set<string>();
    const appealOf = (key: string) => key.slice(0, 36);
    for (const key of deadlineMarks.filter((_, i) => i % 3 === 0)) {
      await db.execute(sql`update appeals set status = 'closed', closed_at = ${now.toISOString()}::timestamptz where id = ${appealOf(key)}`);
      spent.add(`appeal-deadlines ${key}`);
    }
    for (const key of deadlineMarks.filter((k, i) => i % 3 === 1 && k.split(':')[1] === 'answer')) {
      await db.execute(sql`update appeals set deadline_answer = '2026-12-31' where id = ${appealOf(key)}`);
      spent.add(`appeal-deadlines ${key}`);
    }
    await db.execute(sql`update risks set cur_proposal_at = ${now.toISOString()}::timestamptz where id = ${risk.json().id}`);
    spent.add(`risk-clocks ${risk.json().id}:curProposal:due_soon`);
    const [ekb] = rowsOf(await db.execute(sql`select id from organizations where slug = 'ekaterinburg'`));
    await db.execute(sql`update info_request_recipients set answered_at = ${now.toISOString()}::timestamptz, answer_text = 'Сведения направлены' where organization_id = ${ekb.id as string}`);
    spent.add(`request-reminders ${request.json().id}:${ekb.id}:due_soon`);
    await db.execute(sql`insert into job_marks (job, key) values ('report-reminders', ${`${ekb.id}:2026:1:missing`}), ('report-reminders', ${`${ekb.id}:2025:4:missing`}), ('another-job', 'kept:as:is')`);
    spent.add(`report-reminders ${ekb.id}:2026:1:missing`).add(`report-reminders ${ekb.id}:2025:4:missing`);
    expect(spent.size).toBeGreaterThan(10);

    expect(await t.app.services.jobs.runOnce('job-marks-cleanup')).toBe(true);
    const after = await marks();
    expect([...after].sort()).toEqual([...before, 'another-job kept:as:is'].filter((m) => !spent.has(m)).sort());

    // What is kept is what the jobs still need: the same moment notifies no one again.
    expect(await escalateDeadlines(db, now)).toEqual({ notified: 0, appeals: 0 });
    expect(await escalateRiskClocks(db, now)).toEqual({ notified: 0 });
    expect(await remind(db, now)).toEqual({ notified: 0 });
    expect(await remindReports(db, now)).toEqual({ notified: 0 });
    // A second cleanup finds nothing more.
    await t.app.services.jobs.runOnce('job-marks-cleanup');
    expect(await marks()).toEqual(after);
  });
});
