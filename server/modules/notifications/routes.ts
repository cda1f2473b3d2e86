import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireActor } from '../../platform/auth';
import { download, errors } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { inScope } from '../../platform/policy';
import { listNotifications, markRead, unreadCount, type NotificationRow } from '../../platform/notifications';
import { NotificationList, NotificationQuery, ReadParams, ReadResult, type Notification } from './schema';

function present(row: NotificationRow): Notification {
  return {
    id: row.id, kind: row.kind, title: row.title, body: row.body, entityType: row.entityType, entityId: row.entityId, link: row.link,
    createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null,
  };
}

/** How far back a stream looks for rows committed after newer ones. */
const SKEW_MS = 60_000;

export async function notificationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const tags = ['notifications'];
  /** Open live streams; ended before the server closes so that shutdown does not wait for them. */
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => { for (const end of streams) end(); });

  app.get('/api/notifications', {
    schema: {
      tags, summary: 'Мои уведомления',
      querystring: NotificationQuery,
      response: { 200: NotificationList, ...errors(400, 401) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const rows = await listNotifications(db(), actor.userId, { unreadOnly: request.query.unread, limit: request.query.limit });
    return { items: rows.map(present), unread: await unreadCount(db(), actor.userId) };
  });

  app.post('/api/notifications/:id/read', {
    schema: { tags, summary: 'Отметить прочитанным', params: ReadParams, response: { 200: ReadResult, ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const updated = await markRead(db(), actor.userId, request.params.id, app.services.clock.now());
    if (request.params.id !== 'all' && updated === 0) {
      const own = (await listNotifications(db(), actor.userId, { limit: 200 })).some((n) => n.id === request.params.id);
      if (!own) throw notFound('notification_not_found', 'Уведомление не найдено');
    }
    return { updated };
  });

  // Server-sent events: the page learns of new notifications without reloading.
  app.get('/api/notifications/stream', { schema: { tags, summary: 'Поток новых уведомлений и изменений открытых списков (text/event-stream)', response: { 200: download(['text/event-stream'], 'События `notifications` с уведомлениями в JSON и `changed` с видом изменённых объектов ({"entityType":"risk"}) — список перечитывается', 'text') } } }, async (request, reply) => {
    const actor = requireActor(request);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    // A row's time is when its transaction began, and a later-begun one may commit first; the database
    // keeps microseconds, Date milliseconds. So each pass reads a window reaching SKEW_MS back from the
    // newest row seen and sends only the rows it has not sent yet.
    const sent = new Map<string, number>();
    let newest = 0;
    const unseen = async (): Promise<NotificationRow[]> => {
      const rows = await listNotifications(db(), actor.userId, { since: new Date(newest - SKEW_MS), limit: 200 });
      const fresh = rows.filter((r) => !sent.has(r.id));
      for (const r of rows) {
        sent.set(r.id, r.createdAt.getTime());
        newest = Math.max(newest, r.createdAt.getTime());
      }
      for (const [id, at] of sent) if (at < newest - SKEW_MS) sent.delete(id);
      return fresh;
    };
    const [latest] = await listNotifications(db(), actor.userId, { limit: 1 });
    if (latest) {
      newest = latest.createdAt.getTime();
      await unseen();
    }
    let closed = false;
    // A wake-up that comes while the rows are being read is kept, so that the next pass reads again.
    let woken = false;
    let wakeUp: () => void = () => {};
    const onWake = () => { woken = true; wakeUp(); };
    const end = () => { closed = true; wakeUp(); };
    streams.add(end);
    const unsubscribe = app.services.notifications.subscribe(actor.userId, onWake);
    // Lists open on the page (the risk board, the contacts directory…) read again when an object they show changed.
    const unsubscribeChanges = app.services.notifications.subscribeChanges((change) => {
      if (closed || (change.organizationId !== null && !inScope(actor, change.organizationId))) return;
      raw.write(`event: changed\ndata: ${JSON.stringify({ entityType: change.entityType })}\n\n`);
    });
    request.raw.on('close', end);
    raw.write(`event: ready\ndata: ${JSON.stringify({ unread: await unreadCount(db(), actor.userId) })}\n\n`);
    try {
      while (!closed) {
        // Woken by a signal from any instance on the database; otherwise a keep-alive every 15 s for proxies.
        if (!woken) await new Promise<void>((resolve) => { wakeUp = resolve; setTimeout(resolve, 15_000).unref(); });
        if (closed) break;
        if (!woken) {
          raw.write(': keep-alive\n\n');
          continue;
        }
        woken = false;
        const rows = await unseen();
        if (rows.length) {
          const unread = await unreadCount(db(), actor.userId);
          raw.write(`event: notifications\ndata: ${JSON.stringify({ items: rows.map(present), unread })}\n\n`);
        }
      }
    } catch (error) {
      request.log.warn({ err: error }, 'поток уведомлений прерван');
    } finally {
      unsubscribe();
      unsubscribeChanges();
      streams.delete(end);
      raw.end();
    }
  });
}
