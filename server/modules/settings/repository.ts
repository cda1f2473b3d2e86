// All SQL of installation settings: one JSON value per key.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db';
import { forgetCached } from '../../platform/cache';
import { settings } from '../../db/schema';

/** The stored value of a setting, or undefined when it keeps its default. */
export async function findSetting(db: Executor, key: string): Promise<unknown> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key)).limit(1);
  return row ? row.value : undefined;
}

export async function saveSetting(db: Executor, key: string, value: unknown, now: Date): Promise<void> {
  forgetCached();
  await db.insert(settings).values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
}
