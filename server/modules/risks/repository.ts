// SQL of information risks that callers share: a risk as the actor may see it.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { OPEN_RISK_STATUSES } from '../../../domain/risks';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { jobMarks, risks } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { scopeOf } from '../../platform/policy';

export type RiskRow = typeof risks.$inferSelect;

/** The risk when it is within the actor's scope, else null; `forUpdate` locks it for a step. */
export async function findVisible(db: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<RiskRow | null> {
  const query = db.select().from(risks).where(and(eq(risks.id, id), withinScope(risks.organizationId, scopeOf(actor)))).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Clock marks (`<risk>:<curProposal|draft>:<stage>`) the sweep can no longer select: the risk is gone or closed, or the step is done. */
export function spentClockMarks(): SQL {
  const which = sql`split_part(${jobMarks.key}, ':', 2)`;
  return sql`not exists (select 1 from ${risks} where ${risks.id} = left(${jobMarks.key}, 36)::uuid
    and ${risks.status} in (${sql.join(OPEN_RISK_STATUSES.map((s) => sql`${s}`), sql`, `)})
    and ((${which} = 'curProposal' and ${risks.curProposalAt} is null) or (${which} = 'draft' and ${risks.draftAt} is null)))`;
}

