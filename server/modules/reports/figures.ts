// The figures of a quarterly report, counted from the registry for one municipality and quarter.
// Every figure carries the registry filter that lists exactly the appeals it counts.
import { and, eq, gte, lt } from 'drizzle-orm';
import { CHANNEL_LABELS, KIND_LABELS, RESULT_CODE_LABELS, OPEN_STATUSES, isOverdue, type AppealKind, type Channel, type ResultCode } from '../../../domain/appeals';
import { toLocalDate } from '../../../domain/calendar/localDate';
import { quarterPeriod, type Quarter } from '../../../domain/reports/quarters';
import type { Executor } from '../../db';
import { appeals, organizations, risks, topics } from '../../db/schema';
import { clocksOf } from '../risks/service';

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

export async function buildFigures(db: Executor, organizationId: string, year: number, quarter: Quarter, now: Date): Promise<ReportFigures> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  const period = quarterPeriod(year, quarter);
  const base = `municipality=${org.slug}&registeredFrom=${period.from}&registeredTo=${period.to}`;
  const f = (extra: string) => (extra ? `${base}&${extra}` : base);
  const wide = { from: new Date(Date.parse(`${period.from}T00:00:00Z`) - 14 * 3600_000), to: new Date(Date.parse(`${period.to}T00:00:00Z`) + 38 * 3600_000) };
  const candidates = await db.select({
    channel: appeals.channel, kind: appeals.kind, result: appeals.answerResult, topic: appeals.topicCode, authorKind: appeals.authorKind,
    repeated: appeals.repeated, extensionDays: appeals.extensionDays, registeredAt: appeals.registeredAt, answeredAt: appeals.answeredAt,
    deadlineAnswer: appeals.deadlineAnswer, status: appeals.status, rating: appeals.ratingScore,
  }).from(appeals).where(and(eq(appeals.organizationId, organizationId), gte(appeals.registeredAt, wide.from), lt(appeals.registeredAt, wide.to)));
  const rows = candidates.filter((r) => {
    const day = toLocalDate(r.registeredAt!, org.timeZone);
    return day >= period.from && day <= period.to;
  });
  const topicRows = await db.select({ code: topics.code, title: topics.title }).from(topics);
  const title = new Map(topicRows.map((t) => [t.code, t.title]));
  const count = <K extends string>(key: (r: (typeof rows)[number]) => K | null, label: (k: K) => string, param: string): Figure[] => {
    const m = new Map<K, number>();
    for (const r of rows) { const k = key(r); if (k) m.set(k, (m.get(k) ?? 0) + 1); }
    return [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, value]) => ({ key: k, label: label(k), value, filter: f(`${param}=${encodeURIComponent(k)}`) }));
  };
  const one = (key: string, label: string, pred: (r: (typeof rows)[number]) => boolean, extra: string): Figure => ({ key, label, value: rows.filter(pred).length, filter: f(extra) });
  const answerDays = rows.filter((r) => r.answeredAt && r.registeredAt).map((r) => (r.answeredAt!.getTime() - r.registeredAt!.getTime()) / 86_400_000).sort((a, b) => a - b);
  const median = answerDays.length ? (answerDays.length % 2 ? answerDays[(answerDays.length - 1) / 2] : (answerDays[answerDays.length / 2 - 1] + answerDays[answerDays.length / 2]) / 2) : null;
  const rated = rows.filter((r) => r.rating !== null);
  const topicCounts = count((r) => r.topic, (k) => title.get(k) ?? k, 'topic').slice(0, 10);
  const riskRows = await db.select().from(risks).where(and(eq(risks.organizationId, organizationId),
    gte(risks.detectedAt, wide.from), lt(risks.detectedAt, wide.to)));
  const quarterRisks = riskRows.filter((r) => { const d = toLocalDate(r.detectedAt, org.timeZone); return d >= period.from && d <= period.to; });
  const clockShare = (which: 'curProposal' | 'draft') => {
    const states = quarterRisks.map((r) => clocksOf(r, now)[which].state).filter((s) => s === 'met' || s === 'late' || s === 'overdue');
    return states.length ? round(states.filter((s) => s === 'met').length / states.length, 3) : null;
  };
  const tally = (key: 'kind' | 'level') => quarterRisks.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r[key]]: (acc[r[key]] ?? 0) + 1 }), {});
  return {
    period: { from: period.from, to: period.to },
    total: { key: 'total', label: 'Всего обращений', value: rows.length, filter: base },
    byChannel: count((r) => r.channel as Channel, (k) => CHANNEL_LABELS.ru[k] ?? k, 'channel'),
    bySection: count((r) => r.topic?.slice(0, 4) ?? null, (k) => title.get(k) ?? k, 'topic'),
    byTheme: count((r) => r.topic?.slice(0, 9) ?? null, (k) => title.get(k) ?? k, 'topic').slice(0, 15),
    byKind: count((r) => r.kind as AppealKind | null, (k) => KIND_LABELS.ru[k] ?? k, 'kind'),
    byResult: count((r) => r.result as ResultCode | null, (k) => RESULT_CODE_LABELS.ru[k] ?? k, 'result'),
    collective: one('collective', 'Коллективные', (r) => r.authorKind === 'collective', 'collective=true'),
    repeated: one('repeated', 'Повторные', (r) => r.repeated, 'repeated=true'),
    extended: one('extended', 'С продлением срока', (r) => r.extensionDays !== null, 'extended=true'),
    answeredLate: one('answeredLate', 'Ответ дан с нарушением срока', (r) => !!r.answeredAt && !!r.deadlineAnswer && toLocalDate(r.answeredAt, org.timeZone) > r.deadlineAnswer, 'answeredLate=true'),
    stillOverdue: one('stillOverdue', 'Просрочены и не закрыты', (r) => (OPEN_STATUSES as readonly string[]).includes(r.status) && !!r.deadlineAnswer && isOverdue(r.deadlineAnswer, now, org.timeZone), 'overdue=true'),
    answerDays: { average: answerDays.length ? round(answerDays.reduce((a, b) => a + b, 0) / answerDays.length) : null, median: median === null ? null : round(median), answered: answerDays.length },
    satisfaction: {
      rated: rated.length,
      average: rated.length ? round(rated.reduce((a, r) => a + r.rating!, 0) / rated.length, 2) : null,
      positiveShare: rated.length ? round(rated.filter((r) => r.rating! >= 4).length / rated.length, 3) : null,
      filter: f('rated=true'),
    },
    topProblems: topicCounts.map((t) => ({
      topic: t.key, title: t.label, count: t.value, filter: t.filter,
      results: rows.filter((r) => r.topic === t.key && r.result).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.result!]: (acc[r.result!] ?? 0) + 1 }), {}),
    })),
    risks: { total: quarterRisks.length, byKind: tally('kind'), byLevel: tally('level'), curProposalOnTime: clockShare('curProposal'), draftOnTime: clockShare('draft') },
  };
}
