// Shared pieces of route declarations: the error body and the list of error responses of a route.
import { Type, type TObject, type TSchema } from 'typebox';

export const ErrorBody = Type.Object({
  code: Type.String({ description: 'Стабильный машинный код ошибки' }),
  message: Type.String({ description: 'Сообщение для человека, по-русски' }),
  requestId: Type.Optional(Type.String()),
  details: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
}, { title: 'Ошибка' });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Неверные данные запроса',
  401: 'Требуется вход',
  403: 'Недостаточно прав или неверный CSRF-токен',
  404: 'Не найдено',
  409: 'Конфликт с текущим состоянием',
  413: 'Слишком большой запрос',
  422: 'Действие невозможно в текущем состоянии',
  429: 'Слишком много запросов',
};

/** Error responses of a route for its schema: `...errors(400, 401, 404)`. */
export function errors(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, { ...ErrorBody, description: ERROR_DESCRIPTIONS[s] }]));
}

/**
 * A success answer that is a file or a text document, not JSON: `{ 200: download(['application/pdf'], 'Отчёт в PDF') }`.
 * Its content types tell OpenAPI what comes back; the body is sent as it is, never serialized by a schema.
 */
export function download(contentTypes: string[], description: string, format: 'binary' | 'text' = 'binary') {
  const schema = format === 'binary' ? { type: 'string', format: 'binary' } : { type: 'string' };
  return { description, content: Object.fromEntries(contentTypes.map((type) => [type, { schema }])) };
}

/** A file a person uploaded, sent back as it was stored: the types `platform/files.ts` accepts. */
export const UPLOADED_FILE = download(['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], 'Файл в том виде, в каком его загрузили');

export const Uuid = Type.String({ format: 'uuid' });
/** The answer of an operation that returns nothing (204). */
export const NoContent = Type.Null();
/** A multipart form, checked field by field by the route's own schema once read (platform/multipart.ts). */
export const MultipartForm = Type.Any();
export const IdParams = Type.Object({ id: Uuid });
export const DateTime = Type.String({ format: 'date-time' });

/** The pattern of a link a person can open; `javascript:`, `data:` or `file:` links are never stored. */
export const HTTP_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+';
/** A web link: http or https only. */
export const HttpUrl = Type.String({ format: 'uri', pattern: HTTP_URL_PATTERN, maxLength: 1000 });

/** Whether a path parameter can be an object id at all; anything else is answered as not found. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f-]{36}$/i.test(value);
}

/**
 * A field of a lifecycle step's payload as the domain specifies it (domain/payload.ts; restated here
 * structurally, since this file imports nothing but TypeBox and is compiled by the web too).
 */
interface PayloadField {
  type: 'text' | 'url' | 'datetime' | 'enum';
  required: boolean;
  min?: number;
  max?: number;
  values?: readonly string[];
  description?: string;
}
type PayloadSpec = Readonly<Record<string, PayloadField>>;

function payloadFieldSchema(f: PayloadField): TSchema {
  const described = f.description ? { description: f.description } : {};
  switch (f.type) {
    case 'text': return Type.String({ ...(f.min !== undefined ? { minLength: f.min } : {}), ...(f.max !== undefined ? { maxLength: f.max } : {}), ...described });
    case 'url': return Type.String({ format: 'uri', pattern: HTTP_URL_PATTERN, maxLength: 1000, ...described });
    case 'datetime': return Type.String({ format: 'date-time', ...described });
    case 'enum': return Type.Enum(f.values ?? [], described);
  }
}

/** The schema of one step's payload: its required fields required, nothing else accepted. */
export function payloadSchema(title: string, spec: PayloadSpec, description: string): TObject {
  const fields: Record<string, TSchema> = {};
  for (const [name, f] of Object.entries(spec)) fields[name] = f.required ? payloadFieldSchema(f) : Type.Optional(payloadFieldSchema(f));
  return Type.Object(fields, { title, description, additionalProperties: false });
}

/** Each step's payload schema, by step. */
export function stepPayloads<A extends string>(actions: readonly A[], specOf: (action: A) => PayloadSpec, describe: (action: A) => string): Record<A, TObject> {
  return Object.fromEntries(actions.map((a) => [a, payloadSchema(a, specOf(a), describe(a))])) as Record<A, TObject>;
}

/**
 * Every field any step accepts, all optional (a field's first spec wins): what the body is checked against
 * before the step, which then requires its own fields with a message per field.
 */
export function anyStepPayload<A extends string>(actions: readonly A[], specOf: (action: A) => PayloadSpec): TObject {
  const merged: Record<string, PayloadField> = {};
  for (const a of actions) for (const [name, f] of Object.entries(specOf(a))) merged[name] ??= { ...f, required: false };
  return payloadSchema('any', merged, 'Поля любого шага');
}
