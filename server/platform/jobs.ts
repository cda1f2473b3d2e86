// Named background jobs. Each run takes a lease in the database, so several instances never run
// the same job at once, and a crashed run is picked up again once its lease expires.
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db';
import { jobRuns } from '../db/schema';
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
  async runOnce(name: string): Promise<boolean> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`unknown job ${name}`);
    const now = this.clock.now();
    await this.db.insert(jobRuns).values({ name }).onConflictDoNothing();
    const leaseUntil = new Date(now.getTime() + Math.max(job.everyMs * 5, 60_000));
    const [lease] = await this.db.update(jobRuns).set({ lockedUntil: leaseUntil, lastStartedAt: now })
      .where(and(eq(jobRuns.name, name), or(isNull(jobRuns.lockedUntil), lt(jobRuns.lockedUntil, now))))
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
        const p = this.runOnce(job.name).catch((error) => this.log.error({ err: error, job: job.name }, 'не удалось запустить фоновую задачу'));
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
