import { Type, type Static } from 'typebox';
import { GroupDepartment } from '../departments/schema';

export const AnswerCheckBody = Type.Object({
  appealText: Type.String({ minLength: 1, maxLength: 50_000, description: 'Текст обращения' }),
  answerText: Type.String({ minLength: 1, maxLength: 50_000, description: 'Проект ответа' }),
}, { additionalProperties: false });
export type AnswerCheckBody = Static<typeof AnswerCheckBody>;

export const AnswerCheckCode = Type.Union(
  [
    Type.Literal('no_action'), Type.Literal('no_term'), Type.Literal('no_responsible'),
    Type.Literal('law_only'), Type.Literal('stock_phrases'), Type.Literal('subject_missed'),
  ],
  { description: 'no_action — нет действия, no_term — нет даты или срока, no_responsible — нет исполнителя, law_only — только ссылки на законы, stock_phrases — шаблонные фразы, subject_missed — предмет обращения не затронут' },
);

export const AnswerCheckResult = Type.Object({
  formal: Type.Boolean({ description: 'Ответ похож на отписку' }),
  score: Type.Number({ minimum: 0, maximum: 1, description: 'Насколько ответ формален: 0 — содержательный, 1 — отписка' }),
  reasons: Type.Array(Type.Object({ code: AnswerCheckCode, message: Type.String() })),
}, { title: 'Проверка ответа на отписку' });
export type AnswerCheckResult = Static<typeof AnswerCheckResult>;

export const TopicSuggestion = Type.Object({
  topic: Type.String({ description: 'Код темы классификатора' }),
  topicTitle: Type.String(),
  group: Type.String({ description: 'Код оперативной группы темы' }),
  confidence: Type.Number({ minimum: 0, maximum: 1, description: 'Уверенность подсказки, 0..1' }),
  words: Type.Array(Type.String(), { description: 'Слова текста, которые решили' }),
  department: Type.Union([GroupDepartment, Type.Null()], { description: 'Подразделение, куда муниципалитет направляет обращения этой группы (по умолчанию в диалоге назначения)' }),
}, { title: 'Подсказка темы' });
export type TopicSuggestion = Static<typeof TopicSuggestion>;

export const SuggestBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 20_000, description: 'Текст обращения' }),
  municipality: Type.Optional(Type.String({ maxLength: 100, description: 'slug муниципалитета, чьи подразделения предлагать; администрации — своё' })),
}, { additionalProperties: false });

export const SuggestResult = Type.Object({ suggestions: Type.Array(TopicSuggestion) }, { title: 'Подсказки темы' });

export const TopicSuggestionSettings = Type.Object({
  autoFileThreshold: Type.Union([Type.Number({ minimum: 0.05, maximum: 1 }), Type.Null()], { description: 'Импорт (ПОС, соцсети, почта, форма гражданина) сам ставит тему, если уверенность первой подсказки не ниже порога; null — никогда' }),
  retrainEvery: Type.Integer({ minimum: 1, maximum: 100_000, description: 'Модель обучается заново после стольких новых тем, выбранных людьми' }),
}, { additionalProperties: false, title: 'Подсказки темы' });
