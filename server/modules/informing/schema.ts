// Informing residents (§6.2): the plan of publications and the residents' e-mail subscriptions to topics.
import { Type, type Static } from 'typebox';
import { PUBLICATION_CHANNELS, PUBLICATION_STATUSES } from '../../../domain/informing';
import { DateTime, HttpUrl, Uuid } from '../../platform/http';

const LocalDate = Type.String({ format: 'date' });
const TopicCode = Type.String({ minLength: 1, maxLength: 60, pattern: '^[0-9]+(\\.[0-9]+)*$', description: 'Код классификатора тем' });


export const Publication = Type.Object({
  id: Uuid, municipality: Type.String(), municipalityName: Type.String(), title: Type.String(),
  topic: Type.Union([Type.String(), Type.Null()]), topicTitle: Type.Union([Type.String(), Type.Null()]),
  channel: Type.Enum(PUBLICATION_CHANNELS), plannedOn: LocalDate, status: Type.Enum(PUBLICATION_STATUSES),
  link: Type.Union([Type.String(), Type.Null()]), publishedAt: Type.Union([DateTime, Type.Null()]),
  can: Type.Object({ edit: Type.Boolean() }),
}, { title: 'Публикация плана информирования' });
export type Publication = Static<typeof Publication>;

export const PublicationQuery = Type.Object({
  municipality: Type.Optional(Type.String({ maxLength: 100 })),
  from: LocalDate,
  to: LocalDate,
});
export type PublicationQuery = Static<typeof PublicationQuery>;

export const PublicationList = Type.Object({ items: Type.Array(Publication) });

export const CreatePublication = Type.Object({
  municipality: Type.String({ minLength: 1, maxLength: 100 }),
  title: Type.String({ minLength: 3, maxLength: 300 }),
  topic: Type.Optional(TopicCode),
  channel: Type.Enum(PUBLICATION_CHANNELS),
  plannedOn: LocalDate,
}, { additionalProperties: false });
export type CreatePublication = Static<typeof CreatePublication>;

export const UpdatePublication = Type.Object({
  title: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
  topic: Type.Optional(Type.Union([TopicCode, Type.Null()])),
  channel: Type.Optional(Type.Enum(PUBLICATION_CHANNELS)),
  plannedOn: Type.Optional(LocalDate),
  status: Type.Optional(Type.Enum(PUBLICATION_STATUSES)),
  link: Type.Optional(Type.Union([HttpUrl, Type.Null()])),
}, { additionalProperties: false });
export type UpdatePublication = Static<typeof UpdatePublication>;

export const SubscriberQuery = Type.Object({ municipality: Type.Optional(Type.String({ maxLength: 100 })) });
export const Subscribers = Type.Object({
  total: Type.Integer({ description: 'Подтверждённые подписчики' }),
  byTopic: Type.Array(Type.Object({ code: Type.String(), title: Type.String(), subscribers: Type.Integer() })),
});

// ── The public side ──────────────────────────────────────────────────────────────────────────────────

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });

export const PublicInforming = Type.Object({
  municipality: Type.String(), municipalityName: Type.String(),
  topics: Type.Array(Type.Object({ code: Type.String(), title: Type.String(), section: Type.String() }), { description: 'Тематики, на которые можно подписаться' }),
  publications: Type.Array(Type.Object({ title: Type.String(), channel: Type.Enum(PUBLICATION_CHANNELS), plannedOn: LocalDate, status: Type.Enum(PUBLICATION_STATUSES), link: Type.Union([Type.String(), Type.Null()]), topicTitle: Type.Union([Type.String(), Type.Null()]) })),
});

export const SubscribeBody = Type.Object({
  municipality: Type.String({ minLength: 1, maxLength: 100 }),
  email: Type.String({ minLength: 3, maxLength: 254 }),
  topics: Type.Array(TopicCode, { minItems: 1, maxItems: 100 }),
  /** A field people do not see: filled in only by robots. */
  website: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });
export type SubscribeBody = Static<typeof SubscribeBody>;

export const SubscribeAccepted = Type.Object({ message: Type.String() });
export const TokenBody = Type.Object({ token: Type.String({ minLength: 10, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });
export const SubscriptionState = Type.Object({
  municipality: Type.String(), municipalityName: Type.String(), status: Type.Enum(['confirmed', 'unsubscribed'] as const),
  topics: Type.Array(Type.String(), { description: 'Названия тем подписки' }),
});
