// In-app notifications, built once for every module: stored rows plus a live wake-up for open pages.
import { EventEmitter } from 'node:events';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { notifications } from '../db/schema';

export interface NewNotification {
  userIds: string[];
  organizationId: string | null;
  kind: string;
  title: string;
  body?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  link?: string | null;
  /** The same key for the same user is stored once: jobs may run again without repeating themselves. */
  dedupeKey?: string | null;
}

/** Wakes the live streams of the users concerned; the rows themselves are read from the database. */
export const notificationBus = new EventEmitter();
notificationBus.setMaxListeners(0);

/** Stores notifications (in the caller's transaction) and returns the ids of users that got a new one. */
export function notify(db: Executor, n: NewNotification): Promise<string[]> {
  return notifyMany(db, [n]);
}

/** Stores many notifications in a few multi-row statements; returns the ids of users that got a new one. */
export async function notifyMany(db: Executor, list: NewNotification[], chunk = 1000): Promise<string[]> {
  const rows = list.flatMap((n) => [...new Set(n.userIds)].map((userId) => ({
    userId,
    organizationId: n.organizationId,
    kind: n.kind,
    title: n.title,
    body: n.body ?? null,
    entityType: n.entityType ?? null,
    entityId: n.entityId ?? null,
    link: n.link ?? null,
    dedupeKey: n.dedupeKey ?? null,
  })));
  const got: string[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const stored = await db.insert(notifications).values(rows.slice(i, i + chunk)).onConflictDoNothing().returning({ userId: notifications.userId });
    got.push(...stored.map((r) => r.userId));
  }
  return got;
}

/** Call after the transaction that stored notifications has committed. */
export function wake(userIds: string[]): void {
  for (const id of userIds) notificationBus.emit(id);
}

export type NotificationRow = typeof notifications.$inferSelect;

export async function listNotifications(db: Executor, userId: string, options: { unreadOnly?: boolean; since?: Date; limit?: number } = {}) {
  const conditions = [eq(notifications.userId, userId)];
  if (options.unreadOnly) conditions.push(isNull(notifications.readAt));
  if (options.since) conditions.push(gt(notifications.createdAt, options.since));
  return db.select().from(notifications).where(and(...conditions)).orderBy(desc(notifications.createdAt)).limit(options.limit ?? 50);
}

export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row.n);
}

export async function markRead(db: Executor, userId: string, id: string | 'all', at: Date): Promise<number> {
  const rows = await db.update(notifications).set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id === 'all' ? undefined : eq(notifications.id, id)))
    .returning({ id: notifications.id });
  return rows.length;
}
