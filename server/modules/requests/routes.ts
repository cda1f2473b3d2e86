import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { DateTime, errors, IdParams, UPLOADED_FILE, Uuid } from '../../platform/http';
import { readMultipart } from '../../platform/multipart';
import { validationFailed } from '../../platform/errors';
import { translateValidation } from '../../platform/validation';
import type { CheckedFile } from '../../platform/files';
import * as service from './service';
import { sendFile } from '../../platform/files';

const File = Type.Object({ id: Uuid, filename: Type.String(), mimeType: Type.String(), size: Type.Integer() });
const Status = Type.Enum(['sent', 'read', 'answered', 'overdue'] as const);
const InfoRequest = Type.Object({
  id: Uuid, number: Type.String(), subject: Type.String(), text: Type.String(), dueAt: DateTime, createdAt: DateTime, files: Type.Array(File),
  addressees: Type.Array(Type.Object({
    municipality: Type.String(), municipalityName: Type.String(), status: Status, readAt: Type.Union([DateTime, Type.Null()]),
    answeredAt: Type.Union([DateTime, Type.Null()]), answerText: Type.Union([Type.String(), Type.Null()]), files: Type.Array(File),
  })),
  can: Type.Object({ answer: Type.Boolean({ description: 'Ответить от своей администрации' }) }, { description: 'Что текущий пользователь может сделать с запросом' }),
}, { title: 'Запрос ЦУР' });
const CreateBody = Type.Object({
  subject: Type.String({ minLength: 3, maxLength: 300 }),
  text: Type.String({ minLength: 1, maxLength: 20000 }),
  municipalities: Type.Array(Type.String({ maxLength: 60 }), { minItems: 1, maxItems: 200 }),
  dueAt: DateTime,
}, { additionalProperties: false });

export async function requestRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['requests'];

  app.post('/api/requests', {
    schema: {
      tags, summary: 'Направить запрос ЦУР одному или нескольким муниципалитетам (JSON или multipart с файлами)',
      body: { content: { 'application/json': { schema: CreateBody }, 'multipart/form-data': { schema: Type.Any() } } },
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
    const validate = request.compileValidationSchema(CreateBody);
    if (!validate(body)) throw validationFailed(translateValidation(validate.errors ?? []));
    return reply.status(201).send(await service.createRequest(db(), ctx, body as never, files, now()));
  });

  app.get('/api/requests', {
    schema: { tags, summary: 'Запросы ЦУР (муниципалитет видит только адресованные ему)', response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, number: Type.String(), subject: Type.String(), dueAt: DateTime, createdAt: DateTime, addressees: Type.Array(Type.Object({ municipality: Type.String(), status: Status })) })) }), ...errors(401) } },
  }, async (request) => ({ items: await service.listRequests(db(), requireActor(request), now()) }));

  app.get('/api/requests/:id', {
    schema: { tags, summary: 'Запрос и ответы (ЦУР — все рядом; муниципалитет — свой); первый просмотр муниципалитетом отмечает «прочитан»', params: IdParams, response: { 200: InfoRequest, ...errors(400, 401, 404) } },
  }, async (request) => service.getRequest(db(), contextOf(request), request.params.id, now()));

  app.post('/api/requests/:id/answer', {
    schema: {
      tags, summary: 'Ответ муниципалитета: текст и файлы (JSON или multipart)', params: IdParams,
      body: { content: { 'application/json': { schema: Type.Object({ text: Type.String({ minLength: 1, maxLength: 20000 }) }, { additionalProperties: false }) }, 'multipart/form-data': { schema: Type.Any() } } },
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
    schema: { tags, summary: 'Скачать файл запроса или ответа', params: Type.Object({ id: Uuid, fileId: Uuid }), response: { 200: UPLOADED_FILE, ...errors(400, 401, 404) } },
  }, async (request, reply) => {
    const file = await service.getFile(db(), requireActor(request), request.params.id, request.params.fileId);
    return sendFile(reply, file);
  });
}
