// Recognises PostgreSQL errors (both drivers carry the SQLSTATE in `code`, possibly on `cause`).
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (pgErrorCode(error) !== '23505') return false;
  if (!constraint) return true;
  const text = String((error as { constraint?: string }).constraint ?? '') + String((error as Error).message ?? '') + String(((error as { cause?: Error }).cause)?.message ?? '') + String(((error as { cause?: { constraint?: string } }).cause)?.constraint ?? '');
  return text.includes(constraint);
}

export interface MappedDbError {
  status: number;
  code: string;
  message: string;
}

/**
 * What a database error means for the client. Constraint, encoding and range errors are caused by
 * the request's data and answer 4xx with a stable code; anything else is a fault of ours (5xx).
 */
export function clientErrorOf(error: unknown): MappedDbError | null {
  const code = pgErrorCode(error);
  if (!code) return null;
  switch (code) {
    case '23505': return { status: 409, code: 'already_exists', message: 'Такая запись уже существует' };
    case '23503': return { status: 409, code: 'reference_conflict', message: 'Связанный объект не найден или на этот объект есть ссылки' };
    case '23502': return { status: 400, code: 'missing_value', message: 'Не заполнено обязательное значение' };
    case '23514': case '23P01': return { status: 400, code: 'invalid_value', message: 'Значение не проходит проверку' };
    case '22001': return { status: 400, code: 'value_too_long', message: 'Слишком длинное значение' };
    case '22003': return { status: 400, code: 'value_out_of_range', message: 'Число вне допустимого диапазона' };
    case '22007': case '22008': return { status: 400, code: 'invalid_date', message: 'Недопустимая дата или время' };
    case '22021': case '22P05': return { status: 400, code: 'invalid_characters', message: 'Недопустимые символы в тексте' };
    case '54000': return { status: 413, code: 'value_too_large', message: 'Слишком большое значение для обработки' };
  }
  // Class 22 is «data exception»: a value of the request the database cannot take.
  if (code.startsWith('22')) return { status: 400, code: 'invalid_value', message: 'Недопустимое значение в запросе' };
  return null;
}
