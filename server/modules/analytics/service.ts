// Use cases of analytics: the region's overview with the rating, trends, spikes, a municipality's
// departments and executors, and the rating weights the ЦУР administrator sets.
import { CHANNELS, OPEN_STATUSES } from '../../../domain/appeals';
import {
  checkRatingWeights, DEFAULT_RATING_WEIGHTS, judgeSpike, RATING_COMPONENT_LABELS, RATING_COMPONENTS, ratingComponents, ratingOf,
  SPIKE_EMPTY_BASELINE, SPIKE_MIN_COUNT, SPIKE_P_VALUE, SPIKE_WEEKS, SPEED_HORIZON_DAYS, type RatingWeights,
} from '../../../domain/analytics';
import { addDays, startOfLocalDay, toLocalDate } from '../../../domain/calendar/localDate';
import { reportDueDate, type Quarter } from '../../../domain/reports/quarters';
import type { Db, Executor } from '../../db';
import type { Actor, RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { notFound, validationFailed } from '../../platform/errors';
import { scopeOf, type Scope } from '../../platform/policy';
import { analyticsPolicy } from './policy';
import * as repo from './repository';
import type { Figures, MunicipalityAnalytics, MySector, MySectorQuery, Overview, PeriodQuery, Ratings, RatingsQuery, RatingSettings, Spikes, SpikesQuery, SectorCurators, Sectors, Streets, StreetsQuery, Trends, TrendsQuery } from './schema';
import { operationalGroups } from '../topics/service';
import { placeOf } from '../../text/place';

export const RATING_WEIGHTS_KEY = 'analytics.rating_weights';
export const RATING_FORMULA = 'Рейтинг = 100 × Σ(вес × составляющая) / Σ(вес) по составляющим, для которых есть данные. '
  + 'Составляющие от 0 до 1: соблюдение сроков = 1 − (просрочено + ответ с нарушением срока) / обращений; '
  + `скорость = 1 − медиана дней до ответа / ${SPEED_HORIZON_DAYS} (не ниже 0); удовлетворённость = (средняя оценка − 1) / 4; `
  + 'без повторных = 1 − доля повторных; 3-часовые сроки по рискам = доля соблюдённых; отчёты и запросы — доля представленных в срок.';
export const SPIKE_METHOD = `Число обращений темы в муниципалитете за последние 7 дней (c) сравнивается со средним за неделю за ${SPIKE_WEEKS} недель до них (λ, не меньше ${SPIKE_EMPTY_BASELINE}). `
  + `Всплеск — если вероятность получить c или больше по закону Пуассона с параметром λ меньше ${SPIKE_P_VALUE} и c ≥ ${SPIKE_MIN_COUNT}.`;

const MAX_PERIOD_DAYS = 731;
const round = (v: number | null, digits: number) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);
const share = (part: number, whole: number) => (whole > 0 ? round(part / whole, 3) : null);
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
const municipalityNotFound = () => notFound('municipality_not_found', 'Муниципальное образование не найдено');

/** Dates the calendar and the registry filters handle; anything outside is a typo. */
const EARLIEST = '1990-01-01';
const LATEST = '2099-12-31';

function checkDate(field: string, date: string): void {
  if (date < EARLIEST || date > LATEST) throw validationFailed([{ field, message: `Дата вне диапазона ${EARLIEST} — ${LATEST}` }]);
}

function checkPeriod(from: string, to: string): void {
  checkDate('from', from);
  checkDate('to', to);
  if (to < from) throw validationFailed([{ field: 'to', message: 'Конец периода раньше начала' }]);
  if (days(from, to) >= MAX_PERIOD_DAYS) throw validationFailed([{ field: 'from', message: 'Период не длиннее двух лет' }]);
}

function channelsOf(channel: string | undefined): string[] {
  const list = channel ? [...new Set(channel.split(',').filter(Boolean))] : [];
  const unknown = list.filter((c) => !(CHANNELS as readonly string[]).includes(c));
  if (unknown.length) throw validationFailed([{ field: 'channel', message: `Неизвестный канал: ${unknown.join(', ')}` }]);
  return list;
}

/** A registry address: /appeals?… in a stable order of parameters. */
function registryLink(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return `/appeals?${query.toString()}`;
}

export async function loadWeights(db: Executor): Promise<{ weights: RatingWeights; customized: boolean }> {
  const stored = await repo.readSetting(db, RATING_WEIGHTS_KEY) as Partial<RatingWeights> | null;
  if (!stored) return { weights: { ...DEFAULT_RATING_WEIGHTS }, customized: false };
  return { weights: { ...DEFAULT_RATING_WEIGHTS, ...stored }, customized: true };
}

/** Quarters whose report fell due within [from, to] and no later than today. */
function dueQuarters(from: string, to: string, today: string): { year: number; quarter: Quarter; due: string }[] {
  const last = to < today ? to : today;
  const result: { year: number; quarter: Quarter; due: string }[] = [];
  for (let year = Number(from.slice(0, 4)) - 1; year <= Number(last.slice(0, 4)); year++) {
    for (const quarter of [1, 2, 3, 4] as Quarter[]) {
      const due = reportDueDate(year, quarter);
      if (due >= from && due <= last) result.push({ year, quarter, due });
    }
  }
  return result;
}

interface Municipality { id: string; slug: string; name: string; population: number | null }

interface Context {
  from: string; to: string; channels: string[];
  weights: RatingWeights;
  aggregates: Map<string | null, repo.AppealAggregate>;
  byChannel: { organizationId: string; channel: string; appeals: number }[];
  risks: Map<string | null, repo.RiskAggregate>;
  reports: Map<string, number>;
  reportsDue: number;
  requests: Map<string, { decided: number; onTime: number }>;
}

async function gather(db: Db, actor: Actor, scope: Scope, q: { from: string; to: string; channels: string[] }, now: Date): Promise<Context> {
  const filter = { receivedFrom: q.from, receivedTo: q.to, channel: q.channels.join(',') || undefined };
  const selection = { scope, now, filter };
  const start = startOfLocalDay(q.from, actor.timeZone);
  const end = startOfLocalDay(addDays(q.to, 1), actor.timeZone);
  const quarters = dueQuarters(q.from, q.to, toLocalDate(now, actor.timeZone));
  const [{ weights }, { figures: aggregates, channels: byChannel }, risks, reports, requests] = await Promise.all([
    loadWeights(db),
    repo.appealFiguresByOrganization(db, selection),
    repo.riskFigures(db, scope, start, end, now),
    repo.reportsOnTime(db, scope, quarters),
    repo.requestFigures(db, scope, start, end, now),
  ]);
  return { ...q, weights, aggregates, byChannel, risks, reports, reportsDue: quarters.length, requests };
}

const EMPTY: repo.AppealAggregate = { appeals: 0, overdue: 0, answeredLate: 0, answered: 0, medianAnswerDays: null, rated: 0, meanRating: null, lowRated: 0, repeated: 0, approvedDespiteWarning: 0 };

function figuresOf(c: Context, m: Municipality | null, organizationIds: string[]): Figures {
  const key = m ? m.id : null;
  const a = c.aggregates.get(key) ?? EMPTY;
  const risk = c.risks.get(key) ?? { risks: 0, clocksDecided: 0, clocksMet: 0 };
  const reportsOnTime = organizationIds.reduce((s, id) => s + (c.reports.get(id) ?? 0), 0);
  const reportsDue = c.reportsDue * organizationIds.length;
  const requests = organizationIds.reduce((s, id) => {
    const r = c.requests.get(id);
    return r ? { decided: s.decided + r.decided, onTime: s.onTime + r.onTime } : s;
  }, { decided: 0, onTime: 0 });
  const population = m ? m.population : null;
  const base = { municipality: m?.slug, receivedFrom: c.from, receivedTo: c.to, channel: c.channels.join(',') || undefined };
  const link = (extra: Record<string, string> = {}) => registryLink({ ...base, ...extra });
  const components = ratingComponents({
    appeals: a.appeals, overdue: a.overdue, answeredLate: a.answeredLate, medianAnswerDays: a.medianAnswerDays, meanRating: a.meanRating,
    repeated: a.repeated, riskClocksMet: share(risk.clocksMet, risk.clocksDecided), reportsOnTime: share(reportsOnTime, reportsDue),
    requestsOnTime: share(requests.onTime, requests.decided),
  });
  const riskQuery = new URLSearchParams({ ...(m ? { municipality: m.slug } : {}), from: c.from, to: c.to });
  return {
    municipality: m?.slug ?? 'region',
    municipalityName: m?.name ?? 'Регион',
    population,
    appeals: a.appeals,
    appealsPer10k: population ? round((a.appeals / population) * 10_000, 2) : null,
    byChannel: c.byChannel.filter((r) => !m || r.organizationId === m.id)
      .reduce<{ channel: string; appeals: number }[]>((acc, r) => {
        const found = acc.find((x) => x.channel === r.channel);
        if (found) found.appeals += r.appeals; else acc.push({ channel: r.channel, appeals: r.appeals });
        return acc;
      }, [])
      .sort((x, y) => y.appeals - x.appeals)
      .map((r) => ({ ...r, link: link({ channel: r.channel }) })),
    overdue: a.overdue,
    overdueShare: share(a.overdue, a.appeals),
    answeredLate: a.answeredLate,
    answeredLateShare: share(a.answeredLate, a.appeals),
    answered: a.answered,
    medianAnswerDays: round(a.medianAnswerDays, 1),
    satisfaction: { rated: a.rated, mean: round(a.meanRating, 2), low: a.lowRated, lowShare: share(a.lowRated, a.rated) },
    repeated: a.repeated,
    repeatedShare: share(a.repeated, a.appeals),
    approvedDespiteWarning: a.approvedDespiteWarning,
    risks: { total: risk.risks, clocksDecided: risk.clocksDecided, clocksMet: risk.clocksMet, clocksMetShare: share(risk.clocksMet, risk.clocksDecided) },
    reports: { due: reportsDue, onTime: reportsOnTime, onTimeShare: share(reportsOnTime, reportsDue) },
    requests: { decided: requests.decided, onTime: requests.onTime, onTimeShare: share(requests.onTime, requests.decided) },
    rating: m ? ratingOf(components, c.weights) : null,
    rank: null,
    ratingComponents: components,
    links: {
      appeals: link(), overdue: link({ overdue: 'true' }), answeredLate: link({ answeredLate: 'true' }), rated: link({ rated: 'true' }),
      lowRated: link({ rating: '1,2' }), repeated: link({ repeated: 'true' }),
      approvedDespiteWarning: link({ approvedDespiteWarning: 'true' }),
      risks: `/risks?${riskQuery.toString()}`, reports: '/reports', requests: '/requests',
    },
  };
}

function rank(rows: Figures[]): Figures[] {
  const sorted = [...rows].sort((x, y) => (y.rating ?? -1) - (x.rating ?? -1) || x.municipalityName.localeCompare(y.municipalityName, 'ru'));
  let position = 0;
  return sorted.map((r) => (r.rating === null ? r : { ...r, rank: ++position }));
}

export async function overview(db: Db, actor: Actor, q: PeriodQuery, now: Date): Promise<Overview> {
  analyticsPolicy.authorize(actor, 'read');
  checkPeriod(q.from, q.to);
  const channels = channelsOf(q.channel);
  const scope = scopeOf(actor);
  const list = await repo.municipalities(db, scope);
  const c = await gather(db, actor, scope, { from: q.from, to: q.to, channels }, now);
  return {
    period: { from: q.from, to: q.to },
    channels,
    region: figuresOf(c, null, list.map((m) => m.id)),
    municipalities: rank(list.map((m) => figuresOf(c, m, [m.id]))),
    weights: c.weights,
  };
}

async function visibleMunicipality(db: Db, actor: Actor, slug: string) {
  const m = await repo.findMunicipalityBySlug(db, slug);
  const scope = scopeOf(actor);
  if (!m || (scope !== 'all' && !scope.includes(m.id))) throw municipalityNotFound();
  return m;
}

export async function municipality(db: Db, actor: Actor, slug: string, q: PeriodQuery, now: Date): Promise<MunicipalityAnalytics> {
  // Another municipality looks absent before anything else is said about it.
  const m = await visibleMunicipality(db, actor, slug);
  analyticsPolicy.authorize(actor, 'read');
  checkPeriod(q.from, q.to);
  const channels = channelsOf(q.channel);
  const scope = [m.id];
  const filter = { receivedFrom: q.from, receivedTo: q.to, channel: channels.join(',') || undefined, municipality: m.slug };
  const [c, figures, load] = await Promise.all([
    gather(db, actor, scope, { from: q.from, to: q.to, channels }, now),
    repo.appealFiguresByUnit(db, { scope, now, filter }),
    repo.openLoad(db, m.id),
  ]);
  const base = { municipality: m.slug, receivedFrom: q.from, receivedTo: q.to, channel: filter.channel };
  const ids = [...new Set([...figures.map((r) => r.key), ...load.map((r) => r.key)])];
  const names = await repo.unitNames(db, m.id, ids);
  // Units with open appeals but none received in the period still show their load; appeals without a unit are not a row.
  const units = (by: 'department' | 'executor') => {
    const own = figures.filter((r) => r.by === by);
    const open = new Map(load.filter((r) => r.by === by).map((r) => [r.key, r.open]));
    const keys = new Set([...own.map((r) => r.key), ...open.keys()]);
    return [...keys].map((key) => {
      const a = own.find((x) => x.key === key)?.figures ?? EMPTY;
      return {
        id: key, name: names.get(key) ?? '', appeals: a.appeals, overdue: a.overdue, overdueShare: share(a.overdue, a.appeals), answeredLate: a.answeredLate,
        medianAnswerDays: round(a.medianAnswerDays, 1), satisfaction: round(a.meanRating, 2), rated: a.rated, open: open.get(key) ?? 0,
        links: {
          appeals: registryLink({ ...base, [by]: key }),
          overdue: registryLink({ ...base, [by]: key, overdue: 'true' }),
          open: registryLink({ municipality: m.slug, [by]: key, status: OPEN_STATUSES.join(',') }),
        },
      };
    }).sort((x, y) => y.appeals - x.appeals || y.open - x.open || x.name.localeCompare(y.name, 'ru'));
  };
  return {
    period: { from: q.from, to: q.to },
    figures: figuresOf(c, m, [m.id]),
    departments: units('department'),
    executors: units('executor'),
  };
}

/** Buckets (Monday weeks or months) covering [from, to], each clipped to the period. */
function buckets(from: string, to: string, granularity: 'week' | 'month'): { bucket: string; from: string; to: string }[] {
  const result: { bucket: string; from: string; to: string }[] = [];
  let start: string;
  if (granularity === 'week') {
    const weekday = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7;
    start = addDays(from, -weekday);
  } else {
    start = `${from.slice(0, 7)}-01`;
  }
  while (start <= to) {
    let next: string;
    if (granularity === 'week') next = addDays(start, 7);
    else {
      const [y, mo] = start.split('-').map(Number);
      next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
    }
    const end = addDays(next, -1);
    result.push({ bucket: start, from: start < from ? from : start, to: end > to ? to : end });
    start = next;
  }
  return result;
}

const monthStart = (date: string, months: number) => {
  const [y, m] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};

/**
 * The period just before: the same number of whole months when the period is whole months and counted by
 * month (so its months line up), otherwise the same number of days.
 */
function previousPeriod(from: string, to: string, length: number, granularity: 'week' | 'month'): { from: string; to: string } {
  const wholeMonths = from.endsWith('-01') && addDays(to, 1).endsWith('-01');
  if (granularity === 'month' && wholeMonths) {
    const months = (Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7))) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7))) + 1;
    return { from: monthStart(from, -months), to: addDays(from, -1) };
  }
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

function shiftYear(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}

export async function trends(db: Db, actor: Actor, q: TrendsQuery, now: Date): Promise<Trends> {
  const m = q.municipality ? await visibleMunicipality(db, actor, q.municipality) : null;
  analyticsPolicy.authorize(actor, 'read');
  checkPeriod(q.from, q.to);
  const channels = channelsOf(q.channel);
  const granularity = q.granularity ?? 'week';
  const length = days(q.from, q.to) + 1;
  const periods = {
    current: { from: q.from, to: q.to },
    previous: previousPeriod(q.from, q.to, length, granularity),
    yearAgo: { from: shiftYear(q.from, -1), to: shiftYear(q.to, -1) },
  };
  const scope = scopeOf(actor);
  const series = async (p: { from: string; to: string }) => {
    const filter = { receivedFrom: p.from, receivedTo: p.to, channel: channels.join(',') || undefined, municipality: m?.slug };
    const counted = new Map((await repo.trend(db, { scope, now, filter }, granularity)).map((r) => [r.bucket, r.appeals]));
    const points = buckets(p.from, p.to, granularity).map((b) => ({
      ...b, appeals: counted.get(b.bucket) ?? 0,
      link: registryLink({ municipality: m?.slug, receivedFrom: b.from, receivedTo: b.to, channel: filter.channel }),
    }));
    return { period: p, total: points.reduce((s, x) => s + x.appeals, 0), link: registryLink({ municipality: m?.slug, receivedFrom: p.from, receivedTo: p.to, channel: filter.channel }), points };
  };
  const [current, previous, yearAgo] = await Promise.all([series(periods.current), series(periods.previous), series(periods.yearAgo)]);
  return { granularity, municipality: m?.slug ?? null, current, previous, yearAgo };
}

/** The streets with most appeals over the period, each a link to exactly its appeals. */
export async function streets(db: Db, actor: Actor, q: StreetsQuery, now: Date): Promise<Streets> {
  const m = q.municipality ? await visibleMunicipality(db, actor, q.municipality) : null;
  analyticsPolicy.authorize(actor, 'read');
  checkPeriod(q.from, q.to);
  const channel = channelsOf(q.channel).join(',') || undefined;
  const filter = { receivedFrom: q.from, receivedTo: q.to, channel, municipality: m?.slug };
  const rows = await repo.streetCounts(db, { scope: scopeOf(actor), now, filter }, q.limit ?? 20);
  return {
    period: { from: q.from, to: q.to },
    items: rows.map((r) => ({
      municipality: r.slug, municipalityName: r.name, street: r.street, place: r.address ? placeOf(r.address, '')?.label ?? r.address : null,
      appeals: r.appeals, link: registryLink({ municipality: r.slug, receivedFrom: q.from, receivedTo: q.to, channel, street: r.street }),
    })),
  };
}

export async function spikes(db: Db, actor: Actor, q: SpikesQuery, now: Date): Promise<Spikes> {
  const m = q.municipality ? await visibleMunicipality(db, actor, q.municipality) : null;
  analyticsPolicy.authorize(actor, 'read');
  const to = q.to ?? toLocalDate(now, actor.timeZone);
  checkDate('to', to);
  const weekFrom = addDays(to, -6);
  const baselineFrom = addDays(weekFrom, -7 * SPIKE_WEEKS);
  const scope = m ? [m.id] : scopeOf(actor);
  const rows = await repo.topicWeekCounts(db, scope, now, weekFrom, baselineFrom, to);
  const items = rows.map((r) => ({ r, j: judgeSpike(r.current, r.baseline) }))
    .filter(({ j }) => j.spike)
    .sort((x, y) => x.j.pValue - y.j.pValue || y.j.ratio - x.j.ratio)
    .map(({ r, j }) => ({
      municipality: r.slug, municipalityName: r.name, topic: r.topic, topicTitle: r.title,
      count: j.count, baseline: j.baseline, ratio: j.ratio, zScore: j.zScore, pValue: j.pValue,
      link: registryLink({ municipality: r.slug, topic: r.topic, receivedFrom: weekFrom, receivedTo: to }),
      baselineLink: registryLink({ municipality: r.slug, topic: r.topic, receivedFrom: baselineFrom, receivedTo: addDays(weekFrom, -1) }),
    }));
  return { method: SPIKE_METHOD, week: { from: weekFrom, to }, baseline: { from: baselineFrom, to: addDays(weekFrom, -1) }, items };
}

function ratingSettings(actor: Actor, weights: RatingWeights, customized: boolean): RatingSettings {
  return {
    can: { edit: analyticsPolicy.can(actor, 'weights') },
    weights, defaults: DEFAULT_RATING_WEIGHTS, customized,
    components: RATING_COMPONENTS.map((key) => ({ key, label: RATING_COMPONENT_LABELS[key] })),
    formula: RATING_FORMULA,
  };
}

export async function getRatingSettings(db: Db, actor: Actor): Promise<RatingSettings> {
  analyticsPolicy.authorize(actor, 'read');
  const { weights, customized } = await loadWeights(db);
  return ratingSettings(actor, weights, customized);
}

export async function setRatingWeights(db: Db, ctx: RequestContext, weights: RatingWeights, now: Date): Promise<RatingSettings> {
  analyticsPolicy.authorize(ctx.actor, 'weights');
  const problems = checkRatingWeights(weights);
  if (problems.length) throw validationFailed(problems.map((field) => ({ field, message: 'Вес — число от 0 до 100, хотя бы один больше 0' })));
  return audited(db, ctx, async (tx) => {
    const before = (await loadWeights(tx)).weights;
    await repo.writeSetting(tx, RATING_WEIGHTS_KEY, weights, now);
    return {
      result: ratingSettings(ctx.actor, weights, true),
      audit: { action: 'settings.rating_weights', entityType: 'settings', entityId: RATING_WEIGHTS_KEY, organizationId: ctx.actor.organizationId, before, after: weights },
    };
  });
}

const NO_GROUP: Record<RatingsQuery['by'], string> = {
  municipality: '—', topic: 'Тема не указана', department: 'Подразделение не назначено', executor: 'Исполнитель не назначен',
};

/**
 * Satisfaction ratings of the appeals received in the period, by municipality, topic, department or executor,
 * each with the distribution of scores and registry links to its rated and its low-rated appeals.
 */
export async function ratings(db: Db, actor: Actor, q: RatingsQuery, now: Date): Promise<Ratings> {
  const m = q.municipality ? await visibleMunicipality(db, actor, q.municipality) : null;
  analyticsPolicy.authorize(actor, 'read');
  checkPeriod(q.from, q.to);
  const channels = channelsOf(q.channel);
  const filter = { receivedFrom: q.from, receivedTo: q.to, channel: channels.join(',') || undefined, municipality: m?.slug };
  const { total, items } = await repo.ratingsBy(db, { scope: m ? [m.id] : scopeOf(actor), now, filter }, q.by);
  const base = { municipality: m?.slug, receivedFrom: q.from, receivedTo: q.to, channel: filter.channel };
  const row = (r: repo.RatingAggregate, params: Record<string, string | undefined> | null) => ({
    key: r.key, label: r.label ?? NO_GROUP[q.by], rated: r.rated, mean: round(r.mean, 2), low: r.low, lowShare: share(r.low, r.rated), distribution: r.distribution,
    link: params ? registryLink({ ...base, ...params, rated: 'true' }) : null,
    lowLink: params ? registryLink({ ...base, ...params, rating: '1,2' }) : null,
  });
  return {
    period: { from: q.from, to: q.to }, by: q.by, municipality: m?.slug ?? null,
    total: { ...row(total, {}), label: m ? m.name : 'Все муниципалитеты' },
    items: items
      .map((r) => row(r, r.key === null ? null : { [q.by]: r.key }))
      .sort((x, y) => (x.mean ?? 6) - (y.mean ?? 6) || y.rated - x.rated || x.label.localeCompare(y.label, 'ru')),
  };
}

const sectorNotFound = () => notFound('not_found', 'Нет такой оперативной группы');

/** The operational groups with their curators, and the analysts the administrator may assign. */
export async function sectors(db: Executor, actor: Actor): Promise<Sectors> {
  analyticsPolicy.authorize(actor, 'sectors');
  const [groups, assignments, candidates] = await Promise.all([operationalGroups(db), repo.curatorAssignments(db), repo.analysts(db)]);
  return {
    can: { assign: analyticsPolicy.can(actor, 'curators') },
    items: groups.map((g) => ({
      group: g.code, title: g.title,
      curators: assignments.filter((a) => a.groupCode === g.code).map((a) => ({ id: a.userId, fullName: a.fullName, login: a.login })),
    })),
    analysts: candidates,
  };
}

/** The administrator sets the curators of one group: active ЦУР analysts only; the whole list replaces the old one. */
export async function setSectorCurators(db: Db, ctx: RequestContext, group: string, body: SectorCurators): Promise<Sectors> {
  analyticsPolicy.authorize(ctx.actor, 'curators');
  if (!(await operationalGroups(db)).some((g) => g.code === group)) throw sectorNotFound();
  const ids = [...new Set(body.curators)];
  const found = new Set(await repo.activeAnalysts(db, ids));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw validationFailed([{ field: 'curators', message: `Не аналитик ЦУР или отключён: ${missing.join(', ')}` }]);
  await audited(db, ctx, async (tx) => {
    const before = (await repo.curatorAssignments(tx)).filter((a) => a.groupCode === group).map((a) => a.userId);
    await repo.replaceCurators(tx, group, ids);
    return {
      result: undefined,
      audit: { action: 'topic_group.curators', entityType: 'topic_group', entityId: group, organizationId: ctx.actor.organizationId, before: { curators: before }, after: { curators: ids } },
    };
  });
  return sectors(db, ctx.actor);
}

/**
 * «Моё направление»: the region's appeals received in the period in each group the user curates, by
 * municipality and by topic, each figure a registry link to exactly its appeals.
 */
export async function mySector(db: Db, actor: Actor, q: MySectorQuery, now: Date): Promise<MySector> {
  analyticsPolicy.authorize(actor, 'sectors');
  checkPeriod(q.from, q.to);
  const [codes, groups] = await Promise.all([repo.groupsCuratedBy(db, actor.userId), operationalGroups(db)]);
  const scope = scopeOf(actor);
  const items = await Promise.all(codes.map(async (code) => {
    const filter = { receivedFrom: q.from, receivedTo: q.to, group: code };
    const f = await repo.groupFigures(db, { scope, now, filter });
    const link = (extra: Record<string, string> = {}) => registryLink({ group: code, receivedFrom: q.from, receivedTo: q.to, ...extra });
    const order = <T extends { appeals: number; overdue: number }>(x: T, y: T) => y.appeals - x.appeals || y.overdue - x.overdue;
    return {
      group: code, title: groups.find((g) => g.code === code)?.title ?? code, ...f.total,
      links: { appeals: link(), overdue: link({ overdue: 'true' }) },
      municipalities: f.municipalities.sort(order).map((m) => ({
        municipality: m.slug, municipalityName: m.name, appeals: m.appeals, overdue: m.overdue,
        link: link({ municipality: m.slug }), overdueLink: link({ municipality: m.slug, overdue: 'true' }),
      })),
      topics: f.topics.sort(order).map((t) => ({ topic: t.topic, topicTitle: t.title, appeals: t.appeals, overdue: t.overdue, link: link({ topic: t.topic }) })),
    };
  }));
  return { period: { from: q.from, to: q.to }, groups: items };
}

/** The sector curators of a topic (of its operational group): whom an information risk on it concerns. */
export async function sectorCuratorsOfTopic(db: Executor, topicCode: string | null): Promise<{ id: string; fullName: string }[]> {
  return topicCode ? repo.curatorsOfTopic(db, topicCode) : [];
}
