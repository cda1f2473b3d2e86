// The topic classifier's answer, declared once for serialization, OpenAPI and the web.
import { Type, type Static } from 'typebox';

export const Topic = Type.Object({
  code: Type.String(), parentCode: Type.Union([Type.String(), Type.Null()]), level: Type.String(), title: Type.String(),
  groupCode: Type.Union([Type.String(), Type.Null()]), active: Type.Boolean(),
});
export type Topic = Static<typeof Topic>;

export const TopicList = Type.Object({ items: Type.Array(Topic), groups: Type.Array(Type.Object({ code: Type.String(), title: Type.String() })) });
export type TopicList = Static<typeof TopicList>;
