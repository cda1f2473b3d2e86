// SQL of information risks that callers share: a risk as the actor may see it.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { risks } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { scopeOf } from '../../platform/policy';

export type RiskRow = typeof risks.$inferSelect;

/** The risk when it is within the actor's scope, else null; `forUpdate` locks it for a step. */
export async function findVisible(db: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<RiskRow | null> {
  const query = db.select().from(risks).where(and(eq(risks.id, id), withinScope(risks.organizationId, scopeOf(actor)))).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}
