// Webhook subscriptions and their deliveries, declared once for validation, serialization, OpenAPI and the web.
import { Type, type Static } from 'typebox';
import { DateTime, HttpUrl, Uuid } from '../../platform/http';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from '../../../domain/webhooks/events';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const WebhookEventType = Type.Enum(WEBHOOK_EVENTS, { description: 'Событие' });
const Events = Type.Array(WebhookEventType, { minItems: 1, maxItems: WEBHOOK_EVENTS.length, uniqueItems: true, description: 'События, на которые подписка' });
const Secret = Type.String({ minLength: 16, maxLength: 200, pattern: '^\\S+$', description: 'Ключ подписи HMAC-SHA256, не короче 16 знаков; без него создаётся случайный' });

export const WebhookSubscription = Type.Object({
  id: Uuid,
  name: Type.String(),
  url: Type.String(),
  municipality: Nullable(Type.Object({ slug: Type.String(), name: Type.String() }, { description: 'Чьи события получает; null — все муниципалитеты региона' })),
  events: Type.Array(WebhookEventType),
  active: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
  deliveries: Type.Object({
    pending: Type.Integer(), delivered: Type.Integer(), failed: Type.Integer(),
    lastAt: Nullable(DateTime),
  }, { description: 'Доставки подписки по состояниям' }),
  can: Type.Object({ edit: Type.Boolean(), delete: Type.Boolean() }),
}, { title: 'Подписка на события' });
export type WebhookSubscription = Static<typeof WebhookSubscription>;

export const WebhookSubscriptionList = Type.Object({
  items: Type.Array(WebhookSubscription),
  events: Type.Array(Type.Object({ type: WebhookEventType, label: Type.String() }), { description: 'События, на которые можно подписаться' }),
  can: Type.Object({ create: Type.Boolean(), regionWide: Type.Boolean({ description: 'Может подписаться на события всего региона' }) }),
});

export const CreatedWebhookSubscription = Type.Object({
  subscription: WebhookSubscription,
  secret: Type.String({ description: 'Ключ подписи: показывается только сейчас' }),
});

export const CreateWebhookSubscription = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 120, description: 'Название: кто и зачем получает события' }),
  url: HttpUrl,
  secret: Type.Optional(Secret),
  events: Events,
  municipality: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60, description: 'slug муниципалитета; для ЦУР без него — весь регион' }))),
}, { additionalProperties: false });
export type CreateWebhookSubscription = Static<typeof CreateWebhookSubscription>;

export const UpdateWebhookSubscription = Type.Object({
  name: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
  url: Type.Optional(HttpUrl),
  secret: Type.Optional(Secret),
  events: Type.Optional(Events),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });
export type UpdateWebhookSubscription = Static<typeof UpdateWebhookSubscription>;

export const WebhookAttempt = Type.Object({
  attempt: Type.Integer(),
  at: DateTime,
  statusCode: Nullable(Type.Integer()),
  durationMs: Type.Integer(),
  error: Nullable(Type.String()),
});

export const WebhookDelivery = Type.Object({
  id: Uuid,
  eventId: Uuid,
  event: WebhookEventType,
  occurredAt: DateTime,
  status: Type.Enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(DateTime),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  deliveredAt: Nullable(DateTime),
  body: Type.String({ description: 'Тело запроса, как оно отправляется и подписывается' }),
  log: Type.Array(WebhookAttempt, { description: 'Попытки доставки, последние сначала' }),
  can: Type.Object({ retry: Type.Boolean() }),
}, { title: 'Доставка события' });
export type WebhookDelivery = Static<typeof WebhookDelivery>;

export const WebhookDeliveryList = Type.Object({ items: Type.Array(WebhookDelivery) });
export const DeliveryFilter = Type.Object({
  status: Type.Optional(Type.Enum(WEBHOOK_DELIVERY_STATUSES)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export const DeliveryParams = Type.Object({ id: Uuid, deliveryId: Uuid });
