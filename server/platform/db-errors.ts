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
