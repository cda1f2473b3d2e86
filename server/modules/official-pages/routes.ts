import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams } from '../../platform/http';
import { CreatePage, OfficialPage, PageFilter, PageList, UpdatePage } from './schema';
import * as service from './service';

export async function officialPageRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['official-pages'];

  app.get('/api/official-pages', {
    schema: { tags, summary: 'Официальные страницы администраций: своя у муниципалитета, таблица региона у ЦУР', querystring: PageFilter, response: { 200: PageList, ...errors(400, 401) } },
  }, async (request) => ({ items: await service.listPages(db(), requireActor(request), request.query) }));

  app.post('/api/official-pages', {
    schema: { tags, summary: 'Добавить официальную страницу: площадка, адрес, отметка верификации, лента RSS/Atom', body: CreatePage, response: { 201: OfficialPage, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => reply.status(201).send(await service.createPage(db(), contextOf(request), request.body, now())));

  app.get('/api/official-pages/:id', {
    schema: { tags, summary: 'Официальная страница', params: IdParams, response: { 200: OfficialPage, ...errors(400, 401, 404) } },
  }, async (request) => service.getPage(db(), requireActor(request), request.params.id));

  app.patch('/api/official-pages/:id', {
    schema: { tags, summary: 'Изменить официальную страницу', params: IdParams, body: UpdatePage, response: { 200: OfficialPage, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => service.updatePage(db(), contextOf(request), request.params.id, request.body, now()));

  app.delete('/api/official-pages/:id', {
    schema: { tags, summary: 'Удалить официальную страницу', params: IdParams, response: { 204: Type.Null(), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await service.deletePage(db(), contextOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/official-pages/:id/check', {
    schema: { tags, summary: 'Проверить сейчас: дата последней публикации по ленте и виджет ПОС на сайте', params: IdParams, response: { 200: OfficialPage, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.checkNow(db(), contextOf(request), request.params.id, now()));
}
