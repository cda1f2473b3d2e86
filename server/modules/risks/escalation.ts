// The clocks' sweep: 60 minutes before a 3-hour clock runs out and when it has, the contact officials,
// the head and the ЦУР curator are notified, in the app and by e-mail through the outbox. Each (risk,
// clock, stage) notifies once: stages already notified are marked in job_marks and never selected again.
import type { Db } from '../../db';
import { notifyMany, type NewNotification } from '../../platform/notifications';
import { deleteSpentMarks, type Job, type MarkCleanup } from '../../platform/jobs';
import { enqueueMail } from '../../platform/mail';
import { clocksOf } from './service';
import { notifiedStaff, notifiedStaffAddresses } from '../contacts/repository';
import { activeEmailsOf, activeRegionalStaff } from '../users/repository';
import { dueClocks, markClocks, RISK_CLOCK_JOB, spentClockMarks } from './repository';

export interface RiskClockOptions {
  /** The address of the web application, for the link in the letters. */
  publicBaseUrl?: string;
}

export async function escalateRiskClocks(db: Db, now: Date, signal?: AbortSignal, options: RiskClockOptions = {}): Promise<{ notified: number }> {
  const staff = notifiedStaff();
  const addresses = notifiedStaffAddresses();
  const base = options.publicBaseUrl ?? '';
  let notified = 0;
  for (;;) {
    const pass = await db.transaction(async (tx) => {
      const rows = await dueClocks(tx, now, 200);
      if (rows.length === 0) return null;
      const curAnalysts = await activeRegionalStaff(tx, ['cur_analyst']);
      const curatorEmails = new Map<string, Promise<string[]>>();
      const list: NewNotification[] = [];
      const marks: string[] = [];
      for (const { risk: r, timeZone, ...dueNow } of rows) {
        const clocks = clocksOf(r, now);
        const curator = r.curatorId ? [r.curatorId] : curAnalysts.map((u) => u.id);
        const curatorKey = r.curatorId ?? '';
        if (!curatorEmails.has(curatorKey)) {
          curatorEmails.set(curatorKey, r.curatorId ? activeEmailsOf(tx, [r.curatorId]) : Promise.resolve(curAnalysts.map((u) => u.email).filter((e): e is string => !!e)));
        }
        for (const [which, clock, label] of [['curProposal', clocks.curProposal, 'предложения ЦУР'], ['draft', clocks.draft, 'проекта комментария']] as const) {
          if (!dueNow[`${which}Due`] || (clock.state !== 'due_soon' && clock.state !== 'overdue')) continue;
          const stage = clock.state === 'overdue' ? 'overdue' : 'due_soon';
          const minutesLeft = Math.max(0, Math.round((clock.leftMs ?? 0) / 60_000));
          const title = stage === 'overdue' ? `${r.number}: истёк 3-часовой срок ${label}` : `${r.number}: до конца срока ${label} ${minutesLeft} мин.`;
          list.push({
            userIds: [...(await staff(tx, r.organizationId)), ...curator], organizationId: r.organizationId, kind: `risk.clock.${stage}`,
            title, entityType: 'risk', entityId: r.id, link: `/risks/${r.id}`, dedupeKey: `risk:${r.id}:${which}:${stage}`,
          });
          const to = new Set([...(await addresses(tx, r.organizationId)), ...(await curatorEmails.get(curatorKey)!)]);
          for (const email of to) {
            await enqueueMail(tx, {
              at: now, to: email, dedupeKey: `risk:${r.id}:${which}:${stage}:${email}`,
              subject: stage === 'overdue' ? `Истёк срок: информационный риск ${r.number}` : `Срок истекает: информационный риск ${r.number}`,
              text: [
                stage === 'overdue'
                  ? `Истёк 3-часовой срок ${label} по информационному риску ${r.number} (срок — ${clock.deadline?.toLocaleString('ru-RU', { timeZone }) ?? ''}).`
                  : `До конца 3-часового срока ${label} по информационному риску ${r.number} осталось ${minutesLeft} мин.`,
                '', r.text.slice(0, 500), '', `${base}/risks/${r.id}`,
              ].join('\n'),
            });
          }
          marks.push(`${r.id}:${which}:${stage}`);
        }
      }
      const got = await notifyMany(tx, list);
      await markClocks(tx, marks);
      return { got, more: rows.length === 200 && marks.length > 0 };
    });
    if (!pass) break;
    notified += pass.got.length;
    if (!pass.more || signal?.aborted) break;
  }
  return { notified };
}

export function riskClockJob(db: Db, options: RiskClockOptions = {}): Job {
  return { name: RISK_CLOCK_JOB, everyMs: 30_000, run: (now, signal) => escalateRiskClocks(db, now, signal, options) };
}

/** Deletes the sweep's marks that it can no longer select. */
export function riskClockMarkCleanup(db: Db): MarkCleanup {
  return (_now, signal) => deleteSpentMarks(db, RISK_CLOCK_JOB, spentClockMarks(), { signal });
}
