import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../platform/auth';
import { errors } from '../../platform/http';
import { listTopics, operationalGroups } from './service';

const Topic = Type.Object({
  code: Type.String(), parentCode: Type.Union([Type.String(), Type.Null()]), level: Type.String(), title: Type.String(),
  groupCode: Type.Union([Type.String(), Type.Null()]), active: Type.Boolean(),
});

export async function topicRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/topics', {
    schema: {
      tags: ['topics'], summary: 'Классификатор тем обращений (разделы, тематики, темы ТОТК) и оперативные группы',
      response: { 200: Type.Object({ items: Type.Array(Topic), groups: Type.Array(Type.Object({ code: Type.String(), title: Type.String() })) }), ...errors(401) },
    },
  }, async (request) => {
    requireActor(request);
    const rows = await listTopics(app.services.database.db);
    return { items: rows.map(({ keywords: _k, ...t }) => t), groups: operationalGroups() };
  });
}
