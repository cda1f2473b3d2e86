// All SQL of the audit log's reading side (rows are written by platform/audit.ts). Every filter has an
// index ending with the id the log pages by, so a page costs the same on a log of millions of rows.
import { and, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db';
import {
  appeals, auditLog, contactOfficials, departments, infoRequests, organizations, quarterlyReports, risks, users,
} from '../../db/schema';
import { isUuid } from '../../platform/http';

export type AuditRow = typeof auditLog.$inferSelect & { actorName: string | null; organizationName: string | null; timeZone: string | null };

export interface AuditConditions {
  actorId?: string;
  organizationId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** The object filter resolved to ids: no id matches nothing. */
  entityIds?: string[];
  from?: string;
  to?: string;
  before?: number;
}

function where(q: AuditConditions): SQL | undefined {
  return and(
    q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
    q.organizationId ? eq(auditLog.organizationId, q.organizationId) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.entityIds ? (q.entityIds.length ? inArray(auditLog.entityId, q.entityIds) : sql`false`) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
    q.before ? lt(auditLog.id, q.before) : undefined,
  );
}

/** Up to `limit + 1` entries, newest first, so that the caller knows whether a next page exists. */
export async function findAuditEntries(db: Executor, q: AuditConditions, limit: number): Promise<AuditRow[]> {
  return db.select({
    id: auditLog.id, at: auditLog.at, actorId: auditLog.actorId, actorLogin: auditLog.actorLogin, organizationId: auditLog.organizationId,
    action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after,
    requestId: auditLog.requestId, actorName: users.fullName, organizationName: organizations.shortName, timeZone: organizations.timeZone,
  }).from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(organizations, eq(organizations.id, auditLog.organizationId))
    .where(where(q)).orderBy(desc(auditLog.id)).limit(limit + 1);
}

export async function municipalityIdBySlug(db: Executor, slug: string): Promise<string | null> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return row?.id ?? null;
}

/** The objects a number names: appeals (number per municipality), risks and requests (region-wide). */
export async function objectsByNumber(db: Executor, number: string): Promise<string[]> {
  const [a, r, q] = await Promise.all([
    db.select({ id: appeals.id }).from(appeals).where(eq(appeals.number, number)).limit(50),
    db.select({ id: risks.id }).from(risks).where(eq(risks.number, number)).limit(1),
    db.select({ id: infoRequests.id }).from(infoRequests).where(eq(infoRequests.number, number)).limit(1),
  ]);
  return [...a, ...r, ...q].map((row) => row.id);
}

export interface ObjectName { title: string; link: string | null }

/** Numbers and names of the objects of a page of the log, one query per kind of object on the page. */
export async function objectNames(db: Executor, rows: { entityType: string; entityId: string | null }[]): Promise<Map<string, ObjectName>> {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.entityType === type && r.entityId && isUuid(r.entityId)).map((r) => r.entityId!))];
  const names = new Map<string, ObjectName>();
  const put = (type: string, id: string, title: string, link: string | null) => names.set(`${type}:${id}`, { title, link });
  const load = async <T extends { id: string }>(type: string, query: (ids: string[]) => Promise<T[]>, present: (row: T) => ObjectName) => {
    const ids = idsOf(type);
    if (!ids.length) return;
    for (const row of await query(ids)) { const n = present(row); put(type, row.id, n.title, n.link); }
  };
  await Promise.all([
    load('appeal', (ids) => db.select({ id: appeals.id, number: appeals.number }).from(appeals).where(inArray(appeals.id, ids)), (r) => ({ title: r.number, link: `/appeals/${r.id}` })),
    load('risk', (ids) => db.select({ id: risks.id, number: risks.number }).from(risks).where(inArray(risks.id, ids)), (r) => ({ title: r.number, link: `/risks/${r.id}` })),
    load('request', (ids) => db.select({ id: infoRequests.id, number: infoRequests.number }).from(infoRequests).where(inArray(infoRequests.id, ids)), (r) => ({ title: r.number, link: `/requests/${r.id}` })),
    load('report', (ids) => db.select({ id: quarterlyReports.id, year: quarterlyReports.year, quarter: quarterlyReports.quarter, org: organizations.shortName })
      .from(quarterlyReports).innerJoin(organizations, eq(organizations.id, quarterlyReports.organizationId)).where(inArray(quarterlyReports.id, ids)),
    (r) => ({ title: `${r.org}, ${r.quarter} кв. ${r.year}`, link: `/reports/${r.id}` })),
    load('user', (ids) => db.select({ id: users.id, fullName: users.fullName, login: users.login }).from(users).where(inArray(users.id, ids)), (r) => ({ title: `${r.fullName} (${r.login})`, link: null })),
    load('organization', (ids) => db.select({ id: organizations.id, name: organizations.shortName }).from(organizations).where(inArray(organizations.id, ids)), (r) => ({ title: r.name, link: '/organizations' })),
    load('contact', (ids) => db.select({ id: contactOfficials.id, name: contactOfficials.fullName }).from(contactOfficials).where(inArray(contactOfficials.id, ids)), (r) => ({ title: r.name, link: '/contacts' })),
    load('department', (ids) => db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ids)), (r) => ({ title: r.name, link: null })),
  ]);
  return names;
}
