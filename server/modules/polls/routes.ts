import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams, MultipartForm, NoContent } from '../../platform/http';
import { readDataUpload } from '../../platform/multipart';
import { validationFailed } from '../../platform/errors';
import { CreatePoll, Poll, PollImportResult, PollList, PollQuery } from './schema';
import * as service from './service';

export async function pollRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['polls'];

  app.get('/api/polls', {
    schema: { tags, summary: 'Итоги голосований и обсуждений, с обращениями по той же теме за тот же период', querystring: PollQuery, response: { 200: PollList, ...errors(400, 401, 404) } },
  }, async (request) => ({ items: await service.listPolls(db(), requireActor(request), request.query) }));

  app.post('/api/polls', {
    schema: { tags, summary: 'Внести итоги голосования или обсуждения (тот же вопрос и период заменяет прежние числа)', body: CreatePoll, response: { 201: Poll, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => reply.status(201).send(await service.createPoll(db(), contextOf(request), request.body, now())));

  app.post('/api/polls/import', {
    schema: {
      tags, summary: 'Загрузить итоги из CSV или XLSX: строка на вариант (Муниципалитет, Вид, Вопрос, Код темы, Начало, Окончание, Вариант, Голосов)',
      body: { content: { 'multipart/form-data': { schema: MultipartForm } } }, response: { 200: PollImportResult, ...errors(400, 401, 403, 404, 413, 415) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    const { fields, file } = await readDataUpload(request);
    if (!file) throw validationFailed([{ field: 'file', message: 'Приложите файл CSV или XLSX' }]);
    return service.importPolls(db(), ctx, { content: file.content, municipality: fields.municipality?.trim() || undefined }, now());
  });

  app.get('/api/polls/:id', {
    schema: { tags, summary: 'Итоги одного голосования или обсуждения', params: IdParams, response: { 200: Poll, ...errors(400, 401, 404) } },
  }, async (request) => service.getPoll(db(), requireActor(request), request.params.id));

  app.delete('/api/polls/:id', {
    schema: { tags, summary: 'Удалить ошибочно внесённые итоги', params: IdParams, response: { 204: NoContent, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await service.deletePoll(db(), contextOf(request), request.params.id);
    return reply.status(204).send(null);
  });
}
