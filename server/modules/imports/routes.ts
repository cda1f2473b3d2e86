import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { isImportSource } from '../../../domain/imports/columns';
import { contextOf, requireActor } from '../../platform/auth';
import { download, errors, IdParams } from '../../platform/http';
import { readDataUpload } from '../../platform/multipart';
import { AppError, validationFailed } from '../../platform/errors';
import { sendDownload } from '../../platform/files';
import { CategoryMap, CategoryMapBody, ImportRun, ImportRunList, SourceParams } from './schema';
import * as service from './service';

export async function importRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['imports'];
  /** Imports still writing their rows; the server waits for them when it stops. */
  const pending = new Set<Promise<unknown>>();
  app.addHook('onClose', async () => { await Promise.allSettled([...pending]); });

  app.post('/api/imports', {
    schema: {
      tags, summary: 'Загрузить выгрузку ПОС или Инцидент-менеджмента (multipart: file, source, municipality, dryRun)',
      description: 'Файл CSV или XLSX читается сразу (неверный файл — 400, ничего не записано); строки записываются в фоне, ход виден в GET /api/imports/{id}.',
      consumes: ['multipart/form-data'],
      response: { 202: ImportRun, ...errors(400, 401, 403, 404, 413) },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const { fields, file } = await readDataUpload(request);
    const source = fields.source ?? '';
    const problems = [];
    if (!isImportSource(source)) problems.push({ field: 'source', message: 'Укажите, чья это выгрузка: pos или incidents' });
    if (!file) problems.push({ field: 'file', message: 'Приложите файл выгрузки CSV или XLSX' });
    if (problems.length) throw validationFailed(problems);
    if (!file || !isImportSource(source)) throw new AppError(400, 'validation_failed');
    const started = await service.startImport(db(), ctx, {
      source, municipality: fields.municipality?.trim() || undefined, dryRun: ['true', '1', 'on'].includes((fields.dryRun ?? '').toLowerCase()),
      filename: file.filename, content: file.content,
    }, now());
    const job = service.completeImport(db(), ctx, started, now).catch((error) => request.log.error({ err: error }, 'загрузка выгрузки прервалась'));
    pending.add(job);
    void job.finally(() => pending.delete(job));
    return reply.status(202).send(await service.presentRun(db(), started.run.id));
  });

  app.get('/api/imports', {
    schema: { tags, summary: 'Последние загрузки (муниципалитет видит свои)', response: { 200: ImportRunList, ...errors(401) } },
  }, async (request) => ({ items: await service.listRuns(db(), requireActor(request)) }));

  app.get('/api/imports/:id', {
    schema: { tags, summary: 'Загрузка: ход и итог', params: IdParams, response: { 200: ImportRun, ...errors(400, 401, 404) } },
  }, async (request) => service.getRun(db(), requireActor(request), request.params.id));

  app.get('/api/imports/:id/rejections.csv', {
    schema: { tags, summary: 'Отклонённые строки: строка, столбец, проблема, значение (CSV)', params: IdParams, response: { 200: download(['text/csv'], 'CSV для Excel', 'text'), ...errors(400, 401, 404) } },
  }, async (request, reply) => {
    const file = await service.rejectionsOf(db(), requireActor(request), request.params.id);
    return sendDownload(reply, { filename: file.filename, contentType: 'text/csv; charset=utf-8', content: file.content });
  });

  app.get('/api/import-categories/:source', {
    schema: { tags, summary: 'Таблица соответствия категорий выгрузки темам классификатора', params: SourceParams, response: { 200: CategoryMap, ...errors(400, 401) } },
  }, async (request) => {
    requireActor(request);
    return service.getCategoryMap(db(), request.params.source);
  });

  app.put('/api/import-categories/:source', {
    schema: { tags, summary: 'Заменить таблицу соответствия категорий темам (администратор ЦУР)', params: SourceParams, body: CategoryMapBody, response: { 200: CategoryMap, ...errors(400, 401, 403) } },
  }, async (request) => service.replaceCategoryMap(db(), contextOf(request), request.params.source, request.body, now()));
}


