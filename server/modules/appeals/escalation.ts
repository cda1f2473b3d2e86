// The deadline sweep: two working days before a deadline and once it has passed, the executor, the heads
// and the contact officials get a notification. Each (appeal, deadline, stage) notifies once: the stage
// is computed in SQL, appeals whose stage is already marked in job_marks are never selected again, and a
// pass works in committed batches, so it finishes at any registry size and stops early when asked.
import { toLocalDate } from '../../../domain/calendar/localDate';
import type { Db } from '../../db';
import { notifyMany, type NewNotification } from '../../platform/notifications';
import { deleteSpentMarks, type Job, type MarkCleanup } from '../../platform/jobs';
import { calendar, dueSoonUntil } from './deadlines';
import { notifiedStaff } from '../contacts/repository';
import { organizationZones } from '../organizations/repository';
import { DEADLINE_JOB, dueAppeals, markDeadlines, spentDeadlineMarks } from './repository';

export { DEADLINE_JOB };

export interface SweepOptions {
  /** Appeals per committed batch. */
  batch?: number;
  /** Once aborted, the sweep returns after the batch in hand; the next pass resumes. */
  signal?: AbortSignal;
}

export async function escalateDeadlines(db: Db, now: Date, options: SweepOptions = {}): Promise<{ notified: number; appeals: number }> {
  const batch = options.batch ?? 500;
  // "Today" and the due-soon horizon are bounds computed once per time zone, so the indexes on the deadlines apply.
  const zones = new Map<string, string[]>();
  for (const o of await organizationZones(db)) {
    zones.set(o.timeZone, [...(zones.get(o.timeZone) ?? []), o.id]);
  }
  const staff = notifiedStaff();
  let notified = 0;
  let swept = 0;
  for (const [timeZone, organizationIds] of zones) {
    const today = toLocalDate(now, timeZone);
    const horizon = dueSoonUntil(today);
    for (;;) {
      const woken = await db.transaction(async (tx) => {
        const rows = await dueAppeals(tx, organizationIds, today, horizon, batch);
        if (rows.length === 0) return null;
        const list: NewNotification[] = [];
        for (const row of rows) {
          const what = row.which === 'register' ? 'регистрации' : 'ответа';
          const title = row.stage === 'overdue'
            ? `${row.number}: просрочен срок ${what} (${row.deadline})`
            : `${row.number}: срок ${what} ${row.deadline}, осталось рабочих дней: ${calendar.workingDaysBetween(today, row.deadline)}`;
          list.push({
            userIds: [...(await staff(tx, row.organizationId)), ...(row.executorId ? [row.executorId] : [])], organizationId: row.organizationId,
            kind: `appeal.deadline.${row.stage}`, title, entityType: 'appeal', entityId: row.id, link: `/appeals/${row.id}`,
            // The same key as before job_marks existed, so an upgraded installation does not notify again.
            dedupeKey: `appeal:${row.key}`,
          });
        }
        const got = await notifyMany(tx, list);
        await markDeadlines(tx, rows.map((r) => r.key));
        swept += rows.length;
        return { got, full: rows.length === batch };
      });
      if (!woken) break;
      notified += woken.got.length;
      if (options.signal?.aborted) return { notified, appeals: swept };
      if (!woken.full) break;
    }
  }
  return { notified, appeals: swept };
}

export function deadlineJob(db: Db): Job {
  return { name: DEADLINE_JOB, everyMs: 60_000, run: (now, signal) => escalateDeadlines(db, now, { signal }) };
}

/** Deletes the sweep's marks that it can no longer select. */
export function deadlineMarkCleanup(db: Db): MarkCleanup {
  return (_now, signal) => deleteSpentMarks(db, DEADLINE_JOB, spentDeadlineMarks(), { signal });
}
