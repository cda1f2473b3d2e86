import { Type, type Static } from 'typebox';
import { DateTime, Uuid } from '../../platform/http';

export const ClusterFilter = Type.Object({
  municipality: Type.Optional(Type.String({ maxLength: 100, description: 'slug муниципалитета; пользователю муниципалитета — только свой' })),
  from: Type.Optional(Type.String({ format: 'date', description: 'Группы, в которых есть обращения с этой даты' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Группы, начавшиеся не позже этой даты' })),
  sort: Type.Optional(Type.Enum(['size', 'growth'] as const, { description: 'size — по числу обращений, growth — по приросту за 7 дней' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type ClusterFilter = Static<typeof ClusterFilter>;

export const ClusterAppeal = Type.Object({
  id: Uuid, number: Type.String(), receivedAt: DateTime, status: Type.String(), excerpt: Type.String(), address: Type.Union([Type.String(), Type.Null()]),
});

export const Cluster = Type.Object({
  id: Uuid,
  municipality: Type.String(),
  municipalityName: Type.String(),
  title: Type.String({ description: 'Проблема и место' }),
  topic: Type.Union([Type.Object({ code: Type.String(), title: Type.String() }), Type.Null()], { description: 'Тема, которая у большинства обращений группы' }),
  size: Type.Integer({ description: 'Число обращений в группе' }),
  growth: Type.Integer({ description: 'Сколько обращений пришло за 7 дней до конца периода' }),
  firstAt: DateTime,
  lastAt: DateTime,
  appeals: Type.Array(ClusterAppeal),
}, { title: 'Группа обращений об одной проблеме в одном месте' });
export type Cluster = Static<typeof Cluster>;

export const ClusterList = Type.Object({ items: Type.Array(Cluster) });

export const MergeClusters = Type.Object({
  into: Uuid,
}, { additionalProperties: false, description: 'Группа, в которую переходят обращения этой группы' });

export const SplitCluster = Type.Object({
  appealIds: Type.Array(Uuid, { minItems: 1, maxItems: 500, description: 'Обращения, которые выходят из группы; два и больше образуют новую группу' }),
}, { additionalProperties: false });
