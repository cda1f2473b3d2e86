import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { APPEAL_ACTIONS } from '../../../domain/appeals';
import { contextOf, requireActor } from '../../platform/auth';
import { forbidden, validationFailed } from '../../platform/errors';
import { translateValidation } from '../../platform/validation';
import { download, errors, IdParams, UPLOADED_FILE, Uuid } from '../../platform/http';
import { readMultipart } from '../../platform/multipart';
import { Appeal, AppealActionBody, AppealFilter, AppealList, CreateAppeal, TimelineEntry, UpdateAppeal } from './schema';
import * as service from './service';
import { exportCsv, exportXlsx } from './export';
import { sendFile } from '../../platform/files';

/** What a step accepts before its own check: any JSON object. */
const AnyStepBody = Type.Record(Type.String(), Type.Unknown());
/** Each step request's body as sent, before the schema's coercions touch it. */
const sentBodies = new WeakMap<object, unknown>();

export async function appealRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['appeals'];

  app.post('/api/appeals', {
    config: { tokenScope: 'intake' },
    schema: {
      tags, summary: 'Зарегистрировать обращение (письмо, личный приём, звонок, ПОС, соцсети…)',
      description: 'Известный внешний идентификатор канала возвращает уже зарегистрированное обращение (200), а не копию.',
      body: CreateAppeal, response: { 201: Appeal, 200: Appeal, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const { appeal, created } = await service.createAppeal(db(), contextOf(request), request.body, now());
    return reply.status(created ? 201 : 200).send(appeal);
  });

  app.get('/api/appeals', {
    schema: { tags, summary: 'Реестр обращений: фильтры, поиск, сортировка, постраничный вывод', querystring: AppealFilter, response: { 200: AppealList, ...errors(400, 401) } },
  }, async (request) => service.listAppeals(db(), requireActor(request), request.query, now()));

  app.get('/api/appeals/export', {
    schema: {
      tags, summary: 'Выгрузка отфильтрованного реестра в XLSX или CSV',
      querystring: Type.Intersect([AppealFilter, Type.Object({ format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]) })]),
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: { 200: download(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], 'Реестр в CSV или XLSX'), ...errors(400, 401) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { format, ...filter } = request.query;
    const stamp = now().toISOString().slice(0, 10);
    if (format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="appeals-${stamp}.csv"`);
      return reply.send(exportCsv(db(), actor, filter, now()));
    }
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="appeals-${stamp}.xlsx"`);
    return reply.send(exportXlsx(db(), actor, filter, now()));
  });

  app.get('/api/appeals/:id', {
    schema: { tags, summary: 'Карточка обращения', params: IdParams, response: { 200: Appeal, ...errors(400, 401, 404) } },
  }, async (request) => service.getAppeal(db(), requireActor(request), request.params.id, now()));

  app.patch('/api/appeals/:id', {
    schema: { tags, summary: 'Уточнить тему, вид, адрес, признаки', params: IdParams, body: UpdateAppeal, response: { 200: Appeal, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.updateAppeal(db(), contextOf(request), request.params.id, request.body, now()));

  app.post('/api/appeals/:id/actions/:action', {
    schema: {
      tags, summary: 'Шаг жизненного цикла обращения',
      description: `Действия: ${APPEAL_ACTIONS.join(', ')}. Доступные пользователю шаги перечислены в поле actions карточки.`,
      params: Type.Object({ id: Uuid, action: Type.String({ maxLength: 40 }) }),
      body: Type.Optional(AppealActionBody),
      response: { 200: Appeal, ...errors(400, 401, 403, 404, 409) },
    },
    // The schema documents each step's payload; the step checks it itself, with a message per field and the
    // rules of who acts, so the body reaches it as sent: any JSON object, as before the payloads were described.
    attachValidation: true,
    preValidation: async (request) => { sentBodies.set(request, structuredClone(request.body)); },
  }, async (request) => {
    const body = sentBodies.get(request);
    if (request.validationError) {
      if (request.validationError.validationContext !== 'body') throw request.validationError;
      const check = request.compileValidationSchema(AnyStepBody);
      if (!check(body)) throw validationFailed(translateValidation(check.errors ?? []));
    }
    return service.act(db(), contextOf(request), request.params.id, request.params.action, body ?? {}, now(), app.services.config.publicBaseUrl);
  });

  app.get('/api/appeals/:id/timeline', {
    schema: { tags, summary: 'Ход работы и внутренние комментарии', params: IdParams, response: { 200: Type.Object({ items: Type.Array(TimelineEntry) }), ...errors(400, 401, 404) } },
  }, async (request) => ({ items: await service.getTimeline(db(), requireActor(request), request.params.id) }));

  app.post('/api/appeals/:id/comments', {
    schema: {
      tags, summary: 'Внутренний комментарий (заявителю не виден)', params: IdParams,
      body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false }),
      response: { 201: Type.Object({ items: Type.Array(TimelineEntry) }), ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    await service.addComment(db(), ctx, request.params.id, request.body.text, now());
    return reply.status(201).send({ items: await service.getTimeline(db(), ctx.actor, request.params.id) });
  });

  app.post('/api/appeals/:id/attachments', {
    config: { tokenScope: 'intake' },
    schema: {
      tags, summary: 'Приложить файлы (multipart: file…, purpose=appeal|answer); PDF, DOCX, JPG, PNG до 10 МБ',
      params: IdParams, consumes: ['multipart/form-data'], response: { 200: Appeal, ...errors(400, 401, 403, 404, 413) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    const { fields, files } = await readMultipart(request);
    const purpose = fields.purpose === 'answer' ? 'answer' : 'appeal';
    if (purpose === 'answer' && ctx.actor.tokenScope === 'intake') throw forbidden('token_scope', 'Токен с правами «приём обращений» прикладывает только файлы обращения, не ответа');
    return service.addAttachments(db(), ctx, request.params.id, files, purpose, now());
  });

  app.get('/api/appeals/:id/attachments/:attachmentId', {
    schema: { tags, summary: 'Скачать файл', params: Type.Object({ id: Uuid, attachmentId: Uuid }), response: { 200: UPLOADED_FILE, ...errors(400, 401, 404) } },
  }, async (request, reply) => {
    const file = await service.getAttachment(db(), requireActor(request), request.params.id, request.params.attachmentId);
    return sendFile(reply, file);
  });
}
