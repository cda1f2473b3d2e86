// Brings a database to the current schema and loads the reference data every installation needs.
// The loaders come from the caller (`server/seed/reference.ts`), so the database layer knows no module.
import type { Database, Db } from './index';

/** Loads one kind of reference data into a migrated database; leaves data already there alone. */
export type ReferenceDataLoader = (db: Db) => Promise<unknown>;

export async function prepareDatabase(database: Database, loaders: readonly ReferenceDataLoader[]): Promise<void> {
  await database.migrate();
  for (const load of loaders) await load(database.db);
}
