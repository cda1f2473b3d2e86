// Use cases of webhook subscriptions: list, create (the secret is shown once), change, delete, deliveries and «отправить снова».
import { randomBytes } from 'node:crypto';
import type { Db, Executor } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { notFound, validationFailed } from '../../platform/errors';
import { authorize, can, isRegional, scopeOf } from '../../platform/policy';
import { findMunicipalityBySlug } from '../organizations/repository';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from '../../../domain/webhooks/events';
import { webhookPolicy } from './policy';
import * as repo from './repository';
import type { CreateWebhookSubscription, UpdateWebhookSubscription, WebhookDelivery, WebhookSubscription } from './schema';

const subscriptionNotFound = () => notFound('webhook_not_found', 'Подписка на события не найдена');

export function presentSubscription(row: repo.SubscriptionView, actor: Actor): WebhookSubscription {
  return {
    id: row.id, name: row.name, url: row.url,
    municipality: row.organizationId && row.municipalitySlug ? { slug: row.municipalitySlug, name: row.municipalityName ?? row.municipalitySlug } : null,
    events: row.events as WebhookSubscription['events'], active: row.active,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
    deliveries: { pending: row.pending, delivered: row.delivered, failed: row.failed, lastAt: row.lastAt?.toISOString() ?? null },
    can: { edit: webhookPolicy.can(actor, 'edit', row), delete: webhookPolicy.can(actor, 'delete', row) },
  };
}

/** What the audit keeps of a subscription: never its secret. */
function audit(row: Pick<repo.SubscriptionRow, 'name' | 'url' | 'events' | 'active' | 'organizationId'>) {
  return { name: row.name, url: row.url, events: row.events, active: row.active, organizationId: row.organizationId };
}

async function visible(db: Executor, actor: Actor, id: string): Promise<repo.SubscriptionView> {
  // Another municipality's subscription looks absent to anyone; an own one is refused to those who do not manage them.
  const row = await repo.findVisible(db, scopeOf(actor), id);
  if (!row) throw subscriptionNotFound();
  authorize(actor, 'webhooks.manage');
  webhookPolicy.authorize(actor, 'read', row);
  return row;
}

export async function listSubscriptions(db: Db, actor: Actor) {
  authorize(actor, 'webhooks.manage');
  const rows = await repo.listVisible(db, scopeOf(actor));
  return {
    items: rows.filter((r) => webhookPolicy.can(actor, 'read', r)).map((r) => presentSubscription(r, actor)),
    events: WEBHOOK_EVENTS.map((type) => ({ type, label: WEBHOOK_EVENT_LABELS[type] })),
    can: { create: can(actor, 'webhooks.manage'), regionWide: actor.role === 'cur_admin' },
  };
}

export async function getSubscription(db: Db, actor: Actor, id: string): Promise<WebhookSubscription> {
  return presentSubscription(await visible(db, actor, id), actor);
}

export async function createSubscription(db: Db, ctx: RequestContext, input: CreateWebhookSubscription, now: Date) {
  const actor = ctx.actor;
  authorize(actor, 'webhooks.manage');
  let organizationId: string | null;
  if (isRegional(actor)) {
    if (input.municipality) {
      const org = await findMunicipalityBySlug(db, input.municipality);
      if (!org) throw validationFailed([{ field: 'municipality', message: 'Муниципальное образование не найдено' }]);
      organizationId = org.id;
    } else {
      organizationId = null;
    }
  } else {
    // An administration subscribes only to its own events, whatever it names.
    const own = input.municipality ? await findMunicipalityBySlug(db, input.municipality) : null;
    if (input.municipality && own?.id !== actor.organizationId) throw notFound('municipality_not_found', 'Муниципальное образование не найдено');
    organizationId = actor.organizationId;
  }
  const secret = input.secret ?? randomBytes(24).toString('base64url');
  const id = await audited(db, ctx, async (tx) => {
    const row = await repo.insertSubscription(tx, {
      organizationId, name: input.name.trim(), url: input.url, secret, events: [...new Set(input.events)], createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    return { result: row.id, audit: { action: 'webhook.create', entityType: 'webhook', entityId: row.id, organizationId, after: audit(row) } };
  });
  return { subscription: presentSubscription((await repo.findVisible(db, 'all', id))!, actor), secret };
}

export async function updateSubscription(db: Db, ctx: RequestContext, id: string, input: UpdateWebhookSubscription, now: Date): Promise<WebhookSubscription> {
  await audited(db, ctx, async (tx) => {
    const current = await visible(tx, ctx.actor, id);
    webhookPolicy.authorize(ctx.actor, 'edit', current);
    const values: Partial<repo.NewSubscriptionRow> = { updatedAt: now };
    if (input.name !== undefined) values.name = input.name.trim();
    if (input.url !== undefined) values.url = input.url;
    if (input.events !== undefined) values.events = [...new Set(input.events)];
    if (input.active !== undefined) values.active = input.active;
    if (input.secret !== undefined) values.secret = input.secret;
    await repo.updateSubscription(tx, id, values);
    const after = { ...audit({ ...current, ...values }), ...(input.secret !== undefined ? { secretChanged: true } : {}) };
    return { result: undefined, audit: { action: 'webhook.update', entityType: 'webhook', entityId: id, organizationId: current.organizationId, before: audit(current), after } };
  });
  return getSubscription(db, ctx.actor, id);
}

export async function deleteSubscription(db: Db, ctx: RequestContext, id: string): Promise<void> {
  await audited(db, ctx, async (tx) => {
    const current = await visible(tx, ctx.actor, id);
    webhookPolicy.authorize(ctx.actor, 'delete', current);
    await repo.deleteSubscription(tx, id);
    return { result: undefined, audit: { action: 'webhook.delete', entityType: 'webhook', entityId: id, organizationId: current.organizationId, before: audit(current) } };
  });
}

function presentDeliveries(rows: repo.DeliveryRow[], attempts: repo.AttemptRow[], actor: Actor, subscription: repo.SubscriptionView): WebhookDelivery[] {
  const retry = webhookPolicy.can(actor, 'retry', subscription);
  return rows.map((d) => ({
    id: d.id, eventId: d.eventId, event: d.type as WebhookDelivery['event'], occurredAt: d.occurredAt.toISOString(), status: d.status, attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    lastStatusCode: d.lastStatusCode, lastError: d.lastError, deliveredAt: d.deliveredAt?.toISOString() ?? null, body: d.body,
    log: attempts.filter((a) => a.deliveryId === d.id).map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), statusCode: a.statusCode, durationMs: a.durationMs, error: a.error })),
    // A delivery in flight is never queued twice; a delivered or given-up one may be sent again.
    can: { retry: retry && d.status !== 'pending' },
  }));
}

export async function listDeliveries(db: Db, actor: Actor, id: string, filter: { status?: repo.DeliveryRow['status']; limit?: number }) {
  const subscription = await visible(db, actor, id);
  const rows = await repo.listDeliveries(db, id, { status: filter.status, limit: filter.limit ?? 50 });
  return { items: presentDeliveries(rows, await repo.attemptsOf(db, rows.map((r) => r.id)), actor, subscription) };
}

export async function retryDelivery(db: Db, ctx: RequestContext, id: string, deliveryId: string, now: Date): Promise<WebhookDelivery> {
  const subscription = await visible(db, ctx.actor, id);
  webhookPolicy.authorize(ctx.actor, 'retry', subscription);
  await audited(db, ctx, async (tx) => {
    const delivery = await repo.findDelivery(tx, id, deliveryId);
    if (!delivery) throw notFound('webhook_delivery_not_found', 'Доставка события не найдена');
    if (delivery.status !== 'pending') await repo.requeueDelivery(tx, deliveryId, now);
    return { result: undefined, audit: { action: 'webhook.redeliver', entityType: 'webhook', entityId: id, organizationId: subscription.organizationId, after: { deliveryId, event: delivery.type, status: delivery.status } } };
  });
  const row = (await repo.findDelivery(db, id, deliveryId))!;
  return presentDeliveries([row], await repo.attemptsOf(db, [row.id]), ctx.actor, subscription)[0];
}
