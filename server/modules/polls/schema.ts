// Results of votes and public discussions, shown on their topic beside the appeals.
import { Type, type Static } from 'typebox';
import { POLL_KINDS } from '../../../domain/polls';
import { DateTime, Uuid } from '../../platform/http';

const LocalDate = Type.String({ format: 'date' });
const TopicCode = Type.String({ minLength: 1, maxLength: 60, pattern: '^[0-9]+(\\.[0-9]+)*$', description: 'Код классификатора тем' });

export const Poll = Type.Object({
  id: Uuid, municipality: Type.String(), municipalityName: Type.String(), kind: Type.Enum(POLL_KINDS), question: Type.String(),
  topic: Type.String(), topicTitle: Type.String(),
  options: Type.Array(Type.Object({ label: Type.String(), count: Type.Integer(), share: Type.Number({ description: 'Доля, %' }) })),
  total: Type.Integer(), startsOn: LocalDate, endsOn: LocalDate, source: Type.Enum(['manual', 'import'] as const), createdAt: DateTime,
  appeals: Type.Object({
    count: Type.Integer({ description: 'Обращения муниципалитета по теме (и темам под ней), поступившие за период опроса' }),
    link: Type.String({ description: 'Те же обращения в реестре' }),
  }),
}, { title: 'Итоги голосования или общественного обсуждения' });
export type Poll = Static<typeof Poll>;

export const PollQuery = Type.Object({
  municipality: Type.Optional(Type.String({ maxLength: 100 })),
  topic: Type.Optional(TopicCode),
});
export type PollQuery = Static<typeof PollQuery>;
export const PollList = Type.Object({ items: Type.Array(Poll) });

export const CreatePoll = Type.Object({
  municipality: Type.String({ minLength: 1, maxLength: 100 }),
  kind: Type.Enum(POLL_KINDS),
  question: Type.String({ minLength: 3, maxLength: 500 }),
  topic: TopicCode,
  options: Type.Array(Type.Object({ label: Type.String({ minLength: 1, maxLength: 300 }), count: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }),
  startsOn: LocalDate,
  endsOn: LocalDate,
}, { additionalProperties: false });
export type CreatePoll = Static<typeof CreatePoll>;

export const PollImportResult = Type.Object({
  created: Type.Integer(), updated: Type.Integer(),
  rejected: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), problem: Type.String(), value: Type.String() })),
});
