// Turns schema validation failures into Russian messages per field.
import type { FastifySchemaValidationError } from 'fastify';
import type { FieldError } from './errors';

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
    case 'const': return `Ожидается значение ${JSON.stringify(p.allowedValue)}`;
    case 'pattern': return 'Значение не соответствует формату';
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
