import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams } from '../../platform/http';
import { CreateOrganization, Organization, OrganizationFilter, OrganizationList, UpdateOrganization } from './schema';
import * as service from './service';

export async function organizationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const tags = ['organizations'];

  app.get('/api/organizations', {
    schema: {
      tags, summary: 'Организации, видимые пользователю (ЦУР видит все)',
      querystring: OrganizationFilter,
      response: { 200: OrganizationList, ...errors(400, 401) },
    },
  }, async (request) => ({ items: await service.listOrganizations(db(), requireActor(request), request.query) }));

  app.get('/api/organizations/:id', {
    schema: { tags, summary: 'Организация', params: IdParams, response: { 200: Organization, ...errors(400, 401, 404) } },
  }, async (request) => service.getOrganization(db(), requireActor(request), request.params.id));

  app.post('/api/organizations', {
    schema: { tags, summary: 'Добавить муниципальное образование', body: CreateOrganization, response: { 201: Organization, ...errors(400, 401, 403, 409) } },
  }, async (request, reply) => reply.status(201).send(await service.createOrganization(db(), contextOf(request), request.body)));

  app.patch('/api/organizations/:id', {
    schema: { tags, summary: 'Изменить или деактивировать организацию', params: IdParams, body: UpdateOrganization, response: { 200: Organization, ...errors(400, 401, 403, 404, 409, 422) } },
  }, async (request) => service.updateOrganization(db(), contextOf(request), request.params.id, request.body, app.services.clock.now()));
}
