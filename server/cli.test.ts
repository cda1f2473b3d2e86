// The real command: starts on PGlite in a data directory, stops cleanly on SIGTERM, survives a kill.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
// One process (no tsx wrapper), so that a signal reaches the server itself.
const NODE_ARGS = ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function start(extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [...NODE_ARGS, 'serve', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', OTKLIK_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'development', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 110_000);
    child.stdout!.on('data', () => {
      const match = out.match(/работает: (http:\/\/[\d.]+:\d+)/);
      if (match) { clearTimeout(timer); resolve({ child, url: match[1], output: () => out }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${out}`)); });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function login(url: string, loginName: string, password = 'demo') {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: loginName, password }) });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '', body: await res.json() as { csrfToken: string } };
}

describe('otklik serve', () => {
  it('starts on PGlite, prints the URL and demo logins, and keeps data across a SIGTERM restart and a kill', async () => {
    const first = await start();
    expect(first.output()).toContain('cur.admin');
    expect(first.output()).toContain('beloyarsky.contact');
    const health = await (await fetch(`${first.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', engine: 'pglite', demo: true });
    const page = await fetch(`${first.url}/login`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const admin = await login(first.url, 'cur.admin');
    const orgs = await (await fetch(`${first.url}/api/organizations`, { headers: { cookie: admin.cookie } })).json() as { items: { slug: string; id: string }[] };
    const created = await fetch(`${first.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.body.csrfToken },
      body: JSON.stringify({ login: 'kept.user', fullName: 'Сохранённый Пользователь', role: 'executor', organizationId: orgs.items.find((o) => o.slug === 'ekaterinburg')!.id, password: 'Passw0rd1' }),
    });
    expect(created.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'db', 'otklik.lock'))).toBe(false);

    const second = await start();
    expect((await login(second.url, 'kept.user', 'Passw0rd1')).status).toBe(200);
    // Writes in flight when the process is killed must not corrupt the data directory.
    const killed = exited(second.child);
    const writes = Array.from({ length: 20 }, (_, i) => login(second.url, i % 2 ? 'cur.admin' : 'nobody').catch(() => null));
    second.child.kill('SIGKILL');
    await Promise.all(writes);
    await killed;

    const third = await start();
    expect((await login(third.url, 'kept.user', 'Passw0rd1')).status).toBe(200);
    third.child.kill('SIGTERM');
    expect(await exited(third.child)).toBe(0);
  }, 120_000);

  it('refuses a second process on the same PGlite data directory', async () => {
    const first = await start();
    const second = spawn(process.execPath, [...NODE_ARGS, 'serve'], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: '', OTKLIK_DATA_DIR: dataDir, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    second.stderr!.on('data', (d) => { err += d; });
    expect(await exited(second)).toBe(1);
    expect(err).toContain('занят процессом');
    first.child.kill('SIGTERM');
    await exited(first.child);
  }, 120_000);
});
