// The clocks' sweep: 60 minutes before a 3-hour clock runs out and when it has, the contact official,
// the head and the ЦУР curator are notified. Each (risk, clock, stage) notifies once.
import { and, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import { OPEN_RISK_STATUSES, RISK_WARNING_MINUTES } from '../../../domain/risks';
import type { Db } from '../../db';
import { risks, users } from '../../db/schema';
import { notify, wake } from '../../platform/notifications';
import type { Job } from '../../platform/jobs';
import { clocksOf } from './service';
import { currentContacts } from '../contacts/service';
import { activeRegionalStaff } from '../users/repository';

export async function escalateRiskClocks(db: Db, now: Date): Promise<{ notified: number }> {
  const horizon = new Date(now.getTime() + RISK_WARNING_MINUTES * 60_000);
  const rows = await db.select().from(risks).where(and(
    inArray(risks.status, [...OPEN_RISK_STATUSES]),
    or(
      and(isNull(risks.curProposalAt), lte(risks.deadlineCurProposal, horizon)),
      and(isNull(risks.draftAt), lte(risks.deadlineDraft, horizon)),
    ),
  ));
  const curAnalysts = await activeRegionalStaff(db, ['cur_analyst']);
  const woken: string[] = [];
  for (const r of rows) {
    const clocks = clocksOf(r, now);
    const heads = await db.select({ id: users.id }).from(users)
      .where(and(eq(users.organizationId, r.organizationId), eq(users.active, true), eq(users.role, 'head')));
    const staff = [...(await currentContacts(db, r.organizationId)).userIds.map((id) => ({ id })), ...heads];
    const curator = r.curatorId ? [{ id: r.curatorId }] : curAnalysts;
    for (const [which, clock, label] of [['curProposal', clocks.curProposal, 'предложения ЦУР'], ['draft', clocks.draft, 'проекта комментария']] as const) {
      if (clock.state !== 'due_soon' && clock.state !== 'overdue') continue;
      const stage = clock.state === 'overdue' ? 'overdue' : 'due_soon';
      const minutesLeft = Math.max(0, Math.round((clock.leftMs ?? 0) / 60_000));
      woken.push(...(await notify(db, {
        userIds: [...staff, ...curator].map((u) => u.id), organizationId: r.organizationId, kind: `risk.clock.${stage}`,
        title: stage === 'overdue' ? `${r.number}: истёк 3-часовой срок ${label}` : `${r.number}: до конца срока ${label} ${minutesLeft} мин.`,
        entityType: 'risk', entityId: r.id, link: `/risks/${r.id}`, dedupeKey: `risk:${r.id}:${which}:${stage}`,
      })));
    }
  }
  wake(woken);
  return { notified: woken.length };
}

export function riskClockJob(db: Db): Job {
  return { name: 'risk-clocks', everyMs: 30_000, run: (now) => escalateRiskClocks(db, now) };
}
