import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams, NoContent } from '../../platform/http';
import {
  CreatedWebhookSubscription, CreateWebhookSubscription, DeliveryFilter, DeliveryParams, UpdateWebhookSubscription,
  WebhookDelivery, WebhookDeliveryList, WebhookSubscription, WebhookSubscriptionList,
} from './schema';
import * as service from './service';

export async function webhookRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['webhooks'];

  app.get('/api/webhooks', {
    schema: { tags, summary: 'Подписки на события (вебхуки) и события, на которые можно подписаться', response: { 200: WebhookSubscriptionList, ...errors(401, 403) } },
  }, async (request) => service.listSubscriptions(db(), requireActor(request)));

  app.post('/api/webhooks', {
    schema: {
      tags, summary: 'Подписаться на события: адрес, ключ подписи и события; ключ показывается только в этом ответе',
      body: CreateWebhookSubscription, response: { 201: CreatedWebhookSubscription, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => reply.status(201).send(await service.createSubscription(db(), contextOf(request), request.body, now())));

  app.get('/api/webhooks/:id', {
    schema: { tags, summary: 'Подписка на события', params: IdParams, response: { 200: WebhookSubscription, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.getSubscription(db(), requireActor(request), request.params.id));

  app.patch('/api/webhooks/:id', {
    schema: { tags, summary: 'Изменить подписку: адрес, события, ключ подписи, включена ли', params: IdParams, body: UpdateWebhookSubscription, response: { 200: WebhookSubscription, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.updateSubscription(db(), contextOf(request), request.params.id, request.body, now()));

  app.delete('/api/webhooks/:id', {
    schema: { tags, summary: 'Удалить подписку вместе с журналом её доставок', params: IdParams, response: { 204: NoContent, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await service.deleteSubscription(db(), contextOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/webhooks/:id/deliveries', {
    schema: { tags, summary: 'Доставки событий подписки с журналом попыток, последние сначала', params: IdParams, querystring: DeliveryFilter, response: { 200: WebhookDeliveryList, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.listDeliveries(db(), requireActor(request), request.params.id, request.query));

  app.post('/api/webhooks/:id/deliveries/:deliveryId/retry', {
    schema: { tags, summary: 'Отправить событие снова: одна попытка сейчас же', params: DeliveryParams, response: { 200: WebhookDelivery, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.retryDelivery(db(), contextOf(request), request.params.id, request.params.deliveryId, now()));
}
