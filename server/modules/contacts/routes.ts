import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { stringify } from 'csv-stringify/sync';
import { contextOf, requireActor } from '../../platform/auth';
import { download, errors, IdParams } from '../../platform/http';
import { Contact, ContactFilter, ContactHistory, ContactHistoryQuery, ContactList, CreateContact, UpdateContact } from './schema';
import * as service from './service';

export async function contactRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['contacts'];

  app.get('/api/contacts', {
    schema: { tags, summary: 'Справочник контактных лиц администраций (ЦУР видит все)', querystring: ContactFilter, response: { 200: ContactList, ...errors(400, 401) } },
  }, async (request) => ({ items: await service.listContacts(db(), requireActor(request), request.query) }));

  app.get('/api/contacts/export', {
    schema: { tags, summary: 'Выгрузка справочника в CSV', querystring: ContactFilter, produces: ['text/csv'], response: { 200: download(['text/csv'], 'Справочник в CSV (UTF-8 с BOM, разделитель «;»)', 'text'), ...errors(400, 401) } },
  }, async (request, reply) => {
    const items = await service.listContacts(db(), requireActor(request), request.query);
    const csv = stringify(items.map((c) => [c.municipalityName, c.fullName, c.position, c.email, c.phone, c.active ? 'да' : 'нет']), {
      header: true, columns: ['Муниципалитет', 'ФИО', 'Должность', 'E-mail', 'Телефон', 'Действует'], delimiter: ';', bom: true,
    });
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="contacts.csv"').send(csv);
  });

  app.get('/api/contacts/history', {
    schema: { tags, summary: 'История изменений контактных лиц', querystring: ContactHistoryQuery, response: { 200: ContactHistory, ...errors(400, 401) } },
  }, async (request) => ({ items: await service.history(db(), requireActor(request), request.query.municipality) }));

  app.post('/api/contacts', {
    schema: {
      tags, summary: 'Добавить контактное лицо (ЦУР узнаёт сразу)',
      body: CreateContact,
      response: { 201: Contact, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => reply.status(201).send(await service.createContact(db(), contextOf(request), request.body, now())));

  app.patch('/api/contacts/:id', {
    schema: {
      tags, summary: 'Изменить или снять контактное лицо (ЦУР узнаёт сразу)', params: IdParams,
      body: UpdateContact,
      response: { 200: Contact, ...errors(400, 401, 403, 404, 422) },
    },
  }, async (request) => service.updateContact(db(), contextOf(request), request.params.id, request.body, now()));
}
