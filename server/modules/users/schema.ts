import { Type, type Static } from 'typebox';
import { Uuid } from '../../platform/http';
import { OrganizationKind } from '../organizations/schema';

export const RoleSchema = Type.Union([
  Type.Literal('cur_admin'), Type.Literal('cur_analyst'), Type.Literal('contact_official'), Type.Literal('executor'), Type.Literal('head'),
]);

export const OrganizationRef = Type.Object({ id: Uuid, name: Type.String(), shortName: Type.String(), kind: OrganizationKind, slug: Type.String() });

export const User = Type.Object({
  id: Uuid,
  login: Type.String(),
  fullName: Type.String(),
  position: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  active: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  organization: OrganizationRef,
}, { title: 'Пользователь' });
export type User = Static<typeof User>;

const contact = {
  fullName: Type.String({ minLength: 3, maxLength: 200 }),
  position: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  email: Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()]),
  phone: Type.Union([Type.String({ pattern: '^[+0-9 ()-]{5,30}$' }), Type.Null()]),
};

export const CreateUser = Type.Object({
  login: Type.String({ pattern: '^[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}$', description: 'Латиница, цифры, точка, дефис' }),
  fullName: contact.fullName,
  role: RoleSchema,
  organizationId: Uuid,
  position: Type.Optional(contact.position),
  email: Type.Optional(contact.email),
  phone: Type.Optional(contact.phone),
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Без пароля будет выдан временный' })),
}, { additionalProperties: false });
export type CreateUser = Static<typeof CreateUser>;

export const UpdateUser = Type.Object({
  fullName: Type.Optional(contact.fullName),
  role: Type.Optional(RoleSchema),
  organizationId: Type.Optional(Uuid),
  position: Type.Optional(contact.position),
  email: Type.Optional(contact.email),
  phone: Type.Optional(contact.phone),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });
export type UpdateUser = Static<typeof UpdateUser>;

export const UserList = Type.Object({ items: Type.Array(User) });
export const UserWithPassword = Type.Object({ user: User, temporaryPassword: Type.Union([Type.String(), Type.Null()]) });

export const UserFilter = Type.Object({
  organizationId: Type.Optional(Uuid),
  role: Type.Optional(RoleSchema),
  active: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});
export type UserFilter = Static<typeof UserFilter>;
