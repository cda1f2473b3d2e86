import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireActor } from '../../platform/auth';
import { authorize } from '../../platform/policy';
import { errors } from '../../platform/http';
import { AuditPage, AuditQuery } from './schema';
import { findAuditEntries } from './repository';

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/audit', {
    schema: {
      tags: ['audit'], summary: 'Журнал аудита (администратор ЦУР)', querystring: AuditQuery,
      response: { 200: AuditPage, ...errors(400, 401, 403) },
    },
  }, async (request) => {
    authorize(requireActor(request), 'audit.read');
    const q = request.query;
    const limit = q.limit ?? 100;
    const rows = await findAuditEntries(app.services.database.db, q, limit);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
      nextCursor: rows.length > limit ? page[page.length - 1].id : null,
    };
  });
}
