import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams, MultipartForm, UPLOADED_FILE } from '../../platform/http';
import { readMultipart } from '../../platform/multipart';
import { validationFailed } from '../../platform/errors';
import { translateValidation } from '../../platform/validation';
import type { CheckedFile } from '../../platform/files';
import { AnswerBody, CreateRequest, InfoRequest, InfoRequestList, RequestFileParams } from './schema';
import * as service from './service';
import { sendFile } from '../../platform/files';

export async function requestRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['requests'];

  app.post('/api/requests', {
    schema: {
      tags, summary: 'Направить запрос ЦУР одному или нескольким муниципалитетам (JSON или multipart с файлами)',
      body: { content: { 'application/json': { schema: CreateRequest }, 'multipart/form-data': { schema: MultipartForm } } },
      response: { 201: InfoRequest, ...errors(400, 401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    let body = request.body as unknown;
    let files: CheckedFile[] = [];
    if (request.isMultipart()) {
      const parts = await readMultipart(request);
      files = parts.files;
      body = { ...parts.fields, municipalities: (parts.fields.municipalities ?? '').split(',').map((s) => s.trim()).filter(Boolean) };
    }
    // Fastify checks the schema of a JSON body only; a form, or a body sent as text or with no type, is checked
    // here by the same validator, so that every way of sending gets the same messages per field.
    const validate = request.compileValidationSchema(CreateRequest);
    if (!validate(body)) throw validationFailed(translateValidation(validate.errors ?? []));
    return reply.status(201).send(await service.createRequest(db(), ctx, body as never, files, now()));
  });

  app.get('/api/requests', {
    schema: { tags, summary: 'Запросы ЦУР (муниципалитет видит только адресованные ему)', response: { 200: InfoRequestList, ...errors(401) } },
  }, async (request) => ({ items: await service.listRequests(db(), requireActor(request), now()) }));

  app.get('/api/requests/:id', {
    schema: { tags, summary: 'Запрос и ответы (ЦУР — все рядом; муниципалитет — свой); первый просмотр муниципалитетом отмечает «прочитан»', params: IdParams, response: { 200: InfoRequest, ...errors(400, 401, 404) } },
  }, async (request) => service.getRequest(db(), contextOf(request), request.params.id, now()));

  app.post('/api/requests/:id/answer', {
    schema: {
      tags, summary: 'Ответ муниципалитета: текст и файлы (JSON или multipart)', params: IdParams,
      body: { content: { 'application/json': { schema: AnswerBody }, 'multipart/form-data': { schema: MultipartForm } } },
      response: { 200: InfoRequest, ...errors(400, 401, 403, 404, 409, 413, 415) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    let text = (request.body as { text?: string } | undefined)?.text ?? '';
    let files: CheckedFile[] = [];
    if (request.isMultipart()) {
      const parts = await readMultipart(request);
      files = parts.files;
      text = parts.fields.text ?? '';
    }
    return service.answerRequest(db(), ctx, request.params.id, text, files, now());
  });

  app.get('/api/requests/:id/files/:fileId', {
    schema: { tags, summary: 'Скачать файл запроса или ответа', params: RequestFileParams, response: { 200: UPLOADED_FILE, ...errors(400, 401, 404) } },
  }, async (request, reply) => {
    const file = await service.getFile(db(), requireActor(request), request.params.id, request.params.fileId);
    return sendFile(reply, file);
  });
}
