// Opaque keyset cursors for sorted lists: the last row's sort value and id.
import { badRequest } from '../../platform/errors';

export interface Cursor {
  value: string | number | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const [value, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [string | number | null, string];
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad id');
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw new Error('bad value');
    return { value, id };
  } catch {
    throw badRequest('invalid_cursor', 'Неверный курсор постраничного вывода: начните список заново');
  }
}
