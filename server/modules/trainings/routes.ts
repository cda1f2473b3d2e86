import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams, MultipartForm, UPLOADED_FILE } from '../../platform/http';
import { jsonOrForm, readMultipart } from '../../platform/multipart';
import { sendFile } from '../../platform/files';
import { toLocalDate } from '../../../domain/calendar/localDate';
import type { Actor } from '../../platform/actor';
import {
  AttendanceBody, Coverage, CoverageFilter, CreateTraining, EnrolBody, ParticipantParams, Training, TrainingFileParams, TrainingFilter, TrainingList,
} from './schema';
import * as service from './service';

export async function trainingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['trainings'];
  /** The year asked for, or the current one on the actor's wall clock. */
  const yearOf = (actor: Actor, year?: number) => year ?? Number(toLocalDate(now(), actor.timeZone).slice(0, 4));

  app.get('/api/trainings', {
    schema: { tags, summary: 'Обучающие мероприятия года (по умолчанию — текущего) с числом записавшихся и присутствовавших', querystring: TrainingFilter, response: { 200: TrainingList, ...errors(400, 401) } },
  }, async (request) => {
    const actor = requireActor(request);
    return { items: await service.listTrainings(db(), actor, yearOf(actor, request.query.year)) };
  });

  app.get('/api/trainings/coverage', {
    schema: { tags, summary: 'Кто в каждом муниципалитете не прошёл обучение в этом году (ЦУР — весь регион, администрация — свои)', querystring: CoverageFilter, response: { 200: Coverage, ...errors(400, 401) } },
  }, async (request) => {
    const actor = requireActor(request);
    return service.coverage(db(), actor, yearOf(actor, request.query.year));
  });

  app.post('/api/trainings', {
    schema: {
      tags, summary: 'Объявить курс или мероприятие ЦУР (JSON или multipart с материалами)',
      body: { content: { 'application/json': { schema: CreateTraining }, 'multipart/form-data': { schema: MultipartForm } } },
      response: { 201: Training, ...errors(400, 401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    const { body, files } = await jsonOrForm<CreateTraining>(request, CreateTraining);
    return reply.status(201).send(await service.createTraining(db(), contextOf(request), body, files, now()));
  });

  app.get('/api/trainings/:id', {
    schema: { tags, summary: 'Мероприятие, материалы и участники (администрация видит своих)', params: IdParams, response: { 200: Training, ...errors(400, 401, 404) } },
  }, async (request) => service.getTraining(db(), requireActor(request), request.params.id, now()));

  app.post('/api/trainings/:id/materials', {
    schema: {
      tags, summary: 'Добавить материалы мероприятия (multipart)', params: IdParams,
      body: { content: { 'multipart/form-data': { schema: MultipartForm } } }, response: { 200: Training, ...errors(400, 401, 403, 404, 413, 415) },
    },
  }, async (request) => service.addMaterials(db(), contextOf(request), request.params.id, (await readMultipart(request)).files, now()));

  app.post('/api/trainings/:id/participants', {
    schema: { tags, summary: 'Записать сотрудника (своей администрации; себя — любой)', params: IdParams, body: EnrolBody, response: { 200: Training, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => service.enrol(db(), contextOf(request), request.params.id, request.body.userId, now()));

  app.delete('/api/trainings/:id/participants/:userId', {
    schema: { tags, summary: 'Отменить запись сотрудника', params: ParticipantParams, response: { 200: Training, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => service.unenrol(db(), contextOf(request), request.params.id, request.params.userId, now()));

  app.post('/api/trainings/:id/attendance', {
    schema: { tags, summary: 'ЦУР отмечает, кто присутствовал и кто нет', params: IdParams, body: AttendanceBody, response: { 200: Training, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.markAttendance(db(), contextOf(request), request.params.id, request.body, now()));

  app.get('/api/trainings/:id/files/:fileId', {
    schema: { tags, summary: 'Скачать материал мероприятия', params: TrainingFileParams, response: { 200: UPLOADED_FILE, ...errors(400, 401, 404) } },
  }, async (request, reply) => {
    requireActor(request);
    return sendFile(reply, await service.getFile(db(), request.params.id, request.params.fileId));
  });
}
