// Brings a database to the current schema and loads the reference data every installation needs.
import type { Database } from './index';
import { seedTopics } from '../modules/topics/service';

export async function prepareDatabase(database: Database): Promise<void> {
  await database.migrate();
  await seedTopics(database.db);
}
