import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { startDovecot, type Dovecot } from '../../test/dovecot';
import { ManualClock } from '../../platform/clock';
import { deliverPendingMail } from '../../platform/mail';
import type { Db } from '../../db';
import { organizations } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { decryptSecret, encryptSecret, pollMailbox } from './service';
import * as repo from './repository';
import { readLetter } from './letters';
import { loadConfig } from '../../config';

// Tuesday 10 March 2026, 14:00 in Yekaterinburg.
const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
const key = randomBytes(32).toString('base64');
const LOGIN = 'priemnaya@beloyarsky.test';
const PASSWORD = 'пароль-ящика';
let t: TestApp;
let dovecot: Dovecot;
let contact: Session;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);

function letter(o: { messageId: string; from?: string; headers?: string[]; body?: string; html?: string; files?: { name: string; type: string; content: Buffer }[] }): string {
  const b = 'XBOUNDARYX';
  const head = [
    `From: ${o.from ?? '=?UTF-8?B?' + Buffer.from('Сидоров Пётр Андреевич').toString('base64') + '?= <sidorov@example.ru>'}`,
    `To: ${LOGIN}`,
    `Subject: =?UTF-8?B?${Buffer.from('Не вывозят мусор').toString('base64')}?=`,
    `Message-ID: ${o.messageId}`,
    'Date: Tue, 10 Mar 2026 12:00:00 +0500',
    'MIME-Version: 1.0',
    ...(o.headers ?? []),
    `Content-Type: multipart/mixed; boundary="${b}"`,
  ];
  const parts = [];
  if (o.body !== undefined) parts.push(`Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(o.body).toString('base64')}`);
  if (o.html !== undefined) parts.push(`Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(o.html).toString('base64')}`);
  for (const f of o.files ?? []) {
    parts.push(`Content-Type: ${f.type}\r\nContent-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(f.name)}\r\nContent-Transfer-Encoding: base64\r\n\r\n${f.content.toString('base64')}`);
  }
  return `${head.join('\r\n')}\r\n\r\n${parts.map((p) => `--${b}\r\n${p}\r\n`).join('')}--${b}--\r\n`;
}

async function deliver(raw: string, flags: string[] = []): Promise<void> {
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: LOGIN, pass: PASSWORD }, logger: false });
  await client.connect();
  try { await client.append('INBOX', raw, flags); } finally { await client.logout(); }
}

async function unseen(): Promise<number> {
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: LOGIN, pass: PASSWORD }, logger: false });
  await client.connect();
  try { return (await client.status('INBOX', { unseen: true })).unseen ?? -1; } finally { await client.logout(); }
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const r = await db.execute(query);
  return ((r as { rows?: unknown[] }).rows ?? r) as T[];
}

const emailAppeals = async () => (await contact.get('/api/appeals?limit=100')).json().items.filter((a: { subChannel: string }) => a.subChannel === 'email');
const emailAppealsInFull = async () => Promise.all((await emailAppeals()).map(async (a: { id: string }) => (await contact.get(`/api/appeals/${a.id}`)).json()));
const runIntake = () => t.app.services.jobs.runOnce('mail-intake');

beforeAll(async () => {
  dovecot = await startDovecot({ [LOGIN]: PASSWORD });
  t = await buildTestApp({ clock, config: { mailboxKey: key } });
  contact = await t.login('beloyarsky.contact');
  const admin = await t.login('cur.admin');
  const [org] = await t.database.db.select().from(organizations).where(eq(organizations.slug, 'beloyarsky'));
  const saved = await admin.request({ method: 'PUT', url: `/api/organizations/${org.id}/mailbox`, payload: { host: dovecot.host, port: dovecot.port, tls: false, login: LOGIN, password: PASSWORD } });
  if (saved.statusCode !== 200) throw new Error(saved.body);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await dovecot?.stop();
});

describe('reading a letter', () => {
  const raw = (headers: string[], body = 'Прошу починить освещение во дворе дома 7.') => Buffer.from(
    [`From: Petrov <petrov@example.ru>`, 'Subject: test', ...headers, 'Content-Type: text/plain; charset=utf-8', '', body, ''].join('\r\n'));

  it('tells letters written by programs from people\'s', async () => {
    expect((await readLetter(raw(['Message-ID: <a@x>']))).automatic).toBe(false);
    expect((await readLetter(raw(['Auto-Submitted: no']))).automatic).toBe(false);
    expect((await readLetter(raw(['Precedence: bulk']))).automatic).toBe(true);
    expect((await readLetter(raw(['Return-Path: <>']))).automatic).toBe(true);
    expect((await readLetter(Buffer.from('From: postmaster@example.ru\r\nSubject: x\r\n\r\nundeliverable\r\n'))).automatic).toBe(true);
    expect((await readLetter(Buffer.from('From: a@example.ru\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--b--\r\n'))).automatic).toBe(true);
  });

  it('a letter without a Message-ID is still kept once: its id is the hash of the letter', async () => {
    const a = await readLetter(raw([]));
    expect(a.messageId).toMatch(/^<sha256\.[0-9a-f]{64}@otklik\.local>$/);
    expect((await readLetter(raw([]))).messageId).toBe(a.messageId);
    expect(a.author).toMatchObject({ surname: null, name: null });
  });

  it('the encryption key is checked at start', () => {
    expect(loadConfig({ OTKLIK_MAILBOX_KEY: key }).mailboxKey).toBe(key);
    expect(() => loadConfig({ OTKLIK_MAILBOX_KEY: 'короткий' })).toThrow(/OTKLIK_MAILBOX_KEY/);
  });
});

describe('mailbox settings', () => {
  it('the ЦУР administrator sets a municipality\'s mailbox; the password is stored encrypted and never shown', async () => {
    const admin = await t.login('cur.admin');
    const [org] = await t.database.db.select().from(organizations).where(eq(organizations.slug, 'beloyarsky'));
    const res = await admin.get(`/api/organizations/${org.id}/mailbox`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ host: dovecot.host, port: dovecot.port, tls: false, login: LOGIN, passwordSource: 'stored', passwordEnv: null, folder: 'INBOX', active: true });
    expect(res.body).not.toContain(PASSWORD);
    const stored = await rows<{ password_encrypted: string }>(t.database.db, sql`select password_encrypted from mailboxes`);
    expect(stored[0].password_encrypted).not.toContain(PASSWORD);
    expect(decryptSecret(key, stored[0].password_encrypted)).toBe(PASSWORD);
    const audit = (await admin.get(`/api/audit?entityType=mailbox`)).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toContain('mailbox.create');
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it('a municipality cannot read or change the mailbox settings; a password without an encryption key is refused', async () => {
    const [org] = await t.database.db.select().from(organizations).where(eq(organizations.slug, 'beloyarsky'));
    const body = { host: 'imap.example.ru', port: 993, tls: true, login: 'x@example.ru', password: 'другой' };
    expect((await contact.get(`/api/organizations/${org.id}/mailbox`)).statusCode).toBe(403);
    expect((await contact.request({ method: 'PUT', url: `/api/organizations/${org.id}/mailbox`, payload: body })).statusCode).toBe(403);
    const admin = await t.login('cur.admin');
    const cur = (await admin.get('/api/organizations?kind=regional_center')).json().items[0];
    expect((await admin.get(`/api/organizations/${cur.id}/mailbox`)).json().code).toBe('mailbox_not_found');
    const config = t.app.services.config;
    config.mailboxKey = null;
    try {
      const refused = await admin.request({ method: 'PUT', url: `/api/organizations/${org.id}/mailbox`, payload: body });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('mailbox_key_missing');
    } finally {
      config.mailboxKey = key;
    }
    const both = await admin.request({ method: 'PUT', url: `/api/organizations/${org.id}/mailbox`, payload: { ...body, passwordEnv: 'OTKLIK_BELOYARSKY_IMAP' } });
    expect(both.statusCode).toBe(400);
    expect((await admin.get(`/api/organizations/${org.id}/mailbox`)).json().host).toBe(dovecot.host);
  });
});

describe('e-mail over IMAP', () => {
  it('keeps the mailbox password encrypted and reads it back only with the key', () => {
    const stored = encryptSecret(key, PASSWORD);
    expect(stored).not.toContain(PASSWORD);
    expect(decryptSecret(key, stored)).toBe(PASSWORD);
    expect(() => decryptSecret(randomBytes(32).toString('base64'), stored)).toThrow();
  });

  it('a letter becomes one fz59 appeal with sub-channel e-mail: author from From and the signature, text, the PDF attached, the .exe refused', async () => {
    await deliver(letter({
      messageId: '<first-letter@example.ru>',
      body: 'Уже две недели не вывозят мусор с контейнерной площадки на ул. Ленина, 5.\nПрошу принять меры.\n\n-- \nСидоров Пётр Андреевич\nтел. +7 912 345-67-89\n',
      files: [{ name: 'фото площадки.pdf', type: 'application/pdf', content: PDF }, { name: 'программа.exe', type: 'application/octet-stream', content: EXE }],
    }));
    expect(await runIntake()).toBe(true);
    const list = await emailAppeals();
    expect(list).toHaveLength(1);
    const appeal = (await contact.get(`/api/appeals/${list[0].id}`)).json();
    expect(appeal).toMatchObject({ channel: 'fz59', subChannel: 'email', status: 'received', municipality: 'beloyarsky' });
    expect(appeal.author).toMatchObject({ surname: 'Сидоров', name: 'Пётр', patronymic: 'Андреевич', email: 'sidorov@example.ru', phone: '+7 912 345-67-89' });
    expect(appeal.text).toContain('Тема письма: Не вывозят мусор');
    expect(appeal.text).toContain('Уже две недели не вывозят мусор');
    expect(appeal.text).not.toContain('+7 912');
    expect(appeal.text).toMatch(/программа\.exe: .*не является документом/);
    expect(appeal.attachments.map((a: { filename: string }) => a.filename)).toEqual(['фото площадки.pdf']);
    expect(await unseen()).toBe(0);
  });

  it('the same letter delivered again stays one appeal', async () => {
    await deliver(letter({ messageId: '<first-letter@example.ru>', body: 'Уже две недели не вывозят мусор.' }));
    expect(await unseen()).toBe(1);
    await runIntake();
    expect(await emailAppeals()).toHaveLength(1);
    expect(await unseen()).toBe(0);
  });

  it('auto-replies, bounces and mailer-daemon letters are not registered, and are not read again', async () => {
    await deliver(letter({ messageId: '<vacation@example.ru>', headers: ['Auto-Submitted: auto-replied'], body: 'Я в отпуске до 20 марта.' }));
    await deliver(letter({ messageId: '<bounce@mx.example.ru>', from: 'Mail Delivery System <MAILER-DAEMON@mx.example.ru>', body: 'Delivery to the following recipient failed permanently.' }));
    await deliver(letter({ messageId: '<ooo@example.ru>', headers: ['X-Autoreply: yes'], body: 'Автоответ: меня нет на месте.' }));
    await runIntake();
    expect(await emailAppeals()).toHaveLength(1);
    expect(await unseen()).toBe(0);
  });

  it('an HTML-only letter gives its text', async () => {
    await deliver(letter({ messageId: '<html-letter@example.ru>', from: 'kuznetsova@example.ru', html: '<html><body><p>Не горит фонарь у дома&nbsp;12 по ул. Мира.</p><p>С уважением,<br>Кузнецова Анна Сергеевна</p></body></html>' }));
    await runIntake();
    const list = await emailAppealsInFull();
    expect(list).toHaveLength(2);
    const appeal = list.find((a) => a.author.email !== 'sidorov@example.ru');
    expect(appeal.text).toContain('Не горит фонарь у дома 12 по ул. Мира.');
    expect(appeal.author).toMatchObject({ surname: 'Кузнецова', name: 'Анна', patronymic: 'Сергеевна', email: 'kuznetsova@example.ru' });
  });

  it('a crash between the commit and \\Seen re-reads the letter without a duplicate', async () => {
    await deliver(letter({ messageId: '<crash@example.ru>', body: 'Во дворе дома 3 по ул. Школьной прорвало трубу.' }));
    const { db } = t.database;
    const [{ mailbox, org }] = await repo.activeMailboxes(db);
    await expect(pollMailbox(db, org, mailbox, t.config, clock.now(), {
      afterCommit: () => { throw new Error('сбой после фиксации'); },
    })).rejects.toThrow('сбой после фиксации');
    expect(await unseen()).toBe(1);
    expect(await emailAppeals()).toHaveLength(3);
    const counts = await pollMailbox(db, org, mailbox, t.config, clock.now());
    expect(counts).toEqual({ created: 0, existing: 1, skipped: 0, refused: 0 });
    expect(await emailAppeals()).toHaveLength(3);
    expect(await unseen()).toBe(0);
  });

  it('the answer goes back from the outbox in the citizen\'s thread, with In-Reply-To and References', async () => {
    const [head, executor] = await Promise.all([t.login('beloyarsky.head'), t.login('beloyarsky.executor')]);
    const first = (await emailAppealsInFull()).find((a: { text: string }) => a.text.includes('контейнерной площадки'));
    const act = (s: Session, action: string, body: unknown = {}) => s.post(`/api/appeals/${first.id}/actions/${action}`, body);
    expect((await act(contact, 'register')).statusCode).toBe(200);
    const departmentId = (await head.get('/api/departments')).json().items[0].id;
    expect((await act(head, 'assign', { departmentId, executorId: executor.user.id })).statusCode).toBe(200);
    expect((await act(executor, 'take')).statusCode).toBe(200);
    expect((await act(executor, 'submit_answer', { answerText: 'Вывоз мусора с площадки на ул. Ленина, 5 восстановлен с 11 марта.', resultCode: 'supported' })).statusCode).toBe(200);
    expect((await act(head, 'approve')).statusCode).toBe(200);

    const sent: { to: string; raw: string }[] = [];
    const transport = {
      async sendMail(message: Record<string, unknown>) {
        const { default: MailComposer } = await import('nodemailer/lib/mail-composer/index.js');
        const raw = await new MailComposer(message as never).compile().build();
        sent.push({ to: String(message.to), raw: raw.toString() });
      },
    };
    await deliverPendingMail(t.database.db, transport, clock.now(), { from: 'Отклик <noreply@otklik.local>', batch: 100 });
    const answers = [];
    for (const s of sent.filter((m) => m.to === 'sidorov@example.ru')) answers.push(await simpleParser(s.raw));
    const answer = answers.find((m) => m.subject?.startsWith('Ответ на обращение'));
    expect(answer?.inReplyTo).toBe('<first-letter@example.ru>');
    expect(answer?.references).toEqual('<first-letter@example.ru>');
    expect(answer?.text).toContain('Вывоз мусора с площадки на ул. Ленина, 5 восстановлен');
    const receipt = answers.find((m) => m.subject === `Обращение № ${first.number} принято`);
    expect(receipt?.inReplyTo).toBe('<first-letter@example.ru>');
    const outbox = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from mail_outbox where in_reply_to = '<first-letter@example.ru>'`);
    expect(Number(outbox[0].n)).toBe(2);
  });
});
