// The e-mail channel: each municipality's mailbox is polled over IMAP, and every new letter written by a
// person becomes a 59-ФЗ appeal with sub-channel «email». The letter is marked \Seen only after its appeal
// is committed; a crash in between re-reads it, and the Message-ID (the appeal's external id) keeps it once.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { ImapFlow } from 'imapflow';
import type { Config } from '../../config';
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { isUuid } from '../../platform/http';
import { assertVisible, authorize } from '../../platform/policy';
import type { Mailbox, SaveMailbox } from './schema';
import { organizations } from '../../db/schema';
import { AppError, notFound, unprocessable, validationFailed } from '../../platform/errors';
import type { Job } from '../../platform/jobs';
import { errorSummary } from '../../platform/logging';
import { enqueueMail, isValidEmail } from '../../platform/mail';
import { sha256 } from '../../platform/passwords';
import { intake } from '../appeals/service';
import { trackingCode } from '../public/service';
import { appealText, readLetter } from './letters';
import * as repo from './repository';

type Org = typeof organizations.$inferSelect;
const MAX_LETTERS_PER_POLL = 50;

function keyBytes(key: string): Buffer {
  return /^[0-9a-f]{64}$/i.test(key) ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64');
}

/** AES-256-GCM; the stored form is iv.tag.ciphertext in base64url. */
export function encryptSecret(key: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(key), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function decryptSecret(key: string, stored: string): string {
  const [iv, tag, body] = stored.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', keyBytes(key), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

function passwordOf(mailbox: repo.MailboxRow, config: Pick<Config, 'mailboxKey'>, env: NodeJS.ProcessEnv): string {
  if (mailbox.passwordEnv) {
    const value = env[mailbox.passwordEnv];
    if (!value) throw new Error(`переменная окружения ${mailbox.passwordEnv} с паролем почтового ящика не задана`);
    return value;
  }
  if (!mailbox.passwordEncrypted) throw new Error('пароль почтового ящика не задан');
  if (!config.mailboxKey) throw new Error('OTKLIK_MAILBOX_KEY не задан: пароль почтового ящика не расшифровать');
  return decryptSecret(config.mailboxKey, mailbox.passwordEncrypted);
}

export interface PollCounts {
  /** Letters that became new appeals. */
  created: number;
  /** Letters whose appeal already existed (read again after a crash). */
  existing: number;
  /** Auto-replies, bounces and mailer-daemon letters, marked seen without an appeal. */
  skipped: number;
  /** Letters the rules refused (an AppError): left unseen for the next poll, the rest go on. */
  refused: number;
}

export interface PollOptions {
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Called after a letter's appeal is committed and before the letter is marked seen. */
  afterCommit?: (messageId: string) => void | Promise<void>;
}

/** Registers one letter; returns whether an appeal was created, already existed, or the letter was skipped. */
async function registerLetter(db: Db, org: Org, source: Buffer, now: Date, baseUrl: string): Promise<{ outcome: keyof PollCounts; messageId: string }> {
  const letter = await readLetter(source);
  if (letter.automatic || !letter.email || !isValidEmail(letter.email)) return { outcome: 'skipped', messageId: letter.messageId };
  const code = trackingCode();
  const { row, created } = await intake(db, null, org, {
    channel: 'fz59', subChannel: 'email', status: 'received', externalId: letter.messageId,
    text: appealText(letter),
    author: { kind: 'person', surname: letter.author.surname, name: letter.author.name, patronymic: letter.author.patronymic, email: letter.email, phone: letter.author.phone },
    trackingCodeHash: sha256(code),
  }, now, letter.files);
  if (created) {
    await enqueueMail(db, {
      at: now, to: letter.email, dedupeKey: `appeal:${row.id}:received`,
      inReplyTo: letter.messageId, references: [...letter.references, letter.messageId].join(' '),
      subject: `Обращение № ${row.number} принято`,
      text: `Ваше письмо в ${org.name} зарегистрировано как обращение № ${row.number}.\nКод для проверки статуса: ${code}\nСтатус: ${baseUrl}/status/${encodeURIComponent(row.number)}\n\nСрок регистрации — 3 дня, срок ответа — 30 дней со дня регистрации (Федеральный закон № 59-ФЗ).`,
    });
  }
  return { outcome: created ? 'created' : 'existing', messageId: letter.messageId };
}

/** Reads the unseen letters of one mailbox, at most MAX_LETTERS_PER_POLL, each committed on its own. */
export async function pollMailbox(db: Db, org: Org, mailbox: repo.MailboxRow, config: Pick<Config, 'mailboxKey' | 'publicBaseUrl'>, now: Date, options: PollOptions = {}): Promise<PollCounts> {
  const counts: PollCounts = { created: 0, existing: 0, skipped: 0, refused: 0 };
  const client = new ImapFlow({
    host: mailbox.host, port: mailbox.port, secure: mailbox.tls,
    auth: { user: mailbox.login, pass: passwordOf(mailbox, config, options.env ?? process.env) },
    logger: false, disableAutoIdle: true, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 120_000,
  });
  client.on('error', () => { /* reported by the command that fails */ });
  await client.connect();
  try {
    const lock = await client.getMailboxLock(mailbox.folder);
    try {
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids.sort((a, b) => a - b).slice(0, MAX_LETTERS_PER_POLL)) {
        if (options.signal?.aborted) break;
        // BODY.PEEK: fetching does not set \Seen; only a committed appeal does.
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        let registered: Awaited<ReturnType<typeof registerLetter>>;
        try {
          registered = await registerLetter(db, org, message.source, now, config.publicBaseUrl);
        } catch (error) {
          // One letter the rules refuse must not hold up the others; a database failure stops the poll.
          if (!(error instanceof AppError)) throw error;
          counts.refused++;
          continue;
        }
        const { outcome, messageId } = registered;
        counts[outcome]++;
        if (outcome !== 'skipped') await options.afterCommit?.(messageId);
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return counts;
}

type IntakeLog = Pick<FastifyBaseLogger, 'info' | 'warn'>;

/** The polling job: every active mailbox in turn; one mailbox's failure is recorded and does not stop the rest. */
export function mailIntakeJob(db: Db, config: Pick<Config, 'mailboxKey' | 'publicBaseUrl'>, log: IntakeLog, options: { env?: NodeJS.ProcessEnv } = {}): Job {
  return {
    name: 'mail-intake',
    everyMs: 60_000,
    async run(now, signal) {
      const total: PollCounts & { failed: number } = { created: 0, existing: 0, skipped: 0, refused: 0, failed: 0 };
      for (const { mailbox, org } of await repo.activeMailboxes(db)) {
        if (signal?.aborted) break;
        try {
          const counts = await pollMailbox(db, org, mailbox, config, now, { signal, env: options.env });
          await repo.markPolled(db, mailbox.id, now, null);
          total.created += counts.created;
          total.existing += counts.existing;
          total.skipped += counts.skipped;
          total.refused += counts.refused;
          if (counts.created + counts.existing + counts.skipped + counts.refused > 0) log.info({ job: 'mail-intake', organization: org.slug, ...counts }, 'приём писем');
        } catch (error) {
          total.failed++;
          const summary = error instanceof AppError ? error.message : errorSummary(error);
          await repo.markPolled(db, mailbox.id, now, summary);
          log.warn({ job: 'mail-intake', organization: org.slug, error: summary }, 'почтовый ящик администрации не прочитан');
        }
      }
      return total;
    },
  };
}

// Settings of the mailbox: the ЦУР administrator's, for a municipality.

export function presentMailbox(row: repo.MailboxRow): Mailbox {
  return {
    organizationId: row.organizationId, host: row.host, port: row.port, tls: row.tls, login: row.login,
    passwordSource: row.passwordEnv ? 'env' : 'stored', passwordEnv: row.passwordEnv,
    folder: row.folder, active: row.active, lastPolledAt: row.lastPolledAt?.toISOString() ?? null, lastError: row.lastError,
  };
}

async function municipalityOf(db: Executor, actor: Actor, organizationId: string): Promise<Org> {
  const [org] = isUuid(organizationId) ? await db.select().from(organizations).where(eq(organizations.id, organizationId)).limit(1) : [];
  const visible = assertVisible(actor, org ?? null, (o) => o.id, 'organization_not_found', 'Организация не найдена');
  if (visible.kind !== 'municipality') throw notFound('mailbox_not_found', 'Почтовый ящик есть только у муниципального образования');
  return visible;
}

export async function getMailbox(db: Db, actor: Actor, organizationId: string): Promise<Mailbox> {
  authorize(actor, 'organizations.manage');
  await municipalityOf(db, actor, organizationId);
  const row = await repo.findMailbox(db, organizationId);
  if (!row) throw notFound('mailbox_not_found');
  return presentMailbox(row);
}

export async function saveMailbox(db: Db, ctx: RequestContext, organizationId: string, input: SaveMailbox, config: Pick<Config, 'mailboxKey'>, now: Date): Promise<Mailbox> {
  authorize(ctx.actor, 'organizations.manage');
  return audited(db, ctx, async (tx) => {
    await municipalityOf(tx, ctx.actor, organizationId);
    const current = await repo.findMailbox(tx, organizationId);
    const passwordEnv = input.passwordEnv === undefined ? (input.password ? null : current?.passwordEnv ?? null) : input.passwordEnv;
    let passwordEncrypted = passwordEnv ? null : current?.passwordEncrypted ?? null;
    if (input.password && input.passwordEnv) {
      throw validationFailed([{ field: 'password', message: 'Укажите либо пароль, либо переменную окружения с паролем' }]);
    }
    if (input.password) {
      if (!config.mailboxKey) throw unprocessable('mailbox_key_missing');
      passwordEncrypted = encryptSecret(config.mailboxKey, input.password);
    }
    if (!passwordEnv && !passwordEncrypted) {
      throw validationFailed([{ field: 'password', message: 'Укажите пароль почтового ящика или переменную окружения с паролем' }]);
    }
    const row = await repo.upsertMailbox(tx, {
      organizationId, host: input.host.trim(), port: input.port, tls: input.tls, login: input.login.trim(),
      passwordEncrypted, passwordEnv, folder: input.folder?.trim() || current?.folder || 'INBOX',
      active: input.active ?? current?.active ?? true, lastError: null, updatedAt: now,
    });
    const after = presentMailbox(row);
    return { result: after, audit: { action: current ? 'mailbox.update' : 'mailbox.create', entityType: 'mailbox', entityId: row.id, organizationId, before: current ? presentMailbox(current) : undefined, after } };
  });
}

export async function deleteMailbox(db: Db, ctx: RequestContext, organizationId: string): Promise<void> {
  authorize(ctx.actor, 'organizations.manage');
  await audited(db, ctx, async (tx) => {
    await municipalityOf(tx, ctx.actor, organizationId);
    const row = await repo.deleteMailbox(tx, organizationId);
    if (!row) throw notFound('mailbox_not_found');
    return { result: undefined, audit: { action: 'mailbox.delete', entityType: 'mailbox', entityId: row.id, organizationId, before: presentMailbox(row) } };
  });
}
