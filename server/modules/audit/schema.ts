import { Type, type Static } from 'typebox';
import { DateTime, Uuid } from '../../platform/http';

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  actorId: Type.Union([Uuid, Type.Null()]),
  actorLogin: Type.Union([Type.String(), Type.Null()]),
  organizationId: Type.Union([Uuid, Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
});

export const AuditQuery = Type.Object({
  actorId: Type.Optional(Uuid),
  organizationId: Type.Optional(Uuid),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  entityType: Type.Optional(Type.String({ maxLength: 100 })),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'Курсор: вернуть записи с id меньше этого' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export type AuditEntry = Static<typeof AuditEntry>;
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), nextCursor: Type.Union([Type.Integer(), Type.Null()]) });
