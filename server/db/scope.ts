// The tenant scope of an actor as a SQL condition, so that repositories, not callers, apply it.
import { inArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '../platform/policy';

/** Rows whose organisation column is within the scope; no condition for the whole region. */
export function withinScope(column: AnyPgColumn, scope: Scope): SQL | undefined {
  return scope === 'all' ? undefined : inArray(column, scope);
}
