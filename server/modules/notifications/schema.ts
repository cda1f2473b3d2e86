// The in-app notifications' requests and answers, declared once for validation, serialization, OpenAPI and the web.
import { Type, type Static } from 'typebox';
import { DateTime, Uuid } from '../../platform/http';

export const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  body: Type.Union([Type.String(), Type.Null()]),
  entityType: Type.Union([Type.String(), Type.Null()]),
  entityId: Type.Union([Type.String(), Type.Null()]),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  readAt: Type.Union([DateTime, Type.Null()]),
});
export type Notification = Static<typeof Notification>;

export const NotificationQuery = Type.Object({ unread: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) });
export const NotificationList = Type.Object({ items: Type.Array(Notification), unread: Type.Integer() });
export const ReadParams = Type.Object({ id: Type.Union([Uuid, Type.Literal('all')]) });
export const ReadResult = Type.Object({ updated: Type.Integer() });
