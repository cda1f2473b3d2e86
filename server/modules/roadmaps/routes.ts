import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams, MultipartForm, UPLOADED_FILE } from '../../platform/http';
import { readMultipart } from '../../platform/multipart';
import { sendFile } from '../../platform/files';
import { CommentBody, CreateMeasure, CreateRoadmap, EvidenceParams, MeasureParams, Roadmap, RoadmapList, RoadmapListQuery, UpdateMeasure, UpdateRoadmap } from './schema';
import * as service from './service';

export async function roadmapRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['roadmaps'];

  app.get('/api/roadmaps', {
    schema: { tags, summary: 'Дорожные карты (ЦУР — все, муниципалитет — свои)', querystring: RoadmapListQuery, response: { 200: RoadmapList, ...errors(400, 401, 404) } },
  }, async (request) => ({ items: await service.listRoadmaps(db(), requireActor(request), request.query.municipality, now()) }));

  app.post('/api/roadmaps', {
    schema: { tags, summary: 'Составить дорожную карту: темы, места, группы обращений, дата начала', body: CreateRoadmap, response: { 201: Roadmap, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => reply.status(201).send(await service.createRoadmap(db(), contextOf(request), request.body, now())));

  app.get('/api/roadmaps/:id', {
    schema: { tags, summary: 'Дорожная карта: мероприятия, комментарии и эффект (обращения после начала против того же срока до него)', params: IdParams, response: { 200: Roadmap, ...errors(400, 401, 404) } },
  }, async (request) => service.getRoadmap(db(), requireActor(request), request.params.id, now()));

  app.patch('/api/roadmaps/:id', {
    schema: { tags, summary: 'Изменить дорожную карту', params: IdParams, body: UpdateRoadmap, response: { 200: Roadmap, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.updateRoadmap(db(), contextOf(request), request.params.id, request.body, now()));

  app.post('/api/roadmaps/:id/measures', {
    schema: { tags, summary: 'Добавить мероприятие: ответственный и срок', params: IdParams, body: CreateMeasure, response: { 200: Roadmap, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.addMeasure(db(), contextOf(request), request.params.id, request.body, now()));

  app.patch('/api/roadmaps/:id/measures/:measureId', {
    schema: { tags, summary: 'Изменить мероприятие; выполненное мероприятие один раз сообщается подписчикам его тем', params: MeasureParams, body: UpdateMeasure, response: { 200: Roadmap, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.updateMeasure(db(), contextOf(request), request.params.id, request.params.measureId, request.body, now(), app.services.config.publicBaseUrl));

  app.post('/api/roadmaps/:id/measures/:measureId/evidence', {
    schema: {
      tags, summary: 'Приложить подтверждение выполнения (PDF, DOCX, JPG, PNG)', params: MeasureParams,
      body: { content: { 'multipart/form-data': { schema: MultipartForm } } }, response: { 200: Roadmap, ...errors(400, 401, 403, 404, 413, 415) },
    },
  }, async (request) => {
    const ctx = contextOf(request);
    const { files } = await readMultipart(request);
    return service.addEvidence(db(), ctx, request.params.id, request.params.measureId, files, now());
  });

  app.get('/api/roadmaps/:id/measures/:measureId/evidence/:fileId', {
    schema: { tags, summary: 'Скачать подтверждение выполнения', params: EvidenceParams, response: { 200: UPLOADED_FILE, ...errors(400, 401, 404) } },
  }, async (request, reply) => sendFile(reply, await service.getEvidence(db(), requireActor(request), request.params.id, request.params.measureId, request.params.fileId)));

  app.post('/api/roadmaps/:id/comments', {
    schema: { tags, summary: 'Комментарий ЦУР или администрации', params: IdParams, body: CommentBody, response: { 200: Roadmap, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.addComment(db(), contextOf(request), request.params.id, request.body.text, now()));
}
