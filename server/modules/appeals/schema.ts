import { Type, type Static, type TSchema } from 'typebox';
import { DateTime, Uuid } from '../../platform/http';
import { TopicSuggestion } from '../text/schema';

import { ACTION_RULES, APPEAL_ACTIONS, APPEAL_KINDS, CHANNELS, RESULT_CODES, SUB_CHANNELS, type AppealAction, type FieldSpec } from '../../../domain/appeals';

export const AUTHOR_KINDS = ['person', 'anonymous', 'legal_entity', 'collective'] as const;

export const Channel = Type.Enum(CHANNELS);
export const SubChannel = Type.Enum(SUB_CHANNELS);
export const Kind = Type.Enum(APPEAL_KINDS);
export const AuthorKind = Type.Enum(AUTHOR_KINDS);
export const Result = Type.Enum(RESULT_CODES);
export const Tone = Type.Enum(['neutral', 'negative', 'aggressive'] as const, { description: 'Тон обращения: нейтральный, негативный, агрессивный' });

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const LocalDate = Type.String({ format: 'date' });

export const Signer = Type.Object({
  surname: Type.String({ minLength: 1, maxLength: 100 }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  patronymic: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  postalAddress: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
}, { additionalProperties: false, title: 'Подписавший' });
/** What the author block takes: who sends it, the organisation with its ИНН, or the signatories of a group. */
export const INN_PATTERN = '^[0-9]{10}([0-9]{2})?$';
export const Signers = Type.Array(Signer, { maxItems: 500, description: 'Остальные подписавшие коллективное обращение' });

export const Author = Type.Object({
  kind: AuthorKind,
  surname: Nullable(Type.String()),
  name: Nullable(Type.String()),
  patronymic: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  postalAddress: Nullable(Type.String()),
  organization: Nullable(Type.String({ description: 'Юридическое лицо' })),
  inn: Nullable(Type.String({ description: 'ИНН организации' })),
  signatories: Nullable(Type.Integer({ description: 'Число подписавших коллективное обращение' })),
  signers: Type.Array(Signer, { description: 'Подписавшие коллективное обращение, кроме первого (он — в полях автора)' }),
});

export const AuthorInput = Type.Object({
  kind: Type.Optional(AuthorKind),
  surname: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  name: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  patronymic: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
  phone: Type.Optional(Nullable(Type.String({ pattern: '^[+0-9 ()-]{5,30}$' }))),
  postalAddress: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  organization: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  inn: Type.Optional(Nullable(Type.String({ pattern: INN_PATTERN, description: 'ИНН организации: 10 цифр (12 — у предпринимателя), с проверкой контрольных цифр' }))),
  signatories: Type.Optional(Nullable(Type.Integer({ minimum: 2, maximum: 1_000_000 }))),
  signers: Type.Optional(Signers),
}, { additionalProperties: false });

export const Deadlines = Type.Object({
  register: LocalDate,
  forward: Nullable(LocalDate),
  answer: LocalDate,
}, { description: 'Последний день, когда шаг ещё в срок (местная дата муниципалитета)' });

export const AttachmentInfo = Type.Object({ id: Uuid, filename: Type.String(), mimeType: Type.String(), size: Type.Integer(), purpose: Type.String(), createdAt: DateTime });

export const Appeal = Type.Object({
  id: Uuid,
  number: Type.String(),
  municipality: Type.String({ description: 'slug муниципального образования' }),
  municipalityName: Type.String(),
  channel: Channel,
  subChannel: SubChannel,
  externalId: Nullable(Type.String()),
  receivedAt: DateTime,
  registeredAt: Nullable(DateTime),
  status: Type.String(),
  author: Author,
  text: Type.String(),
  address: Nullable(Type.String()),
  location: Nullable(Type.Object({ latitude: Type.Number(), longitude: Type.Number() })),
  topic: Nullable(Type.String({ description: 'Код темы классификатора' })),
  topicTitle: Nullable(Type.String()),
  suggestions: Type.Array(TopicSuggestion, { description: 'Три самые вероятные темы по тексту: модель, обученная на темах, выбранных людьми, вместе с ключевыми словами классификатора' }),
  kind: Nullable(Kind),
  department: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  executor: Nullable(Type.Object({ id: Uuid, fullName: Type.String() })),
  repeated: Type.Boolean(),
  onControl: Type.Boolean(),
  repeatOf: Nullable(Type.Object({ id: Uuid, number: Type.String() }, { description: 'Предыдущее обращение того же автора по тому же вопросу (59-ФЗ)' })),
  resendOf: Nullable(Type.Object({ id: Uuid, number: Type.String() }, { description: 'То же обращение, отправленное повторно через несколько минут: предлагается объединить (шаг merge)' })),
  cluster: Nullable(Type.Object({ id: Uuid, size: Type.Integer(), title: Type.String() }, { description: 'Группа обращений разных авторов об одной проблеме в одном месте' })),
  language: Nullable(Type.Object({
    obscene: Type.Array(Type.String()), threats: Type.Array(Type.String()),
  }, { description: 'Нецензурные слова и угрозы в тексте (основание ч.3 ст.11 59-ФЗ; решает человек)' })),
  tone: Tone,
  answerCheck: Nullable(Type.Object({
    formal: Type.Boolean(), score: Type.Number(), reasons: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
  }, { description: 'Проверка ответа на отписку: для ответа на согласовании — текущего проекта, для согласованного — как его согласовали' })),
  duplicateOf: Nullable(Uuid),
  deadlines: Deadlines,
  overdue: Type.Boolean(),
  dueSoon: Type.Boolean(),
  workingDaysLeft: Nullable(Type.Integer()),
  extension: Nullable(Type.Object({ days: Type.Integer(), reason: Type.String() })),
  forwarded: Nullable(Type.Object({ to: Type.String(), at: DateTime })),
  leftWithoutAnswer: Nullable(Type.Object({ ground: Type.String() })),
  answer: Nullable(Type.Object({
    text: Type.String(),
    result: Nullable(Result),
    submittedBy: Nullable(Type.Object({ id: Uuid, fullName: Type.String() })),
    approvedBy: Nullable(Type.Object({ id: Uuid, fullName: Type.String() })),
    answeredAt: Nullable(DateTime),
    approvedDespiteWarning: Type.Boolean({ description: 'Руководитель согласовал ответ, несмотря на предупреждение об отписке' }),
  })),
  rating: Nullable(Type.Object({ score: Type.Integer(), comment: Nullable(Type.String()), at: DateTime })),
  flaggedForCur: Type.Boolean(),
  attachments: Type.Array(AttachmentInfo),
  actions: Type.Array(Type.String(), { description: 'Шаги жизненного цикла, доступные текущему пользователю' }),
  can: Type.Object({
    edit: Type.Boolean({ description: 'Уточнить тему, вид, адрес, признаки (PATCH)' }),
    upload: Type.Boolean({ description: 'Приложить файлы' }),
    comment: Type.Boolean({ description: 'Оставить внутренний комментарий' }),
  }, { description: 'Что текущий пользователь может сделать с обращением помимо шагов жизненного цикла' }),
  createdAt: DateTime,
  updatedAt: DateTime,
}, { title: 'Обращение' });
export type Appeal = Static<typeof Appeal>;

export const CreateAppeal = Type.Object({
  municipality: Type.Optional(Type.String({ description: 'slug; пользователю муниципалитета можно не указывать' })),
  channel: Channel,
  subChannel: Type.Optional(SubChannel),
  externalId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  receivedAt: Type.Optional(DateTime),
  registeredAt: Type.Optional(DateTime),
  author: Type.Optional(AuthorInput),
  text: Type.String({ minLength: 1, maxLength: 20000 }),
  address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  location: Type.Optional(Nullable(Type.Object({ latitude: Type.Number({ minimum: -90, maximum: 90 }), longitude: Type.Number({ minimum: -180, maximum: 180 }) }))),
  topic: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  kind: Type.Optional(Nullable(Kind)),
  repeated: Type.Optional(Type.Boolean()),
  onControl: Type.Optional(Type.Boolean()),
  repeatOf: Type.Optional(Nullable(Type.String({ description: 'Номер или id предыдущего обращения' }))),
  department: Type.Optional(Nullable(Uuid)),
}, { additionalProperties: false });
export type CreateAppeal = Static<typeof CreateAppeal>;

export const UpdateAppeal = Type.Object({
  topic: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  kind: Type.Optional(Nullable(Kind)),
  address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  location: Type.Optional(Nullable(Type.Object({ latitude: Type.Number({ minimum: -90, maximum: 90 }), longitude: Type.Number({ minimum: -180, maximum: 180 }) }))),
  repeated: Type.Optional(Type.Boolean()),
  onControl: Type.Optional(Type.Boolean()),
  department: Type.Optional(Nullable(Uuid)),
  collective: Type.Optional(Type.Boolean({ description: 'Коллективное обращение (от группы лиц)' })),
}, { additionalProperties: false, minProperties: 1 });
export type UpdateAppeal = Static<typeof UpdateAppeal>;

const CsvList = (description: string) => Type.Optional(Type.String({ maxLength: 500, description: `${description}; несколько — через запятую` }));

export const AppealFilter = Type.Object({
  municipality: CsvList('slug муниципалитета'),
  status: CsvList('статус'),
  channel: CsvList('канал'),
  topic: Type.Optional(Type.String({ maxLength: 40, description: 'Код темы или раздела (по префиксу)' })),
  group: Type.Optional(Type.String({ maxLength: 40, description: 'Оперативная группа тем: roads, housing…' })),
  department: Type.Optional(Uuid),
  executor: Type.Optional(Uuid),
  overdue: Type.Optional(Type.Boolean()),
  dueSoon: Type.Optional(Type.Boolean({ description: 'Осталось не больше 2 рабочих дней' })),
  flagged: Type.Optional(Type.Boolean()),
  onControl: Type.Optional(Type.Boolean()),
  deadlineFrom: Type.Optional(LocalDate),
  deadlineTo: Type.Optional(LocalDate),
  receivedFrom: Type.Optional(LocalDate),
  receivedTo: Type.Optional(LocalDate),
  registeredFrom: Type.Optional(LocalDate),
  registeredTo: Type.Optional(LocalDate),
  kind: Type.Optional(Type.String({ maxLength: 100, description: 'вид: statement, proposal, complaint' })),
  result: Type.Optional(Type.String({ maxLength: 200, description: 'результат рассмотрения (код ССТУ)' })),
  collective: Type.Optional(Type.Boolean()),
  repeated: Type.Optional(Type.Boolean()),
  tone: CsvList('тон: neutral, negative, aggressive'),
  cluster: Type.Optional(Uuid),
  street: Type.Optional(Type.String({ maxLength: 100, description: 'Улица, как её основы хранит обращение (place_street), — из ссылок аналитики' })),
  offensive: Type.Optional(Type.Boolean({ description: 'Есть нецензурные слова или угрозы' })),
  approvedDespiteWarning: Type.Optional(Type.Boolean({ description: 'Ответ согласован, несмотря на предупреждение об отписке' })),
  extended: Type.Optional(Type.Boolean({ description: 'Срок продлевался' })),
  answeredLate: Type.Optional(Type.Boolean({ description: 'Ответ дан позже срока' })),
  rated: Type.Optional(Type.Boolean({ description: 'Заявитель оценил ответ' })),
  ratedFrom: Type.Optional(Type.String({ format: 'date', description: 'Оценка поставлена в этот день или позже (местная дата муниципалитета)' })),
  rating: Type.Optional(Type.String({ pattern: '^[1-5](,[1-5])*$', maxLength: 20, description: 'оценка заявителя от 1 до 5; несколько — через запятую' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Полнотекстовый поиск по-русски' })),
  ids: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(,[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})*$', maxLength: 7400, description: 'Только эти обращения (идентификаторы через запятую, до 200): выгрузка выбранных' })),
  sort: Type.Optional(Type.Enum(['receivedAt', '-receivedAt', 'registeredAt', '-registeredAt', 'deadline', '-deadline', 'number', '-number'] as const)),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  total: Type.Optional(Type.Boolean({ description: 'Посчитать total; по умолчанию считается только для первой страницы (без cursor)' })),
});
export type AppealFilter = Static<typeof AppealFilter>;

export const AppealListItem = Type.Object({
  id: Uuid,
  number: Type.String(),
  municipality: Type.String(),
  channel: Channel,
  subChannel: SubChannel,
  receivedAt: DateTime,
  registeredAt: Nullable(DateTime),
  status: Type.String(),
  authorName: Nullable(Type.String()),
  excerpt: Type.String(),
  topic: Nullable(Type.String()),
  topicTitle: Nullable(Type.String()),
  executor: Nullable(Type.String()),
  deadlines: Deadlines,
  overdue: Type.Boolean(),
  dueSoon: Type.Boolean(),
  workingDaysLeft: Nullable(Type.Integer()),
  flaggedForCur: Type.Boolean(),
  onControl: Type.Boolean(),
  repeated: Type.Boolean(),
  tone: Tone,
});

export const AppealList = Type.Object({
  items: Type.Array(AppealListItem),
  nextCursor: Nullable(Type.String()),
  total: Nullable(Type.Integer({ description: 'Сколько обращений подходит под фильтр (не больше 10 000); null на следующих страницах, если не запрошено total=true' })),
  totalCapped: Type.Boolean({ description: 'Подходит больше 10 000 — total показывает 10 000' }),
});

export const TimelineEntry = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  kind: Type.String(),
  action: Nullable(Type.String()),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  note: Nullable(Type.String()),
  actor: Nullable(Type.Object({ id: Uuid, fullName: Type.String() })),
  payload: Type.Unknown(),
});

/** The schema of one payload field, from the domain's spec of it (domain/appeals/lifecycle.ts). */
function fieldSchema(spec: FieldSpec): TSchema {
  switch (spec.type) {
    case 'text': return Type.String({ minLength: 1 });
    case 'id': return Uuid;
    case 'date': return Type.String({ format: 'date' });
    case 'enum': return Type.Enum(spec.values ?? []);
    case 'integer': return Type.Integer({ minimum: spec.min, maximum: spec.max });
    case 'boolean': return Type.Boolean();
  }
}

/** Each lifecycle step's payload, derived from the domain's payload specs: `ACTION_PAYLOADS.assign`. */
export const ACTION_PAYLOADS = {} as Record<AppealAction, TSchema>;
for (const action of APPEAL_ACTIONS) {
  const fields: Record<string, TSchema> = {};
  for (const [name, spec] of Object.entries(ACTION_RULES[action].payload)) fields[name] = spec.required ? fieldSchema(spec) : Type.Optional(fieldSchema(spec));
  ACTION_PAYLOADS[action] = Type.Object(fields, { title: action, description: `Данные шага ${action}` });
}

/**
 * The body of `POST /api/appeals/{id}/actions/{action}`: the payload of the step named in the path. The step
 * itself checks it (checkActionPayload), with a message per field and the rules that depend on who acts.
 */
export const AppealActionBody = Type.Optional(Type.Union(APPEAL_ACTIONS.map((action) => ACTION_PAYLOADS[action]), {
  description: 'Данные шага, названного в пути; у шагов без данных — пустой объект',
}));

/** What a step accepts before its own check (checkActionPayload): any JSON object. */
export const AnyStepBody = Type.Record(Type.String(), Type.Unknown());
export const AppealActionParams = Type.Object({ id: Uuid, action: Type.String({ maxLength: 40 }) });
export const AppealExportQuery = Type.Intersect([AppealFilter, Type.Object({
  format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]),
  mask: Type.Optional(Type.Boolean({ description: 'Скрыть персональные данные: e-mail, телефоны, номера квартир и имена автора в тексте, заявитель — инициалами' })),
})]);
export const Timeline = Type.Object({ items: Type.Array(TimelineEntry) });
export const CommentBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });
export const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid });

export const LetterParams = Type.Object({ id: Uuid, format: Type.Enum(['docx', 'pdf'] as const) });

/** Steps a registry applies to many appeals at once; each appeal goes through its own step with its own rules and audit. */
export const BULK_ACTIONS = ['assign', 'set_control', 'unset_control'] as const;
export const BulkActionBody = Type.Object({
  ids: Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true, description: 'Выбранные обращения' }),
  action: Type.Enum(BULK_ACTIONS),
  payload: Type.Optional(Type.Object({
    departmentId: Type.Optional(Uuid),
    executorId: Type.Optional(Uuid),
  }, { additionalProperties: false, description: 'Данные шага: для assign — departmentId и, по желанию, executorId' })),
}, { additionalProperties: false });
export type BulkActionBody = Static<typeof BulkActionBody>;

export const BulkActionResult = Type.Object({
  done: Type.Integer({ description: 'Сколько обращений изменено' }),
  failed: Type.Integer({ description: 'Сколько не удалось изменить' }),
  items: Type.Array(Type.Object({
    id: Uuid,
    number: Nullable(Type.String()),
    ok: Type.Boolean(),
    status: Nullable(Type.String({ description: 'Статус после шага' })),
    code: Nullable(Type.String({ description: 'Код отказа' })),
    message: Nullable(Type.String({ description: 'Почему не получилось, по-русски' })),
  })),
});
export type BulkActionResult = Static<typeof BulkActionResult>;
