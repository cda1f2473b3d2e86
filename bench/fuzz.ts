// Robustness under generated input: every operation of the API, anonymously and as each demo role,
// on a fresh PGlite database (or PostgreSQL with TEST_DATABASE_URL). Prints the number of cases, of 4xx
// and 5xx (with the operations that gave a 5xx) and the duration; exits with 1 if any case broke the server.
//
//   npm run bench -- fuzz                    10 000 cases, default seed
//   FUZZ_CASES=50000 FUZZ_SEED=7 npm run bench -- fuzz
//   FUZZ_ONLY='POST /api/appeals' npm run bench -- fuzz
import { buildTestApp } from '../server/test/helpers';
import { seedAppeals } from '../server/seed/appeals';
import { DEFAULT_SEED, formatReport, runFuzz } from '../server/test/fuzz';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);

const t = await buildTestApp();
try {
  await seedAppeals(t.database.db, { count: 200, seed: 7, now: new Date(), days: 120 });
  const report = await runFuzz(t.app, { cases: CASES, seed: SEED, only: process.env.FUZZ_ONLY, path: process.env.FUZZ_PATH, shrink: false });
  console.log(`\nФаззинг API: ${report.cases} запросов, ${report.operations} операций, зерно ${report.seed}`);
  console.log(`  4xx: ${report.byClass['4xx']}   5xx: ${report.byClass['5xx']}   2xx: ${report.byClass['2xx']}   время: ${(report.durationMs / 1000).toFixed(1)} с`);
  console.log(`  операций с 5xx: ${Object.keys(report.failingOperations).length}`);
  console.log(formatReport(report).split('\n').slice(2).join('\n'));
  if (report.byClass['5xx'] > 0 || report.problems.length > 0) process.exitCode = 1;
} finally {
  await t.close();
}
