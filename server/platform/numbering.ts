// Region-wide sequence numbers by kind and year (information risks, ЦУР requests), allocated atomically.
import { sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { counters } from '../db/schema';

export async function nextInSequence(tx: Executor, name: string, year: number): Promise<number> {
  const [row] = await tx.insert(counters).values({ name, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [counters.name, counters.year], set: { lastSeq: sql`${counters.lastSeq} + 1` } })
    .returning({ seq: counters.lastSeq });
  return row.seq;
}
