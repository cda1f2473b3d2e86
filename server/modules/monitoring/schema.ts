import { Type, type Static } from 'typebox';
import { MONITORING_ITEM_STATUSES } from '../../../domain/monitoring/widget';
import { RISK_PLATFORMS } from '../../../domain/risks';
import { DateTime, HttpUrl, Uuid } from '../../platform/http';
import { Kind, Level } from '../risks/schema';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Platform = Type.Enum(RISK_PLATFORMS, { description: 'Площадка публикаций источника: news — СМИ, website, vk, telegram…' });
const Keywords = Type.Array(Type.String({ minLength: 2, maxLength: 100 }), { maxItems: 50, description: 'Слова и фразы, при которых публикация попадает в очередь (в любой форме слова)' });

/** The state of a feed's reading, shared by monitoring sources and official pages. */
export const FeedStatus = Type.Object({
  lastFetchedAt: Nullable(DateTime),
  lastError: Nullable(Type.String()),
  failures: Type.Integer({ description: 'Неудачных попыток подряд' }),
  nextFetchAt: Nullable(DateTime),
});

export const MonitoringSource = Type.Object({
  id: Uuid,
  municipality: Type.String(),
  municipalityName: Type.String(),
  name: Type.String(),
  url: Type.String(),
  platform: Platform,
  keywords: Type.Array(Type.String()),
  active: Type.Boolean(),
  feed: FeedStatus,
  newItems: Type.Integer({ description: 'Публикаций в очереди, по которым ещё нет решения' }),
  createdAt: DateTime,
}, { title: 'Источник мониторинга публикаций' });
export type MonitoringSource = Static<typeof MonitoringSource>;

export const CreateSource = Type.Object({
  municipality: Type.String({ minLength: 1, maxLength: 60 }),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  url: HttpUrl,
  platform: Type.Optional(Platform),
  keywords: Type.Optional(Keywords),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type CreateSource = Static<typeof CreateSource>;

export const UpdateSource = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  url: Type.Optional(HttpUrl),
  platform: Type.Optional(Platform),
  keywords: Type.Optional(Keywords),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type UpdateSource = Static<typeof UpdateSource>;

export const SourceList = Type.Object({ items: Type.Array(MonitoringSource) });

export const FetchOutcome = Type.Object({
  source: MonitoringSource,
  notModified: Type.Boolean({ description: 'Лента не изменилась с прошлого чтения (304)' }),
  found: Type.Integer({ description: 'Публикаций в ленте' }),
  queued: Type.Integer({ description: 'Новых публикаций поставлено в очередь' }),
  error: Nullable(Type.String()),
});
export type FetchOutcome = Static<typeof FetchOutcome>;

export const MonitoringItem = Type.Object({
  id: Uuid,
  municipality: Type.String(),
  municipalityName: Type.String(),
  source: Type.Object({ id: Uuid, name: Type.String(), platform: Platform }),
  link: Nullable(Type.String()),
  title: Type.String(),
  text: Type.String(),
  publishedAt: Nullable(DateTime),
  foundAt: DateTime,
  reasons: Type.Object({
    mentionsMunicipality: Type.Boolean(),
    keywords: Type.Array(Type.String()),
    tone: Type.String({ description: 'neutral | negative | aggressive' }),
  }, { description: 'Почему публикация попала в очередь' }),
  status: Type.Enum(MONITORING_ITEM_STATUSES),
  risk: Nullable(Type.Object({ id: Uuid, number: Type.String() })),
  decidedAt: Nullable(DateTime),
  decidedBy: Nullable(Type.Object({ id: Uuid, fullName: Type.String() })),
  rejectReason: Nullable(Type.String()),
}, { title: 'Публикация в очереди мониторинга' });
export type MonitoringItem = Static<typeof MonitoringItem>;

export const ItemFilter = Type.Object({
  status: Type.Optional(Type.Enum(MONITORING_ITEM_STATUSES)),
  municipality: Type.Optional(Type.String({ maxLength: 60 })),
  source: Type.Optional(Uuid),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
});
export type ItemFilter = Static<typeof ItemFilter>;

export const ItemList = Type.Object({ items: Type.Array(MonitoringItem), total: Type.Integer() });

export const RegisterItem = Type.Object({
  kind: Kind,
  level: Level,
  text: Type.Optional(Type.String({ minLength: 1, maxLength: 20000, description: 'По умолчанию — заголовок и текст публикации' })),
  link: Type.Optional(Nullable(HttpUrl)),
  platform: Type.Optional(Platform),
  sourceName: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  topic: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
}, { additionalProperties: false });
export type RegisterItem = Static<typeof RegisterItem>;

export const RejectItem = Type.Object({
  reason: Type.String({ minLength: 3, maxLength: 1000, description: 'Почему публикация не риск' }),
}, { additionalProperties: false });
export type RejectItem = Static<typeof RejectItem>;
