// Personal data never reaches the log: a failed query is logged by its shape, never its values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../test/helpers';
import { loggerOptions } from './logging';
import { jobRuns } from '../db/schema';

const lines: string[] = [];
let t: TestApp;

const MARK = { surname: 'Маркеровщикова', name: 'Евлампия', email: 'evlampiya.marker@example.ru', text: 'Уникальный-текст-маркер 7q3z: прошу починить фонарь.' };

beforeAll(async () => {
  t = await buildTestApp({
    config: { publicAppealsPerHour: 1000 },
    logger: { ...loggerOptions('debug'), stream: { write: (line: string) => { lines.push(line); } } },
  });
});
afterAll(async () => { await t.close(); });

const logged = () => lines.join('\n');

describe('the log', () => {
  it('holds the SQLSTATE and the statement of a failed citizen appeal, never the citizen\'s data', async () => {
    await t.database.db.execute(sql.raw(`CREATE FUNCTION refuse_appeal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'отказ для проверки журнала'; END $$`));
    await t.database.db.execute(sql.raw('CREATE TRIGGER refuse_appeal BEFORE INSERT ON appeals FOR EACH ROW EXECUTE FUNCTION refuse_appeal()'));
    lines.length = 0;
    const res = await t.app.inject({ method: 'POST', url: '/api/public/appeals', payload: { municipality: 'beloyarsky', ...MARK, consent: true } });
    expect(res.statusCode).toBe(500);
    await t.database.db.execute(sql.raw('DROP TRIGGER refuse_appeal ON appeals'));
    await t.database.db.execute(sql.raw('DROP FUNCTION refuse_appeal()'));

    const text = logged();
    const error = lines.map((l) => JSON.parse(l)).find((l) => l.err);
    expect(error?.err).toMatchObject({ code: 'P0001', query: expect.stringMatching(/insert into "appeals"/i) });
    expect(error?.msg).toBe('необработанная ошибка');
    for (const value of Object.values(MARK)) expect(text).not.toContain(value);
    expect(text).not.toContain('Маркеровщ');
  });

  it('keeps the values quoted in the database\'s message out of the log and of the job\'s status', async () => {
    t.app.services.jobs.add({ name: 'failing-for-test', everyMs: 60_000, run: async () => t.database.db.execute(sql`select ${MARK.surname}::int`) });
    lines.length = 0;
    await t.app.services.jobs.runOnce('failing-for-test');
    const error = lines.map((l) => JSON.parse(l)).find((l) => l.err);
    expect(error).toMatchObject({ job: 'failing-for-test', msg: 'фоновая задача завершилась ошибкой', err: { code: '22P02' } });
    expect(logged()).not.toContain(MARK.surname);
    const [run] = await t.database.db.select().from(jobRuns).where(eq(jobRuns.name, 'failing-for-test'));
    expect(run.lastError).toMatch(/22P02/);
    expect(run.lastError).not.toContain(MARK.surname);
  });

  it('writes one Russian line per API request, with the personal query values masked, and none per static file', async () => {
    lines.length = 0;
    await t.app.inject({ method: 'GET', url: `/api/public/appeals/БЕЛ-2026-000001?code=SECRETCODE1` });
    await t.app.inject({ method: 'GET', url: '/assets/missing.js' });
    const info = lines.map((l) => JSON.parse(l)).filter((l) => l.level === 30);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ msg: 'запрос выполнен', res: { statusCode: 404 } });
    expect(logged()).not.toContain('SECRETCODE1');
    expect(logged()).not.toMatch(/incoming request|request completed/);
  });
});
