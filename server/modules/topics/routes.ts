import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors } from '../../platform/http';
import { CreateTopic, GroupParams, SaveGroup, Topic, TopicGroup, TopicList, TopicParams, UpdateTopic } from './schema';
import * as service from './service';

export async function topicRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const tags = ['topics'];

  app.get('/api/topics', {
    schema: {
      tags, summary: 'Классификатор тем обращений (разделы, тематики, темы ТОТК) и оперативные группы',
      response: { 200: TopicList, ...errors(401) },
    },
  }, async (request) => {
    requireActor(request);
    return service.listTopics(db());
  });

  app.post('/api/topics', {
    schema: {
      tags, summary: 'Добавить раздел, тематику или тему (администратор ЦУР); классификатор проверяется целиком',
      body: CreateTopic, response: { 201: Topic, ...errors(400, 401, 403, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await service.createTopic(db(), contextOf(request), request.body)));

  app.patch('/api/topics/:code', {
    schema: {
      tags, summary: 'Изменить позицию классификатора или вывести её из употребления (active: false)',
      params: TopicParams, body: UpdateTopic, response: { 200: Topic, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => service.updateTopic(db(), contextOf(request), request.params.code, request.body));

  app.put('/api/topics/groups/:code', {
    schema: {
      tags, summary: 'Добавить или переименовать оперативную группу (администратор ЦУР)',
      params: GroupParams, body: SaveGroup, response: { 200: Type.Object({ groups: Type.Array(TopicGroup) }), ...errors(400, 401, 403) },
    },
  }, async (request) => service.saveGroup(db(), contextOf(request), request.params.code, request.body.title, app.services.clock.now()));
}
