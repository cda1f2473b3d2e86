import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { VERSION } from '../../version';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Состояние сервиса',
      response: {
        200: Type.Object({
          status: Type.Literal('ok'),
          engine: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
          version: Type.String(),
          demo: Type.Boolean({ description: 'Демонстрационный режим: страница входа показывает демо-входы' }),
        }),
        503: Type.Object({ status: Type.Literal('unavailable'), engine: Type.String(), version: Type.String() }),
      },
    },
  }, async (_request, reply) => {
    const { database } = app.services;
    try {
      await database.db.execute(sql`select 1`);
      return { status: 'ok' as const, engine: database.engine, version: VERSION, demo: app.services.config.demo && app.services.config.env !== 'production' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const, engine: database.engine, version: VERSION });
    }
  });
}
