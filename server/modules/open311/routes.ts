// Open311 GeoReport v2 under /open311/v2 (its own error format: a list of {code, description}), and the
// ЦУР administrator's routes for the client keys under /api/open311/keys.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { errors, IdParams } from '../../platform/http';
import { IssuedKey, IssueKeyBody, Open311Key } from './schema';
import * as service from './service';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function toXml(root: string, item: string, rows: Record<string, unknown>[]): string {
  const body = rows.map((row) => `<${item}>${Object.entries(row).map(([k, v]) => `<${k}>${v === null || v === undefined ? '' : xmlEscape(String(v))}</${k}>`).join('')}</${item}>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${body}</${root}>`;
}

function sendErrors(reply: FastifyReply, status: number, description: string, xml: boolean) {
  const list = [{ code: status, description }];
  if (xml) return reply.status(status).type('text/xml; charset=utf-8').send(toXml('errors', 'error', list));
  return reply.status(status).type('application/json; charset=utf-8').send(list);
}

export async function open311Routes(fastify: FastifyInstance): Promise<void> {
  const db = () => fastify.services.database.db;
  const now = () => fastify.services.clock.now();

  // The standard's clients post form fields.
  await fastify.register(async (geo) => {
    geo.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    geo.setNotFoundHandler((request, reply) => sendErrors(reply, 404, 'Такого адреса нет', request.url.includes('.xml')));
    geo.setErrorHandler((error: FastifyError, request, reply) => {
      const xml = request.url.split('?')[0].endsWith('.xml');
      if (error instanceof AppError) {
        return sendErrors(reply, error.status, error.details?.length ? error.details.map((d) => d.message).join('; ') : error.message, xml);
      }
      if (error.validation) return sendErrors(reply, 400, 'Неверные параметры запроса', xml);
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return sendErrors(reply, error.statusCode, error.statusCode === 429 ? 'Слишком много запросов. Повторите позже' : 'Неверный запрос', xml);
      request.log.error({ err: error }, 'ошибка Open311');
      return sendErrors(reply, 500, 'Внутренняя ошибка сервера', xml);
    });

    const Query = Type.Object({ jurisdiction_id: Type.Optional(Type.String({ maxLength: 60 })) }, { additionalProperties: true });
    const ListQuery = Type.Object({
      jurisdiction_id: Type.Optional(Type.String({ maxLength: 60 })), api_key: Type.Optional(Type.String({ maxLength: 200 })),
      service_request_id: Type.Optional(Type.String({ maxLength: 2000 })), service_code: Type.Optional(Type.String({ maxLength: 2000 })),
      start_date: Type.Optional(Type.String({ maxLength: 40 })), end_date: Type.Optional(Type.String({ maxLength: 40 })), status: Type.Optional(Type.String({ maxLength: 20 })),
    }, { additionalProperties: true });
    const hide = { hide: true };

    geo.get('/services.json', { schema: { ...hide, querystring: Query } }, async (request) =>
      service.listServices(db(), (request.query as { jurisdiction_id?: string }).jurisdiction_id));

    geo.get('/services.xml', { schema: { ...hide, querystring: Query } }, async (request, reply) => {
      const services = await service.listServices(db(), (request.query as { jurisdiction_id?: string }).jurisdiction_id);
      return reply.type('text/xml; charset=utf-8').send(toXml('services', 'service', services));
    });

    geo.post('/requests.json', {
      schema: { ...hide, querystring: Query },
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
    }, async (request, reply) => {
      const body = { ...(request.query as object), ...((request.body && typeof request.body === 'object') ? request.body as object : {}) } as Record<string, unknown>;
      const strings = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]));
      const result = await service.postRequest(db(), strings, now());
      return reply.status(result.created ? 201 : 200).send(result.response);
    });

    geo.get('/requests.json', { schema: { ...hide, querystring: ListQuery } }, async (request) =>
      service.listRequests(db(), request.query as service.ListQuery, now()));

    geo.get('/requests/:id.json', { schema: { ...hide, querystring: ListQuery } }, async (request) =>
      service.getRequest(db(), request.query as service.ListQuery, (request.params as { id: string }).id, now()));
  }, { prefix: '/open311/v2' });

  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['open311'];

  app.get('/api/open311/keys', {
    schema: { tags, summary: 'Ключи клиентов Open311 (администратор ЦУР)', response: { 200: Type.Object({ items: Type.Array(Open311Key) }), ...errors(401, 403) } },
  }, async (request) => ({ items: await service.listKeys(db(), contextOf(request)) }));

  app.post('/api/open311/keys', {
    schema: {
      tags, summary: 'Выдать ключ Open311 муниципальному образованию; ключ показывается один раз',
      body: IssueKeyBody,
      response: { 201: IssuedKey, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => reply.status(201).send(await service.issueKey(db(), contextOf(request), request.body, now())));

  app.delete('/api/open311/keys/:id', {
    schema: { tags, summary: 'Отозвать ключ Open311', params: IdParams, response: { 204: Type.Null(), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await service.revokeKey(db(), contextOf(request), request.params.id, now());
    return reply.status(204).send(null);
  });
}
