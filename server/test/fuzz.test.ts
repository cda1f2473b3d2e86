// Every operation of the API under generated input, anonymously and as each demo role: no 5xx, every
// 4xx in the standard error body, and a healthy server afterwards. FUZZ_SEED, FUZZ_CASES, FUZZ_ONLY and
// FUZZ_PATH replay or widen a run; the default seed keeps the suite deterministic.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers';
import { seedAppeals } from '../seed/appeals';
import { DEFAULT_SEED, formatReport, runFuzz, type FuzzReport } from './fuzz';

const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);

let t: TestApp;
let report: FuzzReport;

beforeAll(async () => {
  t = await buildTestApp();
  await seedAppeals(t.database.db, { count: 60, seed: 7, now: new Date(), days: 120 });
});
afterAll(async () => {
  await t?.close();
});

it(`answers ${CASES} generated requests without a 5xx and with the standard error body`, async () => {
  report = await runFuzz(t.app, { cases: CASES, seed: SEED, only: process.env.FUZZ_ONLY, path: process.env.FUZZ_PATH, shrink: true });
  console.log(formatReport(report));
  expect(report.cases).toBeGreaterThanOrEqual(Math.min(CASES, 2000));
  expect(report.problems, formatReport(report)).toEqual([]);
}, 600_000);

it('stays healthy after the fuzzing: health check, a fresh login, the registry', async () => {
  expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  const admin = await t.login('cur.admin');
  const list = await admin.get('/api/appeals?limit=5');
  expect(list.statusCode).toBe(200);
  expect(list.json().items.length).toBeGreaterThan(0);
  const executor = await t.login('beloyarsky.executor');
  expect((await executor.get('/api/appeals?limit=5')).statusCode).toBe(200);
});
