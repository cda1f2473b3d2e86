// Departments (подразделения) of a municipal administration, to which appeals are assigned.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, Uuid } from '../../platform/http';
import * as service from './service';

const Department = Type.Object({ id: Uuid, name: Type.String(), municipality: Type.String(), active: Type.Boolean() });

export async function departmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const tags = ['departments'];

  app.get('/api/departments', {
    schema: { tags, summary: 'Подразделения администраций', querystring: Type.Object({ municipality: Type.Optional(Type.String({ maxLength: 60 })) }), response: { 200: Type.Object({ items: Type.Array(Department) }), ...errors(400, 401) } },
  }, async (request) => {
    return { items: await service.listDepartments(db(), requireActor(request), request.query.municipality) };
  });

  app.post('/api/departments', {
    schema: {
      tags, summary: 'Добавить подразделение (руководитель или администратор ЦУР)',
      body: Type.Object({ name: Type.String({ minLength: 2, maxLength: 200 }), municipality: Type.Optional(Type.String({ maxLength: 60 })) }, { additionalProperties: false }),
      response: { 201: Department, ...errors(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    return reply.status(201).send(await service.createDepartment(db(), contextOf(request), request.body));
  });
}
