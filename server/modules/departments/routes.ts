// Departments (подразделения) of a municipal administration, to which appeals are assigned.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors } from '../../platform/http';
import { CreateDepartment, Department, DepartmentList, DepartmentQuery, GroupRouteList, SetGroupRoute, UpdateDepartment } from './schema';
import { IdParams } from '../../platform/http';
import * as service from './service';

export async function departmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const tags = ['departments'];

  app.get('/api/departments', {
    schema: { tags, summary: 'Подразделения администраций', querystring: DepartmentQuery, response: { 200: DepartmentList, ...errors(400, 401) } },
  }, async (request) => {
    return { items: await service.listDepartments(db(), requireActor(request), request.query.municipality) };
  });

  app.post('/api/departments', {
    schema: {
      tags, summary: 'Добавить подразделение (руководитель или администратор ЦУР)',
      body: CreateDepartment,
      response: { 201: Department, ...errors(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    return reply.status(201).send(await service.createDepartment(db(), contextOf(request), request.body));
  });

  app.patch('/api/departments/:id', {
    schema: {
      tags, summary: 'Переименовать подразделение или вывести его из работы (руководитель или администратор ЦУР)',
      params: IdParams, body: UpdateDepartment, response: { 200: Department, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => service.updateDepartment(db(), contextOf(request), request.params.id, request.body));

  app.get('/api/departments/groups', {
    schema: {
      tags, summary: 'Куда муниципалитет направляет обращения каждой оперативной группы',
      description: 'Подразделение группы — заданное руководителем, иначе то, которому чаще всего назначали обращения группы. Его предлагают подсказки темы и диалог назначения.',
      querystring: DepartmentQuery, response: { 200: GroupRouteList, ...errors(400, 401, 404) },
    },
  }, async (request) => service.listGroupRoutes(db(), requireActor(request), request.query.municipality));

  app.put('/api/departments/groups', {
    schema: {
      tags, summary: 'Задать подразделение оперативной группы (руководитель или администратор ЦУР)',
      body: SetGroupRoute, response: { 200: GroupRouteList, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => service.setGroupRoute(db(), contextOf(request), request.body, app.services.clock.now()));
}
