// The one place where application errors are raised: each has a code of the catalogue (domain/errors.ts) with
// its HTTP status, and a Russian message, the catalogue's unless the throw site says more about its case.
import { ERRORS, type CodeWithStatus, type ErrorCode } from '../../domain/errors';

export { ERRORS, type CodeWithStatus, type ErrorCode } from '../../domain/errors';

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  /** Headers the error response carries besides its body. */
  headers?: Record<string, string>;

  /** The status is the code's status in the catalogue (a test checks every `new AppError(status, 'code'…)`). */
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string = ERRORS[code].ru,
    readonly details?: FieldError[],
  ) {
    super(message);
  }
}

/** The error of a catalogue code with its status: `throw appError('report_locked')`. */
export function appError(code: ErrorCode, message?: string, details?: FieldError[]): AppError {
  return new AppError(ERRORS[code].status, code, message, details);
}

export const badRequest = (code: CodeWithStatus<400>, message?: string) => new AppError(400, code, message);
export const validationFailed = (details: FieldError[], message: string = ERRORS.validation_failed.ru) =>
  new AppError(400, 'validation_failed', message, details);
export const unauthorized = (code: CodeWithStatus<401> = 'unauthorized', message?: string) => new AppError(401, code, message);
export const forbidden = (code: CodeWithStatus<403> = 'forbidden', message?: string) => new AppError(403, code, message);
export const notFound = (code: CodeWithStatus<404> = 'not_found', message?: string) => new AppError(404, code, message);
export const conflict = (code: CodeWithStatus<409>, message?: string) => new AppError(409, code, message);
export const unprocessable = (code: CodeWithStatus<422>, message?: string) => new AppError(422, code, message);

/** A 429 that says when to come back: the `Retry-After` header and the same wait in its message. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number, reason = 'Слишком много запросов') {
    super(429, 'rate_limited', `${reason}. Повторите через ${waitText(retryAfterSeconds)}`);
    this.headers = { 'retry-after': String(retryAfterSeconds) };
  }
}

export const tooManyRequests = (retryAfterSeconds: number, reason?: string) => new RateLimitedError(retryAfterSeconds, reason);

/** «7 мин.» or, under a minute, «30 сек.». */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${Math.max(1, Math.ceil(seconds))} сек.` : `${Math.ceil(seconds / 60)} мин.`;
}

/** Russian messages for the errors that Fastify itself raises before a handler runs. */
export const FRAMEWORK_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'Слишком большой объём данных в запросе' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'Неподдерживаемый тип содержимого запроса' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', message: 'Пустое тело запроса при типе application/json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'Тело запроса не является корректным JSON' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url', message: 'Адрес запроса содержит неверно закодированные символы' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'url_too_long', message: 'Слишком длинный параметр в адресе запроса' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'bad_request', message: 'Неверный запрос' },
  FST_ERR_BAD_STATUS_CODE: { status: 500, code: 'internal_error', message: 'Внутренняя ошибка сервера' },
};

/** Standard error body, declared once for the OpenAPI description of every route. */
export const ERROR_SCHEMA_ID = 'Error';

/** Multipart errors of @fastify/multipart, by its codes. */
export const MULTIPART_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'file_too_large', message: 'Файл больше 10 МБ' },
  FST_FILES_LIMIT: { status: 413, code: 'too_many_files', message: 'Можно приложить не более 5 файлов' },
  FST_PARTS_LIMIT: { status: 413, code: 'too_many_parts', message: 'Слишком много частей в запросе' },
  FST_FIELDS_LIMIT: { status: 413, code: 'too_many_fields', message: 'Слишком много полей в запросе' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 400, code: 'invalid_multipart', message: 'Ожидается запрос multipart/form-data' },
};
