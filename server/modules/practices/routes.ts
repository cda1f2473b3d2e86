import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams, MultipartForm, UPLOADED_FILE } from '../../platform/http';
import { jsonOrForm } from '../../platform/multipart';
import { sendFile } from '../../platform/files';
import { CreatePractice, Practice, PracticeFileParams, PracticeFilter, PracticeList, ReviewPractice, UpdatePractice } from './schema';
import * as service from './service';

export async function practiceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['practices'];

  app.get('/api/practices', {
    schema: {
      tags, summary: 'Библиотека лучших практик и оптимизированных регламентов: опубликованные — всему региону, предложенные — своей администрации и ЦУР; поиск по-русски',
      querystring: PracticeFilter, response: { 200: PracticeList, ...errors(400, 401) },
    },
  }, async (request) => ({ items: await service.listPractices(db(), requireActor(request), request.query) }));

  app.post('/api/practices', {
    schema: {
      tags, summary: 'Предложить практику или регламент своей администрации (JSON или multipart с файлами)',
      body: { content: { 'application/json': { schema: CreatePractice }, 'multipart/form-data': { schema: MultipartForm } } },
      response: { 201: Practice, ...errors(400, 401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    const { body, files } = await jsonOrForm<CreatePractice>(request, CreatePractice, ['topics']);
    return reply.status(201).send(await service.proposePractice(db(), contextOf(request), body, files, now()));
  });

  app.get('/api/practices/:id', {
    schema: { tags, summary: 'Практика', params: IdParams, response: { 200: Practice, ...errors(400, 401, 404) } },
  }, async (request) => service.getPractice(db(), requireActor(request), request.params.id));

  app.patch('/api/practices/:id', {
    schema: { tags, summary: 'Исправить предложенную или возвращённую практику (она снова уходит в ЦУР)', params: IdParams, body: UpdatePractice, response: { 200: Practice, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => service.practiceStep(db(), contextOf(request), request.params.id, 'edit', request.body, now()));

  for (const action of ['publish', 'return'] as const) {
    app.post(`/api/practices/:id/${action}`, {
      schema: {
        tags, summary: action === 'publish' ? 'ЦУР публикует практику для всего региона' : 'ЦУР возвращает практику с замечаниями',
        params: IdParams, body: ReviewPractice, response: { 200: Practice, ...errors(400, 401, 403, 404, 409) },
      },
    }, async (request) => service.practiceStep(db(), contextOf(request), request.params.id, action, { remarks: request.body.remarks }, now()));
  }

  app.get('/api/practices/:id/files/:fileId', {
    schema: { tags, summary: 'Скачать файл практики', params: PracticeFileParams, response: { 200: UPLOADED_FILE, ...errors(400, 401, 404) } },
  }, async (request, reply) => sendFile(reply, await service.getFile(db(), requireActor(request), request.params.id, request.params.fileId)));
}
