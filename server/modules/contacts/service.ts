// The registry of contact officials (§9): who in each administration receives ЦУР's signals.
// Any change reaches ЦУР at once (in the app and by e-mail) and stays in the history.
import type { Db, Executor } from '../../db';
import type { contactOfficials } from '../../db/schema';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { AppError, notFound, validationFailed } from '../../platform/errors';
import { isRegional } from '../../platform/policy';
import { contactPolicy } from './policy';
import { notify } from '../../platform/notifications';
import { enqueueMail } from '../../platform/mail';
import { isUuid } from '../../platform/http';
import { activeRegionalStaff, findUserOf } from '../users/repository';
import { findMunicipalityBySlug, findOrganization, type OrganizationRow } from '../organizations/repository';
import * as repo from './repository';
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

export async function listContacts(db: Db, actor: Actor, q: { municipality?: string; q?: string; active?: boolean }) {
  return (await repo.listVisible(db, actor, q)).map((row) => presentContact(row, actor));
}

async function visible(db: Executor, actor: Actor, id: string): Promise<Row> {
  const row = isUuid(id) ? await findVisible(db, actor, id, { forUpdate: true }) : null;
  if (!row) throw contactNotFound();
  return row;
}

async function tellCur(tx: Executor, org: OrganizationRow, title: string, body: string, now: Date): Promise<string[]> {
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
  const created = await audited(db, ctx, async (tx) => {
    const org = isRegional(ctx.actor) ? await findMunicipalityBySlug(tx, input.municipality ?? '') : await findOrganization(tx, ctx.actor.organizationId);
    if (!org || (input.municipality && input.municipality !== org.slug)) throw validationFailed([{ field: 'municipality', message: 'Муниципальное образование не найдено' }]);
    contactPolicy.authorize(ctx.actor, 'edit', { organizationId: org.id });
    if (input.userId) {
      if (!(await findUserOf(tx, org.id, input.userId))) throw validationFailed([{ field: 'userId', message: 'Такого сотрудника нет в этой администрации' }]);
    }
    const row = await repo.insertContact(tx, {
      organizationId: org.id, userId: input.userId ?? null,
      surname: input.surname.trim(), name: input.name.trim(), patronymic: input.patronymic?.trim() || null, fullName: joinFullName(input), position: input.position.trim(),
      email: input.email.trim(), phone: input.phone.trim(), createdAt: now, updatedAt: now,
    });
    await repo.addHistory(tx, { contactId: row.id, organizationId: org.id, at: now, actorId: ctx.actor.userId, change: 'create', after: snapshot(row) });
    await tellCur(tx, org, `${org.shortName}: новое контактное лицо`, `${row.fullName}, ${row.position}\n${row.email}, ${row.phone}`, now);
    return { result: { ...row, municipality: org.slug, municipalityName: org.shortName }, audit: { action: 'contact.create', entityType: 'contact', entityId: row.id, organizationId: org.id, after: snapshot(row) } };
  });
  return presentContact(created, ctx.actor);
}

export async function updateContact(db: Db, ctx: RequestContext, id: string, input: ContactInput, now: Date) {
  const updated = await audited(db, ctx, async (tx) => {
    const current = await visible(tx, ctx.actor, id);
    contactPolicy.authorize(ctx.actor, 'edit', current);
    const org = (await findOrganization(tx, current.organizationId))!;
    if (input.active === false && current.active) {
      if ((await repo.countActive(tx, current.organizationId)) <= 1) throw new AppError(422, 'last_contact_official', 'У администрации должно остаться хотя бы одно действующее контактное лицо: сначала добавьте замену');
    }
    const values: Partial<typeof contactOfficials.$inferInsert> = { updatedAt: now };
    for (const key of ['surname', 'name', 'position', 'email', 'phone'] as const) if (input[key] !== undefined) values[key] = input[key]!.trim();
    if (input.patronymic !== undefined) values.patronymic = input.patronymic?.trim() || null;
    if (input.surname !== undefined || input.name !== undefined || input.patronymic !== undefined) {
      values.fullName = joinFullName({ surname: values.surname ?? current.surname, name: values.name ?? current.name, patronymic: values.patronymic !== undefined ? values.patronymic : current.patronymic });
    }
    if (input.active !== undefined) values.active = input.active;
    if (input.userId !== undefined) values.userId = input.userId;
    const row = await repo.updateContact(tx, id, values);
    const change = input.active === false && current.active ? 'deactivate' : input.active === true && !current.active ? 'activate' : 'update';
    await repo.addHistory(tx, { contactId: id, organizationId: current.organizationId, at: now, actorId: ctx.actor.userId, change, before: snapshot(current), after: snapshot(row) });
    const what = { deactivate: 'контактное лицо больше не действует', activate: 'контактное лицо снова действует', update: 'изменены данные контактного лица' }[change];
    await tellCur(tx, org, `${org.shortName}: ${what}`, `${row.fullName}, ${row.position}\n${row.email}, ${row.phone}`, now);
    return { result: { ...row, municipality: org.slug, municipalityName: org.shortName }, audit: { action: `contact.${change}`, entityType: 'contact', entityId: id, organizationId: current.organizationId, before: snapshot(current), after: snapshot(row) } };
  });
  return presentContact(updated, ctx.actor);
}

export async function history(db: Db, actor: Actor, municipality?: string) {
  const rows = await repo.historyVisible(db, actor, municipality);
  return rows.map(({ h, slug, actor: name }) => ({ id: h.id, contactId: h.contactId, municipality: slug, at: h.at.toISOString(), change: h.change, actor: name, before: h.before, after: h.after }));
}
