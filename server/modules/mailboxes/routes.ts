import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { errors, IdParams } from '../../platform/http';
import { Mailbox, SaveMailbox } from './schema';
import * as service from './service';

export async function mailboxRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const tags = ['organizations'];

  app.get('/api/organizations/:id/mailbox', {
    schema: { tags, summary: 'Почтовый ящик администрации для приёма обращений по электронной почте (пароль не возвращается)', params: IdParams, response: { 200: Mailbox, ...errors(400, 401, 403, 404) } },
  }, async (request) => service.getMailbox(db(), requireActor(request), request.params.id));

  app.put('/api/organizations/:id/mailbox', {
    schema: { tags, summary: 'Настроить почтовый ящик администрации (IMAP)', params: IdParams, body: SaveMailbox, response: { 200: Mailbox, ...errors(400, 401, 403, 404, 422) } },
  }, async (request) => service.saveMailbox(db(), contextOf(request), request.params.id, request.body, app.services.config, app.services.clock.now()));

  app.delete('/api/organizations/:id/mailbox', {
    schema: { tags, summary: 'Отключить приём писем: удалить настройки почтового ящика', params: IdParams, response: { 204: Type.Null(), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await service.deleteMailbox(db(), contextOf(request), request.params.id);
    return reply.status(204).send(null);
  });
}
