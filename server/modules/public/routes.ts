// The citizen's side, without an account: the e-reception form, the status page and the rating.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { errors } from '../../platform/http';
import { AppError, validationFailed } from '../../platform/errors';
import { translateValidation } from '../../platform/validation';
import { readMultipart } from '../../platform/multipart';
import type { CheckedFile } from '../../platform/files';
import * as service from './service';

const PublicAppealBody = Type.Object({
  municipality: Type.String({ minLength: 1, maxLength: 60 }),
  surname: Type.String({ minLength: 1, maxLength: 100 }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  patronymic: Type.Optional(Type.String({ maxLength: 100 })),
  email: Type.Optional(Type.String({ maxLength: 200 })),
  postalAddress: Type.Optional(Type.String({ maxLength: 500 })),
  phone: Type.Optional(Type.String({ maxLength: 30 })),
  text: Type.String({ minLength: 10, maxLength: 20000 }),
  address: Type.Optional(Type.String({ maxLength: 500 })),
  consent: Type.Boolean(),
  /** Honeypot: hidden from people, filled in by bots. */
  website: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export type PublicAppealBody = Static<typeof PublicAppealBody>;

const Deadlines = Type.Object({ register: Type.String(), forward: Type.Union([Type.String(), Type.Null()]), answer: Type.String() });
const PublicStatus = Type.Object({
  number: Type.String(),
  municipality: Type.String(),
  municipalityName: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  receivedAt: Type.String(),
  registeredAt: Type.Union([Type.String(), Type.Null()]),
  deadlines: Deadlines,
  overdue: Type.Boolean(),
  answer: Type.Union([Type.Null(), Type.Object({ text: Type.String(), result: Type.Union([Type.String(), Type.Null()]), resultLabel: Type.Union([Type.String(), Type.Null()]), answeredAt: Type.Union([Type.String(), Type.Null()]) })]),
  forwardedTo: Type.Union([Type.String(), Type.Null()]),
  rating: Type.Union([Type.Null(), Type.Object({ score: Type.Integer(), comment: Type.Union([Type.String(), Type.Null()]) })]),
  canRate: Type.Boolean(),
});

export async function publicAppealRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['public'];

  app.get('/api/public/municipalities', {
    schema: { tags, summary: 'Муниципальные образования, принимающие обращения', response: { 200: Type.Object({ items: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), shortName: Type.String() })) }) } },
  }, async () => ({ items: await service.municipalities(db()) }));

  app.post('/api/public/appeals', {
    config: { rateLimit: { max: app.services.config.publicAppealsPerHour, timeWindow: 3600_000 } },
    schema: {
      tags,
      summary: 'Электронная приёмная: отправить обращение (JSON или multipart с файлами)',
      description: 'До 5 файлов по 10 МБ: PDF, JPG, PNG, DOCX. Ответ содержит номер и код для проверки статуса.',
      body: { content: { 'application/json': { schema: PublicAppealBody }, 'multipart/form-data': { schema: Type.Any() } } },
      response: { 201: Type.Object({ number: Type.String(), trackingCode: Type.String() }), ...errors(400, 404, 413, 422, 429) },
    },
  }, async (request, reply) => {
    let body: unknown = request.body;
    let files: CheckedFile[] = [];
    if (request.isMultipart()) {
      const parts = await readMultipart(request);
      files = parts.files;
      body = { ...parts.fields, consent: ['true', '1', 'on', 'yes'].includes(String(parts.fields.consent ?? '').toLowerCase()) };
      for (const key of Object.keys(body as object)) if ((body as Record<string, unknown>)[key] === '') delete (body as Record<string, unknown>)[key];
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
      tags, summary: 'Статус обращения по номеру и коду', params: Type.Object({ number: Type.String({ maxLength: 40 }) }),
      querystring: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }),
      response: { 200: PublicStatus, ...errors(400, 404, 429) },
    },
    config: { rateLimit: { max: 60, timeWindow: 60_000 } },
  }, async (request) => service.status(db(), request.params.number, request.query.code, now()));

  app.post('/api/public/appeals/:number/rating', {
    config: { rateLimit: { max: 20, timeWindow: 60_000 } },
    schema: {
      tags, summary: 'Оценка ответа заявителем (1–5); 1–2 возобновляет обращение',
      params: Type.Object({ number: Type.String({ maxLength: 40 }) }),
      body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }), score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
      response: { 200: PublicStatus, ...errors(400, 404, 409, 429) },
    },
  }, async (request) => service.rate(db(), request.params.number, request.body, now()));
}
