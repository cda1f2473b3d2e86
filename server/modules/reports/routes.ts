import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, requireActor } from '../../platform/auth';
import { download, errors, IdParams } from '../../platform/http';
import type { Quarter } from '../../../domain/reports/quarters';
import * as service from './service';
import { reportPdf, reportXlsx } from './export';
import { stepBody } from '../../platform/payloads';
import { MatrixQuery, OpenReport, Report, ReportActionBody, ReportActionParams, ReportAnyStepBody, ReportExportParams, ReportMatrix, UpdateReport } from './schema';

const actionBody = stepBody<ReportActionBody>(ReportAnyStepBody);

export async function reportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const now = () => app.services.clock.now();
  const tags = ['reports'];

  app.get('/api/reports', {
    schema: { tags, summary: 'Квартальные отчёты: матрица «муниципалитеты × кварталы» за год', querystring: MatrixQuery, response: { 200: ReportMatrix, ...errors(400, 401) } },
  }, async (request) => {
    const m = await service.matrix(db(), requireActor(request), request.query.year, now());
    const rows = request.query.municipality ? m.rows.filter((r) => r.municipality === request.query.municipality) : m.rows;
    return { ...m, rows: request.query.quarter ? rows.map((r) => ({ ...r, cells: r.cells.filter((c) => c.quarter === request.query.quarter) })) : rows };
  });

  app.post('/api/reports', {
    schema: { tags, summary: 'Открыть отчёт администрации за квартал (черновик создаётся при первом обращении)', body: OpenReport, response: { 200: Report, 201: Report, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const { report, created } = await service.openReport(db(), contextOf(request), { ...request.body, quarter: request.body.quarter as Quarter }, now());
    return reply.status(created ? 201 : 200).send(report);
  });

  app.get('/api/reports/:id', {
    schema: { tags, summary: 'Отчёт: цифры из реестра (каждая со ссылкой на отфильтрованный реестр), аналитика, подписи', params: IdParams, response: { 200: Report, ...errors(400, 401, 404) } },
  }, async (request) => service.getReport(db(), requireActor(request), request.params.id, now()));

  app.patch('/api/reports/:id', {
    schema: { tags, summary: 'Аналитическая часть: основные проблемы, принятые меры, предложения', params: IdParams, body: UpdateReport, response: { 200: Report, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => service.updateAnalytics(db(), contextOf(request), request.params.id, request.body.analytics, now()));

  app.post('/api/reports/:id/actions/:action', {
    schema: {
      tags, summary: 'sign (руководитель), submit (направить в ЦУР), accept / return (ЦУР, с замечаниями)',
      params: ReportActionParams,
      body: ReportActionBody,
      response: { 200: Report, ...errors(400, 401, 403, 404, 409) },
    },
    ...actionBody.options,
  }, async (request) => service.act(db(), contextOf(request), request.params.id, request.params.action, actionBody.read(request) ?? {}, now()));

  app.get('/api/reports/:id/export.:format', {
    schema: { tags, summary: 'Отчёт в XLSX (лист на раздел, итоги формулами) или PDF', params: ReportExportParams, response: { 200: download(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'], 'Файл отчёта'), ...errors(400, 401, 404) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const view = await service.getReport(db(), actor, request.params.id, now());
    const name = `Отчёт ${view.municipality} ${view.year}-Q${view.quarter}.${request.params.format}`;
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    if (request.params.format === 'xlsx') {
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await reportXlsx(view));
    }
    return reply.type('application/pdf').send(await reportPdf(view, await service.signatoryOf(db(), view)));
  });
}
