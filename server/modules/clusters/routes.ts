import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams } from '../../platform/http';
import { Cluster, ClusterFilter, ClusterList, MergeClusters, SplitCluster } from './schema';
import * as service from './service';

export async function clusterRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['clusters'];

  app.get('/api/clusters', {
    schema: {
      tags, summary: 'Группы обращений разных авторов об одной проблеме в одном месте: по размеру и приросту, с обращениями',
      description: 'ЦУР видит группы всего региона, администрация — свои.',
      querystring: ClusterFilter, response: { 200: ClusterList, ...errors(400, 401, 404) },
    },
  }, async (request) => ({ items: await service.listClusters(db(), requireActor(request), request.query, now()) }));

  app.post('/api/clusters/:id/merge', {
    schema: {
      tags, summary: 'Объединить группу с другой группой того же муниципалитета', params: IdParams, body: MergeClusters,
      response: { 200: Cluster, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => service.mergeClusters(db(), contextOf(request), request.params.id, request.body.into, now()));

  app.post('/api/clusters/:id/split', {
    schema: {
      tags, summary: 'Вывести обращения из группы (два и больше образуют новую группу)', params: IdParams, body: SplitCluster,
      response: { 200: ClusterList, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => ({ items: await service.splitCluster(db(), contextOf(request), request.params.id, request.body.appealIds, now()) }));
}
