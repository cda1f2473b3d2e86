// All SQL of the registry of contact officials; who speaks for an administration is looked up here by every module.
import { and, asc, eq, getTableColumns, ilike, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { contactOfficialHistory, contactOfficials, organizations, users } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { scopeOf } from '../../platform/policy';
import { activeHeads, activeStaffOf } from '../users/repository';

/** The current contact officials of a municipality: users to notify in the app and addresses to write to. */
export async function currentContacts(db: Executor, organizationId: string): Promise<{ userIds: string[]; emails: string[] }> {
  const rows = await db.select({ userId: contactOfficials.userId, email: contactOfficials.email }).from(contactOfficials)
    .where(and(eq(contactOfficials.organizationId, organizationId), eq(contactOfficials.active, true)));
  if (rows.length) return { userIds: rows.map((r) => r.userId).filter((x): x is string => !!x), emails: [...new Set(rows.map((r) => r.email))] };
  // An administration that has not filled in the registry yet: its users in the contact official role.
  const fallback = await activeStaffOf(db, organizationId, ['contact_official']);
  return { userIds: fallback.map((u) => u.id), emails: fallback.map((u) => u.email).filter((e): e is string => !!e) };
}

/**
 * Who a reminder job notifies in each administration: its current contact officials and, with `heads`,
 * its active heads. Looked up once per administration and pass, not once per reminded row.
 */
export function notifiedStaff(options: { heads: boolean } = { heads: true }): (db: Executor, organizationId: string) => Promise<string[]> {
  const cache = new Map<string, Promise<string[]>>();
  return (db, organizationId) => {
    let ids = cache.get(organizationId);
    if (!ids) {
      ids = (async () => {
        const heads = options.heads ? await activeHeads(db, organizationId) : [];
        return [...heads.map((h) => h.id), ...(await currentContacts(db, organizationId)).userIds];
      })();
      cache.set(organizationId, ids);
    }
    return ids;
  };
}

/**
 * The e-mail addresses a reminder job writes to in each administration: its current contact officials'
 * and its active heads'. Looked up once per administration and pass.
 */
export function notifiedStaffAddresses(): (db: Executor, organizationId: string) => Promise<string[]> {
  const cache = new Map<string, Promise<string[]>>();
  return (db, organizationId) => {
    let emails = cache.get(organizationId);
    if (!emails) {
      emails = (async () => {
        const heads = (await activeHeads(db, organizationId)).map((h) => h.email).filter((e): e is string => !!e);
        return [...new Set([...(await currentContacts(db, organizationId)).emails, ...heads])];
      })();
      cache.set(organizationId, emails);
    }
    return emails;
  };
}

/** An entry of the registry when it is within the actor's scope, else null; `forUpdate` locks it for a change. */
export async function findVisible(db: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(contactOfficials).where(and(eq(contactOfficials.id, id), withinScope(contactOfficials.organizationId, scopeOf(actor))));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

type ContactRow = typeof contactOfficials.$inferSelect;

/** The registry entries the actor sees, with their municipality, by municipality, the active first, by name. */
export async function listVisible(db: Executor, actor: Actor, q: { municipality?: string; q?: string; active?: boolean }) {
  const pattern = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db.select({ ...getTableColumns(contactOfficials), municipality: organizations.slug, municipalityName: organizations.shortName })
    .from(contactOfficials).innerJoin(organizations, eq(organizations.id, contactOfficials.organizationId))
    .where(and(
      withinScope(contactOfficials.organizationId, scopeOf(actor)),
      q.municipality ? eq(organizations.slug, q.municipality) : undefined,
      q.active === undefined ? undefined : eq(contactOfficials.active, q.active),
      pattern ? or(ilike(contactOfficials.fullName, pattern), ilike(contactOfficials.position, pattern), ilike(contactOfficials.email, pattern), ilike(organizations.shortName, pattern)) : undefined,
    ))
    .orderBy(asc(organizations.shortName), sql`${contactOfficials.active} desc`, asc(contactOfficials.fullName));
}

export async function insertContact(db: Executor, values: typeof contactOfficials.$inferInsert): Promise<ContactRow> {
  const [row] = await db.insert(contactOfficials).values(values).returning();
  return row;
}

export async function updateContact(db: Executor, id: string, values: Partial<typeof contactOfficials.$inferInsert>): Promise<ContactRow> {
  const [row] = await db.update(contactOfficials).set(values).where(eq(contactOfficials.id, id)).returning();
  return row;
}

export async function countActive(db: Executor, organizationId: string): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(contactOfficials)
    .where(and(eq(contactOfficials.organizationId, organizationId), eq(contactOfficials.active, true)));
  return Number(n);
}

export async function addHistory(db: Executor, entry: typeof contactOfficialHistory.$inferInsert): Promise<void> {
  await db.insert(contactOfficialHistory).values(entry);
}

/** The history of the registry the actor sees, newest first, with the municipality and who made each change. */
export async function historyVisible(db: Executor, actor: Actor, municipality?: string, limit = 500) {
  return db.select({ h: contactOfficialHistory, slug: organizations.slug, actor: users.fullName }).from(contactOfficialHistory)
    .innerJoin(organizations, eq(organizations.id, contactOfficialHistory.organizationId))
    .leftJoin(users, eq(users.id, contactOfficialHistory.actorId))
    .where(and(withinScope(contactOfficialHistory.organizationId, scopeOf(actor)), municipality ? eq(organizations.slug, municipality) : undefined))
    .orderBy(sql`${contactOfficialHistory.id} desc`).limit(limit);
}
