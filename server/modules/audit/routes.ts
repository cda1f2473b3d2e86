import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireActor } from '../../platform/auth';
import { download, errors } from '../../platform/http';
import { AuditExportQuery, AuditPage, AuditQuery } from './schema';
import { exportAudit, listAudit } from './service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  app.get('/api/audit', {
    schema: {
      tags: ['audit'], summary: 'Журнал аудита (администратор ЦУР): действия по-русски, объекты по номерам', querystring: AuditQuery,
      response: { 200: AuditPage, ...errors(400, 401, 403) },
    },
  }, async (request) => listAudit(db(), requireActor(request), request.query));

  app.get('/api/audit/export', {
    schema: {
      tags: ['audit'], summary: 'Выгрузка журнала аудита по тем же фильтрам в XLSX или CSV', querystring: AuditExportQuery,
      produces: ['text/csv', XLSX],
      response: { 200: download(['text/csv', XLSX], 'Журнал в CSV или XLSX'), ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    const stream = await exportAudit(db(), requireActor(request), request.query);
    const stamp = app.services.clock.now().toISOString().slice(0, 10);
    const csv = request.query.format === 'csv';
    reply.header('content-type', csv ? 'text/csv; charset=utf-8' : XLSX).header('content-disposition', `attachment; filename="audit-${stamp}.${csv ? 'csv' : 'xlsx'}"`);
    return reply.send(stream);
  });
}
