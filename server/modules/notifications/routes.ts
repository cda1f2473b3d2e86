import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireActor } from '../../platform/auth';
import { download, errors } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { listNotifications, markRead, notificationBus, unreadCount, type NotificationRow } from '../../platform/notifications';
import { NotificationList, NotificationQuery, ReadParams, ReadResult, type Notification } from './schema';

function present(row: NotificationRow): Notification {
  return {
    id: row.id, kind: row.kind, title: row.title, body: row.body, entityType: row.entityType, entityId: row.entityId, link: row.link,
    createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null,
  };
}

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
  app.get('/api/notifications/stream', { schema: { tags, summary: 'Поток новых уведомлений (text/event-stream)', response: { 200: download(['text/event-stream'], 'События `notification` с уведомлением в JSON', 'text') } } }, async (request, reply) => {
    const actor = requireActor(request);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const [latest] = await listNotifications(db(), actor.userId, { limit: 1 });
    let since = latest?.createdAt ?? new Date(0);
    let closed = false;
    let wakeUp: () => void = () => {};
    const onWake = () => wakeUp();
    const end = () => { closed = true; wakeUp(); };
    streams.add(end);
    notificationBus.on(actor.userId, onWake);
    request.raw.on('close', end);
    raw.write(`event: ready\ndata: ${JSON.stringify({ unread: await unreadCount(db(), actor.userId) })}\n\n`);
    try {
      while (!closed) {
        // Wake on an event of this process, or every 10 s to catch notifications written by another instance.
        await new Promise<void>((resolve) => { wakeUp = resolve; setTimeout(resolve, 10_000).unref(); });
        if (closed) break;
        const rows = await listNotifications(db(), actor.userId, { since, limit: 50 });
        if (rows.length) {
          since = rows[0].createdAt;
          const unread = await unreadCount(db(), actor.userId);
          raw.write(`event: notifications\ndata: ${JSON.stringify({ items: rows.map(present), unread })}\n\n`);
        } else {
          raw.write(': keep-alive\n\n');
        }
      }
    } catch (error) {
      request.log.warn({ err: error }, 'поток уведомлений прерван');
    } finally {
      notificationBus.off(actor.userId, onWake);
      streams.delete(end);
      raw.end();
    }
  });
}
