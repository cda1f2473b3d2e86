// The library of best practices and optimised regulations (§4.4), declared once for validation,
// serialization, OpenAPI and the web.
import { Type, type Static } from 'typebox';
import { DateTime, Uuid } from '../../platform/http';
import { PRACTICE_KINDS, PRACTICE_STATUSES } from '../../../domain/practices/lifecycle';

export const PracticeStatus = Type.Enum(PRACTICE_STATUSES, { description: 'proposed — предложена муниципалитетом, published — опубликована ЦУР, returned — возвращена с замечаниями' });
export const PracticeKind = Type.Enum(PRACTICE_KINDS, { description: 'practice — практика, regulation — оптимизированный регламент' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const PracticeFile = Type.Object({ id: Uuid, filename: Type.String(), mimeType: Type.String(), size: Type.Integer() });
export const PracticeTopic = Type.Object({ code: Type.String(), title: Type.String() });

export const PracticeSummary = Type.Object({
  id: Uuid, title: Type.String(), kind: PracticeKind, municipality: Type.String(), municipalityName: Type.String(),
  topics: Type.Array(PracticeTopic), status: PracticeStatus, createdAt: DateTime, publishedAt: Nullable(DateTime),
  excerpt: Type.String({ description: 'Начало текста или, при поиске, фрагменты с найденными словами (найденное — между « и »)' }),
});
export type PracticeSummary = Static<typeof PracticeSummary>;
export const PracticeList = Type.Object({ items: Type.Array(PracticeSummary) });

export const Practice = Type.Object({
  ...PracticeSummary.properties,
  text: Type.String(), remarks: Nullable(Type.String({ description: 'Замечания ЦУР' })), proposedBy: Nullable(Type.String()),
  files: Type.Array(PracticeFile),
  can: Type.Object({ edit: Type.Boolean(), publish: Type.Boolean(), return: Type.Boolean() }, { description: 'Что текущий пользователь может сделать с практикой' }),
}, { title: 'Практика' });
export type Practice = Static<typeof Practice>;

export const PracticeFilter = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Поиск по названию и тексту с учётом русской морфологии' })),
  topic: Type.Optional(Type.String({ maxLength: 60 })),
  municipality: Type.Optional(Type.String({ maxLength: 60 })),
  status: Type.Optional(PracticeStatus),
  kind: Type.Optional(PracticeKind),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });
export type PracticeFilter = Static<typeof PracticeFilter>;

const fields = {
  title: Type.String({ minLength: 3, maxLength: 300 }),
  kind: PracticeKind,
  topics: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 }),
  text: Type.String({ minLength: 1, maxLength: 50000 }),
};
export const CreatePractice = Type.Object({ title: fields.title, text: fields.text, kind: Type.Optional(fields.kind), topics: Type.Optional(fields.topics) }, { additionalProperties: false });
export type CreatePractice = Static<typeof CreatePractice>;
export const UpdatePractice = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type UpdatePractice = Static<typeof UpdatePractice>;
export const ReviewPractice = Type.Object({ remarks: Type.Optional(Type.String({ maxLength: 5000, description: 'Замечания: обязательны при возврате' })) }, { additionalProperties: false });
export const PracticeFileParams = Type.Object({ id: Uuid, fileId: Uuid });
