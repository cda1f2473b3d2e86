// The deadline sweep: two working days before a deadline and once it has passed, the executor, the heads
// and the contact officials get a notification. Idempotent: each (appeal, deadline, stage) notifies once.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../domain/appeals';
import { toLocalDate } from '../../../domain/calendar/localDate';
import type { Db } from '../../db';
import { appeals, organizations, users } from '../../db/schema';
import { notify, wake } from '../../platform/notifications';
import type { Job } from '../../platform/jobs';
import { currentDeadline, deadlineState, dueSoonUntil } from './deadlines';
import { currentContacts } from '../contacts/service';

export async function escalateDeadlines(db: Db, now: Date): Promise<{ notified: number }> {
  // Every municipality of the region shares one time zone today; the window is computed per row below anyway.
  const horizon = dueSoonUntil(toLocalDate(now, 'Asia/Yekaterinburg'));
  const rows = await db.select({
    id: appeals.id, number: appeals.number, status: appeals.status, organizationId: appeals.organizationId, executorId: appeals.executorId,
    deadlineRegister: appeals.deadlineRegister, deadlineForward: appeals.deadlineForward, deadlineAnswer: appeals.deadlineAnswer, timeZone: organizations.timeZone,
  }).from(appeals)
    .innerJoin(organizations, eq(organizations.id, appeals.organizationId))
    .where(and(
      inArray(appeals.status, [...OPEN_STATUSES]),
      or(
        and(eq(appeals.status, 'received'), sql`${appeals.deadlineRegister} <= ${horizon}`),
        and(sql`${appeals.status} <> 'received'`, sql`${appeals.deadlineAnswer} <= ${horizon}`),
      ),
    ));
  const staffByOrg = new Map<string, string[]>();
  const woken: string[] = [];
  for (const row of rows) {
    const state = deadlineState(row, now, row.timeZone);
    if (!state.overdue && !state.dueSoon) continue;
    const which = row.status === 'received' ? 'register' : 'answer';
    const deadline = currentDeadline(row.status, state.deadlines)!;
    if (!staffByOrg.has(row.organizationId)) {
      const heads = await db.select({ id: users.id }).from(users)
        .where(and(eq(users.organizationId, row.organizationId), eq(users.active, true), eq(users.role, 'head')));
      staffByOrg.set(row.organizationId, [...heads.map((s) => s.id), ...(await currentContacts(db, row.organizationId)).userIds]);
    }
    const recipients = [...staffByOrg.get(row.organizationId)!, ...(row.executorId ? [row.executorId] : [])];
    const stage = state.overdue ? 'overdue' : 'due_soon';
    const what = which === 'register' ? 'регистрации' : 'ответа';
    const title = state.overdue
      ? `${row.number}: просрочен срок ${what} (${deadline})`
      : `${row.number}: срок ${what} ${deadline}, осталось рабочих дней: ${state.workingDaysLeft}`;
    const got = await notify(db, {
      userIds: recipients, organizationId: row.organizationId, kind: `appeal.deadline.${stage}`, title,
      entityType: 'appeal', entityId: row.id, link: `/appeals/${row.id}`, dedupeKey: `appeal:${row.id}:${which}:${deadline}:${stage}`,
    });
    woken.push(...got);
  }
  wake(woken);
  return { notified: woken.length };
}

export function deadlineJob(db: Db): Job {
  return { name: 'appeal-deadlines', everyMs: 60_000, run: (now) => escalateDeadlines(db, now) };
}
