// Shared pieces of route declarations: the error body and the list of error responses of a route.
import { Type, type TSchema } from 'typebox';

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
