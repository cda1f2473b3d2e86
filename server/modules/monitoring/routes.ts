import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams } from '../../platform/http';
import { CreateSource, FetchOutcome, ItemFilter, ItemList, MonitoringItem, MonitoringSource, RegisterItem, RejectItem, SourceList, UpdateSource } from './schema';
import * as service from './service';

export async function monitoringRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['monitoring'];

  app.get('/api/monitoring/sources', {
    schema: { tags, summary: 'Источники мониторинга публикаций (ЦУР)', querystring: Type.Object({ municipality: Type.Optional(Type.String({ maxLength: 60 })) }), response: { 200: SourceList, ...errors(400, 401, 403) } },
  }, async (request) => ({ items: await service.listSources(db(), requireActor(request), request.query) }));

  app.post('/api/monitoring/sources', {
    schema: { tags, summary: 'Добавить источник: лента RSS или Atom местного СМИ или официальной страницы', body: CreateSource, response: { 201: MonitoringSource, ...errors(400, 401, 403, 409) } },
  }, async (request, reply) => reply.status(201).send(await service.createSource(db(), contextOf(request), request.body, now())));

  app.patch('/api/monitoring/sources/:id', {
    schema: { tags, summary: 'Изменить источник: название, адрес, площадка, ключевые слова, включён ли', params: IdParams, body: UpdateSource, response: { 200: MonitoringSource, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => service.updateSource(db(), contextOf(request), request.params.id, request.body, now()));

  app.delete('/api/monitoring/sources/:id', {
    schema: { tags, summary: 'Удалить источник вместе с его нерешённой очередью (источник с решениями по публикациям только отключается)', params: IdParams, response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    await service.deleteSource(db(), contextOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/monitoring/sources/:id/fetch', {
    schema: { tags, summary: 'Прочитать ленту источника сейчас', params: IdParams, response: { 200: FetchOutcome, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.fetchNow(db(), contextOf(request), request.params.id, now()));

  app.get('/api/monitoring/items', {
    schema: { tags, summary: 'Очередь публикаций: новые (status=new), зарегистрированные как риск, отклонённые', querystring: ItemFilter, response: { 200: ItemList, ...errors(400, 401, 403) } },
  }, async (request) => service.listItems(db(), requireActor(request), request.query));

  app.get('/api/monitoring/items/:id', {
    schema: { tags, summary: 'Публикация из очереди', params: IdParams, response: { 200: MonitoringItem, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.getItem(db(), requireActor(request), request.params.id));

  app.post('/api/monitoring/items/:id/register', {
    schema: { tags, summary: 'Зарегистрировать информационный риск по публикации (ссылка, площадка, источник, текст и время публикации — из неё)', params: IdParams, body: RegisterItem, response: { 200: MonitoringItem, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => service.registerItem(db(), contextOf(request), request.params.id, request.body, now(), app.services.config.publicBaseUrl));

  app.post('/api/monitoring/items/:id/reject', {
    schema: { tags, summary: 'Отклонить публикацию с причиной', params: IdParams, body: RejectItem, response: { 200: MonitoringItem, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => service.rejectItem(db(), contextOf(request), request.params.id, request.body, now()));
}
