import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { APPEAL_ACTIONS } from '../../../domain/appeals';
import { contextOf, requireActor } from '../../platform/auth';
import { forbidden } from '../../platform/errors';
import { download, errors, IdParams, UPLOADED_FILE } from '../../platform/http';
import { readMultipart } from '../../platform/multipart';
import { AnyStepBody, Appeal, AppealActionBody, AppealActionParams, AppealExportQuery, AppealFilter, AppealList, AttachmentParams, BulkActionBody, BulkActionResult, CommentBody, CreateAppeal, LetterParams, Timeline, UpdateAppeal } from './schema';
import { stepBody } from '../../platform/payloads';
import * as service from './service';
import { exportCsv, exportXlsx } from './export';
import { sendDownload, sendFile } from '../../platform/files';
import { answerDocument } from './letter';

/** Each step request's body as sent, before the schema's coercions touch it, checked only as a JSON object. */
const actionBody = stepBody<Record<string, unknown>>(AnyStepBody);

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
      querystring: AppealExportQuery,
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: { 200: download(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], 'Реестр в CSV или XLSX'), ...errors(400, 401) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { format, mask, ...filter } = request.query;
    const stamp = now().toISOString().slice(0, 10);
    if (format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="appeals-${stamp}.csv"`);
      return reply.send(exportCsv(db(), actor, filter, now(), { mask }));
    }
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="appeals-${stamp}.xlsx"`);
    return reply.send(exportXlsx(db(), actor, filter, now(), { mask }));
  });

  app.post('/api/appeals/bulk', {
    schema: {
      tags, summary: 'Один шаг для выбранных обращений: назначить, поставить на контроль, снять с контроля',
      description: 'Каждое обращение проходит шаг отдельно — со своими правилами, правами и записью аудита; ответ перечисляет, что не удалось и почему.',
      body: BulkActionBody, response: { 200: BulkActionResult, ...errors(400, 401) },
    },
  }, async (request) => service.bulkAct(db(), contextOf(request), request.body, now(), app.services.config.publicBaseUrl));

  app.get('/api/appeals/:id/answer.:format', {
    schema: {
      tags, summary: 'Ответ на обращение — официальное письмо на бланке администрации: DOCX или PDF', params: LetterParams,
      produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf'],
      response: { 200: download(['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf'], 'Ответ на бланке'), ...errors(400, 401, 404, 409) },
    },
  }, async (request, reply) => sendDownload(reply, await answerDocument(db(), requireActor(request), request.params.id, request.params.format, now())));

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
      params: AppealActionParams,
      body: AppealActionBody,
      response: { 200: Appeal, ...errors(400, 401, 403, 404, 409) },
    },
    // The schema documents each step's payload; the step checks it itself, with a message per field and the
    // rules of who acts, so the body reaches it as sent: any JSON object, as before the payloads were described.
    ...actionBody.options,
  }, async (request) => service.act(db(), contextOf(request), request.params.id, request.params.action, actionBody.read(request) ?? {}, now(), app.services.config.publicBaseUrl));

  app.get('/api/appeals/:id/timeline', {
    schema: { tags, summary: 'Ход работы и внутренние комментарии', params: IdParams, response: { 200: Timeline, ...errors(400, 401, 404) } },
  }, async (request) => ({ items: await service.getTimeline(db(), requireActor(request), request.params.id) }));

  app.post('/api/appeals/:id/comments', {
    schema: {
      tags, summary: 'Внутренний комментарий (заявителю не виден)', params: IdParams,
      body: CommentBody,
      response: { 201: Timeline, ...errors(400, 401, 403, 404) },
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
    schema: { tags, summary: 'Скачать файл', params: AttachmentParams, response: { 200: UPLOADED_FILE, ...errors(400, 401, 404) } },
  }, async (request, reply) => {
    const file = await service.getAttachment(db(), requireActor(request), request.params.id, request.params.attachmentId);
    return sendFile(reply, file);
  });
}
