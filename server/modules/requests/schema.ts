// ЦУР's requests for information: requests and answers, declared once for validation, serialization, OpenAPI and the web.
import { Type, type Static } from 'typebox';
import { DateTime, Uuid } from '../../platform/http';

export const ADDRESSEE_STATUSES = ['sent', 'read', 'answered', 'overdue'] as const;
export const AddresseeStatus = Type.Enum(ADDRESSEE_STATUSES);
export type AddresseeStatus = Static<typeof AddresseeStatus>;

export const RequestFile = Type.Object({ id: Uuid, filename: Type.String(), mimeType: Type.String(), size: Type.Integer() });
export type RequestFile = Static<typeof RequestFile>;

export const InfoRequest = Type.Object({
  id: Uuid, number: Type.String(), subject: Type.String(), text: Type.String(), dueAt: DateTime, createdAt: DateTime, files: Type.Array(RequestFile),
  addressees: Type.Array(Type.Object({
    municipality: Type.String(), municipalityName: Type.String(), status: AddresseeStatus, readAt: Type.Union([DateTime, Type.Null()]),
    answeredAt: Type.Union([DateTime, Type.Null()]), answerText: Type.Union([Type.String(), Type.Null()]), files: Type.Array(RequestFile),
  })),
  can: Type.Object({ answer: Type.Boolean({ description: 'Ответить от своей администрации' }) }, { description: 'Что текущий пользователь может сделать с запросом' }),
}, { title: 'Запрос ЦУР' });
export type InfoRequest = Static<typeof InfoRequest>;

export const InfoRequestSummary = Type.Object({
  id: Uuid, number: Type.String(), subject: Type.String(), dueAt: DateTime, createdAt: DateTime,
  addressees: Type.Array(Type.Object({ municipality: Type.String(), status: AddresseeStatus })),
});
export type InfoRequestSummary = Static<typeof InfoRequestSummary>;
export const InfoRequestList = Type.Object({ items: Type.Array(InfoRequestSummary) });

export const CreateRequest = Type.Object({
  subject: Type.String({ minLength: 3, maxLength: 300 }),
  text: Type.String({ minLength: 1, maxLength: 20000 }),
  municipalities: Type.Array(Type.String({ maxLength: 60 }), { minItems: 1, maxItems: 200 }),
  dueAt: DateTime,
}, { additionalProperties: false });
export type CreateRequest = Static<typeof CreateRequest>;

export const AnswerBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 20000 }) }, { additionalProperties: false });
export const RequestFileParams = Type.Object({ id: Uuid, fileId: Uuid });
