// All SQL of user accounts.
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db';
import { organizations, sessions, users } from '../../db/schema';
import type { Scope } from '../../platform/policy';
import type { UserFilter } from './schema';

export type UserRow = typeof users.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export interface UserWithOrg { user: UserRow; org: OrganizationRow }

export async function listUsers(db: Executor, scope: Scope, filter: UserFilter): Promise<UserWithOrg[]> {
  const conditions = [];
  if (scope !== 'all') conditions.push(inArray(users.organizationId, scope));
  if (filter.organizationId) conditions.push(eq(users.organizationId, filter.organizationId));
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.active !== undefined) conditions.push(eq(users.active, filter.active));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.login, pattern), ilike(users.fullName, pattern)));
  }
  return db.select({ user: users, org: organizations }).from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(...conditions))
    .orderBy(asc(organizations.name), asc(users.fullName))
    .limit(1000);
}

export async function findUser(db: Executor, id: string): Promise<UserWithOrg | null> {
  const [row] = await db.select({ user: users, org: organizations }).from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function findUserByLogin(db: Executor, login: string): Promise<UserWithOrg | null> {
  const [row] = await db.select({ user: users, org: organizations }).from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(sql`lower(${users.login}) = lower(${login})`).limit(1);
  return row ?? null;
}

export async function insertUser(db: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row;
}

export async function updateUser(db: Executor, id: string, values: Partial<typeof users.$inferInsert>, now: Date): Promise<void> {
  await db.update(users).set({ ...values, updatedAt: now }).where(eq(users.id, id));
}

export async function deleteSessionsOf(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Active staff of the regional centre in the given roles: who hears of what municipalities do. */
export async function activeRegionalStaff(db: Executor, roles: ('cur_analyst' | 'cur_admin')[]): Promise<{ id: string; email: string | null }[]> {
  return db.select({ id: users.id, email: users.email }).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(organizations.kind, 'regional_center'), eq(users.active, true), inArray(users.role, roles)));
}

/** Active users of an administration in the given municipal roles, the longest-serving first. */
export async function activeStaffOf(db: Executor, organizationId: string, roles: ('head' | 'contact_official' | 'executor')[]) {
  return db.select({ id: users.id, email: users.email, fullName: users.fullName, position: users.position }).from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.active, true), inArray(users.role, roles)))
    .orderBy(asc(users.createdAt), asc(users.id));
}

/** The active heads of an administration: who signs its documents and hears of what goes wrong. */
export function activeHeads(db: Executor, organizationId: string) {
  return activeStaffOf(db, organizationId, ['head']);
}

/** Full names of these users, by id; unknown ids are absent. */
export async function userNames(db: Executor, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((u) => [u.id, u.fullName]));
}

/** A user of this organisation (active or not), or null. */
export async function findUserOf(db: Executor, organizationId: string, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(and(eq(users.id, id), eq(users.organizationId, organizationId))).limit(1);
  return row ?? null;
}

/** The e-mail addresses of the given users that are active and have one. */
export async function activeEmailsOf(db: Executor, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.select({ email: users.email }).from(users).where(and(inArray(users.id, ids), eq(users.active, true)));
  return rows.map((r) => r.email).filter((e): e is string => !!e);
}
