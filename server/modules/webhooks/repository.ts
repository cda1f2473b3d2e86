// All SQL of webhook subscriptions and deliveries; the tenant scope is applied here.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db';
import { organizations, webhookAttempts, webhookDeliveries, webhookEvents, webhookSubscriptions } from '../../db/schema';
import { withinScope } from '../../db/scope';
import type { Scope } from '../../platform/policy';

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type NewSubscriptionRow = typeof webhookSubscriptions.$inferInsert;

export interface SubscriptionView extends SubscriptionRow {
  municipalitySlug: string | null;
  municipalityName: string | null;
  pending: number;
  delivered: number;
  failed: number;
  lastAt: Date | null;
}

const counts = {
  pending: sql<number>`(select count(*) from ${webhookDeliveries} d where d.subscription_id = ${webhookSubscriptions.id} and d.status = 'pending')`,
  delivered: sql<number>`(select count(*) from ${webhookDeliveries} d where d.subscription_id = ${webhookSubscriptions.id} and d.status = 'delivered')`,
  failed: sql<number>`(select count(*) from ${webhookDeliveries} d where d.subscription_id = ${webhookSubscriptions.id} and d.status = 'failed')`,
  lastAt: sql<string | null>`(select max(a.at) from ${webhookAttempts} a join ${webhookDeliveries} d on d.id = a.delivery_id where d.subscription_id = ${webhookSubscriptions.id})`,
};

function selectViews(db: Executor) {
  return db.select({ s: webhookSubscriptions, municipalitySlug: organizations.slug, municipalityName: organizations.shortName, ...counts })
    .from(webhookSubscriptions)
    .leftJoin(organizations, eq(organizations.id, webhookSubscriptions.organizationId));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['execute']>>[number];

function toView(r: ViewRow): SubscriptionView {
  return {
    ...r.s, municipalitySlug: r.municipalitySlug, municipalityName: r.municipalityName,
    pending: Number(r.pending), delivered: Number(r.delivered), failed: Number(r.failed), lastAt: r.lastAt ? new Date(r.lastAt) : null,
  };
}

/** Subscriptions within the scope: a municipality sees only its own, never the region-wide ones. */
export async function listVisible(db: Executor, scope: Scope): Promise<SubscriptionView[]> {
  const rows = await selectViews(db).where(withinScope(webhookSubscriptions.organizationId, scope)).orderBy(webhookSubscriptions.createdAt);
  return rows.map(toView);
}

export async function findVisible(db: Executor, scope: Scope, id: string): Promise<SubscriptionView | null> {
  const [row] = await selectViews(db).where(and(eq(webhookSubscriptions.id, id), withinScope(webhookSubscriptions.organizationId, scope))).limit(1);
  return row ? toView(row) : null;
}

export async function insertSubscription(db: Executor, values: NewSubscriptionRow): Promise<SubscriptionRow> {
  const [row] = await db.insert(webhookSubscriptions).values(values).returning();
  return row;
}

export async function updateSubscription(db: Executor, id: string, values: Partial<NewSubscriptionRow>): Promise<void> {
  await db.update(webhookSubscriptions).set(values).where(eq(webhookSubscriptions.id, id));
}

export async function deleteSubscription(db: Executor, id: string): Promise<void> {
  await db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
}

export type DeliveryRow = typeof webhookDeliveries.$inferSelect & { type: string; body: string; occurredAt: Date };
export type AttemptRow = typeof webhookAttempts.$inferSelect;

/** A subscription's latest deliveries with their events. */
export async function listDeliveries(db: Executor, subscriptionId: string, filter: { status?: DeliveryRow['status']; limit: number }): Promise<DeliveryRow[]> {
  const rows = await db.select({ d: webhookDeliveries, type: webhookEvents.type, body: webhookEvents.body, occurredAt: webhookEvents.occurredAt })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), filter.status ? eq(webhookDeliveries.status, filter.status) : undefined))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(filter.limit);
  return rows.map((r) => ({ ...r.d, type: r.type, body: r.body, occurredAt: r.occurredAt }));
}

export async function findDelivery(db: Executor, subscriptionId: string, id: string): Promise<DeliveryRow | null> {
  const [r] = await db.select({ d: webhookDeliveries, type: webhookEvents.type, body: webhookEvents.body, occurredAt: webhookEvents.occurredAt })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), eq(webhookDeliveries.id, id))).limit(1);
  return r ? { ...r.d, type: r.type, body: r.body, occurredAt: r.occurredAt } : null;
}

/** The attempts of these deliveries, latest first. */
export async function attemptsOf(db: Executor, deliveryIds: string[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, deliveryIds)).orderBy(desc(webhookAttempts.id));
}

/** Queues a delivery for one more attempt now, unless it is waiting already. */
export async function requeueDelivery(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(webhookDeliveries).set({ status: 'pending', nextAttemptAt: now }).where(eq(webhookDeliveries.id, id));
}
