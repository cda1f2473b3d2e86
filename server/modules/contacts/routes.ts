import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { stringify } from 'csv-stringify/sync';
import { contextOf, requireActor } from '../../platform/auth';
import { DateTime, errors, IdParams, Uuid } from '../../platform/http';
import * as service from './service';

const Contact = Type.Object({
  id: Uuid, municipality: Type.String(), municipalityName: Type.String(), userId: Type.Union([Uuid, Type.Null()]), fullName: Type.String(),
  position: Type.String(), email: Type.String(), phone: Type.String(), active: Type.Boolean(), updatedAt: DateTime,
}, { title: 'Контактное лицо' });
const fields = {
  fullName: Type.String({ minLength: 3, maxLength: 200 }),
  position: Type.String({ minLength: 2, maxLength: 300 }),
  email: Type.String({ format: 'email', maxLength: 200 }),
  phone: Type.String({ pattern: '^[+0-9 ()-]{5,30}$' }),
};
const Filter = Type.Object({ municipality: Type.Optional(Type.String({ maxLength: 60 })), q: Type.Optional(Type.String({ maxLength: 100 })), active: Type.Optional(Type.Boolean()) });

export async function contactRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['contacts'];

  app.get('/api/contacts', {
    schema: { tags, summary: 'Справочник контактных лиц администраций (ЦУР видит все)', querystring: Filter, response: { 200: Type.Object({ items: Type.Array(Contact) }), ...errors(400, 401) } },
  }, async (request) => ({ items: await service.listContacts(db(), requireActor(request), request.query) }));

  app.get('/api/contacts/export', {
    schema: { tags, summary: 'Выгрузка справочника в CSV', querystring: Filter, produces: ['text/csv'] },
  }, async (request, reply) => {
    const items = await service.listContacts(db(), requireActor(request), request.query);
    const csv = stringify(items.map((c) => [c.municipalityName, c.fullName, c.position, c.email, c.phone, c.active ? 'да' : 'нет']), {
      header: true, columns: ['Муниципалитет', 'ФИО', 'Должность', 'E-mail', 'Телефон', 'Действует'], delimiter: ';', bom: true,
    });
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="contacts.csv"').send(csv);
  });

  app.get('/api/contacts/history', {
    schema: { tags, summary: 'История изменений контактных лиц', querystring: Type.Object({ municipality: Type.Optional(Type.String({ maxLength: 60 })) }) },
  }, async (request) => ({ items: await service.history(db(), requireActor(request), request.query.municipality) }));

  app.post('/api/contacts', {
    schema: {
      tags, summary: 'Добавить контактное лицо (ЦУР узнаёт сразу)',
      body: Type.Object({ municipality: Type.Optional(Type.String({ maxLength: 60 })), userId: Type.Optional(Type.Union([Uuid, Type.Null()])), ...fields }, { additionalProperties: false }),
      response: { 201: Contact, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => reply.status(201).send(await service.createContact(db(), contextOf(request), request.body, now())));

  app.patch('/api/contacts/:id', {
    schema: {
      tags, summary: 'Изменить или снять контактное лицо (ЦУР узнаёт сразу)', params: IdParams,
      body: Type.Object({
        userId: Type.Optional(Type.Union([Uuid, Type.Null()])), fullName: Type.Optional(fields.fullName), position: Type.Optional(fields.position),
        email: Type.Optional(fields.email), phone: Type.Optional(fields.phone), active: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: Contact, ...errors(400, 401, 403, 404, 422) },
    },
  }, async (request) => service.updateContact(db(), contextOf(request), request.params.id, request.body, now()));
}
