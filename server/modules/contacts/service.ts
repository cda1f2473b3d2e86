// The registry of contact officials (§9): who in each administration receives ЦУР's signals.
// Any change reaches ЦУР at once (in the app and by e-mail) and stays in the history.
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db';
import { contactOfficialHistory, contactOfficials, organizations, users } from '../../db/schema';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { AppError, notFound, validationFailed } from '../../platform/errors';
import { isRegional, scopeOf } from '../../platform/policy';
import { contactPolicy } from './policy';
import { notify, wake } from '../../platform/notifications';
import { enqueueMail } from '../../platform/mail';
import { isUuid } from '../../platform/http';
import { activeRegionalStaff } from '../users/repository';
import { findVisible } from './repository';

type Row = typeof contactOfficials.$inferSelect;
const contactNotFound = () => notFound('contact_not_found', 'Контактное лицо не найдено');

export function presentContact(row: Row & { municipality: string; municipalityName: string }, actor: Actor) {
  return {
    id: row.id, municipality: row.municipality, municipalityName: row.municipalityName, userId: row.userId,
    surname: row.surname, name: row.name, patronymic: row.patronymic, fullName: row.fullName,
    position: row.position, email: row.email, phone: row.phone, active: row.active, updatedAt: row.updatedAt.toISOString(),
    can: contactPolicy.capabilities(actor, row),
  };
}

const COLUMNS = {
  id: contactOfficials.id, organizationId: contactOfficials.organizationId, userId: contactOfficials.userId, fullName: contactOfficials.fullName,
  surname: contactOfficials.surname, name: contactOfficials.name, patronymic: contactOfficials.patronymic,
  position: contactOfficials.position, email: contactOfficials.email, phone: contactOfficials.phone, active: contactOfficials.active,
  createdAt: contactOfficials.createdAt, updatedAt: contactOfficials.updatedAt, municipality: organizations.slug, municipalityName: organizations.shortName,
};

export async function listContacts(db: Db, actor: Actor, q: { municipality?: string; q?: string; active?: boolean }) {
  const scope = scopeOf(actor);
  const pattern = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db.select(COLUMNS).from(contactOfficials).innerJoin(organizations, eq(organizations.id, contactOfficials.organizationId))
    .where(and(
      scope === 'all' ? undefined : inArray(contactOfficials.organizationId, scope),
      q.municipality ? eq(organizations.slug, q.municipality) : undefined,
      q.active === undefined ? undefined : eq(contactOfficials.active, q.active),
      pattern ? or(ilike(contactOfficials.fullName, pattern), ilike(contactOfficials.position, pattern), ilike(contactOfficials.email, pattern), ilike(organizations.shortName, pattern)) : undefined,
    ))
    .orderBy(asc(organizations.shortName), sql`${contactOfficials.active} desc`, asc(contactOfficials.fullName));
  return rows.map((row) => presentContact(row, actor));
}

async function visible(db: Executor, actor: Actor, id: string): Promise<Row> {
  const row = isUuid(id) ? await findVisible(db, actor, id, { forUpdate: true }) : null;
  if (!row) throw contactNotFound();
  return row;
}

async function tellCur(tx: Executor, org: typeof organizations.$inferSelect, title: string, body: string, now: Date): Promise<string[]> {
  const cur = await activeRegionalStaff(tx, ['cur_analyst', 'cur_admin']);
  for (const u of cur) if (u.email) await enqueueMail(tx, { to: u.email, subject: title, text: body, at: now });
  return notify(tx, { userIds: cur.map((u) => u.id), organizationId: org.id, kind: 'contact.changed', title, body, entityType: 'contact', link: '/contacts' });
}

export interface ContactInput {
  municipality?: string; userId?: string | null; surname?: string; name?: string; patronymic?: string | null;
  position?: string; email?: string; phone?: string; active?: boolean;
}

/** The joined form of the three parts of a name: «Иванова Мария Сергеевна». */
export function joinFullName(p: { surname: string; name: string; patronymic?: string | null }): string {
  return [p.surname, p.name, p.patronymic].map((x) => x?.trim()).filter(Boolean).join(' ');
}

const snapshot = (r: Row) => ({ surname: r.surname, name: r.name, patronymic: r.patronymic, fullName: r.fullName, position: r.position, email: r.email, phone: r.phone, active: r.active, userId: r.userId });

export async function createContact(db: Db, ctx: RequestContext, input: Required<Pick<ContactInput, 'surname' | 'name' | 'position' | 'email' | 'phone'>> & ContactInput, now: Date) {
  const woken: string[] = [];
  const created = await audited(db, ctx, async (tx) => {
    const [org] = isRegional(ctx.actor)
      ? await tx.select().from(organizations).where(and(eq(organizations.slug, input.municipality ?? ''), eq(organizations.kind, 'municipality')))
      : await tx.select().from(organizations).where(eq(organizations.id, ctx.actor.organizationId));
    if (!org || (input.municipality && input.municipality !== org.slug)) throw validationFailed([{ field: 'municipality', message: 'Муниципальное образование не найдено' }]);
    contactPolicy.authorize(ctx.actor, 'edit', { organizationId: org.id });
    if (input.userId) {
      const [u] = await tx.select().from(users).where(and(eq(users.id, input.userId), eq(users.organizationId, org.id)));
      if (!u) throw validationFailed([{ field: 'userId', message: 'Такого сотрудника нет в этой администрации' }]);
    }
    const [row] = await tx.insert(contactOfficials).values({
      organizationId: org.id, userId: input.userId ?? null,
      surname: input.surname.trim(), name: input.name.trim(), patronymic: input.patronymic?.trim() || null, fullName: joinFullName(input), position: input.position.trim(),
      email: input.email.trim(), phone: input.phone.trim(), createdAt: now, updatedAt: now,
    }).returning();
    await tx.insert(contactOfficialHistory).values({ contactId: row.id, organizationId: org.id, at: now, actorId: ctx.actor.userId, change: 'create', after: snapshot(row) });
    woken.push(...(await tellCur(tx, org, `${org.shortName}: новое контактное лицо`, `${row.fullName}, ${row.position}\n${row.email}, ${row.phone}`, now)));
    return { result: { ...row, municipality: org.slug, municipalityName: org.shortName }, audit: { action: 'contact.create', entityType: 'contact', entityId: row.id, organizationId: org.id, after: snapshot(row) } };
  });
  wake(woken);
  return presentContact(created, ctx.actor);
}

export async function updateContact(db: Db, ctx: RequestContext, id: string, input: ContactInput, now: Date) {
  const woken: string[] = [];
  const updated = await audited(db, ctx, async (tx) => {
    const current = await visible(tx, ctx.actor, id);
    contactPolicy.authorize(ctx.actor, 'edit', current);
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, current.organizationId));
    if (input.active === false && current.active) {
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(contactOfficials)
        .where(and(eq(contactOfficials.organizationId, current.organizationId), eq(contactOfficials.active, true)));
      if (Number(n) <= 1) throw new AppError(422, 'last_contact_official', 'У администрации должно остаться хотя бы одно действующее контактное лицо: сначала добавьте замену');
    }
    const values: Partial<typeof contactOfficials.$inferInsert> = { updatedAt: now };
    for (const key of ['surname', 'name', 'position', 'email', 'phone'] as const) if (input[key] !== undefined) values[key] = input[key]!.trim();
    if (input.patronymic !== undefined) values.patronymic = input.patronymic?.trim() || null;
    if (input.surname !== undefined || input.name !== undefined || input.patronymic !== undefined) {
      values.fullName = joinFullName({ surname: values.surname ?? current.surname, name: values.name ?? current.name, patronymic: values.patronymic !== undefined ? values.patronymic : current.patronymic });
    }
    if (input.active !== undefined) values.active = input.active;
    if (input.userId !== undefined) values.userId = input.userId;
    const [row] = await tx.update(contactOfficials).set(values).where(eq(contactOfficials.id, id)).returning();
    const change = input.active === false && current.active ? 'deactivate' : input.active === true && !current.active ? 'activate' : 'update';
    await tx.insert(contactOfficialHistory).values({ contactId: id, organizationId: current.organizationId, at: now, actorId: ctx.actor.userId, change, before: snapshot(current), after: snapshot(row) });
    const what = { deactivate: 'контактное лицо больше не действует', activate: 'контактное лицо снова действует', update: 'изменены данные контактного лица' }[change];
    woken.push(...(await tellCur(tx, org, `${org.shortName}: ${what}`, `${row.fullName}, ${row.position}\n${row.email}, ${row.phone}`, now)));
    return { result: { ...row, municipality: org.slug, municipalityName: org.shortName }, audit: { action: `contact.${change}`, entityType: 'contact', entityId: id, organizationId: current.organizationId, before: snapshot(current), after: snapshot(row) } };
  });
  wake(woken);
  return presentContact(updated, ctx.actor);
}

export async function history(db: Db, actor: Actor, municipality?: string) {
  const scope = scopeOf(actor);
  const rows = await db.select({ h: contactOfficialHistory, slug: organizations.slug, actor: users.fullName }).from(contactOfficialHistory)
    .innerJoin(organizations, eq(organizations.id, contactOfficialHistory.organizationId))
    .leftJoin(users, eq(users.id, contactOfficialHistory.actorId))
    .where(and(scope === 'all' ? undefined : inArray(contactOfficialHistory.organizationId, scope), municipality ? eq(organizations.slug, municipality) : undefined))
    .orderBy(sql`${contactOfficialHistory.id} desc`).limit(500);
  return rows.map(({ h, slug, actor: name }) => ({ id: h.id, contactId: h.contactId, municipality: slug, at: h.at.toISOString(), change: h.change, actor: name, before: h.before, after: h.after }));
}
