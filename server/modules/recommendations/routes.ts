import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams, MultipartForm, UPLOADED_FILE } from '../../platform/http';
import { jsonOrForm } from '../../platform/multipart';
import { sendFile } from '../../platform/files';
import {
  AddresseeParams, CreateRecommendation, Recommendation, RecommendationFileParams, RecommendationList, ReportBody, ReviewBody, Unacknowledged,
} from './schema';
import * as service from './service';

export async function recommendationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['recommendations'];
  const jsonOrMultipart = (schema: typeof CreateRecommendation | typeof ReportBody) => ({ content: { 'application/json': { schema }, 'multipart/form-data': { schema: MultipartForm } } });

  app.post('/api/recommendations', {
    schema: {
      tags, summary: 'Направить рекомендацию или методические указания ЦУР одному, нескольким или всем муниципалитетам (JSON или multipart с файлами)',
      body: jsonOrMultipart(CreateRecommendation), response: { 201: Recommendation, ...errors(400, 401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    const { body, files } = await jsonOrForm<CreateRecommendation>(request, CreateRecommendation, ['municipalities']);
    return reply.status(201).send(await service.createRecommendation(db(), contextOf(request), body, files, now()));
  });

  app.get('/api/recommendations', {
    schema: { tags, summary: 'Рекомендации ЦУР со статусами адресатов (муниципалитет видит только адресованные ему)', response: { 200: RecommendationList, ...errors(401) } },
  }, async (request) => ({ items: await service.listRecommendations(db(), requireActor(request), now()) }));

  app.get('/api/recommendations/unacknowledged', {
    schema: { tags, summary: 'Кто ещё не ознакомился с рекомендациями (ЦУР — по всему региону, муниципалитет — свои)', response: { 200: Unacknowledged, ...errors(401) } },
  }, async (request) => ({ items: await service.listUnacknowledged(db(), requireActor(request), now()) }));

  app.get('/api/recommendations/:id', {
    schema: { tags, summary: 'Рекомендация, ознакомление и отчёты адресатов (ЦУР — все рядом; муниципалитет — свой)', params: IdParams, response: { 200: Recommendation, ...errors(400, 401, 404) } },
  }, async (request) => service.getRecommendation(db(), requireActor(request), request.params.id, now()));

  app.post('/api/recommendations/:id/acknowledge', {
    schema: { tags, summary: 'Отметить «ознакомлен» от своей администрации', params: IdParams, response: { 200: Recommendation, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => service.takeStep(db(), contextOf(request), request.params.id, 'acknowledge', {}, now()));

  app.post('/api/recommendations/:id/report', {
    schema: {
      tags, summary: 'Отчёт администрации о выполнении: текст и файлы (JSON или multipart)', params: IdParams,
      body: jsonOrMultipart(ReportBody), response: { 200: Recommendation, ...errors(400, 401, 403, 404, 409, 413, 415) },
    },
  }, async (request) => {
    const { body, files } = await jsonOrForm<ReportBody>(request, ReportBody);
    return service.takeStep(db(), contextOf(request), request.params.id, 'report', { text: body.text, files }, now());
  });

  for (const decision of ['accept', 'return'] as const) {
    app.post(`/api/recommendations/:id/addressees/:municipality/${decision}`, {
      schema: {
        tags, summary: decision === 'accept' ? 'ЦУР принимает отчёт адресата о выполнении' : 'ЦУР возвращает отчёт адресата с замечаниями',
        params: AddresseeParams, body: ReviewBody, response: { 200: Recommendation, ...errors(400, 401, 403, 404, 409) },
      },
    }, async (request) => service.takeStep(db(), contextOf(request), request.params.id, decision, { municipality: request.params.municipality, remarks: request.body.remarks }, now()));
  }

  app.get('/api/recommendations/:id/files/:fileId', {
    schema: { tags, summary: 'Скачать файл рекомендации или отчёта о выполнении', params: RecommendationFileParams, response: { 200: UPLOADED_FILE, ...errors(400, 401, 404) } },
  }, async (request, reply) => sendFile(reply, await service.getFile(db(), requireActor(request), request.params.id, request.params.fileId)));
}
