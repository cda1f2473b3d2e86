// All SQL of the audit log's reading side (rows are written by platform/audit.ts).
import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import type { Executor } from '../../db';
import { auditLog } from '../../db/schema';
import type { AuditQuery } from './schema';

/** Up to `limit + 1` entries, newest first, so that the caller knows whether a next page exists. */
export async function findAuditEntries(db: Executor, q: AuditQuery, limit: number) {
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
  return db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.id)).limit(limit + 1);
}
