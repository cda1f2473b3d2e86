import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTestDatabase, type TestDatabase } from '../test/helpers';
import { mailOutbox } from '../db/schema';
import { loadConfig, ConfigError } from '../config';
import { AppError } from './errors';
import { createMailTransport, deliverPendingMail, enqueueMail, mailJob, MAX_ATTEMPTS, retryDelayMs } from './mail';

// A real SMTP server on loopback that keeps what it receives, with credentials and a switch to refuse mail.
interface Received { rcptTo: string[]; mailFrom: string; mail: ParsedMail }
const received: Received[] = [];
let refuse: number | null = null;
let smtp: SMTPServer;
let smtpUrl: string;
const mailFrom = 'ЦУР Свердловской области <noreply@cur66.example.ru>';

const T0 = new Date('2026-11-27T05:00:00Z');
const after = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

let tdb: TestDatabase;
const db = () => tdb.database.db;
const rowOf = async (id: string) => (await db().select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0];
const transport = () => createMailTransport({ smtpUrl, mailFrom });

async function closedPort(): Promise<number> {
  const probe = new SMTPServer({ logger: false });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.server.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  smtp = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'otklik' && auth.password === 'пароль-1') return callback(null, { user: 'otklik' });
      callback(new Error('Invalid credentials'));
    },
    onRcptTo(_address, _session, callback) {
      if (refuse === null) return callback();
      const error: SMTPServerError = new Error('Mailbox temporarily unavailable');
      error.responseCode = refuse;
      callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', mail });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  smtpUrl = `smtp://otklik:${encodeURIComponent('пароль-1')}@127.0.0.1:${port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
  await tdb.drop();
});
beforeEach(async () => {
  received.length = 0;
  refuse = null;
  await db().delete(mailOutbox);
});

const letter = (over: Partial<Parameters<typeof enqueueMail>[1]> = {}) => ({
  to: 'grigoriev@example.ru',
  subject: 'Ответ на обращение № БЕЛ-2026-000123',
  text: 'Уважаемый Павел Ильич!\n\nЯмочный ремонт улицы Ленина в пос. Белоярский выполнен 25 ноября 2026 года.',
  html: '<p>Уважаемый Павел Ильич!</p><p>Ямочный ремонт улицы Ленина выполнен.</p>',
  at: T0,
  ...over,
});

describe('delivery over SMTP', () => {
  it('a stopping server sends nothing more and puts the claimed letters back without spending an attempt', async () => {
    const ids = [await enqueueMail(db(), letter({ to: 'a@example.ru' })), await enqueueMail(db(), letter({ to: 'b@example.ru' }))];
    const stopping = new AbortController();
    stopping.abort();
    expect(await deliverPendingMail(db(), transport(), T0, { from: mailFrom, signal: stopping.signal })).toMatchObject({ sent: 0, deferred: 2 });
    for (const id of ids) expect(await rowOf(id!)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T0 });
    expect(await deliverPendingMail(db(), transport(), T0, { from: mailFrom })).toMatchObject({ sent: 2 });
    expect(await deliverPendingMail(db(), transport(), T0, { from: mailFrom })).toMatchObject({ sent: 0, retried: 0, failed: 0 });
  });

  it('an enqueued Russian letter reaches the server with its recipient, subject and text', async () => {
    const id = await enqueueMail(db(), letter());
    expect(id).toEqual(expect.any(String));
    expect(await rowOf(id!)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T0 });

    const counts = await deliverPendingMail(db(), transport(), T0, { from: mailFrom });
    expect(counts).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0, failedIds: [] });
    expect(received).toHaveLength(1);
    const [{ rcptTo, mailFrom: envelopeFrom, mail }] = received;
    expect(rcptTo).toEqual(['grigoriev@example.ru']);
    expect(envelopeFrom).toBe('noreply@cur66.example.ru');
    expect(mail.from?.value[0]).toEqual({ name: 'ЦУР Свердловской области', address: 'noreply@cur66.example.ru' });
    expect(mail.subject).toBe('Ответ на обращение № БЕЛ-2026-000123');
    expect(mail.text?.trim()).toBe(letter().text);
    expect(mail.html).toContain('Уважаемый Павел Ильич!');
    expect(mail.messageId).toBe(`<${id}@cur66.example.ru>`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(await rowOf(id!)).toMatchObject({ status: 'sent', sentAt: T0, attempts: 0, lastError: null });

    expect(await deliverPendingMail(db(), transport(), after(MINUTE))).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(1);
  });

  it('a refusal leaves the letter pending with one attempt and a backoff; a later run delivers it', async () => {
    refuse = 451;
    const id = (await enqueueMail(db(), letter()))!;
    expect(await deliverPendingMail(db(), transport(), T0)).toMatchObject({ sent: 0, retried: 1 });
    let row = await rowOf(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: after(MINUTE), sentAt: null });
    expect(row.lastError).toMatch(/451/);
    expect(received).toHaveLength(0);

    refuse = null;
    expect(await deliverPendingMail(db(), transport(), after(30_000))).toMatchObject({ sent: 0, retried: 0 });
    expect(await deliverPendingMail(db(), transport(), after(MINUTE))).toMatchObject({ sent: 1 });
    row = await rowOf(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, sentAt: after(MINUTE), lastError: null });
    expect(received.map((r) => r.mail.subject)).toEqual(['Ответ на обращение № БЕЛ-2026-000123']);
  });

  it('with the server down the first letter spends an attempt and the rest wait for the same retry', async () => {
    const down = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, mailFrom });
    const first = (await enqueueMail(db(), letter({ at: T0 })))!;
    const second = (await enqueueMail(db(), letter({ to: 'ivanova@example.ru', at: after(1000) })))!;
    expect(await deliverPendingMail(db(), down, after(2000))).toMatchObject({ sent: 0, retried: 1, deferred: 1 });
    expect(await rowOf(first)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: after(2000 + MINUTE), lastError: expect.stringMatching(/ECONNREFUSED/) });
    expect(await rowOf(second)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: after(2000 + MINUTE) });

    expect(await deliverPendingMail(db(), transport(), after(2000 + MINUTE))).toMatchObject({ sent: 2 });
    expect(received.flatMap((r) => r.rcptTo).sort()).toEqual(['grigoriev@example.ru', 'ivanova@example.ru']);
  });

  it('backs off 1, 2, 4, 8… minutes up to an hour and gives up after the tenth attempt', async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 9].map((n) => retryDelayMs(n) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    refuse = 550;
    const id = (await enqueueMail(db(), letter()))!;
    await db().update(mailOutbox).set({ attempts: MAX_ATTEMPTS - 2 }).where(eq(mailOutbox.id, id));
    expect(await deliverPendingMail(db(), transport(), T0)).toMatchObject({ retried: 1, failed: 0 });
    expect(await rowOf(id)).toMatchObject({ status: 'pending', attempts: 9, nextAttemptAt: after(60 * MINUTE) });
    expect(await deliverPendingMail(db(), transport(), after(60 * MINUTE))).toEqual({ sent: 0, retried: 0, failed: 1, deferred: 0, failedIds: [id] });
    expect(await rowOf(id)).toMatchObject({ status: 'failed', attempts: 10 });
    expect(await deliverPendingMail(db(), transport(), after(600 * MINUTE))).toMatchObject({ sent: 0, failed: 0 });
  });

  it('two deliveries at once never send the same letter twice', async () => {
    for (let i = 0; i < 6; i++) await enqueueMail(db(), letter({ to: `resident${i}@example.ru` }));
    const [a, b] = await Promise.all([
      deliverPendingMail(db(), transport(), T0, { batch: 10 }),
      deliverPendingMail(db(), transport(), T0, { batch: 10 }),
    ]);
    expect(a.sent + b.sent).toBe(6);
    const recipients = received.flatMap((r) => r.rcptTo);
    expect(recipients).toHaveLength(6);
    expect(new Set(recipients).size).toBe(6);
  });
});

describe('enqueueing', () => {
  it('a dedupe key stores the letter once', async () => {
    const first = await enqueueMail(db(), letter({ dedupeKey: 'appeal:123:answer' }));
    const second = await enqueueMail(db(), letter({ dedupeKey: 'appeal:123:answer', subject: 'Другая тема' }));
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    const rows = await db().select().from(mailOutbox);
    expect(rows).toHaveLength(1);
    expect(rows[0].subject).toBe('Ответ на обращение № БЕЛ-2026-000123');
  });

  it('is part of the caller transaction: a rollback stores nothing', async () => {
    await expect(db().transaction(async (tx) => {
      await enqueueMail(tx, letter());
      throw new Error('use case failed');
    })).rejects.toThrow('use case failed');
    expect(await db().select().from(mailOutbox)).toHaveLength(0);
  });

  it('refuses a malformed address and keeps the subject on one line', async () => {
    for (const to of ['', 'grigoriev', 'grigoriev@', 'a b@example.ru', 'x@example.ru\r\nBcc: y@example.ru', 'Павел <p@example.ru>']) {
      await expect(enqueueMail(db(), letter({ to }))).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'invalid_email');
    }
    expect(await db().select().from(mailOutbox)).toHaveLength(0);
    const id = (await enqueueMail(db(), letter({ to: 'почта@администрация.рф', subject: 'Тема\r\nBcc: y@example.ru' })))!;
    expect((await rowOf(id)).subject).toBe('Тема Bcc: y@example.ru');
  });
});

describe('the delivery job', () => {
  const logger = () => {
    const lines: { level: string; data: unknown; msg: string }[] = [];
    const write = (level: string) => (data: unknown, msg: string) => { lines.push({ level, data, msg }); };
    return { lines, log: { info: write('info'), warn: write('warn') } as never };
  };

  it('without OTKLIK_SMTP_URL keeps letters pending and warns once', async () => {
    const { lines, log } = logger();
    const job = mailJob(db(), { smtpUrl: null, mailFrom }, log);
    const id = (await enqueueMail(db(), letter()))!;
    await job.run(after(MINUTE));
    await job.run(after(2 * MINUTE));
    expect(await rowOf(id)).toMatchObject({ status: 'pending', attempts: 0, sentAt: null });
    expect(received).toHaveLength(0);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
    expect(lines[0].data).toMatchObject({ pending: 1 });
  });

  it('creates the transport from the config, delivers, and logs counts but no address or text', async () => {
    const { lines, log } = logger();
    const job = mailJob(db(), { smtpUrl, mailFrom }, log);
    expect(job).toMatchObject({ name: 'mail-delivery', everyMs: expect.any(Number) });
    await enqueueMail(db(), letter());
    expect(await job.run(T0)).toMatchObject({ sent: 1 });
    expect(received).toHaveLength(1);
    expect(lines).toHaveLength(1);
    const logged = JSON.stringify(lines);
    expect(logged).toContain('"sent":1');
    expect(logged).not.toMatch(/grigoriev|Павел|БЕЛ-2026/);
  });
});

describe('mail configuration', () => {
  it('reads OTKLIK_SMTP_URL and OTKLIK_MAIL_FROM with a default sender', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: null, mailFrom: 'Отклик <noreply@otklik.local>' });
    expect(loadConfig({ OTKLIK_SMTP_URL: 'smtps://u:p@mail.example.ru:465', OTKLIK_MAIL_FROM: 'noreply@example.ru' }))
      .toMatchObject({ smtpUrl: 'smtps://u:p@mail.example.ru:465', mailFrom: 'noreply@example.ru' });
    expect(() => loadConfig({ OTKLIK_SMTP_URL: 'mail.example.ru:25' })).toThrow(ConfigError);
    expect(() => loadConfig({ OTKLIK_MAIL_FROM: 'Отклик' })).toThrow(ConfigError);
  });
});
