// Events for integrators through an outbox: a use case calls `emitEvent` in its own transaction, which
// stores the event and one delivery per matching subscription; a job POSTs each delivery, signed with
// HMAC-SHA256 of the body, and retries with backoff. Secrets and bodies never reach the log.
import { createHmac, randomUUID } from 'node:crypto';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Executor } from '../db';
import { organizations, webhookAttempts, webhookDeliveries, webhookEvents, webhookSubscriptions } from '../db/schema';
import { afterFailure, isDelivered, type WebhookEvent } from '../../domain/webhooks/events';
import type { Job } from './jobs';
import { outboundRefusal } from './outbound';

export const WEBHOOK_JOB = 'webhook-delivery';
/** A claimed delivery is not picked again for this long, in case the instance sending it dies. */
const CLAIM_MS = 10 * 60_000;
/** How long a receiver may take to answer. */
const TIMEOUT_MS = 10_000;
export const SIGNATURE_HEADER = 'x-otklik-signature';

export interface EmittedEvent {
  type: WebhookEvent;
  organizationId: string;
  /** What happened, without personal data: ids, numbers, statuses. */
  data: Record<string, unknown>;
  at: Date;
  /** The municipality's slug, when the caller has it at hand (saves a read). */
  municipality?: string;
}

/**
 * Stores the event in the caller's transaction, with a pending delivery for every active subscription to
 * it — of the event's municipality or of the whole region — so that the change and its event commit
 * together. One statement; an event nobody subscribes to is not stored at all.
 */
export async function emitEvent(tx: Executor, event: EmittedEvent): Promise<string> {
  const id = randomUUID();
  const at = event.at.toISOString();
  const municipality = event.municipality
    ?? (await tx.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, event.organizationId)).limit(1))[0]?.slug ?? null;
  const body = JSON.stringify({ id, type: event.type, occurredAt: at, municipality, data: event.data });
  await tx.execute(sql`with subs as (
      select s.id from ${webhookSubscriptions} s
      where s.active and ${event.type} = any(s.events) and (s.organization_id is null or s.organization_id = ${event.organizationId})
    ), stored as (
      insert into ${webhookEvents} (id, organization_id, type, body, occurred_at)
      select ${id}, ${event.organizationId}, ${event.type}, ${body}, ${at}::timestamptz where exists (select 1 from subs)
      returning id
    )
    insert into ${webhookDeliveries} (subscription_id, event_id, organization_id, next_attempt_at, created_at)
    select subs.id, stored.id, ${event.organizationId}, ${at}::timestamptz, ${at}::timestamptz from subs cross join stored
    on conflict do nothing`);
  return id;
}

/** The signature header's value: `sha256=` and the hex HMAC-SHA256 of the body under the secret. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface WebhookCounts {
  delivered: number;
  retried: number;
  failed: number;
}

function describeError(error: unknown): string {
  const e = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `нет ответа за ${TIMEOUT_MS / 1000} с`;
  return [e?.cause?.code, e?.cause?.message ?? e?.message ?? String(error)].filter(Boolean).join(' ').slice(0, 300);
}

/** One POST of a delivery: its status code or error, and how long it took. */
async function post(url: string, headers: Record<string, string>, body: string): Promise<{ statusCode: number | null; error: string | null; durationMs: number }> {
  const started = performance.now();
  try {
    const refusal = await outboundRefusal(url);
    if (refusal) return { statusCode: null, error: refusal, durationMs: 0 };
    const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.body?.cancel();
    const durationMs = Math.round(performance.now() - started);
    return { statusCode: response.status, error: isDelivered(response.status) ? null : `ответ ${response.status}`, durationMs };
  } catch (error) {
    return { statusCode: null, error: describeError(error), durationMs: Math.round(performance.now() - started) };
  }
}

/**
 * Sends the deliveries due at `now`. Rows are claimed with FOR UPDATE SKIP LOCKED, so instances sharing a
 * database never send the same delivery at once; each outcome and attempt is stored as soon as it is known.
 */
export async function deliverPendingWebhooks(db: Db, now: Date, options: { batch?: number; signal?: AbortSignal } = {}): Promise<WebhookCounts> {
  const counts: WebhookCounts = { delivered: 0, retried: 0, failed: 0 };
  const due = db.select({ id: webhookDeliveries.id }).from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(webhookDeliveries.nextAttemptAt)
    .limit(options.batch ?? 50)
    .for('update', { skipLocked: true });
  const claimed = await db.update(webhookDeliveries).set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
    .where(inArray(webhookDeliveries.id, due))
    .returning({ id: webhookDeliveries.id });
  if (claimed.length === 0) return counts;
  const rows = await db.select({
    id: webhookDeliveries.id, attempts: webhookDeliveries.attempts, createdAt: webhookDeliveries.createdAt,
    url: webhookSubscriptions.url, secret: webhookSubscriptions.secret, eventId: webhookEvents.id, type: webhookEvents.type, body: webhookEvents.body,
  }).from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(inArray(webhookDeliveries.id, claimed.map((c) => c.id)));
  rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (options.signal?.aborted) {
      // Stopping: the deliveries not tried yet go back to the queue at once, without spending an attempt.
      await db.update(webhookDeliveries).set({ nextAttemptAt: now }).where(inArray(webhookDeliveries.id, rows.slice(i).map((r) => r.id)));
      break;
    }
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const result = await post(row.url, {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Otklik-Webhooks/1',
      'x-otklik-event': row.type,
      'x-otklik-event-id': row.eventId,
      'x-otklik-delivery': row.id,
      'x-otklik-timestamp': timestamp,
      [SIGNATURE_HEADER]: signature(row.secret, row.body),
    }, row.body);
    const attempts = row.attempts + 1;
    const delivered = isDelivered(result.statusCode);
    const next = delivered ? { status: 'delivered' as const, nextAttemptAt: now } : afterFailure(attempts, now);
    await db.transaction(async (tx) => {
      await tx.insert(webhookAttempts).values({ deliveryId: row.id, attempt: attempts, at: now, statusCode: result.statusCode, durationMs: result.durationMs, error: result.error });
      await tx.update(webhookDeliveries).set({
        attempts, status: next.status, nextAttemptAt: next.nextAttemptAt, lastStatusCode: result.statusCode, lastError: result.error,
        ...(delivered ? { deliveredAt: now } : {}),
      }).where(eq(webhookDeliveries.id, row.id));
    });
    if (delivered) counts.delivered++;
    else if (next.status === 'failed') counts.failed++;
    else counts.retried++;
  }
  return counts;
}

/** The delivery job: every 15 seconds, the deliveries that are due. */
export function webhookJob(db: Db, log: Pick<FastifyBaseLogger, 'info' | 'warn'>): Job {
  return {
    name: WEBHOOK_JOB,
    everyMs: 15_000,
    async run(now, signal) {
      const counts = await deliverPendingWebhooks(db, now, { signal });
      if (counts.delivered + counts.retried + counts.failed > 0) log.info({ job: WEBHOOK_JOB, ...counts }, 'доставка событий');
      if (counts.failed > 0) log.warn({ job: WEBHOOK_JOB, failed: counts.failed }, 'события не доставлены после всех попыток');
      return counts;
    },
  };
}
