import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { RISK_ACTIONS } from '../../../domain/risks';
import { contextOf, requireActor } from '../../platform/auth';
import { download, errors, IdParams, UPLOADED_FILE } from '../../platform/http';
import { readMultipart } from '../../platform/multipart';
import { ActionBody, CommentParams, RiskActionBody, RiskActionParams, RiskList, RiskTimeline, CreateRisk, Risk, RiskFileParams, RiskFilter } from './schema';
import * as service from './service';
import { riskStatistics, StatisticsQuery, Statistics } from './statistics';
import { officialCommentDocument } from './documents';
import { sendDownload, sendFile } from '../../platform/files';
import { stepBody } from '../../platform/payloads';

const actionBody = stepBody<ActionBody>(ActionBody);

export async function riskRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['risks'];

  app.post('/api/risks', {
    schema: { tags, summary: 'Зарегистрировать информационный риск (ЦУР или администрация)', body: CreateRisk, response: { 201: Risk, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => reply.status(201).send(await service.createRisk(db(), contextOf(request), request.body, now(), app.services.config.publicBaseUrl)));

  app.get('/api/risks', {
    schema: { tags, summary: 'Информационные риски: доска ЦУР (sort=urgency) и входящие сигналы муниципалитета', querystring: RiskFilter, response: { 200: RiskList, ...errors(400, 401) } },
  }, async (request) => ({ items: await service.listRisks(db(), requireActor(request), request.query, now()) }));

  app.get('/api/risks/statistics', {
    schema: { tags, summary: 'Статистика по муниципалитетам за период: виды, уровни, медианы времени, доля в срок', querystring: StatisticsQuery, response: { 200: Statistics, ...errors(400, 401) } },
  }, async (request) => riskStatistics(db(), requireActor(request), request.query, now()));

  app.get('/api/risks/:id', {
    schema: { tags, summary: 'Карточка риска: сроки, версии комментария, файлы', params: IdParams, response: { 200: Risk, ...errors(400, 401, 404) } },
  }, async (request) => service.getRisk(db(), requireActor(request), request.params.id, now()));

  app.get('/api/risks/:id/timeline', {
    schema: { tags, summary: 'Ход работы по риску', params: IdParams, response: { 200: RiskTimeline, ...errors(400, 401, 404) } },
  }, async (request) => ({ items: await service.timeline(db(), requireActor(request), request.params.id) }));

  app.post('/api/risks/:id/actions/:action', {
    schema: {
      tags, summary: 'Шаг работы с риском', description: `Действия: ${RISK_ACTIONS.join(', ')}.`,
      params: RiskActionParams, body: RiskActionBody,
      response: { 200: Risk, ...errors(400, 401, 403, 404, 409) },
    },
    ...actionBody.options,
  }, async (request) => service.act(db(), contextOf(request), request.params.id, request.params.action, actionBody.read(request) ?? {}, now()));

  app.post('/api/risks/:id/files', {
    schema: { tags, summary: 'Снимки экрана (multipart: files…, purpose=publication|refutation)', params: IdParams, consumes: ['multipart/form-data'], response: { 200: Risk, ...errors(400, 401, 403, 404, 413, 415) } },
  }, async (request) => {
    const ctx = contextOf(request);
    const { fields, files } = await readMultipart(request);
    return service.addFiles(db(), ctx, request.params.id, fields.purpose === 'refutation' ? 'refutation' : 'publication', files, now());
  });

  app.get('/api/risks/:id/files/:fileId', {
    schema: { tags, summary: 'Скачать снимок', params: RiskFileParams, response: { 200: UPLOADED_FILE, ...errors(400, 401, 404) } },
  }, async (request, reply) => {
    const file = await service.getFile(db(), requireActor(request), request.params.id, request.params.fileId);
    return sendFile(reply, file);
  });

  app.get('/api/risks/:id/comment.:format', {
    schema: { tags, summary: 'Официальный комментарий на бланке администрации: DOCX или PDF', params: CommentParams, response: { 200: download(['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf'], 'Комментарий на бланке'), ...errors(400, 401, 404) } },
  }, async (request, reply) => {
    const doc = await officialCommentDocument(db(), requireActor(request), request.params.id, request.params.format, now());
    return sendDownload(reply, doc);
  });
}
