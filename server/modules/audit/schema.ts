// The audit log's requests and answers: each row in words, its object by number with a link, filters and export.
import { Type, type Static } from 'typebox';
import { DateTime, Uuid } from '../../platform/http';

export const AuditObject = Type.Object({
  type: Type.String(),
  typeTitle: Type.String({ description: 'Вид объекта по-русски: «Обращение»' }),
  title: Type.String({ description: 'Номер или название объекта: ИР-2026-00001, БЕЛ-2026-000011' }),
  link: Type.Union([Type.String(), Type.Null()], { description: 'Путь веб-интерфейса к объекту' }),
});

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  actorId: Type.Union([Uuid, Type.Null()]),
  actorLogin: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  organizationId: Type.Union([Uuid, Type.Null()]),
  organizationName: Type.Union([Type.String(), Type.Null()]),
  timeZone: Type.Union([Type.String(), Type.Null()], { description: 'Часовой пояс организации записи' }),
  action: Type.String(),
  actionTitle: Type.String({ description: 'Действие по-русски: «Опубликован официальный комментарий»' }),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  object: Type.Union([AuditObject, Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
});

const filters = {
  actorId: Type.Optional(Uuid),
  organizationId: Type.Optional(Uuid),
  municipality: Type.Optional(Type.String({ maxLength: 60, description: 'slug муниципалитета' })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  entityType: Type.Optional(Type.String({ maxLength: 100 })),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
  object: Type.Optional(Type.String({ maxLength: 100, description: 'Номер объекта (БЕЛ-2026-000011, ИР-2026-00001, ЗИ-2026-0001) или его id' })),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
};

export const AuditQuery = Type.Object({
  ...filters,
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'Курсор: вернуть записи с id меньше этого' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export type AuditEntry = Static<typeof AuditEntry>;
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditExportQuery = Type.Object({ ...filters, format: Type.Enum(['xlsx', 'csv'] as const, { default: 'xlsx' }) });
export type AuditExportQuery = Static<typeof AuditExportQuery>;

export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), nextCursor: Type.Union([Type.Integer(), Type.Null()]) });
