import type { FastifyInstance } from 'fastify';
import { VERSION } from '../../version';
import { Health, Unavailable } from './schema';
import { ping } from './repository';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Состояние сервиса',
      response: { 200: Health, 503: Unavailable },
    },
  }, async (_request, reply) => {
    const { database } = app.services;
    try {
      await ping(database.db);
      return { status: 'ok' as const, engine: database.engine, version: VERSION, demo: app.services.config.demo && app.services.config.env !== 'production' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const, engine: database.engine, version: VERSION });
    }
  });
}
