// Risk statistics per municipality and period: counts by kind and level, median times, share on time.
import type { Static } from 'typebox';
import { addDays, startOfLocalDay } from '../../../domain/calendar/localDate';
import type { Db } from '../../db';
import type { Actor } from '../../platform/actor';
import { detectedWithin, type RiskRow } from './repository';
import { validationFailed } from '../../platform/errors';
import { clocksOf } from './service';
import { Statistics, StatisticsQuery } from './schema';

export { Statistics, StatisticsQuery };

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return Math.round((s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) * 10) / 10;
}

const minutes = (from: Date | null, to: Date | null) => (from && to ? (to.getTime() - from.getTime()) / 60_000 : null);

function summarise(municipality: string, municipalityName: string, rows: RiskRow[], now: Date) {
  const count = (key: 'kind' | 'level') => rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r[key]]: (acc[r[key]] ?? 0) + 1 }), {});
  const values = (f: (r: RiskRow) => number | null) => rows.map(f).filter((v): v is number => v !== null);
  const clocks = rows.map((r) => clocksOf(r, now));
  const share = (which: 'curProposal' | 'draft') => {
    const decided = clocks.map((c) => c[which].state).filter((s) => s === 'met' || s === 'late' || s === 'overdue');
    return decided.length ? Math.round((decided.filter((s) => s === 'met').length / decided.length) * 1000) / 1000 : null;
  };
  return {
    municipality, municipalityName, total: rows.length, byKind: count('kind'), byLevel: count('level'),
    medianMinutes: {
      acknowledge: median(values((r) => minutes(r.detectedAt, r.acknowledgedAt))),
      curProposal: median(values((r) => minutes(r.detectedAt, r.curProposalAt))),
      draft: median(values((r) => minutes(r.signalReceivedAt, r.draftAt))),
      publication: median(values((r) => minutes(r.detectedAt, r.publicationAt))),
    },
    onTime: { curProposal: share('curProposal'), draft: share('draft') },
    overdue: {
      curProposal: clocks.filter((c) => c.curProposal.state === 'overdue' || c.curProposal.state === 'late').length,
      draft: clocks.filter((c) => c.draft.state === 'overdue' || c.draft.state === 'late').length,
    },
  };
}

export async function riskStatistics(db: Db, actor: Actor, q: Static<typeof StatisticsQuery>, now: Date): Promise<Statistics> {
  if (q.to < q.from) throw validationFailed([{ field: 'to', message: 'Конец периода раньше начала' }]);
  const rows = await detectedWithin(db, actor, startOfLocalDay(q.from, actor.timeZone), startOfLocalDay(addDays(q.to, 1), actor.timeZone), q.municipality);
  const bySlug = new Map<string, { name: string; rows: RiskRow[] }>();
  for (const { r, slug, name } of rows) {
    if (!bySlug.has(slug)) bySlug.set(slug, { name, rows: [] });
    bySlug.get(slug)!.rows.push(r);
  }
  return {
    from: q.from, to: q.to,
    rows: [...bySlug.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name, 'ru')).map(([slug, v]) => summarise(slug, v.name, v.rows, now)),
    region: summarise('region', 'Всего', rows.map((x) => x.r), now),
  };
}
