// The figures of a quarterly report, counted from the registry for one municipality and quarter.
// Every figure carries the registry filter that lists exactly the appeals it counts. The counting is
// done by the database (reports/repository.ts); a draft's counts are kept until the municipality's
// registry changes.
import { eq } from 'drizzle-orm';
import { CHANNEL_LABELS, KIND_LABELS, RESULT_CODE_LABELS, type AppealKind, type Channel, type ResultCode } from '../../../domain/appeals';
import { addDays, startOfLocalDay, toLocalDate } from '../../../domain/calendar/localDate';
import { quarterPeriod, type Quarter } from '../../../domain/reports/quarters';
import type { Executor } from '../../db';
import { organizations, topics } from '../../db/schema';
import { clocksOf } from '../risks/service';
import { quarterGroups, quarterRisks, quarterTotals, registryStamp, type QuarterBounds, type QuarterGroup, type QuarterTotals } from './repository';

export interface Figure { key: string; label: string; value: number; filter: string }
export interface ReportFigures {
  period: { from: string; to: string };
  total: Figure;
  byChannel: Figure[];
  bySection: Figure[];
  byTheme: Figure[];
  byKind: Figure[];
  byResult: Figure[];
  collective: Figure;
  repeated: Figure;
  extended: Figure;
  answeredLate: Figure;
  stillOverdue: Figure;
  answerDays: { average: number | null; median: number | null; answered: number };
  satisfaction: { rated: number; average: number | null; positiveShare: number | null; filter: string };
  topProblems: { topic: string; title: string; count: number; results: Record<string, number>; filter: string }[];
  risks: { total: number; byKind: Record<string, number>; byLevel: Record<string, number>; curProposalOnTime: number | null; draftOnTime: number | null };
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

interface Counts { totals: QuarterTotals; groups: QuarterGroup[] }

/** Counts of drafts by database handle, each with the registry stamp it was counted at. */
const kept = new WeakMap<object, Map<string, { stamp: number; counts: Counts }>>();
const KEPT_PER_DATABASE = 256;

/** How many times the counts were taken from the registry and how many reads reused them. */
export const figureCounts = { counted: 0, reused: 0 };

async function countQuarter(db: Executor, bounds: QuarterBounds, timeZone: string, today: string, keep: boolean): Promise<Counts> {
  const key = `${bounds.organizationId}|${bounds.from.toISOString()}|${bounds.to.toISOString()}|${timeZone}|${today}`;
  const stamp = keep ? await registryStamp(db, bounds.organizationId) : null;
  const cache = kept.get(db);
  const hit = cache?.get(key);
  if (stamp !== null && hit?.stamp === stamp) {
    figureCounts.reused++;
    return hit.counts;
  }
  figureCounts.counted++;
  const counts = { totals: await quarterTotals(db, bounds, timeZone, today), groups: await quarterGroups(db, bounds) };
  if (stamp !== null) {
    const map = cache ?? new Map();
    if (!cache) kept.set(db, map);
    map.delete(key);
    map.set(key, { stamp, counts });
    if (map.size > KEPT_PER_DATABASE) map.delete(map.keys().next().value!);
  }
  return counts;
}

/**
 * Builds the figures. With `keep`, the counts of the registry are reused while the municipality's
 * registry has not changed since they were taken (pass the database, not a transaction).
 */
export async function buildFigures(db: Executor, organizationId: string, year: number, quarter: Quarter, now: Date, options: { keep?: boolean } = {}): Promise<ReportFigures> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  const period = quarterPeriod(year, quarter);
  const base = `municipality=${org.slug}&registeredFrom=${period.from}&registeredTo=${period.to}`;
  const f = (extra: string) => (extra ? `${base}&${extra}` : base);
  // The quarter's local days as instants, so that the index on registration time bounds the scan.
  const bounds: QuarterBounds = { organizationId, from: startOfLocalDay(period.from, org.timeZone), to: startOfLocalDay(addDays(period.to, 1), org.timeZone) };
  const { totals: t, groups } = await countQuarter(db, bounds, org.timeZone, toLocalDate(now, org.timeZone), options.keep ?? false);
  const topicRows = await db.select({ code: topics.code, title: topics.title }).from(topics);
  const title = new Map(topicRows.map((x) => [x.code, x.title]));

  const tally = (pairs: [string | null, number][]) => {
    const m = new Map<string, number>();
    for (const [k, n] of pairs) if (k) m.set(k, (m.get(k) ?? 0) + n);
    return m;
  };
  // Larger counts first; equal counts by key, so that a cut (top 10, top 15) does not depend on the plan.
  const figures = <K extends string>(m: Map<string, number>, label: (k: K) => string, param: string): Figure[] => [...m.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, value]) => ({ key: k, label: label(k as K), value, filter: f(`${param}=${encodeURIComponent(k)}`) }));
  const of = (by: QuarterGroup['by']) => groups.filter((g) => g.by === by);
  const byTopic = of('topic');
  const topicTotals = tally(byTopic.map((g) => [g.key, g.count]));
  const topicCounts = figures(topicTotals, (k) => title.get(k) ?? k, 'topic').slice(0, 10);
  const one = (key: string, label: string, value: number, extra: string): Figure => ({ key, label, value, filter: f(extra) });

  const riskRows = await quarterRisks(db, bounds);
  const clockShare = (which: 'curProposal' | 'draft') => {
    const states = riskRows.map((r) => clocksOf(r, now)[which].state).filter((s) => s === 'met' || s === 'late' || s === 'overdue');
    return states.length ? round(states.filter((s) => s === 'met').length / states.length, 3) : null;
  };
  const riskTally = (key: 'kind' | 'level') => riskRows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r[key]]: (acc[r[key]] ?? 0) + 1 }), {});
  return {
    period: { from: period.from, to: period.to },
    total: { key: 'total', label: 'Всего обращений', value: t.total, filter: base },
    byChannel: figures(tally(of('channel').map((g) => [g.key, g.count])), (k: Channel) => CHANNEL_LABELS.ru[k] ?? k, 'channel'),
    bySection: figures(tally(byTopic.map((g) => [g.key?.slice(0, 4) ?? null, g.count])), (k) => title.get(k) ?? k, 'topic'),
    byTheme: figures(tally(byTopic.map((g) => [g.key?.slice(0, 9) ?? null, g.count])), (k) => title.get(k) ?? k, 'topic').slice(0, 15),
    byKind: figures(tally(of('kind').map((g) => [g.key, g.count])), (k: AppealKind) => KIND_LABELS.ru[k] ?? k, 'kind'),
    byResult: figures(tally(byTopic.map((g) => [g.result, g.count])), (k: ResultCode) => RESULT_CODE_LABELS.ru[k] ?? k, 'result'),
    collective: one('collective', 'Коллективные', t.collective, 'collective=true'),
    repeated: one('repeated', 'Повторные', t.repeated, 'repeated=true'),
    extended: one('extended', 'С продлением срока', t.extended, 'extended=true'),
    answeredLate: one('answeredLate', 'Ответ дан с нарушением срока', t.answeredLate, 'answeredLate=true'),
    stillOverdue: one('stillOverdue', 'Просрочены и не закрыты', t.stillOverdue, 'overdue=true'),
    answerDays: {
      average: t.answerDaysAverage === null ? null : round(t.answerDaysAverage),
      median: t.answerDaysMedian === null ? null : round(t.answerDaysMedian),
      answered: t.answered,
    },
    satisfaction: {
      rated: t.rated,
      average: t.ratingAverage === null ? null : round(t.ratingAverage, 2),
      positiveShare: t.rated ? round(t.ratedPositive / t.rated, 3) : null,
      filter: f('rated=true'),
    },
    topProblems: topicCounts.map((x) => ({
      topic: x.key, title: x.label, count: x.value, filter: x.filter,
      results: Object.fromEntries(byTopic.filter((g) => g.key === x.key && g.result).map((g) => [g.result!, g.count])),
    })),
    risks: { total: riskRows.length, byKind: riskTally('kind'), byLevel: riskTally('level'), curProposalOnTime: clockShare('curProposal'), draftOnTime: clockShare('draft') },
  };
}
