// Roadmaps: a municipality's measures against the cause of repeated appeals and their measured effect.
import { Type, type Static } from 'typebox';
import { MEASURE_STATUSES } from '../../../domain/roadmaps';
import { DateTime, Uuid } from '../../platform/http';

const LocalDate = Type.String({ format: 'date' });
const TopicCode = Type.String({ minLength: 1, maxLength: 60, pattern: '^[0-9]+(\\.[0-9]+)*$', description: 'Код классификатора тем' });

export const MeasureStatus = Type.Enum(MEASURE_STATUSES);

export const PlaceInput = Type.Union([
  Type.String({ minLength: 2, maxLength: 200, description: 'Улица, например «ул. Мира» или «ул. Мира, 5»' }),
  Type.Object({
    kind: Type.Enum(['street', 'settlement'] as const),
    name: Type.String({ minLength: 2, maxLength: 200 }),
  }, { additionalProperties: false }),
]);

export const Place = Type.Object({
  kind: Type.Enum(['street', 'settlement'] as const),
  name: Type.String(),
  street: Type.Union([Type.String(), Type.Null()], { description: 'Основы названия улицы, как их хранят обращения' }),
  house: Type.Union([Type.String(), Type.Null()]),
});

export const CreateRoadmap = Type.Object({
  municipality: Type.String({ minLength: 1, maxLength: 100 }),
  title: Type.String({ minLength: 3, maxLength: 300 }),
  description: Type.Optional(Type.String({ maxLength: 20000 })),
  topics: Type.Array(TopicCode, { minItems: 1, maxItems: 50 }),
  places: Type.Optional(Type.Array(PlaceInput, { maxItems: 50 })),
  clusters: Type.Optional(Type.Array(Uuid, { maxItems: 50, description: 'Группы обращений об одной проблеме' })),
  startsOn: LocalDate,
}, { additionalProperties: false });
export type CreateRoadmap = Static<typeof CreateRoadmap>;

export const UpdateRoadmap = Type.Object({
  title: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
  description: Type.Optional(Type.String({ maxLength: 20000 })),
  topics: Type.Optional(Type.Array(TopicCode, { minItems: 1, maxItems: 50 })),
  places: Type.Optional(Type.Array(PlaceInput, { maxItems: 50 })),
  clusters: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  startsOn: Type.Optional(LocalDate),
}, { additionalProperties: false });
export type UpdateRoadmap = Static<typeof UpdateRoadmap>;

export const CreateMeasure = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 500 }),
  responsible: Type.String({ minLength: 3, maxLength: 300, description: 'Ответственный: ФИО и должность' }),
  dueOn: LocalDate,
}, { additionalProperties: false });

export const UpdateMeasure = Type.Object({
  title: Type.Optional(Type.String({ minLength: 3, maxLength: 500 })),
  responsible: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
  dueOn: Type.Optional(LocalDate),
  status: Type.Optional(MeasureStatus),
  note: Type.Optional(Type.String({ maxLength: 5000 })),
}, { additionalProperties: false });
export type UpdateMeasure = Static<typeof UpdateMeasure>;

export const CommentBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });

export const RoadmapListQuery = Type.Object({
  municipality: Type.Optional(Type.String({ maxLength: 100, description: 'slug муниципалитета; пользователю муниципалитета — только свой' })),
});

export const MeasureParams = Type.Object({ id: Uuid, measureId: Uuid });
export const EvidenceParams = Type.Object({ id: Uuid, measureId: Uuid, fileId: Uuid });

const EvidenceFile = Type.Object({ id: Uuid, filename: Type.String(), mimeType: Type.String(), size: Type.Integer(), createdAt: DateTime });

export const Measure = Type.Object({
  id: Uuid, title: Type.String(), responsible: Type.String(), dueOn: LocalDate, status: MeasureStatus,
  note: Type.Union([Type.String(), Type.Null()]), doneAt: Type.Union([DateTime, Type.Null()]),
  overdue: Type.Boolean({ description: 'Срок прошёл, а мероприятие не выполнено и не отменено' }),
  evidence: Type.Array(EvidenceFile),
});

export const Effect = Type.Object({
  before: Type.Integer({ description: 'Обращения за столько же дней до начала' }),
  after: Type.Integer({ description: 'Обращения с начала дорожной карты по сегодня' }),
  change: Type.Union([Type.Number(), Type.Null()], { description: 'Изменение (after − before) / before; null, если до начала обращений не было' }),
  window: Type.Object({ beforeFrom: LocalDate, beforeTo: LocalDate, afterFrom: LocalDate, afterTo: LocalDate, days: Type.Integer() }),
  months: Type.Array(Type.Object({
    month: Type.String({ description: 'Месяц, YYYY-MM' }),
    before: Type.Integer({ description: 'Обращения месяца, пришедшие до начала' }),
    after: Type.Integer({ description: 'Обращения месяца, пришедшие после начала' }),
  })),
}, { description: 'Обращения по темам и местам дорожной карты после начала против того же срока до него' });
export type Effect = Static<typeof Effect>;

export const Roadmap = Type.Object({
  id: Uuid,
  municipality: Type.String(),
  municipalityName: Type.String(),
  title: Type.String(),
  description: Type.String(),
  topics: Type.Array(Type.Object({ code: Type.String(), title: Type.String() })),
  places: Type.Array(Place),
  clusters: Type.Array(Type.Object({ id: Uuid, title: Type.String(), size: Type.Integer() })),
  startsOn: LocalDate,
  createdAt: DateTime,
  measures: Type.Array(Measure),
  comments: Type.Array(Type.Object({ id: Uuid, author: Type.String(), side: Type.Enum(['cur', 'municipality'] as const), text: Type.String(), createdAt: DateTime })),
  effect: Effect,
  can: Type.Object({
    edit: Type.Boolean({ description: 'Менять карту, мероприятия и доказательства' }),
    comment: Type.Boolean({ description: 'Комментировать' }),
  }),
}, { title: 'Дорожная карта' });
export type Roadmap = Static<typeof Roadmap>;

export const RoadmapSummary = Type.Object({
  id: Uuid, municipality: Type.String(), municipalityName: Type.String(), title: Type.String(), startsOn: LocalDate,
  topics: Type.Array(Type.String()),
  measures: Type.Integer(), done: Type.Integer(), overdue: Type.Integer(),
});
export const RoadmapList = Type.Object({ items: Type.Array(RoadmapSummary) });
