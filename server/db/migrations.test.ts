// Migrations that move data: a database built at the migration before, holding rows, comes out with the
// same rows in the new shape (on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/helpers';
import { MIGRATIONS_DIR } from './index';

/** A copy of the shipped migrations up to and including `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'));
  const last = journal.entries.findIndex((e: { tag: string }) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

let test: TestDatabase | null = null;
afterEach(async () => {
  await test?.drop();
  test = null;
});

describe('0009_files', () => {
  it('moves appeal attachments, risk files and request files into files, keeping their ids', async () => {
    test = await createTestDatabase({ prepare: false });
    const { database } = test;
    const old = migrationsUpTo('0008_registry_lookup_indexes');
    try {
      await database.migrate(old);
    } finally {
      fs.rmSync(old, { recursive: true, force: true });
    }
    const db = database.db;
    const one = async (query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows[0];
    const org = (await one(sql`insert into organizations (kind, name, short_name, slug, number_prefix)
      values ('municipality', 'Белоярский городской округ', 'Белоярский ГО', 'beloyarsky', 'БЕЛ') returning id`)).id as string;
    const appeal = (await one(sql`insert into appeals (organization_id, number, year, seq, channel, sub_channel, received_at, status, text)
      values (${org}, 'БЕЛ-2026-000001', 2026, 1, 'fz59', 'email', now(), 'registered', 'Яма на дороге') returning id`)).id as string;
    const risk = (await one(sql`insert into risks (organization_id, number, platform, detected_at, text, kind, level, status, registered_by_side, deadline_cur_proposal)
      values (${org}, 'Р-2026-0001', 'vk', now(), 'Публикация', 'negative', 'municipal', 'new', 'cur', now()) returning id`)).id as string;
    const request = (await one(sql`insert into info_requests (number, subject, text, due_at) values ('ЗИ-2026-0001', 'Сведения', 'Пришлите', now()) returning id`)).id as string;
    const bytes = (s: string) => Buffer.from(s);
    const ids = {
      appealFile: (await one(sql`insert into attachments (organization_id, appeal_id, purpose, filename, mime_type, size, sha256, content, created_at)
        values (${org}, ${appeal}, 'answer', 'ответ.pdf', 'application/pdf', 3, 'a1', ${bytes('pdf')}, '2026-03-01T10:00:00Z') returning id`)).id,
      riskFile: (await one(sql`insert into risk_files (risk_id, organization_id, purpose, filename, mime_type, size, sha256, content)
        values (${risk}, ${org}, 'refutation', 'снимок.png', 'image/png', 3, 'b2', ${bytes('png')}) returning id`)).id,
      requestFile: (await one(sql`insert into info_request_files (request_id, organization_id, filename, mime_type, size, sha256, content)
        values (${request}, null, 'запрос.docx', 'application/msword', 4, 'c3', ${bytes('docx')}) returning id`)).id,
      answerFile: (await one(sql`insert into info_request_files (request_id, organization_id, filename, mime_type, size, sha256, content)
        values (${request}, ${org}, 'ответ.pdf', 'application/pdf', 3, 'd4', ${bytes('ans')}) returning id`)).id,
    };

    await database.migrate();

    const rows = ((await db.execute(sql`select id, organization_id, owner_type, owner_id, purpose, filename, mime_type, size, sha256, content, created_at
      from files order by sha256`)) as unknown as { rows: Record<string, unknown>[] }).rows;
    expect(rows.map((r) => [r.id, r.organization_id, r.owner_type, r.owner_id, r.purpose, r.filename, r.mime_type, r.size, r.sha256, Buffer.from(r.content as Uint8Array).toString()])).toEqual([
      [ids.appealFile, org, 'appeal', appeal, 'answer', 'ответ.pdf', 'application/pdf', 3, 'a1', 'pdf'],
      [ids.riskFile, org, 'risk', risk, 'refutation', 'снимок.png', 'image/png', 3, 'b2', 'png'],
      [ids.requestFile, null, 'request', request, 'request', 'запрос.docx', 'application/msword', 4, 'c3', 'docx'],
      [ids.answerFile, org, 'request', request, 'answer', 'ответ.pdf', 'application/pdf', 3, 'd4', 'ans'],
    ]);
    expect(new Date(rows[0].created_at as string).toISOString()).toBe('2026-03-01T10:00:00.000Z');
    const left = await one(sql`select count(*)::int as n from information_schema.tables where table_name in ('attachments', 'risk_files', 'info_request_files')`);
    expect(Number(left.n)).toBe(0);
  });
});

describe('0015_risk_acknowledged_and_contact_names', () => {
  it('starts the administration clock of unopened risks at their registration, keeps the reading of opened ones, and splits contact names', async () => {
    test = await createTestDatabase({ prepare: false });
    const { database } = test;
    const old = migrationsUpTo('0009_files');
    try {
      await database.migrate(old);
    } finally {
      fs.rmSync(old, { recursive: true, force: true });
    }
    const db = database.db;
    const all = async (query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
    const org = (await all(sql`insert into organizations (kind, name, short_name, slug, number_prefix)
      values ('municipality', 'Белоярский городской округ', 'Белоярский ГО', 'beloyarsky', 'БЕЛ') returning id`))[0].id as string;
    const user = (await all(sql`insert into users (organization_id, login, full_name, role, password_hash)
      values (${org}, 'bel.contact', 'Иванова Мария Сергеевна', 'contact_official', 'x') returning id`))[0].id as string;
    await all(sql`insert into risks (organization_id, number, platform, detected_at, text, kind, level, status, registered_by_side, deadline_cur_proposal, created_at)
      values (${org}, 'ИР-2026-00001', 'vk', '2026-11-26T18:30:00Z', 'Непрочитанный', 'negative', 'high', 'detected', 'cur', '2026-11-26T21:30:00Z', '2026-11-26T18:30:00Z')`);
    await all(sql`insert into risks (organization_id, number, platform, detected_at, text, kind, level, status, registered_by_side, deadline_cur_proposal, created_at,
      signal_received_at, acknowledged_by, deadline_draft)
      values (${org}, 'ИР-2026-00002', 'vk', '2026-11-26T18:30:00Z', 'Прочитанный', 'negative', 'high', 'acknowledged', 'cur', '2026-11-26T21:30:00Z', '2026-11-26T18:30:00Z',
        '2026-11-26T18:50:00Z', ${user}, '2026-11-26T21:50:00Z')`);
    await all(sql`insert into contact_officials (organization_id, full_name, position, email, phone) values
      (${org}, 'Иванова Мария Сергеевна', 'Пресс-секретарь', 'a@example.ru', '+7 343 000-00-00'),
      (${org}, 'Ким Ли', 'Специалист', 'b@example.ru', '+7 343 000-00-01')`);

    await database.migrate();

    const risks = await all(sql`select number, signal_received_at, acknowledged_at, deadline_draft from risks order by number`);
    const at = (v: unknown) => (v === null ? null : new Date(v as string).toISOString());
    expect(risks.map((r) => [r.number, at(r.signal_received_at), at(r.acknowledged_at), at(r.deadline_draft)])).toEqual([
      ['ИР-2026-00001', '2026-11-26T18:30:00.000Z', null, '2026-11-26T21:30:00.000Z'],
      ['ИР-2026-00002', '2026-11-26T18:50:00.000Z', '2026-11-26T18:50:00.000Z', '2026-11-26T21:50:00.000Z'],
    ]);
    const contacts = await all(sql`select surname, name, patronymic, full_name from contact_officials order by full_name`);
    expect(contacts).toEqual([
      { surname: 'Иванова', name: 'Мария', patronymic: 'Сергеевна', full_name: 'Иванова Мария Сергеевна' },
      { surname: 'Ким', name: 'Ли', patronymic: null, full_name: 'Ким Ли' },
    ]);
  });
});
