// Outgoing e-mail through an outbox: use cases store letters in their own transaction, a job delivers
// them over SMTP with retries. Addresses and bodies are personal data and never reach the log.
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Config } from '../config';
import type { Db, Executor } from '../db';
import { mailOutbox } from '../db/schema';
import { badRequest } from './errors';
import type { Job } from './jobs';

export interface OutgoingMail {
  to: string;
  subject: string;
  /** Plain text; always sent, also as the alternative to `html`. */
  text: string;
  html?: string | null;
  /** The same key is stored once, so a use case or job that runs again does not send twice. */
  dedupeKey?: string | null;
  /** Message-ID of the letter answered, so the reply lands in the citizen's thread. */
  inReplyTo?: string | null;
  /** Message-IDs of the thread, space-separated; defaults to inReplyTo. */
  references?: string | null;
  /** The caller's clock; the database time when absent. */
  at?: Date;
}

/** What deliverPendingMail needs of a nodemailer transporter. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
}

export interface DeliveryCounts {
  sent: number;
  /** Failed this time, will be tried again later. */
  retried: number;
  /** Gave up after MAX_ATTEMPTS. */
  failed: number;
  /** Not tried because the server itself was unreachable; waiting without losing an attempt. */
  deferred: number;
  /** Ids of the letters given up, for the log. */
  failedIds: string[];
}

export const MAX_ATTEMPTS = 10;
const MINUTE = 60_000;
/** A claimed row is not picked again for this long, in case the instance sending it dies. */
const CLAIM_MS = 15 * MINUTE;
/** nodemailer codes that concern the server or the connection, not one message. */
const SERVER_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EAUTH', 'ENOAUTH', 'ETLS', 'ECONFIG']);

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/u;

export function isValidEmail(address: string): boolean {
  return address.length <= 254 && EMAIL.test(address);
}

/** Delay before the next attempt after `attempts` failures: 1, 2, 4, 8… minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(attempts - 1, 0), 60) * MINUTE;
}

/** Stores a letter in the caller's transaction; returns its id, or null when the dedupe key is already known. */
export async function enqueueMail(executor: Executor, mail: OutgoingMail): Promise<string | null> {
  const to = mail.to.trim();
  if (!isValidEmail(to)) throw badRequest('invalid_email', 'Неверный адрес электронной почты');
  const subject = mail.subject.replace(/[\r\n]+/g, ' ').trim();
  if (!subject) throw badRequest('empty_subject', 'У письма нет темы');
  const [row] = await executor.insert(mailOutbox).values({
    to,
    subject,
    text: mail.text,
    html: mail.html ?? null,
    dedupeKey: mail.dedupeKey ?? null,
    inReplyTo: mail.inReplyTo ? oneLine(mail.inReplyTo) : null,
    references: mail.references ? oneLine(mail.references) : mail.inReplyTo ? oneLine(mail.inReplyTo) : null,
    ...(mail.at ? { createdAt: mail.at, nextAttemptAt: mail.at } : {}),
  }).onConflictDoNothing({ target: mailOutbox.dedupeKey }).returning({ id: mailOutbox.id });
  return row?.id ?? null;
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim().slice(0, 2000);
}

/** An SMTP transport from OTKLIK_SMTP_URL; the sender comes from OTKLIK_MAIL_FROM. */
export function createMailTransport(config: Pick<Config, 'smtpUrl' | 'mailFrom'>) {
  if (!config.smtpUrl) throw new Error('OTKLIK_SMTP_URL не задан');
  return nodemailer.createTransport(
    { url: config.smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 },
    { from: config.mailFrom },
  );
}

function messageIdDomain(from: string | undefined): string {
  const match = from ? /@([^\s@<>]+)>?\s*$/.exec(from) : null;
  return match ? match[1] : 'otklik.local';
}

function describeError(error: unknown): { code: string | null; message: string } {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : null;
  const parts = [code, typeof e?.responseCode === 'number' ? String(e.responseCode) : null, String(e?.message ?? error)];
  // Servers quote the refused address; the row already holds it, so the error text need not.
  return { code, message: parts.filter(Boolean).join(' ').replace(/[^\s<>"']+@[^\s<>"']+/g, '…@…').slice(0, 500) };
}

/**
 * Sends the letters due at `now`. Rows are claimed with FOR UPDATE SKIP LOCKED, so instances sharing
 * a database never send the same letter; each outcome is stored as soon as it is known.
 */
export async function deliverPendingMail(db: Db, transport: MailTransport, now: Date, options: { batch?: number; from?: string; signal?: AbortSignal } = {}): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, retried: 0, failed: 0, deferred: 0, failedIds: [] };
  const due = db.select({ id: mailOutbox.id }).from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(mailOutbox.nextAttemptAt)
    .limit(options.batch ?? 20)
    .for('update', { skipLocked: true });
  const claimed = await db.update(mailOutbox).set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
    .where(inArray(mailOutbox.id, due))
    .returning();
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  const domain = messageIdDomain(options.from);
  for (let i = 0; i < claimed.length; i++) {
    const row = claimed[i];
    if (options.signal?.aborted) {
      // Stopping: the letters not tried yet go back to the queue at once, without spending an attempt.
      await db.update(mailOutbox).set({ nextAttemptAt: now }).where(inArray(mailOutbox.id, claimed.slice(i).map((r) => r.id)));
      counts.deferred = claimed.length - i;
      break;
    }
    try {
      await transport.sendMail({
        ...(options.from ? { from: options.from } : {}),
        to: row.to,
        subject: row.subject,
        text: row.text,
        ...(row.html ? { html: row.html } : {}),
        messageId: `<${row.id}@${domain}>`,
        ...(row.inReplyTo ? { inReplyTo: row.inReplyTo, references: row.references ?? row.inReplyTo } : {}),
        // Keeps auto-replies and vacation notices away from the no-reply sender (RFC 3834).
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      await db.update(mailOutbox).set({ status: 'sent', sentAt: now, lastError: null }).where(eq(mailOutbox.id, row.id));
      counts.sent++;
    } catch (error) {
      const { code, message } = describeError(error);
      const attempts = row.attempts + 1;
      const gaveUp = attempts >= MAX_ATTEMPTS;
      const next = new Date(now.getTime() + retryDelayMs(attempts));
      await db.update(mailOutbox).set({ attempts, lastError: message, status: gaveUp ? 'failed' : 'pending', nextAttemptAt: next })
        .where(eq(mailOutbox.id, row.id));
      if (gaveUp) {
        counts.failed++;
        counts.failedIds.push(row.id);
      } else {
        counts.retried++;
      }
      if (code && SERVER_ERRORS.has(code)) {
        // The server is down or refuses us: the rest wait for the same retry without spending an attempt.
        const rest = claimed.slice(i + 1).map((r) => r.id);
        if (rest.length > 0) {
          await db.update(mailOutbox).set({ nextAttemptAt: next }).where(inArray(mailOutbox.id, rest));
          counts.deferred = rest.length;
        }
        break;
      }
    }
  }
  return counts;
}

/** Letters waiting to be sent. */
export async function pendingMailCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(eq(mailOutbox.status, 'pending'));
  return Number(row.n);
}

type MailLog = Pick<FastifyBaseLogger, 'info' | 'warn'>;

/** The delivery job; without OTKLIK_SMTP_URL letters stay in the outbox and a warning is logged once. */
export function mailJob(db: Db, config: Pick<Config, 'smtpUrl' | 'mailFrom'>, log: MailLog, options: { batch?: number } = {}): Job {
  let transport: MailTransport | null = null;
  let warned = false;
  return {
    name: 'mail-delivery',
    everyMs: 30_000,
    async run(now, signal) {
      if (!config.smtpUrl) {
        if (!warned) {
          warned = true;
          log.warn({ job: 'mail-delivery', pending: await pendingMailCount(db) }, 'OTKLIK_SMTP_URL не задан: письма ждут в очереди и уйдут, когда почтовый сервер будет настроен');
        }
        return { sent: 0, retried: 0, failed: 0, deferred: 0, failedIds: [] } satisfies DeliveryCounts;
      }
      transport ??= createMailTransport(config);
      const counts = await deliverPendingMail(db, transport, now, { batch: options.batch, from: config.mailFrom, signal });
      const { failedIds, ...numbers } = counts;
      if (numbers.sent + numbers.retried + numbers.failed > 0) log.info({ job: 'mail-delivery', ...numbers }, 'отправка писем');
      if (failedIds.length > 0) log.warn({ job: 'mail-delivery', ids: failedIds }, `письма не отправлены после ${MAX_ATTEMPTS} попыток`);
      return counts;
    },
  };
}
