// Turns schema validation failures into Russian messages per field.
import type { FastifySchemaValidationError } from 'fastify';
import { validationFailed, type FieldError } from './errors';
import { HTTP_URL_PATTERN } from './http';

function fieldOf(error: FastifySchemaValidationError): string {
  const path = (error.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return path ? `${path}.${params.missingProperty}` : params.missingProperty;
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return path ? `${path}.${params.additionalProperty}` : params.additionalProperty;
  }
  return path || '(запрос)';
}

function messageOf(error: FastifySchemaValidationError): string {
  const p = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'required': return 'Обязательное поле';
    case 'type': return `Неверный тип значения: ожидается ${typeName(p.type)}`;
    case 'minLength': return p.limit === 1 ? 'Поле не может быть пустым' : `Не короче ${p.limit} символов`;
    case 'maxLength': return `Не длиннее ${p.limit} символов`;
    case 'minimum': return `Значение не меньше ${p.limit}`;
    case 'maximum': return `Значение не больше ${p.limit}`;
    case 'minItems': return `Не меньше ${p.limit} элементов`;
    case 'maxItems': return `Не больше ${p.limit} элементов`;
    case 'enum': return `Недопустимое значение; допустимо: ${(p.allowedValues ?? []).join(', ')}`;
    // A choice from a list (a union of constants): the first constant tried is no help to a person.
    case 'const': return 'Выберите значение из списка';
    case 'pattern': return p.pattern === HTTP_URL_PATTERN ? 'Ссылка должна начинаться с http:// или https://' : 'Значение не соответствует формату';
    case 'format': return formatMessage(String(p.format));
    case 'additionalProperties': return 'Неизвестное поле';
    case 'anyOf': case 'oneOf': return 'Значение не подходит ни под один из допустимых вариантов';
    default: return 'Недопустимое значение';
  }
}

function typeName(type: unknown): string {
  const names: Record<string, string> = { string: 'строка', integer: 'целое число', number: 'число', boolean: 'логическое значение', object: 'объект', array: 'массив', null: 'null' };
  return String(type).split(',').map((t) => names[t] ?? t).join(' или ');
}

function formatMessage(format: string): string {
  const names: Record<string, string> = {
    email: 'Неверный адрес электронной почты', uuid: 'Неверный идентификатор', 'date-time': 'Неверные дата и время (ожидается ISO 8601)',
    date: 'Неверная дата (ожидается ГГГГ-ММ-ДД)', uri: 'Неверная ссылка',
  };
  return names[format] ?? 'Значение не соответствует формату';
}

export function translateValidation(errors: FastifySchemaValidationError[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = fieldOf(error);
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: messageOf(error) });
  }
  return out;
}

/**
 * Characters no text may hold: C0 controls other than tab, line feed and carriage return, DEL, C1
 * controls and unpaired surrogates. PostgreSQL refuses U+0000 in text and jsonb, the rest is never
 * typed by a person and breaks exports and letters.
 */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 32;

export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN_CHARACTER.test(text);
}

/** Removes what `hasForbiddenCharacters` finds; for names the client chose for us (file names). */
export function stripForbiddenCharacters(text: string): string {
  return text.replace(new RegExp(FORBIDDEN_CHARACTER.source, 'g'), '');
}

/**
 * Checks every string (and every key) of a parsed body, query or path: the one place where control
 * characters are refused, for every route, before anything reaches the database.
 */
export function forbiddenCharacterErrors(value: unknown, path = ''): FieldError[] {
  const out: FieldError[] = [];
  const walk = (node: unknown, at: string, depth: number): void => {
    if (out.length >= 20) return;
    if (typeof node === 'string') {
      if (FORBIDDEN_CHARACTER.test(node)) out.push({ field: at || '(запрос)', message: 'Недопустимые управляющие символы в тексте' });
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (depth > MAX_DEPTH) {
      out.push({ field: at || '(запрос)', message: 'Слишком глубокая вложенность данных' });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, at ? `${at}.${i}` : String(i), depth + 1));
      return;
    }
    if (Buffer.isBuffer(node)) return;
    for (const [key, item] of Object.entries(node)) {
      const field = at ? `${at}.${key}` : key;
      if (FORBIDDEN_CHARACTER.test(key)) out.push({ field: stripForbiddenCharacters(field), message: 'Недопустимые управляющие символы в имени поля' });
      else walk(item, field, depth + 1);
    }
  };
  walk(value, path, 0);
  return out;
}

/** Refuses a request whose values hold forbidden characters: 400 with every field named. */
export function refuseForbiddenCharacters(...values: unknown[]): void {
  const details = values.flatMap((value) => forbiddenCharacterErrors(value));
  if (details.length > 0) throw validationFailed(details, 'Запрос содержит недопустимые управляющие символы');
}
