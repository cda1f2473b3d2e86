import { Type, type Static } from 'typebox';
import { RISK_ACTION_LABELS, RISK_ACTION_RULES, RISK_ACTIONS, RISK_KINDS, RISK_LEVELS, RISK_OUTCOMES, RISK_PLATFORMS, type RiskActionPayload } from '../../../domain/risks';
import { anyStepPayload, DateTime, HttpUrl, stepPayloads, Uuid } from '../../platform/http';


const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Platform = Type.Enum(RISK_PLATFORMS);
export const Kind = Type.Enum(RISK_KINDS);
export const Level = Type.Enum(RISK_LEVELS);
export const Outcome = Type.Enum(RISK_OUTCOMES);

const Clock = Type.Object({
  deadline: Nullable(DateTime),
  doneAt: Nullable(DateTime),
  state: Type.String({ description: 'running | due_soon | overdue | met | late | not_started' }),
  leftMs: Nullable(Type.Integer()),
});

export const RiskVersion = Type.Object({
  id: Uuid, version: Type.Integer(), kind: Type.String(), side: Type.String(), text: Type.String(), createdAt: DateTime,
  author: Nullable(Type.Object({ id: Uuid, fullName: Type.String() })),
});

export const Risk = Type.Object({
  id: Uuid,
  number: Type.String(),
  municipality: Type.String(),
  municipalityName: Type.String(),
  link: Nullable(Type.String()),
  platform: Platform,
  sourceName: Nullable(Type.String()),
  publishedAt: Nullable(DateTime),
  detectedAt: DateTime,
  text: Type.String(),
  reach: Type.Object({ views: Nullable(Type.Integer()), comments: Nullable(Type.Integer()), reposts: Nullable(Type.Integer()) }),
  topic: Nullable(Type.String()),
  kind: Kind,
  level: Level,
  status: Type.String(),
  registeredBySide: Type.String(),
  curator: Nullable(Type.Object({ id: Uuid, fullName: Type.String() })),
  sectorCurators: Type.Array(Type.Object({ id: Uuid, fullName: Type.String() }), { description: 'Кураторы направления ЦУР, к оперативной группе которого относится тема риска' }),
  deadlines: Type.Object({ curProposal: DateTime, draft: Nullable(DateTime) }),
  steps: Type.Object({
    signalReceivedAt: Nullable(DateTime),
    acknowledgedAt: Nullable(DateTime),
    curProposalAt: Nullable(DateTime),
    draftAt: Nullable(DateTime),
    headApprovedAt: Nullable(DateTime),
    curApprovedAt: Nullable(DateTime),
    publicationAt: Nullable(DateTime),
    closedAt: Nullable(DateTime),
  }),
  clocks: Type.Object({ curProposal: Clock, draft: Clock }),
  overdue: Type.Boolean({ description: 'Хотя бы один из двух трёхчасовых сроков просрочен или выполнен с опозданием' }),
  publication: Nullable(Type.Object({ place: Nullable(Type.String()), link: Nullable(Type.String()), at: DateTime, text: Type.String() })),
  outcome: Nullable(Outcome),
  versions: Type.Array(RiskVersion),
  files: Type.Array(Type.Object({ id: Uuid, purpose: Type.String(), filename: Type.String(), mimeType: Type.String(), size: Type.Integer() })),
  actions: Type.Array(Type.String()),
  can: Type.Object({
    upload: Type.Boolean({ description: 'Приложить снимки экрана' }),
    exportComment: Type.Boolean({ description: 'Выгрузить официальный комментарий в DOCX или PDF' }),
  }, { description: 'Что текущий пользователь может сделать с риском помимо шагов' }),
  createdAt: DateTime,
}, { title: 'Информационный риск' });
export type Risk = Static<typeof Risk>;

export const CreateRisk = Type.Object({
  municipality: Type.Optional(Type.String({ maxLength: 60 })),
  link: Type.Optional(Nullable(HttpUrl)),
  platform: Platform,
  sourceName: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  publishedAt: Type.Optional(Nullable(DateTime)),
  detectedAt: Type.Optional(DateTime),
  text: Type.String({ minLength: 1, maxLength: 20000 }),
  reach: Type.Optional(Type.Object({
    views: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
    comments: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
    reposts: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  }, { additionalProperties: false })),
  topic: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  kind: Kind,
  level: Level,
}, { additionalProperties: false });
export type CreateRisk = Static<typeof CreateRisk>;

export const RiskFilter = Type.Object({
  municipality: Type.Optional(Type.String({ maxLength: 500, description: 'slug; несколько — через запятую' })),
  status: Type.Optional(Type.String({ maxLength: 200 })),
  level: Type.Optional(Type.String({ maxLength: 100 })),
  platform: Type.Optional(Type.String({ maxLength: 100 })),
  open: Type.Optional(Type.Boolean({ description: 'Только незакрытые' })),
  overdue: Type.Optional(Type.Boolean()),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  sort: Type.Optional(Type.Enum(['urgency', '-detectedAt'] as const, { description: 'urgency — что истекает первым (доска ЦУР)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export type RiskFilter = Static<typeof RiskFilter>;

export const RiskListItem = Type.Object({
  id: Uuid, number: Type.String(), municipality: Type.String(), municipalityName: Type.String(), platform: Platform,
  sourceName: Nullable(Type.String()), link: Nullable(Type.String()), excerpt: Type.String(), kind: Kind, level: Level, status: Type.String(),
  detectedAt: DateTime, deadlines: Type.Object({ curProposal: DateTime, draft: Nullable(DateTime) }),
  clocks: Type.Object({ curProposal: Clock, draft: Clock }), overdue: Type.Boolean(), nextDeadline: Nullable(DateTime),
});

/** Each step's payload, derived from the domain's payload specs: `RISK_ACTION_PAYLOADS.publish`. */
export const RISK_ACTION_PAYLOADS = stepPayloads(RISK_ACTIONS, (a) => RISK_ACTION_RULES[a].payload, (a) => `Данные шага «${RISK_ACTION_LABELS.ru[a]}»`);

/** The body of `POST /api/risks/{id}/actions/{action}` in OpenAPI: the payload of the step named in the path. */
export const RiskActionBody = Type.Optional(Type.Union(RISK_ACTIONS.map((a) => RISK_ACTION_PAYLOADS[a]), { description: 'Данные шага, названного в пути' }));

/** What the body is checked against before the step: the fields of any step; the step requires its own. */
export const ActionBody = anyStepPayload(RISK_ACTIONS, (a) => RISK_ACTION_RULES[a].payload);
export type ActionBody = RiskActionPayload;

/** One step of the work on a risk, as the card's history shows it. */
export const RiskEvent = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  note: Nullable(Type.String()),
  actor: Nullable(Type.Object({ id: Uuid, fullName: Type.String() })),
}, { title: 'Шаг работы с риском' });
export type RiskEvent = Static<typeof RiskEvent>;

export const RiskTimeline = Type.Object({ items: Type.Array(RiskEvent) });
export const RiskList = Type.Object({ items: Type.Array(RiskListItem) });
export const RiskActionParams = Type.Object({ id: Uuid, action: Type.String({ maxLength: 40 }) });
export const RiskFileParams = Type.Object({ id: Uuid, fileId: Uuid });
export const CommentParams = Type.Object({ id: Uuid, format: Type.Enum(['docx', 'pdf'] as const) });

export const StatisticsQuery = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  municipality: Type.Optional(Type.String({ maxLength: 60 })),
});

const Minutes = Type.Union([Type.Number(), Type.Null()], { description: 'Медиана, минут' });
const Share = Type.Union([Type.Number(), Type.Null()], { description: 'Доля в срок, 0…1' });
export const RiskStatisticsRow = Type.Object({
  municipality: Type.String(),
  municipalityName: Type.String(),
  total: Type.Integer(),
  byKind: Type.Record(Type.String(), Type.Integer()),
  byLevel: Type.Record(Type.String(), Type.Integer()),
  medianMinutes: Type.Object({ acknowledge: Minutes, curProposal: Minutes, draft: Minutes, publication: Minutes }),
  onTime: Type.Object({ curProposal: Share, draft: Share }),
  overdue: Type.Object({ curProposal: Type.Integer(), draft: Type.Integer() }),
});

/** Risks per municipality and period: counts by kind and level, median times, share on time. */
export const Statistics = Type.Object({ from: Type.String(), to: Type.String(), rows: Type.Array(RiskStatisticsRow), region: RiskStatisticsRow });
export type Statistics = Static<typeof Statistics>;

/** A published official comment, as the public page and feed show it. */
export const Refutation = Type.Object({
  number: Type.String(),
  municipality: Type.String(),
  claim: Type.String({ description: 'Утверждение публикации, на которое дан ответ' }),
  claimLink: Type.Union([Type.String(), Type.Null()]),
  comment: Type.String(),
  publishedAt: Type.String(),
  place: Type.Union([Type.String(), Type.Null()]),
  link: Type.Union([Type.String(), Type.Null()]),
});
export const RefutationQuery = Type.Object({ municipality: Type.String({ minLength: 1, maxLength: 60 }) });
export const Refutations = Type.Object({ municipality: Type.String(), municipalityName: Type.String(), items: Type.Array(Refutation) });
export type Refutations = Static<typeof Refutations>;
