// All SQL of informing: the plan of publications (scoped to the actor's municipality here) and the residents'
// e-mail subscriptions, whose letters go into the outbox in one statement per event.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { mailOutbox, organizations, publications, subscriptions, topics } from '../../db/schema';
import type { Scope } from '../../platform/policy';

export type PublicationRow = typeof publications.$inferSelect;
export type SubscriptionRow = typeof subscriptions.$inferSelect;

const PUBLICATION_COLUMNS = {
  publication: publications, municipality: organizations.slug, municipalityName: organizations.shortName, topicTitle: topics.title,
};

export async function listPublications(db: Executor, scope: Scope, q: { organizationId?: string; from: string; to: string }) {
  return db.select(PUBLICATION_COLUMNS).from(publications)
    .innerJoin(organizations, eq(organizations.id, publications.organizationId))
    .leftJoin(topics, eq(topics.code, publications.topicCode))
    .where(and(
      withinScope(publications.organizationId, scope), q.organizationId ? eq(publications.organizationId, q.organizationId) : undefined,
      gte(publications.plannedOn, q.from), lte(publications.plannedOn, q.to),
    ))
    .orderBy(asc(publications.plannedOn), asc(publications.createdAt)).limit(2000);
}

export async function findPublication(db: Executor, scope: Scope, id: string) {
  const [row] = await db.select(PUBLICATION_COLUMNS).from(publications)
    .innerJoin(organizations, eq(organizations.id, publications.organizationId))
    .leftJoin(topics, eq(topics.code, publications.topicCode))
    .where(and(eq(publications.id, id), withinScope(publications.organizationId, scope))).limit(1);
  return row ?? null;
}

export async function insertPublication(db: Executor, values: typeof publications.$inferInsert): Promise<PublicationRow> {
  const [row] = await db.insert(publications).values(values).returning();
  return row;
}

export async function updatePublication(db: Executor, id: string, values: Partial<typeof publications.$inferInsert>): Promise<void> {
  await db.update(publications).set(values).where(eq(publications.id, id));
}

/** Confirmed subscribers of the municipality, and how many of them follow each topic. */
export async function subscriberCounts(db: Executor, organizationId: string) {
  const [total] = await db.select({ n: sql<number>`count(*)` }).from(subscriptions)
    .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.status, 'confirmed')));
  const byTopic = await db.select({ code: sql<string>`t.code`, n: sql<number>`count(*)` })
    .from(sql`${subscriptions} cross join lateral unnest(${subscriptions.topicCodes}) as t(code)`)
    .where(and(eq(subscriptions.organizationId, organizationId), eq(subscriptions.status, 'confirmed')))
    .groupBy(sql`t.code`).orderBy(sql`t.code`);
  return { total: Number(total.n), byTopic: byTopic.map((r) => ({ code: r.code, subscribers: Number(r.n) })) };
}

export async function findSubscription(db: Executor, organizationId: string, email: string, forUpdate = false): Promise<SubscriptionRow | null> {
  const query = db.select().from(subscriptions)
    .where(and(eq(subscriptions.organizationId, organizationId), sql`lower(${subscriptions.email}) = lower(${email})`)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertSubscription(db: Executor, values: typeof subscriptions.$inferInsert): Promise<SubscriptionRow | null> {
  const [row] = await db.insert(subscriptions).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateSubscription(db: Executor, id: string, values: Partial<typeof subscriptions.$inferInsert>): Promise<void> {
  await db.update(subscriptions).set(values).where(eq(subscriptions.id, id));
}

export async function findByConfirmHash(db: Executor, hash: string): Promise<SubscriptionRow | null> {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.confirmTokenHash, hash)).limit(1).for('update');
  return row ?? null;
}

export async function findByUnsubscribeToken(db: Executor, token: string): Promise<SubscriptionRow | null> {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.unsubscribeToken, token)).limit(1).for('update');
  return row ?? null;
}

export interface SubscriberLetter {
  organizationId: string;
  /** The event's classifier codes: a subscriber gets the letter when one of its topics is at, above or under one of them. */
  topicCodes: string[];
  subject: string;
  text: string;
  /** Address of the unsubscribe page; the subscriber's token is appended. */
  unsubscribeUrl: string;
  /** `<dedupePrefix><subscription id>` marks the letter, so that an event is never sent twice to anyone. */
  dedupePrefix: string;
  at: Date;
}

/** Puts one letter per matching confirmed subscriber into the outbox, in the caller's transaction; returns how many were new. */
export async function enqueueForSubscribers(db: Executor, l: SubscriberLetter): Promise<number> {
  if (!l.topicCodes.length) return 0;
  const codes = sql`${`{${l.topicCodes.map((c) => `"${c}"`).join(',')}}`}::text[]`;
  const at = sql`${l.at.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    insert into ${mailOutbox} ("to", subject, text, dedupe_key, created_at, next_attempt_at)
    select s.email, ${l.subject}, ${l.text} || ${`\n\nОтписаться: ${l.unsubscribeUrl}?token=`} || s.unsubscribe_token, ${l.dedupePrefix} || s.id::text, ${at}, ${at}
    from ${subscriptions} s
    where s.organization_id = ${l.organizationId} and s.status = 'confirmed'
      and exists (select 1 from unnest(s.topic_codes) st(code), unnest(${codes}) rt(code)
                  where rt.code = st.code or rt.code like st.code || '.%' or st.code like rt.code || '.%')
    on conflict (dedupe_key) do nothing
    returning id`);
  const rows = (result as unknown as { rows?: unknown[] }).rows ?? (result as unknown as unknown[]);
  return Array.isArray(rows) ? rows.length : 0;
}

/** Titles of the classifier codes, by code. */
export async function topicTitles(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db.select({ code: topics.code, title: topics.title }).from(topics).where(inArray(topics.code, codes)).orderBy(asc(topics.code));
  return new Map(rows.map((r) => [r.code, r.title]));
}

/** Those of the codes that are active topics of the classifier. */
export async function activeTopicCodes(db: Executor, codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const rows = await db.select({ code: topics.code }).from(topics).where(and(inArray(topics.code, codes), eq(topics.active, true)));
  return rows.map((r) => r.code);
}

/** The themes a resident may subscribe to, with the title of their section. */
export async function subscribableThemes(db: Executor) {
  const section = alias(topics, 'section');
  return db.select({ code: topics.code, title: topics.title, section: sql<string>`coalesce(${section.title}, '')` }).from(topics)
    .leftJoin(section, eq(section.code, topics.parentCode))
    .where(and(eq(topics.level, 'theme'), eq(topics.active, true))).orderBy(asc(topics.code));
}
