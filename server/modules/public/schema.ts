// The citizen's requests and answers, declared once for validation, serialization, OpenAPI and the web.
import { Type, type Static } from 'typebox';
import { INN_PATTERN, Signers } from '../appeals/schema';

// Emptiness of the name and the text is the service's check, with the consent and the address for the answer:
// the citizen reads every problem of the form in one round.
export const PublicAppealBody = Type.Object({
  municipality: Type.String({ minLength: 1, maxLength: 60 }),
  authorKind: Type.Optional(Type.Enum(['person', 'legal_entity', 'collective'] as const, { description: 'От гражданина, от организации или коллективное; по умолчанию — от гражданина' })),
  organization: Type.Optional(Type.String({ maxLength: 300, description: 'Наименование организации' })),
  inn: Type.Optional(Type.String({ pattern: INN_PATTERN, description: 'ИНН организации, необязательно' })),
  signers: Type.Optional(Signers),
  surname: Type.String({ maxLength: 100, description: 'Фамилия автора; у организации — того, кто подписывает; у коллективного — первого подписавшего' }),
  name: Type.String({ maxLength: 100 }),
  patronymic: Type.Optional(Type.String({ maxLength: 100 })),
  email: Type.Optional(Type.String({ maxLength: 200 })),
  postalAddress: Type.Optional(Type.String({ maxLength: 500 })),
  phone: Type.Optional(Type.String({ maxLength: 30 })),
  text: Type.String({ maxLength: 20000 }),
  address: Type.Optional(Type.String({ maxLength: 500 })),
  consent: Type.Boolean(),
  /** Honeypot: hidden from people, filled in by bots. */
  website: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export type PublicAppealBody = Static<typeof PublicAppealBody>;

export const SubmittedAppeal = Type.Object({ number: Type.String(), trackingCode: Type.String() });
export type SubmittedAppeal = Static<typeof SubmittedAppeal>;

export const PublicMunicipality = Type.Object({ slug: Type.String(), name: Type.String(), shortName: Type.String() });
export type PublicMunicipality = Static<typeof PublicMunicipality>;
export const PublicMunicipalities = Type.Object({ items: Type.Array(PublicMunicipality) });

const Deadlines = Type.Object({ register: Type.String(), forward: Type.Union([Type.String(), Type.Null()]), answer: Type.String() });

/** What the author sees of the appeal by its number and code. */
export const PublicStatus = Type.Object({
  number: Type.String(),
  municipality: Type.String(),
  municipalityName: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  receivedAt: Type.String(),
  registeredAt: Type.Union([Type.String(), Type.Null()]),
  deadlines: Deadlines,
  overdue: Type.Boolean(),
  answer: Type.Union([Type.Null(), Type.Object({ text: Type.String(), result: Type.Union([Type.String(), Type.Null()]), resultLabel: Type.Union([Type.String(), Type.Null()]), answeredAt: Type.Union([Type.String(), Type.Null()]) })]),
  forwardedTo: Type.Union([Type.String(), Type.Null()]),
  /** The day it was forwarded to the other body (59-ФЗ ст.8 ч.3), YYYY-MM-DD. */
  forwardedOn: Type.Union([Type.String(), Type.Null()]),
  /** The ground on which it was left without an answer on the merits (59-ФЗ ст.11), in words. */
  noAnswerGround: Type.Union([Type.String(), Type.Null()]),
  rating: Type.Union([Type.Null(), Type.Object({ score: Type.Integer(), comment: Type.Union([Type.String(), Type.Null()]) })]),
  canRate: Type.Boolean(),
});
export type PublicStatus = Static<typeof PublicStatus>;

export const NumberParams = Type.Object({ number: Type.String({ maxLength: 40 }) });
export const StatusQuery = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
export const RatingBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }), score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
