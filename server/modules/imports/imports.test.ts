import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { importCommand } from './cli';
import { rejectionsCsv } from './service';
import { incidentRows, posRows, toCsv, toXlsx } from './fixtures';

let t: TestApp;
let admin: Session;
let head: Session;

function upload(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = 'importboundary7';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function startImport(as: Session, fields: Record<string, string>, rows: string[][], name = 'pos.csv') {
  const content = name.endsWith('.xlsx') ? await toXlsx(rows) : toCsv(rows);
  return as.request({ method: 'POST', url: '/api/imports', ...upload(fields, { name, content }) });
}

/** Waits for the run to finish by reading it, as the web's progress bar does. */
async function finished(as: Session, id: string) {
  for (;;) {
    const run = (await as.get(`/api/imports/${id}`)).json();
    if (run.status !== 'running') return run;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function importAndWait(as: Session, fields: Record<string, string>, rows: string[][], name?: string) {
  const response = await startImport(as, fields, rows, name);
  expect(response.statusCode, response.body).toBe(202);
  return finished(as, response.json().id);
}

async function count(where: string): Promise<number> {
  const result = await t.database.db.execute(sql.raw(`select count(*) as n from appeals where ${where}`));
  return Number((result as unknown as { rows: { n: unknown }[] }).rows[0].n);
}

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login('cur.admin');
  head = await t.login('beloyarsky.head');
});
afterAll(async () => { await t?.close(); });

describe('ПОС import', () => {
  it('maps categories by the ЦУР table, rejects bad rows with a report and never duplicates on re-import', async () => {
    const map = await admin.request({ method: 'PUT', url: '/api/import-categories/pos', payload: { items: [
      { category: 'ЖКХ', subcategory: 'Вывоз мусора', topic: '0005.0005.0056.1156' },
      { category: 'Дороги', subcategory: '', topic: '0001.0001.0011.0051' },
    ] } });
    expect(map.statusCode, map.body).toBe(200);
    expect(map.json().items).toHaveLength(2);
    const rows = posRows(12);
    // Columns in another order, with one the import does not know.
    const order = rows[0].map((_, i) => i).reverse();
    const shuffled = rows.map((r) => [...order.map((i) => r[i]), 'лишнее']);
    shuffled[0][shuffled[0].length - 1] = 'Служебный столбец';
    const factAt = shuffled[0].indexOf('Факт');
    const dateAt = shuffled[0].indexOf('Дата поступления');
    const ratingAt = shuffled[0].indexOf('Оценка ответа заявителем');
    shuffled[3][factAt] = '';
    shuffled[5][dateAt] = '31.02.2026';
    shuffled[7][ratingAt] = 'отлично';
    const run = await importAndWait(head, { source: 'pos' }, shuffled);
    expect(run).toMatchObject({ status: 'done', municipality: 'beloyarsky', total: 12, processed: 12, created: 9, updated: 0, unchanged: 0, rejected: 3 });
    expect(run.unmappedCategories).toContain('Освещение / Не горят фонари');

    const report = await head.get(`/api/imports/${run.id}/rejections.csv`);
    expect(report.statusCode).toBe(200);
    const lines = report.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Строка;Столбец;Проблема;Значение');
    expect(lines).toContain('4;Факт;Не заполнено обязательное значение;');
    expect(lines.find((l) => l.startsWith('6;Дата поступления;'))).toContain('31.02.2026');
    expect(lines.find((l) => l.startsWith('8;Оценка ответа заявителем;'))).toContain('отлично');

    const list = (await head.get('/api/appeals?channel=pos&limit=100')).json();
    expect(list.items).toHaveLength(9);
    const garbage = (await head.get(`/api/appeals?q=100000`)).json().items[0];
    expect(garbage).toMatchObject({ channel: 'pos', subChannel: 'pos', topic: '0005.0005.0056.1156', municipality: 'beloyarsky' });
    const road = (await head.get(`/api/appeals?q=100001`)).json().items[0];
    expect(road.topic).toBe('0001.0001.0011.0051');

    // The same file again with new statuses and ratings: updated, not duplicated.
    const again = posRows(12, { status: () => 'Закрыто', rating: (i) => (i === 0 ? '2' : '') });
    const second = await importAndWait(head, { source: 'pos' }, again);
    expect(second).toMatchObject({ created: 3, rejected: 0 });
    expect(second.updated + second.unchanged).toBe(9);
    expect(second.updated).toBeGreaterThan(0);
    expect(await count(`channel = 'pos' and external_id = '100000'`)).toBe(1);
    const card = (await head.get(`/api/appeals/${garbage.id}`)).json();
    expect(card).toMatchObject({ status: 'closed', rating: { score: 2 } });
    const third = await importAndWait(head, { source: 'pos' }, again);
    expect(third).toMatchObject({ created: 0, updated: 0, unchanged: 12, rejected: 0 });
  });

  it('a dry run counts what would change and writes nothing', async () => {
    const before = await count(`channel = 'pos'`);
    const run = await importAndWait(head, { source: 'pos', dryRun: 'true' }, posRows(5, { from: 200_000 }));
    expect(run).toMatchObject({ dryRun: true, status: 'done', created: 5, updated: 0, rejected: 0 });
    expect(await count(`channel = 'pos'`)).toBe(before);
  });

  it('refuses a file without a required column, naming it, and writes nothing', async () => {
    const rows = posRows(3, { from: 300_000 }).map((r) => r.filter((_, i) => i !== 5));
    const response = await startImport(head, { source: 'pos' }, rows);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'import_column_missing', message: 'В файле нет обязательного столбца «Факт»' });
    expect(await count(`external_id = '300000'`)).toBe(0);
    const junk = await head.request({ method: 'POST', url: '/api/imports', ...upload({ source: 'pos' }, { name: 'x.csv', content: Buffer.from('просто текст без столбцов') }) });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().code).toBe('import_column_missing');
  });

  it('reads XLSX the same way', async () => {
    const run = await importAndWait(head, { source: 'pos' }, posRows(4, { from: 400_000 }), 'pos.xlsx');
    expect(run).toMatchObject({ status: 'done', created: 4, rejected: 0 });
    const appeal = (await head.get('/api/appeals?q=400001')).json().items[0];
    expect(appeal.channel).toBe('pos');
  });

  it('a municipality imports only into itself; ЦУР names the municipality', async () => {
    const foreign = await startImport(head, { source: 'pos', municipality: 'ekaterinburg' }, posRows(2, { from: 500_000 }));
    expect(foreign.statusCode).toBe(404);
    const executor = await t.login('beloyarsky.executor');
    expect((await startImport(executor, { source: 'pos' }, posRows(2, { from: 500_000 }))).statusCode).toBe(403);
    const unnamed = await startImport(admin, { source: 'pos' }, posRows(2, { from: 500_000 }));
    expect(unnamed.statusCode).toBe(400);
    const ekbRun = await importAndWait(admin, { source: 'pos', municipality: 'ekaterinburg' }, posRows(2, { from: 500_000 }));
    expect(ekbRun).toMatchObject({ municipality: 'ekaterinburg', created: 2 });
    expect((await head.get(`/api/imports/${ekbRun.id}`)).statusCode).toBe(404);
    expect((await head.get(`/api/imports/${ekbRun.id}/rejections.csv`)).statusCode).toBe(404);
    expect((await head.get('/api/imports')).json().items.every((r: { municipality: string }) => r.municipality === 'beloyarsky')).toBe(true);
    expect((await head.request({ method: 'PUT', url: '/api/import-categories/pos', payload: { items: [] } })).statusCode).toBe(403);
    // The same ПОС number in another municipality is another message.
    expect(await count(`channel = 'pos' and external_id = '500000'`)).toBe(1);
  });

  it('audits each batch and the start of the run', async () => {
    const result = await t.database.db.execute(sql`select action, count(*) as n from audit_log where action in ('import.start', 'appeal.import') group by action order by action`);
    const rows = (result as unknown as { rows: { action: string; n: unknown }[] }).rows;
    expect(rows.map((r) => r.action)).toEqual(['appeal.import', 'import.start']);
  });

  it('imports 5,000 rows in batches and re-imports them unchanged', async () => {
    const rows = posRows(5000, { from: 1_000_000 });
    const first = await importAndWait(admin, { source: 'pos', municipality: 'nizhny-tagil' }, rows);
    expect(first).toMatchObject({ status: 'done', total: 5000, created: 5000, rejected: 0 });
    expect(await count(`channel = 'pos' and external_id like '1%' and length(external_id) = 7`)).toBe(5000);
    const second = await importAndWait(admin, { source: 'pos', municipality: 'nizhny-tagil' }, rows);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 5000 });
    const numbers = await t.database.db.execute(sql`select count(distinct number) as n from appeals where channel = 'pos' and external_id like '1______'`);
    expect(Number((numbers as unknown as { rows: { n: unknown }[] }).rows[0].n)).toBe(5000);
  }, 300_000);
});

it('writes a rejected value that Excel would run as a formula as text', () => {
  const csv = rejectionsCsv([{ row: 2, column: 'Факт', problem: 'x', value: '=HYPERLINK("http://evil")' }, { row: 3, column: 'Номер', problem: 'y', value: '12' }]).toString('utf8');
  expect(csv).toContain(`2;Факт;x;"'=HYPERLINK(""http://evil"")"`);
  expect(csv).toContain('3;Номер;y;12');
});

describe('Инцидент-менеджмент import', () => {
  it('goes into channel social with the reply as the answer, idempotent by incident id', async () => {
    const rows = incidentRows(6);
    const run = await importAndWait(head, { source: 'incidents' }, rows, 'incidents.csv');
    expect(run).toMatchObject({ status: 'done', created: 6, rejected: 0 });
    const list = (await head.get('/api/appeals?channel=social&limit=100')).json().items.filter((a: { subChannel: string }) => a.subChannel === 'incident_management');
    expect(list.length).toBeGreaterThanOrEqual(6);
    const answered = (await head.get('/api/appeals?q=INC-5001')).json().items[0];
    expect(answered.status).toBe('answered');
    const card = (await head.get(`/api/appeals/${answered.id}`)).json();
    expect(card.answer?.text ?? card.answerText).toContain('управляющую компанию');
    const again = await importAndWait(head, { source: 'incidents' }, rows, 'incidents.csv');
    expect(again).toMatchObject({ created: 0, unchanged: 6 });
  });
});

describe('otklik import', () => {
  it('prints the summary line and the same run as the web', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-import-'));
    const file = path.join(dir, 'pos.csv');
    const rows = posRows(7, { from: 700_000 });
    rows[2][5] = '';
    fs.writeFileSync(file, toCsv(rows));
    const out: string[] = [];
    const err: string[] = [];
    const sink = (into: string[]) => ({ write: (s: string) => into.push(s) });
    const open = async () => ({ ...t.database, close: async () => {} });
    const dry = await importCommand(['pos', file, '--municipality', 'beloyarsky', '--dry-run'], open, sink(out), sink(err));
    expect(dry).toBe(0);
    expect(out.join('')).toBe('created 6, updated 0, unchanged 0, rejected 1\n');
    out.length = 0;
    const report = path.join(dir, 'rejected.csv');
    expect(await importCommand(['pos', file, '--municipality', 'beloyarsky', '--report', report], open, sink(out), sink(err))).toBe(0);
    expect(out.join('')).toBe('created 6, updated 0, unchanged 0, rejected 1\n');
    expect(fs.readFileSync(report, 'utf8')).toContain('3;Факт;Не заполнено обязательное значение');
    expect(err.join('')).toContain('7 из 7');
    out.length = 0;
    expect(await importCommand(['pos', file, '--municipality', 'beloyarsky'], open, sink(out), sink(err))).toBe(0);
    expect(out.join('')).toBe('created 0, updated 0, unchanged 6, rejected 1\n');
    expect(await importCommand(['pos', file, '--municipality', 'no-such-place'], open, sink(out), sink(err))).toBe(1);
    expect(err.join('')).toContain('«no-such-place» не найдено');
  });
});
