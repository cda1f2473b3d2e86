// All SQL of staff training. Trainings are the region's; their participants are tenant rows, and the actor's
// scope is applied to them here: a municipality sees and counts only its own staff.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db';
import { withinScope } from '../../db/scope';
import { organizations, trainingParticipants, trainings, users } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { scopeOf } from '../../platform/policy';

export type TrainingRow = typeof trainings.$inferSelect;

const ownParticipants = (actor: Actor) => withinScope(trainingParticipants.organizationId, scopeOf(actor));

/** The year in the zone of the participant's administration, as the bounds of a `starts_at` range. */
const inYear = (year: number) => sql`${trainings.startsAt} >= make_timestamptz(${year}, 1, 1, 0, 0, 0, ${organizations.timeZone})
  and ${trainings.startsAt} < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, ${organizations.timeZone})`;

export async function findTraining(db: Executor, id: string): Promise<TrainingRow | null> {
  const [row] = await db.select().from(trainings).where(eq(trainings.id, id));
  return row ?? null;
}

/** The trainings starting within the UTC year (with a day's margin for the zones), with counts of the participants within the actor's scope. */
export async function listTrainings(db: Executor, actor: Actor, year: number) {
  const own = ownParticipants(actor);
  return db.select({
    t: trainings,
    enrolled: sql<number>`count(${trainingParticipants.userId})::int`,
    attended: sql<number>`count(${trainingParticipants.userId}) filter (where ${trainingParticipants.attended})::int`,
  }).from(trainings)
    .leftJoin(trainingParticipants, own ? and(eq(trainingParticipants.trainingId, trainings.id), own) : eq(trainingParticipants.trainingId, trainings.id))
    .where(sql`${trainings.startsAt} >= ${`${year - 1}-12-31T00:00:00Z`}::timestamptz and ${trainings.startsAt} < ${`${year + 1}-01-02T00:00:00Z`}::timestamptz`)
    .groupBy(trainings.id)
    .orderBy(desc(trainings.startsAt));
}

/** The participants within the actor's scope, by municipality and name. */
export async function participants(db: Executor, actor: Actor, trainingId: string) {
  return db.select({ p: trainingParticipants, fullName: users.fullName, position: users.position, slug: organizations.slug, name: organizations.shortName })
    .from(trainingParticipants)
    .innerJoin(users, eq(users.id, trainingParticipants.userId))
    .innerJoin(organizations, eq(organizations.id, trainingParticipants.organizationId))
    .where(and(eq(trainingParticipants.trainingId, trainingId), ownParticipants(actor)))
    .orderBy(asc(organizations.shortName), asc(users.fullName));
}

/** An active staff member of a municipality within the actor's scope, or null. */
export async function findStaff(db: Executor, actor: Actor, userId: string) {
  const [row] = await db.select({ id: users.id, fullName: users.fullName, organizationId: users.organizationId }).from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.id, userId), eq(users.active, true), eq(organizations.kind, 'municipality'), withinScope(users.organizationId, scopeOf(actor))));
  return row ?? null;
}

export async function insertTraining(db: Executor, values: typeof trainings.$inferInsert): Promise<TrainingRow> {
  const [row] = await db.insert(trainings).values(values).returning();
  return row;
}

/** Enrols the user; false when already enrolled. */
export async function enrol(db: Executor, values: typeof trainingParticipants.$inferInsert): Promise<boolean> {
  const rows = await db.insert(trainingParticipants).values(values).onConflictDoNothing().returning({ userId: trainingParticipants.userId });
  return rows.length > 0;
}

export async function unenrol(db: Executor, trainingId: string, userId: string): Promise<boolean> {
  const rows = await db.delete(trainingParticipants).where(and(eq(trainingParticipants.trainingId, trainingId), eq(trainingParticipants.userId, userId)))
    .returning({ userId: trainingParticipants.userId });
  return rows.length > 0;
}

/** Marks attendance of these enrolled users; returns those that were enrolled. */
export async function markAttendance(db: Executor, trainingId: string, userIds: string[], attended: boolean, by: string, at: Date): Promise<string[]> {
  if (!userIds.length) return [];
  const rows = await db.update(trainingParticipants).set({ attended, markedAt: at, markedBy: by })
    .where(and(eq(trainingParticipants.trainingId, trainingId), inArray(trainingParticipants.userId, userIds)))
    .returning({ userId: trainingParticipants.userId });
  return rows.map((r) => r.userId);
}

/** Every active staff member of the municipalities within the scope, with whether they attended a training in the year (in their administration's zone). */
export async function coverage(db: Executor, actor: Actor, year: number) {
  const trained = sql<boolean>`exists (select 1 from ${trainingParticipants} join ${trainings} on ${trainings.id} = ${trainingParticipants.trainingId}
    where ${trainingParticipants.userId} = ${users.id} and ${trainingParticipants.attended} and ${inYear(year)})`;
  return db.select({ userId: users.id, fullName: users.fullName, position: users.position, role: users.role, slug: organizations.slug, name: organizations.shortName, trained })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.active, true), eq(organizations.kind, 'municipality'), eq(organizations.active, true), withinScope(users.organizationId, scopeOf(actor))))
    .orderBy(asc(organizations.shortName), asc(users.fullName));
}
