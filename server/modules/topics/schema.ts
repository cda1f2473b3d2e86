// The topic classifier's requests and answers, declared once for serialization, OpenAPI and the web.
import { Type, type Static } from 'typebox';

export const Topic = Type.Object({
  code: Type.String(), parentCode: Type.Union([Type.String(), Type.Null()]), level: Type.String(), title: Type.String(),
  groupCode: Type.Union([Type.String(), Type.Null()]), active: Type.Boolean(),
  keywords: Type.Array(Type.String(), { description: 'Ключевые слова подсказки темы (только у тем)' }),
});
export type Topic = Static<typeof Topic>;

export const TopicGroup = Type.Object({ code: Type.String(), title: Type.String() });
export const TopicList = Type.Object({ items: Type.Array(Topic), groups: Type.Array(TopicGroup) });
export type TopicList = Static<typeof TopicList>;

const Code = Type.String({ pattern: '^\\d{4}(\\.\\d{4}){0,3}$', maxLength: 19, description: 'Код: 0005, 0005.0005, 0005.0005.0056[.1160]' });
const Title = Type.String({ minLength: 2, maxLength: 300 });
const Keywords = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 200 });
const GroupCode = Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 40 });

export const CreateTopic = Type.Object({
  code: Code,
  level: Type.Enum(['section', 'theme', 'topic'] as const),
  parentCode: Type.Optional(Type.Union([Code, Type.Null()])),
  title: Title,
  group: Type.Optional(GroupCode),
  keywords: Type.Optional(Keywords),
}, { additionalProperties: false });
export type CreateTopic = Static<typeof CreateTopic>;

export const UpdateTopic = Type.Object({
  title: Type.Optional(Title),
  group: Type.Optional(GroupCode),
  keywords: Type.Optional(Keywords),
  active: Type.Optional(Type.Boolean({ description: 'false — вывести из употребления (позиции не удаляются: на них ссылаются обращения)' })),
}, { additionalProperties: false, minProperties: 1 });
export type UpdateTopic = Static<typeof UpdateTopic>;

export const TopicParams = Type.Object({ code: Code });
export const GroupParams = Type.Object({ code: GroupCode });
export const SaveGroup = Type.Object({ title: Title }, { additionalProperties: false });
