// SQL of the incoming mailboxes.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db';
import { mailboxes, organizations } from '../../db/schema';

export type MailboxRow = typeof mailboxes.$inferSelect;
export type MailboxValues = Omit<typeof mailboxes.$inferInsert, 'id' | 'createdAt'>;

export async function findMailbox(db: Executor, organizationId: string): Promise<MailboxRow | null> {
  const [row] = await db.select().from(mailboxes).where(eq(mailboxes.organizationId, organizationId)).limit(1);
  return row ?? null;
}

/** Active mailboxes of active municipalities, one row each (the key is the organization). */
export async function activeMailboxes(db: Executor) {
  return db.select({ mailbox: mailboxes, org: organizations }).from(mailboxes)
    .innerJoin(organizations, eq(organizations.id, mailboxes.organizationId))
    .where(and(eq(mailboxes.active, true), eq(organizations.active, true), eq(organizations.kind, 'municipality')));
}

export async function upsertMailbox(db: Executor, values: MailboxValues): Promise<MailboxRow> {
  const [row] = await db.insert(mailboxes).values(values)
    .onConflictDoUpdate({ target: mailboxes.organizationId, set: values }).returning();
  return row;
}

export async function deleteMailbox(db: Executor, organizationId: string): Promise<MailboxRow | null> {
  const [row] = await db.delete(mailboxes).where(eq(mailboxes.organizationId, organizationId)).returning();
  return row ?? null;
}

export async function markPolled(db: Executor, id: string, at: Date, error: string | null): Promise<void> {
  await db.update(mailboxes).set({ lastPolledAt: at, lastError: error }).where(eq(mailboxes.id, id));
}
