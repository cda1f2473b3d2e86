// SQL of quarterly reports that callers share: a report as the actor may see it.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { quarterlyReports } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { scopeOf } from '../../platform/policy';

export type ReportRow = typeof quarterlyReports.$inferSelect;

/** The report when it is within the actor's scope, else null; `forUpdate` locks it for a step. */
export async function findVisible(db: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<ReportRow | null> {
  const query = db.select().from(quarterlyReports).where(and(eq(quarterlyReports.id, id), withinScope(quarterlyReports.organizationId, scopeOf(actor))));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}
