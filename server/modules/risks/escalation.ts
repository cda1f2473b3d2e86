// The clocks' sweep: 60 minutes before a 3-hour clock runs out and when it has, the contact official,
// the head and the ЦУР curator are notified. Each (risk, clock, stage) notifies once: stages already
// notified are marked in job_marks and never selected again.
import type { Db } from '../../db';
import { notifyMany, type NewNotification } from '../../platform/notifications';
import { deleteSpentMarks, type Job, type MarkCleanup } from '../../platform/jobs';
import { clocksOf } from './service';
import { notifiedStaff } from '../contacts/repository';
import { activeRegionalStaff } from '../users/repository';
import { dueClocks, markClocks, RISK_CLOCK_JOB, spentClockMarks } from './repository';

export async function escalateRiskClocks(db: Db, now: Date, signal?: AbortSignal): Promise<{ notified: number }> {
  const staff = notifiedStaff();
  let notified = 0;
  for (;;) {
    const woken = await db.transaction(async (tx) => {
      const rows = await dueClocks(tx, now, 200);
      if (rows.length === 0) return null;
      const curAnalysts = await activeRegionalStaff(tx, ['cur_analyst']);
      const list: NewNotification[] = [];
      const marks: string[] = [];
      for (const { risk: r, ...dueNow } of rows) {
        const clocks = clocksOf(r, now);
        const curator = r.curatorId ? [r.curatorId] : curAnalysts.map((u) => u.id);
        for (const [which, clock, label] of [['curProposal', clocks.curProposal, 'предложения ЦУР'], ['draft', clocks.draft, 'проекта комментария']] as const) {
          if (!dueNow[`${which}Due`] || (clock.state !== 'due_soon' && clock.state !== 'overdue')) continue;
          const stage = clock.state === 'overdue' ? 'overdue' : 'due_soon';
          const minutesLeft = Math.max(0, Math.round((clock.leftMs ?? 0) / 60_000));
          list.push({
            userIds: [...(await staff(tx, r.organizationId)), ...curator], organizationId: r.organizationId, kind: `risk.clock.${stage}`,
            title: stage === 'overdue' ? `${r.number}: истёк 3-часовой срок ${label}` : `${r.number}: до конца срока ${label} ${minutesLeft} мин.`,
            entityType: 'risk', entityId: r.id, link: `/risks/${r.id}`, dedupeKey: `risk:${r.id}:${which}:${stage}`,
          });
          marks.push(`${r.id}:${which}:${stage}`);
        }
      }
      const got = await notifyMany(tx, list);
      await markClocks(tx, marks);
      return { got, more: rows.length === 200 && marks.length > 0 };
    });
    if (!woken) break;
    notified += woken.got.length;
    if (!woken.more || signal?.aborted) break;
  }
  return { notified };
}

export function riskClockJob(db: Db): Job {
  return { name: RISK_CLOCK_JOB, everyMs: 30_000, run: (now, signal) => escalateRiskClocks(db, now, signal) };
}

/** Deletes the sweep's marks that it can no longer select. */
export function riskClockMarkCleanup(db: Db): MarkCleanup {
  return (_now, signal) => deleteSpentMarks(db, RISK_CLOCK_JOB, spentClockMarks(), { signal });
}
