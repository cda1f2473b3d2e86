// The contact officials' requests and answers, declared once for validation, serialization, OpenAPI and the web.
import { Type, type Static } from 'typebox';
import { DateTime, Uuid } from '../../platform/http';

export const Contact = Type.Object({
  id: Uuid, municipality: Type.String(), municipalityName: Type.String(), userId: Type.Union([Uuid, Type.Null()]),
  surname: Type.String(), name: Type.String(), patronymic: Type.Union([Type.String(), Type.Null()]),
  fullName: Type.String({ description: 'Фамилия, имя и отчество одной строкой (только для чтения)' }),
  position: Type.String(), email: Type.String(), phone: Type.String(), active: Type.Boolean(), updatedAt: DateTime,
  can: Type.Object({ edit: Type.Boolean({ description: 'Изменить или снять контактное лицо' }) }, { description: 'Что текущий пользователь может сделать с контактным лицом' }),
}, { title: 'Контактное лицо' });
export type Contact = Static<typeof Contact>;

const fields = {
  surname: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  patronymic: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
  position: Type.String({ minLength: 2, maxLength: 300 }),
  email: Type.String({ format: 'email', maxLength: 200 }),
  phone: Type.String({ pattern: '^[+0-9 ()-]{5,30}$' }),
};

export const ContactFilter = Type.Object({ municipality: Type.Optional(Type.String({ maxLength: 60 })), q: Type.Optional(Type.String({ maxLength: 100 })), active: Type.Optional(Type.Boolean()) });

export const CreateContact = Type.Object({
  municipality: Type.Optional(Type.String({ maxLength: 60 })), userId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  surname: fields.surname, name: fields.name, patronymic: Type.Optional(fields.patronymic),
  position: fields.position, email: fields.email, phone: fields.phone,
}, { additionalProperties: false });

export const UpdateContact = Type.Object({
  userId: Type.Optional(Type.Union([Uuid, Type.Null()])), surname: Type.Optional(fields.surname), name: Type.Optional(fields.name),
  patronymic: Type.Optional(fields.patronymic), position: Type.Optional(fields.position),
  email: Type.Optional(fields.email), phone: Type.Optional(fields.phone), active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });

export const ContactHistoryQuery = Type.Object({ municipality: Type.Optional(Type.String({ maxLength: 60 })) });

/** One change of a contact official, with the contact before and after it. */
export const ContactChange = Type.Object({
  id: Type.Integer(),
  contactId: Uuid,
  municipality: Type.String(),
  at: DateTime,
  change: Type.String(),
  actor: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
}, { title: 'Изменение контактного лица' });
export type ContactChange = Static<typeof ContactChange>;
export const ContactList = Type.Object({ items: Type.Array(Contact) });
export const ContactHistory = Type.Object({ items: Type.Array(ContactChange) });
