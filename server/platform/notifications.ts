// In-app notifications, built once for every module: stored rows plus a live wake-up for open pages.
// The wake-up is a NOTIFY sent in the transaction that stores the rows, so it goes out on commit (and
// never for a rolled-back change) to every app instance on the database, each of which wakes the open
// streams of the users concerned.
import { EventEmitter } from 'node:events';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db';
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

/** The NOTIFY channel; its payload is a comma-separated list of user ids. */
export const NOTIFICATION_CHANNEL = 'otklik_notifications';
/** PostgreSQL refuses a payload of 8000 bytes or more. */
const PAYLOAD_BYTES = 7000;

/** Stores one notification for its users (in the caller's transaction); see notifyMany. */
export function notify(db: Executor, n: NewNotification): Promise<string[]> {
  return notifyMany(db, [n]);
}

/**
 * Stores many notifications in a few multi-row statements (in the caller's transaction) and signals the users
 * that got a new one to every instance on commit; returns their ids.
 */
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
  await signal(db, got);
  return got;
}

/** Tells every instance which users got something new; delivered when the caller's transaction commits. */
async function signal(db: Executor, userIds: string[]): Promise<void> {
  let payload = '';
  for (const id of new Set(userIds)) {
    if (payload && payload.length + id.length + 1 > PAYLOAD_BYTES) {
      await db.execute(sql`select pg_notify(${NOTIFICATION_CHANNEL}, ${payload})`);
      payload = '';
    }
    payload = payload ? `${payload},${id}` : id;
  }
  if (payload) await db.execute(sql`select pg_notify(${NOTIFICATION_CHANNEL}, ${payload})`);
}

/** The NOTIFY channel of changed objects that open lists show; its payload is `<entity type>:<organisation id>`. */
export const CHANGES_CHANNEL = 'otklik_changes';
/** Kinds of objects whose lists update live (the risk board and inbox, the contacts directory, requests, reports). */
export const LIVE_ENTITIES: ReadonlySet<string> = new Set(['risk', 'contact', 'request', 'report']);

/** Tells every instance that objects of these kinds changed in these organisations; delivered on commit. */
export async function signalChanges(db: Executor, changes: { entityType: string; organizationId: string | null }[]): Promise<void> {
  const payloads = new Set(changes.filter((c) => LIVE_ENTITIES.has(c.entityType)).map((c) => `${c.entityType}:${c.organizationId ?? ''}`));
  for (const payload of payloads) await db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${payload})`);
}

export interface Change { entityType: string; organizationId: string | null }

/**
 * The open streams of one app instance, woken by the signals of every instance. After the listening
 * connection is restored every stream is woken, since signals sent meanwhile were lost.
 */
export class NotificationHub {
  private readonly bus = new EventEmitter();
  private stop: (() => Promise<void>) | null = null;

  constructor() {
    this.bus.setMaxListeners(0);
  }

  private stopChanges: (() => Promise<void>) | null = null;
  private readonly changes = new EventEmitter();

  static async start(database: Database): Promise<NotificationHub> {
    const hub = new NotificationHub();
    hub.changes.setMaxListeners(0);
    hub.stop = await database.listen(NOTIFICATION_CHANNEL, (payload) => hub.receive(payload));
    hub.stopChanges = await database.listen(CHANGES_CHANNEL, (payload) => hub.receiveChange(payload));
    return hub;
  }

  private receiveChange(payload: string | null): void {
    // After a lost connection nobody knows what changed: every live list reads again.
    if (payload === null) {
      for (const entityType of LIVE_ENTITIES) this.changes.emit('change', { entityType, organizationId: null } satisfies Change);
      return;
    }
    const [entityType, organizationId] = payload.split(':');
    this.changes.emit('change', { entityType, organizationId: organizationId || null } satisfies Change);
  }

  /** Calls `changed` whenever objects of a live list changed (in an organisation, or anywhere when null). */
  subscribeChanges(changed: (change: Change) => void): () => void {
    this.changes.on('change', changed);
    return () => { this.changes.off('change', changed); };
  }

  private receive(payload: string | null): void {
    if (payload === null) {
      for (const name of this.bus.eventNames()) this.bus.emit(name);
      return;
    }
    for (const id of payload.split(',')) if (id) this.bus.emit(id);
  }

  /** Calls `wake` whenever the user may have a new notification; returns the unsubscribe function. */
  subscribe(userId: string, wake: () => void): () => void {
    this.bus.on(userId, wake);
    return () => { this.bus.off(userId, wake); };
  }

  async close(): Promise<void> {
    await this.stop?.();
    await this.stopChanges?.();
    this.stop = null;
    this.stopChanges = null;
    this.bus.removeAllListeners();
    this.changes.removeAllListeners();
  }
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
