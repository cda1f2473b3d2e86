import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams } from '../../platform/http';
import { CreateUser, UpdateUser, User, UserFilter, UserList, UserWithPassword } from './schema';
import * as service from './service';

export async function userRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const tags = ['users'];

  app.get('/api/users', {
    schema: { tags, summary: 'Пользователи (муниципалитет видит только своих)', querystring: UserFilter, response: { 200: UserList, ...errors(400, 401, 403) } },
  }, async (request) => ({ items: await service.listUsers(db(), requireActor(request), request.query) }));

  app.get('/api/users/:id', {
    schema: { tags, summary: 'Пользователь', params: IdParams, response: { 200: User, ...errors(400, 401, 404) } },
  }, async (request) => service.getUser(db(), requireActor(request), request.params.id));

  app.post('/api/users', {
    schema: { tags, summary: 'Создать пользователя (администратор ЦУР)', body: CreateUser, response: { 201: UserWithPassword, ...errors(400, 401, 403, 409, 422) } },
  }, async (request, reply) => reply.status(201).send(await service.createUser(db(), contextOf(request), request.body)));

  app.patch('/api/users/:id', {
    schema: { tags, summary: 'Изменить, деактивировать пользователя или сменить роль', params: IdParams, body: UpdateUser, response: { 200: User, ...errors(400, 401, 403, 404, 422) } },
  }, async (request) => service.updateUser(db(), contextOf(request), request.params.id, request.body, app.services.clock.now()));

  app.post('/api/users/:id/reset-password', {
    schema: { tags, summary: 'Сбросить пароль: выдаётся временный', params: IdParams, response: { 200: UserWithPassword, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.resetPassword(db(), contextOf(request), request.params.id, app.services.clock.now()));
}
