import { Type, type Static } from 'typebox';
import { Uuid } from '../../platform/http';

export const OrganizationKind = Type.Union([Type.Literal('regional_center'), Type.Literal('municipality')]);

export const Organization = Type.Object({
  id: Uuid,
  kind: OrganizationKind,
  name: Type.String(),
  shortName: Type.String(),
  slug: Type.String(),
  oktmo: Type.Union([Type.String(), Type.Null()]),
  timeZone: Type.String(),
  numberPrefix: Type.String(),
  population: Type.Union([Type.Integer(), Type.Null()], { description: 'Численность населения, для показателей на 10 000 жителей' }),
  signalEmail: Type.Union([Type.String(), Type.Null()], { description: 'Адрес дежурной почты для сигналов ЦУР (кроме контактных лиц)' }),
  active: Type.Boolean(),
  can: Type.Object({
    edit: Type.Boolean({ description: 'Изменить сведения' }),
    deactivate: Type.Boolean({ description: 'Деактивировать (только муниципальное образование)' }),
    activate: Type.Boolean({ description: 'Вернуть в работу' }),
    mailbox: Type.Boolean({ description: 'Настроить почтовый ящик приёма' }),
  }, { description: 'Что текущий пользователь может сделать с организацией' }),
}, { title: 'Организация' });
export type Organization = Static<typeof Organization>;

const fields = {
  name: Type.String({ minLength: 3, maxLength: 300, description: 'Полное наименование' }),
  shortName: Type.String({ minLength: 2, maxLength: 120 }),
  slug: Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$', description: 'Латиница для адресов и API: beloyarsky' }),
  oktmo: Type.String({ pattern: '^[0-9]{8}([0-9]{3})?$', description: 'Код ОКТМО, 8 или 11 цифр' }),
  timeZone: Type.String({ minLength: 3, maxLength: 64, description: 'Часовой пояс IANA' }),
  numberPrefix: Type.String({ pattern: '^[А-ЯЁA-Z]{2,5}$', description: 'Префикс номеров обращений: БЕЛ' }),
  population: Type.Integer({ minimum: 1, maximum: 50_000_000, description: 'Численность населения' }),
  signalEmail: Type.String({ format: 'email', maxLength: 200, description: 'E-mail для сигналов ЦУР' }),
};

export const CreateOrganization = Type.Object({
  name: fields.name,
  shortName: Type.Optional(fields.shortName),
  slug: fields.slug,
  oktmo: fields.oktmo,
  timeZone: Type.Optional(fields.timeZone),
  numberPrefix: fields.numberPrefix,
  population: Type.Optional(fields.population),
  signalEmail: Type.Optional(fields.signalEmail),
}, { additionalProperties: false });
export type CreateOrganization = Static<typeof CreateOrganization>;

export const UpdateOrganization = Type.Object({
  name: Type.Optional(fields.name),
  shortName: Type.Optional(fields.shortName),
  slug: Type.Optional(fields.slug),
  oktmo: Type.Optional(fields.oktmo),
  timeZone: Type.Optional(fields.timeZone),
  numberPrefix: Type.Optional(fields.numberPrefix),
  population: Type.Optional(Type.Union([fields.population, Type.Null()])),
  signalEmail: Type.Optional(Type.Union([fields.signalEmail, Type.Null()])),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });
export type UpdateOrganization = Static<typeof UpdateOrganization>;
export const OrganizationFilter = Type.Object({ kind: Type.Optional(OrganizationKind), active: Type.Optional(Type.Boolean()) });
export const OrganizationList = Type.Object({ items: Type.Array(Organization) });
