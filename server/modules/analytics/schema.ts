// Schemas of the analytics API: the region's overview, trends, spikes, a municipality's departments and
// executors, and the rating weights. Every figure of appeals comes with a registry link to exactly its appeals.
import { Type, type Static, type TSchema } from 'typebox';
import { RATING_COMPONENTS } from '../../../domain/analytics/rating';

const LocalDate = Type.String({ format: 'date' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Share = Nullable(Type.Number({ description: 'Доля от 0 до 1; null, если не из чего считать' }));
const Link = Type.String({ description: 'Адрес реестра с фильтром ровно по этим обращениям' });
const Count = Type.Integer({ minimum: 0 });

const Channels = Type.Optional(Type.String({ maxLength: 200, pattern: '^[a-z0-9]+(,[a-z0-9]+)*$', description: 'Каналы поступления; несколько — через запятую' }));

export const PeriodQuery = Type.Object({
  from: LocalDate,
  to: LocalDate,
  channel: Channels,
});
export type PeriodQuery = Static<typeof PeriodQuery>;

export const Period = Type.Object({ from: LocalDate, to: LocalDate });

export const RatingComponents = Type.Object(
  Object.fromEntries(RATING_COMPONENTS.map((k) => [k, Share])) as Record<(typeof RATING_COMPONENTS)[number], typeof Share>,
  { description: 'Составляющие рейтинга от 0 (хуже) до 1 (лучше); null — нет данных, составляющая не учитывается' },
);

export const Figures = Type.Object({
  municipality: Type.String({ description: 'slug муниципалитета; region — итог по всем видимым' }),
  municipalityName: Type.String(),
  population: Nullable(Type.Integer()),
  appeals: Count,
  appealsPer10k: Nullable(Type.Number({ description: 'Обращений на 10 000 жителей' })),
  byChannel: Type.Array(Type.Object({ channel: Type.String(), appeals: Count, link: Link })),
  overdue: Type.Integer({ minimum: 0, description: 'Не закрыты и просрочены на сегодня' }),
  overdueShare: Share,
  answeredLate: Type.Integer({ minimum: 0, description: 'Ответ дан позже срока' }),
  answeredLateShare: Share,
  answered: Count,
  medianAnswerDays: Nullable(Type.Number({ description: 'Медиана дней от поступления до ответа' })),
  satisfaction: Type.Object({
    rated: Count,
    mean: Nullable(Type.Number({ description: 'Средняя оценка заявителей, 1–5' })),
    low: Type.Integer({ minimum: 0, description: 'Оценок 1 и 2' }),
    lowShare: Share,
  }),
  repeated: Count,
  repeatedShare: Share,
  approvedDespiteWarning: Type.Integer({ minimum: 0, description: 'Ответы, согласованные несмотря на предупреждение об отписке' }),
  risks: Type.Object({ total: Count, clocksDecided: Count, clocksMet: Count, clocksMetShare: Share }),
  reports: Type.Object({ due: Count, onTime: Count, onTimeShare: Share }),
  requests: Type.Object({ decided: Count, onTime: Count, onTimeShare: Share }),
  rating: Nullable(Type.Number({ description: 'Рейтинг 0–100 по формуле с весами администратора ЦУР' })),
  rank: Nullable(Type.Integer({ minimum: 1 })),
  ratingComponents: RatingComponents,
  links: Type.Object({
    appeals: Link, overdue: Link, answeredLate: Link, rated: Link, lowRated: Link, repeated: Link, approvedDespiteWarning: Link,
    risks: Type.String(), reports: Type.String(), requests: Type.String(),
  }),
});
export type Figures = Static<typeof Figures>;

export const RatingWeights = Type.Object(
  Object.fromEntries(RATING_COMPONENTS.map((k) => [k, Type.Number({ minimum: 0, maximum: 100 })])) as Record<(typeof RATING_COMPONENTS)[number], ReturnType<typeof Type.Number>>,
  { additionalProperties: false, title: 'Веса рейтинга' },
);

export const Overview = Type.Object({
  period: Period,
  channels: Type.Array(Type.String()),
  region: Figures,
  municipalities: Type.Array(Figures),
  weights: RatingWeights,
});
export type Overview = Static<typeof Overview>;

export const TrendsQuery = Type.Object({
  from: LocalDate,
  to: LocalDate,
  granularity: Type.Optional(Type.Enum(['week', 'month'] as const, { description: 'По неделям (с понедельника) или месяцам; по умолчанию week' })),
  municipality: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z][a-z0-9-]*$' })),
  channel: Channels,
});
export type TrendsQuery = Static<typeof TrendsQuery>;

const TrendPoint = Type.Object({ bucket: LocalDate, from: LocalDate, to: LocalDate, appeals: Count, link: Link });
const TrendSeries = Type.Object({ period: Period, total: Count, link: Link, points: Type.Array(TrendPoint) });
export const Trends = Type.Object({
  granularity: Type.Enum(['week', 'month'] as const),
  municipality: Nullable(Type.String()),
  current: TrendSeries,
  previous: TrendSeries,
  yearAgo: TrendSeries,
});
export type Trends = Static<typeof Trends>;

export const StreetsQuery = Type.Object({
  from: LocalDate,
  to: LocalDate,
  municipality: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z][a-z0-9-]*$' })),
  channel: Channels,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type StreetsQuery = Static<typeof StreetsQuery>;

export const Streets = Type.Object({
  period: Period,
  items: Type.Array(Type.Object({
    municipality: Type.String(), municipalityName: Type.String(),
    street: Type.String({ description: 'Основы названия улицы, как их хранит обращение' }),
    place: Nullable(Type.String({ description: 'Название улицы, как его написали в одном из обращений' })),
    appeals: Count, link: Link,
  })),
}, { title: 'Улицы с наибольшим числом обращений' });
export type Streets = Static<typeof Streets>;

export const SpikesQuery = Type.Object({
  to: Type.Optional(LocalDate),
  municipality: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z][a-z0-9-]*$' })),
});
export type SpikesQuery = Static<typeof SpikesQuery>;

export const Spike = Type.Object({
  municipality: Type.String(), municipalityName: Type.String(), topic: Type.String(), topicTitle: Type.String(),
  count: Count, baseline: Type.Number({ description: 'Среднее за неделю за 8 предыдущих недель' }),
  ratio: Type.Number({ description: 'Во сколько раз выше базы' }), zScore: Type.Number(), pValue: Type.Number({ description: 'P(X ≥ count) по закону Пуассона' }),
  link: Link, baselineLink: Link,
});
export const Spikes = Type.Object({
  method: Type.String(),
  week: Period,
  baseline: Period,
  items: Type.Array(Spike),
});
export type Spikes = Static<typeof Spikes>;

export const MunicipalityParams = Type.Object({ slug: Type.String({ maxLength: 40, pattern: '^[a-z][a-z0-9-]*$' }) });

const UnitFigures = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  appeals: Count,
  overdue: Count,
  overdueShare: Share,
  answeredLate: Count,
  medianAnswerDays: Nullable(Type.Number()),
  satisfaction: Nullable(Type.Number()),
  rated: Count,
  open: Type.Integer({ minimum: 0, description: 'Нагрузка: незакрытых обращений сейчас, за любой период' }),
  links: Type.Object({ appeals: Link, overdue: Link, open: Link }),
});
export const MunicipalityAnalytics = Type.Object({
  period: Period,
  figures: Figures,
  departments: Type.Array(UnitFigures),
  executors: Type.Array(UnitFigures),
});
export type MunicipalityAnalytics = Static<typeof MunicipalityAnalytics>;

export const RatingSettings = Type.Object({
  weights: RatingWeights,
  defaults: RatingWeights,
  customized: Type.Boolean(),
  components: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  formula: Type.String(),
  can: Type.Object({ edit: Type.Boolean({ description: 'Может ли пользователь задать веса' }) }),
});
export type RatingSettings = Static<typeof RatingSettings>;

export const RATING_GROUPS = ['municipality', 'topic', 'department', 'executor'] as const;
export const RatingsQuery = Type.Object({
  from: LocalDate,
  to: LocalDate,
  by: Type.Enum(RATING_GROUPS, { description: 'Разрез: муниципалитет, тема, подразделение или исполнитель' }),
  municipality: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z][a-z0-9-]*$' })),
  channel: Channels,
});
export type RatingsQuery = Static<typeof RatingsQuery>;

const RatingRow = Type.Object({
  key: Nullable(Type.String({ description: 'slug, код темы или id; null — не указано' })),
  label: Type.String(),
  rated: Count,
  mean: Nullable(Type.Number({ description: 'Средняя оценка, 1–5' })),
  low: Type.Integer({ minimum: 0, description: 'Оценок 1 и 2' }),
  lowShare: Share,
  distribution: Type.Array(Count, { minItems: 5, maxItems: 5, description: 'Число оценок 1, 2, 3, 4 и 5' }),
  link: Nullable(Link),
  lowLink: Nullable(Link),
});
export const Ratings = Type.Object({
  period: Period,
  by: Type.Enum(RATING_GROUPS),
  municipality: Nullable(Type.String()),
  total: RatingRow,
  items: Type.Array(RatingRow, { description: 'Худшие средние оценки сначала' }),
});
export type Ratings = Static<typeof Ratings>;

const Curator = Type.Object({ id: Type.String({ format: 'uuid' }), fullName: Type.String(), login: Type.String() });

export const Sector = Type.Object({
  group: Type.String({ description: 'Код оперативной группы классификатора тем' }),
  title: Type.String(),
  curators: Type.Array(Curator, { description: 'Аналитики ЦУР — кураторы направления' }),
});
export type Sector = Static<typeof Sector>;

export const Sectors = Type.Object({
  can: Type.Object({ assign: Type.Boolean({ description: 'Может ли назначать кураторов (администратор ЦУР)' }) }),
  items: Type.Array(Sector),
  analysts: Type.Array(Curator, { description: 'Активные аналитики ЦУР, которых можно назначить' }),
});
export type Sectors = Static<typeof Sectors>;

export const SectorParams = Type.Object({ group: Type.String({ minLength: 1, maxLength: 100 }) });

export const SectorCurators = Type.Object({
  curators: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 100, uniqueItems: true, description: 'Идентификаторы аналитиков ЦУР' }),
}, { additionalProperties: false });
export type SectorCurators = Static<typeof SectorCurators>;

const SectorCount = { appeals: Count, overdue: Type.Integer({ minimum: 0, description: 'Не закрыты и просрочены на сегодня' }) };

export const MySector = Type.Object({
  period: Period,
  groups: Type.Array(Type.Object({
    group: Type.String(), title: Type.String(), ...SectorCount,
    links: Type.Object({ appeals: Link, overdue: Link }),
    municipalities: Type.Array(Type.Object({ municipality: Type.String(), municipalityName: Type.String(), ...SectorCount, link: Link, overdueLink: Link })),
    topics: Type.Array(Type.Object({ topic: Type.String(), topicTitle: Type.String(), ...SectorCount, link: Link })),
  }), { description: 'Направления, которые курирует пользователь; пусто — направлений нет' }),
});
export type MySector = Static<typeof MySector>;

export const MySectorQuery = Type.Object({ from: LocalDate, to: LocalDate });
export type MySectorQuery = Static<typeof MySectorQuery>;
