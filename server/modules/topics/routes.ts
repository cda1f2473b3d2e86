import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../platform/auth';
import { errors } from '../../platform/http';
import { TopicList } from './schema';
import { listTopics, operationalGroups } from './service';

export async function topicRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/topics', {
    schema: {
      tags: ['topics'], summary: 'Классификатор тем обращений (разделы, тематики, темы ТОТК) и оперативные группы',
      response: { 200: TopicList, ...errors(401) },
    },
  }, async (request) => {
    requireActor(request);
    const rows = await listTopics(app.services.database.db);
    return { items: rows.map(({ keywords: _k, ...t }) => t), groups: operationalGroups() };
  });
}
