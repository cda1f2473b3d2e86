// The one query of the health check: does the database answer.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db';

export async function ping(db: Executor): Promise<void> {
  await db.execute(sql`select 1`);
}
