// Small data that nearly never changes (organisations, installation settings) kept in memory per database
// for a few seconds, so that busy paths such as registration do not read it on every request. A write in
// this process forgets everything held at once; another process on the same database sees a change within
// the time a value is held.
import { performance } from 'node:perf_hooks';

/** How long a value is held, in milliseconds. */
export const HOLD_MS = 5_000;

interface Held {
  at: number;
  generation: number;
  value: Promise<unknown>;
}

let generation = 0;
const byDatabase = new WeakMap<object, Map<string, Held>>();

/** The value under `key` for this database, loaded once per holding period (concurrent callers share one load). */
export function cached<T>(db: object, key: string, load: () => Promise<T>): Promise<T> {
  let values = byDatabase.get(db);
  if (!values) byDatabase.set(db, (values = new Map()));
  const now = performance.now();
  const held = values.get(key);
  if (held && held.generation === generation && now - held.at < HOLD_MS) return held.value as Promise<T>;
  const value = load();
  const entry: Held = { at: now, generation, value };
  values.set(key, entry);
  value.catch(() => { if (values.get(key) === entry) values.delete(key); });
  return value;
}

/** Forgets every held value: called by the writes of organisations and settings. */
export function forgetCached(): void {
  generation++;
}
