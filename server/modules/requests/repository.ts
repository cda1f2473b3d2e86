// SQL of ЦУР requests that callers share: a request as the actor may see it.
import { asc, and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { infoRequestRecipients, infoRequests, jobMarks, organizations } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { scopeOf } from '../../platform/policy';

/**
 * The request with the addressees the actor may see (ЦУР all of them, a municipality only itself), or null
 * when none of its addressees is within the actor's scope.
 */
export async function findVisible(db: Executor, actor: Actor, id: string) {
  const [request] = await db.select().from(infoRequests).where(eq(infoRequests.id, id));
  if (!request) return null;
  const recipients = await db.select({ r: infoRequestRecipients, slug: organizations.slug, name: organizations.shortName }).from(infoRequestRecipients)
    .innerJoin(organizations, eq(organizations.id, infoRequestRecipients.organizationId))
    .where(and(eq(infoRequestRecipients.requestId, id), withinScope(infoRequestRecipients.organizationId, scopeOf(actor))))
    .orderBy(asc(organizations.shortName));
  return recipients.length ? { request, recipients } : null;
}

/** Reminder marks (`<request>:<addressee>:<stage>`) the reminders can no longer select: the addressee has answered or is gone. */
export function spentReminderMarks(): SQL {
  return sql`not exists (select 1 from ${infoRequestRecipients} where ${infoRequestRecipients.requestId} = split_part(${jobMarks.key}, ':', 1)::uuid
    and ${infoRequestRecipients.organizationId} = split_part(${jobMarks.key}, ':', 2)::uuid and ${infoRequestRecipients.answeredAt} is null)`;
}

