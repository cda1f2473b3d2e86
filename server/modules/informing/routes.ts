import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams } from '../../platform/http';
import { AppError } from '../../platform/errors';
import {
  CreatePublication, Publication, PublicationList, PublicationQuery, PublicInforming, SlugParams, SubscribeAccepted, SubscribeBody, SubscriberQuery,
  Subscribers, SubscriptionState, TokenBody, UpdatePublication,
} from './schema';
import * as service from './service';

export async function informingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['informing'];

  app.get('/api/publications', {
    schema: { tags, summary: 'План публикаций за период (календарь)', querystring: PublicationQuery, response: { 200: PublicationList, ...errors(400, 401, 404) } },
  }, async (request) => ({ items: await service.listPublications(db(), requireActor(request), request.query) }));

  app.post('/api/publications', {
    schema: { tags, summary: 'Запланировать публикацию: тема, канал, дата', body: CreatePublication, response: { 201: Publication, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => reply.status(201).send(await service.createPublication(db(), contextOf(request), request.body, now())));

  app.patch('/api/publications/:id', {
    schema: { tags, summary: 'Изменить публикацию; опубликованная — со ссылкой', params: IdParams, body: UpdatePublication, response: { 200: Publication, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.updatePublication(db(), contextOf(request), request.params.id, request.body, now()));

  app.get('/api/informing/subscribers', {
    schema: { tags, summary: 'Подписчики муниципалитета по темам (без адресов)', querystring: SubscriberQuery, response: { 200: Subscribers, ...errors(400, 401, 404) } },
  }, async (request) => service.subscribers(db(), requireActor(request), request.query.municipality));

  const publicTags = ['public'];
  app.get('/api/public/informing/:slug', {
    schema: { tags: publicTags, summary: 'Страница подписки: темы и план публикаций муниципалитета', params: SlugParams, response: { 200: PublicInforming, ...errors(400, 404, 429) } },
    config: { rateLimit: { max: 60, timeWindow: 60_000 } },
  }, async (request) => service.publicInforming(db(), request.params.slug, now()));

  app.post('/api/public/subscriptions', {
    config: { rateLimit: { max: app.services.config.publicAppealsPerHour, timeWindow: 3600_000 } },
    schema: { tags: publicTags, summary: 'Подписаться на темы муниципалитета по e-mail (письмо со ссылкой подтверждения)', body: SubscribeBody, response: { 202: SubscribeAccepted, ...errors(400, 404, 422, 429) } },
  }, async (request, reply) => {
    if (request.body.website) throw new AppError(422, 'rejected_as_spam', 'Запрос отклонён автоматической защитой от спама. Обновите страницу и отправьте его ещё раз');
    return reply.status(202).send(await service.subscribe(db(), request.body, now(), app.services.config.publicBaseUrl));
  });

  app.post('/api/public/subscriptions/confirm', {
    config: { rateLimit: { max: 20, timeWindow: 60_000 } },
    schema: { tags: publicTags, summary: 'Подтвердить подписку по ссылке из письма', body: TokenBody, response: { 200: SubscriptionState, ...errors(400, 404, 429) } },
  }, async (request) => service.confirm(db(), request.body.token, now()));

  app.post('/api/public/subscriptions/unsubscribe', {
    config: { rateLimit: { max: 20, timeWindow: 60_000 } },
    schema: { tags: publicTags, summary: 'Отписаться по ссылке из любого письма', body: TokenBody, response: { 200: SubscriptionState, ...errors(400, 404, 429) } },
  }, async (request) => service.unsubscribe(db(), request.body.token, now()));
}
