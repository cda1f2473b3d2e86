import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { requireActor } from '../../platform/auth';
import { authorize } from '../../platform/policy';
import { errors } from '../../platform/http';
import { AuditPage, AuditQuery } from './schema';

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
    const conditions = [
      q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
      q.organizationId ? eq(auditLog.organizationId, q.organizationId) : undefined,
      q.action ? eq(auditLog.action, q.action) : undefined,
      q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
      q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
      q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
      q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
      q.before ? lt(auditLog.id, q.before) : undefined,
    ];
    const rows = await app.services.database.db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.id)).limit(limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
      nextCursor: rows.length > limit ? page[page.length - 1].id : null,
    };
  });
}
