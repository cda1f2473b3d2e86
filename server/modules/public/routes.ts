// The citizen's side, without an account: the e-reception form, the status page and the rating.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errors, MultipartForm } from '../../platform/http';
import { AppError, validationFailed } from '../../platform/errors';
import { translateValidation } from '../../platform/validation';
import { readMultipart } from '../../platform/multipart';
import type { CheckedFile } from '../../platform/files';
import { NumberParams, PublicAppealBody, PublicMunicipalities, PublicStatus, RatingBody, StatusQuery, SubmittedAppeal } from './schema';
import * as service from './service';

/** A form field holding JSON, or the text itself when it is not JSON (the validator then names the field). */
function parseJsonField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export async function publicAppealRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['public'];

  app.get('/api/public/municipalities', {
    schema: { tags, summary: 'Муниципальные образования, принимающие обращения', response: { 200: PublicMunicipalities } },
  }, async () => ({ items: await service.municipalities(db()) }));

  app.post('/api/public/appeals', {
    config: { rateLimit: { max: app.services.config.publicAppealsPerHour, timeWindow: 3600_000 } },
    schema: {
      tags,
      summary: 'Электронная приёмная: отправить обращение (JSON или multipart с файлами)',
      description: 'До 5 файлов по 10 МБ: PDF, JPG, PNG, DOCX. Ответ содержит номер и код для проверки статуса.',
      body: { content: { 'application/json': { schema: PublicAppealBody }, 'multipart/form-data': { schema: MultipartForm } } },
      response: { 201: SubmittedAppeal, ...errors(400, 404, 413, 422, 429) },
    },
  }, async (request, reply) => {
    let body: unknown = request.body;
    let files: CheckedFile[] = [];
    if (request.isMultipart()) {
      const parts = await readMultipart(request);
      files = parts.files;
      body = { ...parts.fields, consent: ['true', '1', 'on', 'yes'].includes(String(parts.fields.consent ?? '').toLowerCase()) };
      for (const key of Object.keys(body as object)) if ((body as Record<string, unknown>)[key] === '') delete (body as Record<string, unknown>)[key];
      // The signatories of a collective appeal come in a form as one JSON field.
      const fields = body as Record<string, unknown>;
      if (typeof fields.signers === 'string') fields.signers = parseJsonField(fields.signers);
    }
    // Fastify checks the schema of a JSON body only; a form, or a body sent as text or with no type, is checked
    // here by the same validator, so that every way of sending gets the same messages per field.
    const validate = request.compileValidationSchema(PublicAppealBody);
    if (!validate(body)) throw validationFailed(translateValidation(validate.errors ?? []));
    const input = body as PublicAppealBody;
    if (input.website) throw new AppError(422, 'rejected_as_spam', 'Обращение отклонено автоматической защитой от спама. Обновите страницу и отправьте его ещё раз');
    const result = await service.submit(db(), input, files, now(), app.services.config.publicBaseUrl);
    return reply.status(201).send(result);
  });

  app.get('/api/public/appeals/:number', {
    schema: {
      tags, summary: 'Статус обращения по номеру и коду', params: NumberParams,
      querystring: StatusQuery,
      response: { 200: PublicStatus, ...errors(400, 404, 429) },
    },
    config: { rateLimit: { max: 60, timeWindow: 60_000 } },
  }, async (request) => service.status(db(), request.params.number, request.query.code, now()));

  app.post('/api/public/appeals/:number/rating', {
    config: { rateLimit: { max: 20, timeWindow: 60_000 } },
    schema: {
      tags, summary: 'Оценка ответа заявителем (1–5); 1–2 возобновляет обращение',
      params: NumberParams,
      body: RatingBody,
      response: { 200: PublicStatus, ...errors(400, 404, 409, 429) },
    },
  }, async (request) => service.rate(db(), request.params.number, request.body, now()));
}
