// Use cases of user accounts, managed by the ЦУР administrator; each returns the presented user.
import { randomInt } from 'node:crypto';
import type { Db, Executor } from '../../db';
import { organizationKindForRole, type Role } from '../../../domain/roles';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { conflict, unprocessable, validationFailed } from '../../platform/errors';
import { assertVisible, authorize, scopeOf } from '../../platform/policy';
import { hashPassword, passwordProblem } from '../../platform/passwords';
import { isUniqueViolation } from '../../platform/db-errors';
import { findOrganization } from '../organizations/repository';
import * as repo from './repository';
import type { CreateUser, UpdateUser, User, UserFilter } from './schema';

export function presentUser({ user, org }: repo.UserWithOrg): User {
  return {
    id: user.id, login: user.login, fullName: user.fullName, position: user.position, email: user.email, phone: user.phone,
    role: user.role, active: user.active, mustChangePassword: user.mustChangePassword,
    organization: { id: org.id, name: org.name, shortName: org.shortName, kind: org.kind, slug: org.slug },
  };
}

/** A readable temporary password: letters and digits without look-alikes. */
export function temporaryPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz';
  const digits = '23456789';
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${pick(letters, 4)}-${pick(digits, 4)}-${pick(letters, 4)}`;
}

async function checkRoleFitsOrganization(db: Executor, actor: Actor, role: Role, organizationId: string) {
  const org = await findOrganization(db, organizationId);
  if (!org) throw validationFailed([{ field: 'organizationId', message: 'Организация не найдена' }]);
  if (organizationKindForRole(role) !== org.kind) {
    throw unprocessable('role_organization_mismatch', org.kind === 'municipality'
      ? 'Роли ЦУР нельзя назначить сотруднику муниципального образования'
      : 'Муниципальные роли нельзя назначить сотруднику ЦУР');
  }
  return org;
}

export async function listUsers(db: Db, actor: Actor, filter: UserFilter): Promise<User[]> {
  authorize(actor, 'users.list');
  return (await repo.listUsers(db, scopeOf(actor), filter)).map(presentUser);
}

export async function getUser(db: Db, actor: Actor, id: string): Promise<User> {
  return presentUser(assertVisible(actor, await repo.findUser(db, id), (r) => r.org.id, 'user_not_found', 'Пользователь не найден'));
}

export async function createUser(db: Db, ctx: RequestContext, input: CreateUser): Promise<{ user: User; temporaryPassword: string | null }> {
  authorize(ctx.actor, 'users.manage');
  const generated = input.password === undefined ? temporaryPassword() : null;
  const password = input.password ?? generated!;
  const problem = input.password !== undefined ? passwordProblem(password) : null;
  if (problem) throw validationFailed([{ field: 'password', message: problem }]);
  const passwordHash = await hashPassword(password);
  try {
    return await audited(db, ctx, async (tx) => {
      await checkRoleFitsOrganization(tx, ctx.actor, input.role, input.organizationId);
      if (await repo.findUserByLogin(tx, input.login)) throw conflict('login_taken', 'Пользователь с таким логином уже есть');
      const row = await repo.insertUser(tx, {
        login: input.login, fullName: input.fullName.trim(), role: input.role, organizationId: input.organizationId,
        position: input.position ?? null, email: input.email ?? null, phone: input.phone ?? null,
        passwordHash, mustChangePassword: generated !== null,
      });
      const user = presentUser((await repo.findUser(tx, row.id))!);
      return { result: { user, temporaryPassword: generated }, audit: { action: 'user.create', entityType: 'user', entityId: row.id, organizationId: row.organizationId, after: user } };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_login_key')) throw conflict('login_taken', 'Пользователь с таким логином уже есть');
    throw error;
  }
}

export async function updateUser(db: Db, ctx: RequestContext, id: string, input: UpdateUser, now: Date): Promise<User> {
  return audited(db, ctx, async (tx) => {
    const current = assertVisible(ctx.actor, await repo.findUser(tx, id), (r) => r.org.id, 'user_not_found', 'Пользователь не найден');
    authorize(ctx.actor, 'users.manage');
    if (id === ctx.actor.userId && (input.active === false || (input.role && input.role !== current.user.role) || (input.organizationId && input.organizationId !== current.user.organizationId))) {
      throw unprocessable('cannot_change_self', 'Нельзя деактивировать себя или изменить собственную роль');
    }
    const role = input.role ?? current.user.role;
    const organizationId = input.organizationId ?? current.user.organizationId;
    if (input.role || input.organizationId) await checkRoleFitsOrganization(tx, ctx.actor, role, organizationId);
    await repo.updateUser(tx, id, input, now);
    if (input.active === false || input.role || input.organizationId) await repo.deleteSessionsOf(tx, id);
    const before = presentUser(current);
    const after = presentUser((await repo.findUser(tx, id))!);
    const action = input.active === false && current.user.active ? 'user.deactivate'
      : input.active === true && !current.user.active ? 'user.activate'
      : input.role && input.role !== current.user.role ? 'user.change_role' : 'user.update';
    return { result: after, audit: { action, entityType: 'user', entityId: id, organizationId: after.organization.id, before, after } };
  });
}

export async function resetPassword(db: Db, ctx: RequestContext, id: string, now: Date): Promise<{ user: User; temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return audited(db, ctx, async (tx) => {
    const current = assertVisible(ctx.actor, await repo.findUser(tx, id), (r) => r.org.id, 'user_not_found', 'Пользователь не найден');
    authorize(ctx.actor, 'users.manage');
    await repo.updateUser(tx, id, { passwordHash, mustChangePassword: true }, now);
    await repo.deleteSessionsOf(tx, id);
    const user = presentUser({ ...current, user: { ...current.user, mustChangePassword: true } });
    return { result: { user, temporaryPassword: password }, audit: { action: 'user.reset_password', entityType: 'user', entityId: id, organizationId: current.org.id } };
  });
}
