import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireActor } from '../../platform/auth';
import { errors } from '../../platform/http';
import { Today } from './schema';
import * as service from './service';

export async function todayRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/me/today', {
    schema: {
      tags: ['auth'], summary: 'Что ждёт пользователя сегодня: сроки, часы, сигналы, запросы, отчёт, низкие оценки — со ссылками на списки',
      response: { 200: Today, ...errors(401) },
    },
  }, async (request) => service.today(app.services.database.db, requireActor(request), app.services.clock.now()));
}
