// The deadline sweep: two working days before a deadline and once it has passed, the executor, the heads
// and the contact officials get a notification. Each (appeal, deadline, stage) notifies once: the stage
// is computed in SQL, appeals whose stage is already marked in job_marks are never selected again, and a
// pass works in committed batches, so it finishes at any registry size and stops early when asked.
import { and, eq, inArray, lte, ne, notExists, or, sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../domain/appeals';
import { toLocalDate } from '../../../domain/calendar/localDate';
import type { Db, Executor } from '../../db';
import { appeals, jobMarks, organizations } from '../../db/schema';
import { notifyMany, type NewNotification } from '../../platform/notifications';
import { deleteSpentMarks, type Job, type MarkCleanup } from '../../platform/jobs';
import { spentDeadlineMarks } from './repository';
import { calendar, dueSoonUntil } from './deadlines';
import { notifiedStaff } from '../contacts/repository';

export const DEADLINE_JOB = 'appeal-deadlines';

export interface SweepOptions {
  /** Appeals per committed batch. */
  batch?: number;
  /** Once aborted, the sweep returns after the batch in hand; the next pass resumes. */
  signal?: AbortSignal;
}

/** Open appeals of these municipalities whose current deadline is due soon or passed and whose stage is not yet notified. */
function dueAppeals(db: Executor, organizationIds: string[], today: string, horizon: string, limit: number) {
  const received = eq(appeals.status, 'received');
  const which = sql<'register' | 'answer'>`(case when ${received} then 'register' else 'answer' end)`;
  const deadline = sql<string>`to_char(case when ${received} then ${appeals.deadlineRegister} else ${appeals.deadlineAnswer} end, 'YYYY-MM-DD')`;
  const stage = sql<'overdue' | 'due_soon'>`(case when ${deadline} < ${today} then 'overdue' else 'due_soon' end)`;
  const key = sql<string>`${appeals.id}::text || ':' || ${which} || ':' || ${deadline} || ':' || ${stage}`;
  return db.select({
    id: appeals.id, number: appeals.number, organizationId: appeals.organizationId, executorId: appeals.executorId, which, deadline, stage, key,
  }).from(appeals).where(and(
    inArray(appeals.organizationId, organizationIds),
    inArray(appeals.status, [...OPEN_STATUSES]),
    or(and(received, lte(appeals.deadlineRegister, horizon)), and(ne(appeals.status, 'received'), lte(appeals.deadlineAnswer, horizon))),
    notExists(db.select({ one: sql`1` }).from(jobMarks).where(and(eq(jobMarks.job, DEADLINE_JOB), eq(jobMarks.key, key)))),
  )).limit(limit);
}

export async function escalateDeadlines(db: Db, now: Date, options: SweepOptions = {}): Promise<{ notified: number; appeals: number }> {
  const batch = options.batch ?? 500;
  // "Today" and the due-soon horizon are bounds computed once per time zone, so the indexes on the deadlines apply.
  const zones = new Map<string, string[]>();
  for (const o of await db.select({ id: organizations.id, timeZone: organizations.timeZone }).from(organizations)) {
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
        await tx.insert(jobMarks).values(rows.map((r) => ({ job: DEADLINE_JOB, key: r.key }))).onConflictDoNothing();
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
