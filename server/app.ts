// buildApp(config) → a Fastify instance with every plugin and module; used by main and by tests.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyError, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config';
import type { Database } from './db';
import { AppError, FRAMEWORK_ERRORS, MULTIPART_ERRORS, tooManyRequests } from './platform/errors';
import { refuseForbiddenCharacters, translateValidation } from './platform/validation';
import { clientErrorOf } from './platform/db-errors';
import { loggerOptions, RequestLogController } from './platform/logging';
import { registerAuthentication } from './platform/auth';
import { systemClock, type Clock } from './platform/clock';
import { VERSION } from './version';
import { healthRoutes } from './modules/health/routes';
import { authRoutes } from './modules/auth/routes';
import { organizationRoutes } from './modules/organizations/routes';
import { mailboxRoutes } from './modules/mailboxes/routes';
import { userRoutes } from './modules/users/routes';
import { auditRoutes } from './modules/audit/routes';
import { notificationRoutes } from './modules/notifications/routes';
import { NotificationHub } from './platform/notifications';
import { appealRoutes } from './modules/appeals/routes';
import { publicAppealRoutes } from './modules/public/routes';
import { MAX_FILE_BYTES, MAX_FILES } from './platform/files';
import { JobScheduler, markCleanupJob } from './platform/jobs';
import { allowInternalAddresses } from './platform/outbound';
import { mailJob } from './platform/mail';
import { DEADLINE_JOB, deadlineJob, deadlineMarkCleanup } from './modules/appeals/escalation';
import { mailIntakeJob } from './modules/mailboxes/service';
import { departmentRoutes } from './modules/departments/routes';
import { topicRoutes } from './modules/topics/routes';
import { settingsRoutes } from './modules/settings/routes';
import { riskRoutes } from './modules/risks/routes';
import { publicRefutationRoutes } from './modules/risks/public';
import { riskClockJob, riskClockMarkCleanup } from './modules/risks/escalation';
import { contactRoutes } from './modules/contacts/routes';
import { requestRoutes } from './modules/requests/routes';
import { requestMarkCleanup, requestReminderJob } from './modules/requests/service';
import { recommendationRoutes } from './modules/recommendations/routes';
import { recommendationMarkCleanup, recommendationReminderJob } from './modules/recommendations/service';
import { practiceRoutes } from './modules/practices/routes';
import { trainingRoutes } from './modules/trainings/routes';
import { reportRoutes } from './modules/reports/routes';
import { textRoutes } from './modules/text/routes';
import { topicModelJob } from './modules/text/service';
import { clusterRoutes } from './modules/clusters/routes';
import { reportMarkCleanup, reportReminderJob } from './modules/reports/service';
import { importRoutes } from './modules/imports/routes';
import { open311Routes } from './modules/open311/routes';
import { analyticsRoutes } from './modules/analytics/routes';
import { monitoringRoutes } from './modules/monitoring/routes';
import { monitoringJob } from './modules/monitoring/service';
import { officialPageRoutes } from './modules/official-pages/routes';
import { officialPagesJob } from './modules/official-pages/service';
import { roadmapRoutes } from './modules/roadmaps/routes';
import { informingRoutes } from './modules/informing/routes';
import { pollRoutes } from './modules/polls/routes';
import { todayRoutes } from './modules/today/routes';
import { webhookRoutes } from './modules/webhooks/routes';
import { webhookJob } from './platform/webhooks';

export const WEB_DIST = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'dist', 'web');

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  /** Pino logger options or false to silence (tests). */
  logger?: boolean | object;
  /** Start the background jobs (the server does; tests run them by hand). */
  startJobs?: boolean;
}

export interface Services {
  config: Config;
  database: Database;
  clock: Clock;
  jobs: JobScheduler;
  /** Wakes this instance's open notification streams on notifications stored by any instance. */
  notifications: NotificationHub;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export type App = FastifyInstance;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  allowInternalAddresses(config.outboundPrivate);
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(config.logLevel),
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: config.trustProxy,
    // One Russian line per API request; static files of the web app only at debug level.
    logController: new RequestLogController(),
    bodyLimit: 1024 * 1024,
    // A URL the router cannot read (broken percent-encoding, an over-long parameter) gets the same error body.
    frameworkErrors: (error, request, reply) => {
      const known = FRAMEWORK_ERRORS[error.code];
      const status = known?.status ?? (error.statusCode && error.statusCode < 500 ? error.statusCode : 400);
      void (reply as FastifyReply).status(status).send({ code: known?.code ?? 'bad_request', message: known?.message ?? 'Неверный запрос', requestId: request.id });
    },
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const db = database.db;
  const jobs = new JobScheduler(db, clock, app.log, [deadlineJob(db), riskClockJob(db, { publicBaseUrl: config.publicBaseUrl }), requestReminderJob(db), recommendationReminderJob(db), reportReminderJob(db), mailJob(db, config, app.log), webhookJob(db, app.log), topicModelJob(db, app.log), mailIntakeJob(db, config, app.log), monitoringJob(db), officialPagesJob(db),
    markCleanupJob({ [DEADLINE_JOB]: deadlineMarkCleanup(db), 'risk-clocks': riskClockMarkCleanup(db), 'request-reminders': requestMarkCleanup(db), 'recommendation-reminders': recommendationMarkCleanup(db), 'report-reminders': reportMarkCleanup(db) })]);
  const notifications = await NotificationHub.start(database);
  app.decorate('services', { config, database, clock, jobs, notifications });
  app.addHook('onClose', async () => { await jobs.stop(); await notifications.close(); });

  // A change sent without a body is checked as an empty object: missing fields get their own messages.
  // Control characters are refused here for every string of every route, before its schema and handler.
  app.addHook('preValidation', async (request) => {
    if (request.body == null && ['POST', 'PUT', 'PATCH'].includes(request.method) && !request.isMultipart?.()) request.body = {};
    refuseForbiddenCharacters(request.params, request.query, request.isMultipart?.() ? undefined : request.body);
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return reply.status(error.status).send({ code: error.code, message: error.message, requestId: request.id, details: error.details });
    }
    if (error.validation) {
      const details = translateValidation(error.validation);
      return reply.status(400).send({ code: 'validation_failed', message: 'Проверьте правильность заполнения полей', requestId: request.id, details });
    }
    const mapped = clientErrorOf(error);
    if (mapped) {
      request.log.warn({ err: error }, 'запрос отклонён базой данных');
      return reply.status(mapped.status).send({ code: mapped.code, message: mapped.message, requestId: request.id });
    }
    const known = error.code ? FRAMEWORK_ERRORS[error.code] ?? MULTIPART_ERRORS[error.code] : undefined;
    if (known && known.status < 500) {
      return reply.status(known.status).send({ code: known.code, message: known.message, requestId: request.id });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ code: 'rate_limited', message: 'Слишком много запросов. Повторите попытку позже', requestId: request.id });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: 'bad_request', message: 'Неверный запрос', requestId: request.id });
    }
    request.log.error({ err: error }, 'необработанная ошибка');
    return reply.status(500).send({ code: 'internal_error', message: 'Внутренняя ошибка сервера. Сообщите администратору код запроса', requestId: request.id });
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api' || !fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
      return reply.status(404).send({ code: 'route_not_found', message: 'Такого адреса нет', requestId: request.id });
    }
    // Every other path belongs to the single-page app, which shows its own «страница не найдена».
    return reply.type('text/html').sendFile('index.html');
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.cookieSecure,
  });
  await app.register(rateLimit, { global: false, max: 100, timeWindow: 60_000, errorResponseBuilder: (_request, context) => tooManyRequests(Math.ceil(context.ttl / 1000)) });
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 30, parts: 40, fieldSize: 100_000 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Отклик API', version: VERSION, description: 'API платформы «Отклик»: обращения граждан, информационные риски и отчётность ЦУР и администраций.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'otklik_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  registerAuthentication(app, database.db, clock);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(organizationRoutes);
  await app.register(mailboxRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(notificationRoutes);
  await app.register(appealRoutes);
  await app.register(todayRoutes);
  await app.register(publicAppealRoutes);
  await app.register(departmentRoutes);
  await app.register(topicRoutes);
  await app.register(settingsRoutes);
  await app.register(riskRoutes);
  await app.register(publicRefutationRoutes);
  await app.register(contactRoutes);
  await app.register(requestRoutes);
  await app.register(recommendationRoutes);
  await app.register(practiceRoutes);
  await app.register(trainingRoutes);
  await app.register(analyticsRoutes);
  await app.register(reportRoutes);
  await app.register(textRoutes);
  await app.register(clusterRoutes);
  await app.register(importRoutes);
  await app.register(open311Routes);
  await app.register(monitoringRoutes);
  await app.register(officialPageRoutes);
  await app.register(roadmapRoutes);
  await app.register(informingRoutes);
  await app.register(pollRoutes);
  await app.register(webhookRoutes);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (deps.startJobs) app.addHook('onReady', async () => jobs.start());

  if (fs.existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  return app;
}
