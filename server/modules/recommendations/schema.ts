// ЦУР's recommendations and methodological guidance: the recommendation, each addressee's acknowledgement,
// report on implementation and ЦУР's review, declared once for validation, serialization, OpenAPI and the web.
import { Type, type Static } from 'typebox';
import { DateTime, Uuid } from '../../platform/http';
import { RECOMMENDATION_STATUSES } from '../../../domain/recommendations/lifecycle';

export const RecommendationStatus = Type.Enum(RECOMMENDATION_STATUSES, { description: 'sent — направлена, acknowledged — ознакомлен, reported — отчёт о выполнении направлен, accepted — отчёт принят, returned — отчёт возвращён с замечаниями' });
export type RecommendationStatus = Static<typeof RecommendationStatus>;

export const RecommendationFile = Type.Object({ id: Uuid, filename: Type.String(), mimeType: Type.String(), size: Type.Integer() });
export type RecommendationFile = Static<typeof RecommendationFile>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const RecommendationAddressee = Type.Object({
  municipality: Type.String(), municipalityName: Type.String(), status: RecommendationStatus,
  overdue: Type.Boolean({ description: 'Срок прошёл, а отчёт не направлен или возвращён' }),
  acknowledgedAt: Nullable(DateTime), acknowledgedBy: Nullable(Type.String({ description: 'Кто ознакомился' })),
  reportText: Nullable(Type.String()), reportedAt: Nullable(DateTime), reportedBy: Nullable(Type.String()),
  remarks: Nullable(Type.String({ description: 'Замечания ЦУР к отчёту' })), reviewedAt: Nullable(DateTime),
  files: Type.Array(RecommendationFile, { description: 'Файлы отчёта о выполнении' }),
  can: Type.Object({
    acknowledge: Type.Boolean(), report: Type.Boolean(), accept: Type.Boolean(), return: Type.Boolean(),
  }, { description: 'Что текущий пользователь может сделать с этим адресатом' }),
});
export type RecommendationAddressee = Static<typeof RecommendationAddressee>;

export const Recommendation = Type.Object({
  id: Uuid, number: Type.String(), subject: Type.String(), text: Type.String(), dueAt: Nullable(DateTime), createdAt: DateTime,
  files: Type.Array(RecommendationFile), addressees: Type.Array(RecommendationAddressee),
}, { title: 'Рекомендация ЦУР' });
export type Recommendation = Static<typeof Recommendation>;

export const RecommendationSummary = Type.Object({
  id: Uuid, number: Type.String(), subject: Type.String(), dueAt: Nullable(DateTime), createdAt: DateTime,
  addressees: Type.Array(Type.Object({ municipality: Type.String(), status: RecommendationStatus, overdue: Type.Boolean() })),
});
export type RecommendationSummary = Static<typeof RecommendationSummary>;
export const RecommendationList = Type.Object({ items: Type.Array(RecommendationSummary) });

export const Unacknowledged = Type.Object({
  items: Type.Array(Type.Object({
    recommendationId: Uuid, number: Type.String(), subject: Type.String(), municipality: Type.String(), municipalityName: Type.String(),
    sentAt: DateTime, dueAt: Nullable(DateTime), days: Type.Integer({ description: 'Сколько полных суток прошло с отправки' }),
  })),
}, { title: 'Кто не ознакомился с рекомендациями' });
export type Unacknowledged = Static<typeof Unacknowledged>;

export const CreateRecommendation = Type.Object({
  subject: Type.String({ minLength: 3, maxLength: 300 }),
  text: Type.String({ minLength: 1, maxLength: 20000 }),
  municipalities: Type.Array(Type.String({ maxLength: 60 }), { minItems: 1, maxItems: 200 }),
  dueAt: Type.Optional(DateTime),
}, { additionalProperties: false });
export type CreateRecommendation = Static<typeof CreateRecommendation>;

export const ReportBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 20000 }) }, { additionalProperties: false });
export type ReportBody = Static<typeof ReportBody>;
export const ReviewBody = Type.Object({ remarks: Type.Optional(Type.String({ maxLength: 5000, description: 'Замечания: обязательны, когда отчёт возвращается' })) }, { additionalProperties: false });
export const AddresseeParams = Type.Object({ id: Uuid, municipality: Type.String({ maxLength: 60 }) });
export const RecommendationFileParams = Type.Object({ id: Uuid, fileId: Uuid });
