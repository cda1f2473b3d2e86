// Named background jobs. Each run takes a lease in the database, so several instances never run
// the same job at once, and a crashed run is picked up again once its lease expires. A scheduled tick
// also skips a job that another instance started less than half a period ago, so that N instances
// together run each job once a period, not N times.
import { and, eq, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db';
import { jobMarks, jobRuns } from '../db/schema';
import type { Clock } from './clock';
import { errorSummary } from './logging';

export interface Job {
  name: string;
  everyMs: number;
  /**
   * Must be idempotent: it may run again over the same state after a crash. A long run works in bounded
   * batches, each committed, and returns between them once `signal` is aborted (the server is stopping).
   */
  run(now: Date, signal?: AbortSignal): Promise<unknown>;
}

export class JobScheduler {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();
  private stopped = false;
  private readonly stopping = new AbortController();

  constructor(private db: Db, private clock: Clock, private log: FastifyBaseLogger, readonly jobs: Job[] = []) {}

  add(job: Job): void {
    this.jobs.push(job);
  }

  /** Runs one job now if no other instance holds its lease; returns whether it ran. */
  runOnce(name: string): Promise<boolean> {
    return this.run(name, false);
  }

  /** What a scheduled tick does: runs the job unless it is leased or was started less than half a period ago. */
  runIfDue(name: string): Promise<boolean> {
    return this.run(name, true);
  }

  private async run(name: string, onlyIfDue: boolean): Promise<boolean> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`unknown job ${name}`);
    const now = this.clock.now();
    await this.db.insert(jobRuns).values({ name }).onConflictDoNothing();
    const leaseUntil = new Date(now.getTime() + Math.max(job.everyMs * 5, 60_000));
    // One statement: of instances racing for the row, the first commits the lease and the others find it taken.
    const [lease] = await this.db.update(jobRuns).set({ lockedUntil: leaseUntil, lastStartedAt: now })
      .where(and(
        eq(jobRuns.name, name),
        or(isNull(jobRuns.lockedUntil), lt(jobRuns.lockedUntil, now)),
        onlyIfDue ? or(isNull(jobRuns.lastStartedAt), lte(jobRuns.lastStartedAt, new Date(now.getTime() - job.everyMs / 2))) : undefined,
      ))
      .returning({ name: jobRuns.name });
    if (!lease) return false;
    try {
      await job.run(now, this.stopping.signal);
      await this.db.update(jobRuns).set({ lockedUntil: null, lastFinishedAt: this.clock.now(), lastError: null }).where(eq(jobRuns.name, name));
    } catch (error) {
      this.log.error({ err: error, job: name }, 'фоновая задача завершилась ошибкой');
      await this.db.update(jobRuns).set({ lockedUntil: null, lastError: errorSummary(error) }).where(eq(jobRuns.name, name));
    }
    return true;
  }

  start(): void {
    for (const job of this.jobs) {
      const tick = () => {
        if (this.stopped) return;
        const p = this.runIfDue(job.name).catch((error) => this.log.error({ err: error, job: job.name }, 'не удалось запустить фоновую задачу'));
        this.running.add(p);
        void p.finally(() => this.running.delete(p));
      };
      this.timers.push(setInterval(tick, job.everyMs));
      setImmediate(tick);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    for (const t of this.timers) clearInterval(t);
    await Promise.allSettled([...this.running]);
  }
}

/**
 * Deletes a job's marks that `spent` says its query can never select again, in committed batches; `spent`
 * is a condition over `job_marks` written by the module that owns the job and the format of its keys.
 */
export async function deleteSpentMarks(db: Db, job: string, spent: SQL, options: { batch?: number; signal?: AbortSignal } = {}): Promise<number> {
  const batch = options.batch ?? 5000;
  let deleted = 0;
  for (;;) {
    const rows = await db.delete(jobMarks).where(sql`(${jobMarks.job}, ${jobMarks.key}) in (
      select ${jobMarks.job}, ${jobMarks.key} from ${jobMarks} where ${jobMarks.job} = ${job} and ${spent} limit ${batch})`).returning({ key: jobMarks.key });
    deleted += rows.length;
    if (rows.length < batch || options.signal?.aborted) return deleted;
  }
}

/** A mark cleanup of one job: deletes the marks its query can no longer select. */
export type MarkCleanup = (now: Date, signal?: AbortSignal) => Promise<number>;

export const MARK_CLEANUP_JOB = 'job-marks-cleanup';

/** Once every few hours, every job's spent marks are deleted, so that job_marks holds only marks still in use. */
export function markCleanupJob(cleanups: Record<string, MarkCleanup>): Job {
  return {
    name: MARK_CLEANUP_JOB, everyMs: 6 * 3600_000,
    async run(now, signal) {
      const deleted: Record<string, number> = {};
      for (const [job, cleanup] of Object.entries(cleanups)) {
        if (signal?.aborted) break;
        deleted[job] = await cleanup(now, signal);
      }
      return deleted;
    },
  };
}
