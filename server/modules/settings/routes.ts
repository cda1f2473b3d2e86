// Installation settings managed by the ЦУР administrator: the deadline rules of appeals per channel.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DeadlineRules } from '../../../domain/appeals';
import { contextOf, requireActor } from '../../platform/auth';
import { errors } from '../../platform/http';
import { DeadlineRulesBody, DeadlineRulesResponse, TextDetection, TextDetectionResponse } from './schema';
import * as service from './service';


export async function settingsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const tags = ['settings'];

  app.get('/api/settings/deadline-rules', {
    schema: { tags, summary: 'Правила сроков обращений по каналам', response: { 200: DeadlineRulesResponse, ...errors(401) } },
  }, async (request) => {
    requireActor(request);
    return service.getDeadlineRules(db());
  });

  app.put('/api/settings/deadline-rules', {
    schema: {
      tags, summary: 'Изменить правила сроков (администратор ЦУР); действуют для обращений, зарегистрированных после изменения',
      body: DeadlineRulesBody, response: { 200: DeadlineRulesResponse, ...errors(400, 401, 403) },
    },
  }, async (request) => service.setDeadlineRules(db(), contextOf(request), request.body as DeadlineRules, app.services.clock.now()));

  app.get('/api/settings/text-detection', {
    schema: { tags, summary: 'Окна поиска повторных обращений, повторных отправок и групп обращений об одной проблеме', response: { 200: TextDetectionResponse, ...errors(401) } },
  }, async (request) => {
    requireActor(request);
    return service.getTextDetection(db());
  });

  app.put('/api/settings/text-detection', {
    schema: {
      tags, summary: 'Изменить окна поиска (администратор ЦУР); действуют для обращений, поступивших после изменения',
      body: TextDetection, response: { 200: TextDetectionResponse, ...errors(400, 401, 403) },
    },
  }, async (request) => service.setTextDetection(db(), contextOf(request), request.body, app.services.clock.now()));
}
