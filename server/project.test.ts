// The project's own promises: every npm script works, and every installed package runs on the Node it names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }> };

function npmRun(script: string, args: string[] = [], env: Record<string, string | undefined> = {}) {
  const result = spawnSync('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    cwd: ROOT, encoding: 'utf8', timeout: 170_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', NODE_ENV: undefined, VITEST: undefined, VITEST_POOL_ID: undefined, VITEST_WORKER_ID: undefined, ...env },
  });
  return { status: result.status, out: `${result.stdout}\n${result.stderr}` };
}

async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try { await client.connect(); await client.end(); return true; } catch { return false; }
}

describe('packages', () => {
  it('every installed package supports the Node version the project promises and runs on', () => {
    const floor = semver.minVersion(pkg.engines.node)!;
    const unsupported: string[] = [];
    for (const [where, meta] of Object.entries(lock.packages)) {
      const range = meta.engines && !Array.isArray(meta.engines) ? meta.engines.node : undefined;
      if (!where || !range) continue;
      if (!semver.satisfies(process.versions.node, range) || !semver.satisfies(floor, range)) unsupported.push(`${where.replace(/^.*node_modules\//, '')} (${range})`);
    }
    expect(unsupported).toEqual([]);
  });
});

describe('npm scripts', () => {
  it('name only files that exist', () => {
    for (const [name, command] of Object.entries(pkg.scripts)) {
      for (const file of command.match(/[\w./-]+\.(?:ts|mjs|sh|json)\b/g) ?? []) {
        expect(fs.existsSync(path.join(ROOT, file)), `${name}: ${file}`).toBe(true);
      }
    }
  });

  it('otklik prints its help', () => {
    const { status, out } = npmRun('otklik', ['help']);
    expect(status).toBe(0);
    expect(out).toContain('Использование: otklik');
  });

  it('test:unit runs the tests it is given on PGlite', () => {
    const { status, out } = npmRun('test:unit', ['domain/calendar/localDate.test.ts'], { TEST_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(status, out).toBe(0);
    expect(out).toMatch(/Tests\s+\S*\d+ passed/);
  });

  it('test:pg runs the tests it is given on PostgreSQL', async () => {
    const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    if (!(await postgresReachable(url))) {
      expect(process.env.OTKLIK_REQUIRE_ALL, 'PostgreSQL недоступен').toBeFalsy();
      return;
    }
    const { status, out } = npmRun('test:pg', ['server/platform/platform.test.ts'], { TEST_DATABASE_URL: url });
    expect(status, out).toBe(0);
    expect(out).toMatch(/Tests\s+\S*\d+ passed/);
   }, 180_000); // a child vitest builds the application on its own PostgreSQL database

  it('db:generate has nothing to add: the migrations are in step with the schema', () => {
    // Generated into a copy, so that a schema change not yet migrated fails here without writing into the project.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-migrations-'));
    fs.cpSync(path.join(ROOT, 'server', 'db', 'migrations'), out, { recursive: true });
    const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'drizzle-kit'), ['generate', '--dialect', 'postgresql', '--schema', './server/db/schema.ts', '--out', path.relative(ROOT, out)], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    fs.rmSync(out, { recursive: true, force: true });
    expect(result.status, result.stderr).toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/No schema changes/);
    expect(pkg.scripts['db:generate']).toContain('drizzle.config.ts');
  });

  it('bench runs a named benchmark and refuses an unknown one', () => {
    const fuzz = npmRun('bench', ['fuzz'], { FUZZ_CASES: '40' });
    expect(fuzz.status, fuzz.out).toBe(0);
    // Every operation is tried at least once, so the count is the larger of the two.
    const cases = Number(/Фаззинг API: (\d+) запросов/.exec(fuzz.out)?.[1]);
    expect(cases).toBeGreaterThanOrEqual(40);
    expect(fuzz.out).toMatch(/5xx: 0/);
    const unknown = npmRun('bench', ['nothing-like-this']);
    expect(unknown.status).toBe(2);
    expect(unknown.out).toContain('Нет такого замера');
  }, 180_000); // a child process builds the whole application and tries every operation of the API

  it('dev serves the web application', async () => {
    const { spawn } = await import('node:child_process');
    const port = 5000 + Math.floor(Math.random() * 900);
    const child = spawn('npm', ['run', '--silent', 'dev', '--', '--port', String(port), '--strictPort'], { cwd: ROOT, detached: true, stdio: 'ignore' });
    try {
      let page = '';
      for (let i = 0; i < 60 && !page; i++) {
        await new Promise((r) => setTimeout(r, 500));
        page = await fetch(`http://127.0.0.1:${port}/`).then((r) => (r.ok ? r.text() : ''), () => '');
      }
      expect(page).toContain('<div id="root"');
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });
});
