// Every state change goes through `audited`: the change and its audit row commit in one transaction.
import type { Db, Tx, Executor } from '../db';
import { auditLog } from '../db/schema';
import type { RequestContext } from './actor';
import { signalChanges } from './notifications';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  organizationId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Fields that never go into the audit log. */
const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash', 'csrfToken', 'secret']);

function clean(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? undefined : v)));
}

/** A request by someone signed in, a request by nobody yet (a failed login), or no request (a job). */
export type AuditContext = RequestContext | { actor: null; requestId: string } | null;

/** The audit row of an entry, for a statement that writes it together with the change. */
export function auditRow(ctx: AuditContext, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    actorId: ctx?.actor?.userId ?? null,
    actorLogin: ctx?.actor?.login ?? null,
    organizationId: entry.organizationId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: clean(entry.before),
    after: clean(entry.after),
    requestId: ctx?.requestId ?? null,
  };
}

export async function writeAudit(executor: Executor, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values(auditRow(ctx, entry));
}

/**
 * Runs a state change in a transaction and writes its audit row there too.
 * The callback returns its result and the audit entry describing the change.
 */
export async function audited<T>(
  db: Db | Tx,
  ctx: RequestContext | null,
  change: (tx: Tx) => Promise<{ result: T; audit: AuditEntry | AuditEntry[] }>,
): Promise<T> {
  return (db as Db).transaction(async (tx) => {
    const { result, audit } = await change(tx as Tx);
    const entries = Array.isArray(audit) ? audit : [audit];
    for (const entry of entries) await writeAudit(tx, ctx, entry);
    // Open lists of these objects (the risk board, the contacts directory…) read again once this commits.
    await signalChanges(tx, entries);
    return result;
  });
}
