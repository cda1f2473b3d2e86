// Realistic appeals in bulk (`otklik seed --appeals N`): generated texts with statuses, answers and
// ratings that fit their age, numbered and with deadlines exactly as the registry would give them.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { toLocalDate } from '../../domain/calendar/localDate';
import type { ResultCode } from '../../domain/appeals';
import type { Db } from '../db';
import { appealCounters, appealEvents, appeals, departments, organizations, users } from '../db/schema';
import { deadlinesOf, loadDeadlineRules } from '../modules/appeals/deadlines';
import { formatNumber } from '../modules/appeals/service';
import { generateAppealBatches } from './generator';
import { Random } from './generator/random';

const ANSWERS: Record<ResultCode, string[]> = {
  supported: [
    'Ваше обращение рассмотрено. Работы включены в план на текущий месяц, ответственный — начальник профильного отдела. О выполнении сообщим дополнительно.',
    'По вашему обращению проведено обследование, нарушение подтвердилось. Управляющей организации выдано предписание устранить его в течение 10 рабочих дней.',
    'Работы выполнены подрядной организацией, результат проверен специалистом администрации.',
  ],
  explained: [
    'Разъясняем, что указанный вопрос относится к полномочиям управляющей организации. Порядок обращения и контактные телефоны приведены ниже.',
    'Сообщаем, что мероприятия по вашему вопросу предусмотрены муниципальной программой на следующий год; сроки будут уточнены после утверждения бюджета.',
  ],
  not_supported: [
    'Рассмотрев обращение, сообщаем, что предложенное размещение объекта не соответствует правилам землепользования и застройки, поэтому поддержать его нельзя.',
  ],
  forwarded: ['Обращение направлено по компетенции для рассмотрения и ответа заявителю.'],
  left_without_answer: ['Переписка по вопросу прекращена: в обращении нет новых доводов (ч. 5 ст. 11 Федерального закона № 59-ФЗ).'],
};
const RESULT_WEIGHTS: [ResultCode, number][] = [['supported', 45], ['explained', 40], ['not_supported', 9], ['forwarded', 5], ['left_without_answer', 1]];

function weighted<T>(random: Random, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let roll = random.next() * total;
  for (const [item, w] of items) if ((roll -= w) < 0) return item;
  return items[items.length - 1][0];
}

export interface SeedAppealsOptions {
  count: number;
  seed?: number;
  now: Date;
  /** How far back receipt dates go. */
  days?: number;
  onProgress?: (done: number) => void;
}

/** Inserts `count` appeals across all active municipalities; returns how many were written. */
export async function seedAppeals(db: Db, options: SeedAppealsOptions): Promise<number> {
  const random = new Random((options.seed ?? 42) + 7);
  const orgs = await db.select().from(organizations).where(and(eq(organizations.kind, 'municipality'), eq(organizations.active, true)));
  if (orgs.length === 0) throw new Error('Нет муниципальных образований: сначала создайте их (otklik seed --demo)');
  const bySlug = new Map(orgs.map((o) => [o.slug, o]));
  const staff = await db.select({ id: users.id, org: users.organizationId, role: users.role }).from(users).where(and(eq(users.active, true), inArray(users.role, ['executor', 'head'])));
  const depts = await db.select({ id: departments.id, org: departments.organizationId }).from(departments);
  const executorsOf = (org: string) => staff.filter((s) => s.org === org && s.role === 'executor');
  const headsOf = (org: string) => staff.filter((s) => s.org === org && s.role === 'head');
  const deptsOf = (org: string) => depts.filter((d) => d.org === org);
  const counters = new Map<string, number>();
  for (const c of await db.select().from(appealCounters)) counters.set(`${c.organizationId}:${c.year}`, c.lastSeq);
  const rules = await loadDeadlineRules(db);
  const now = options.now;
  const today = toLocalDate(now, 'Asia/Yekaterinburg');
  const from = new Date(now.getTime() - (options.days ?? 365) * 86_400_000);
  let written = 0;

  for (const batch of generateAppealBatches({
    count: options.count, seed: options.seed ?? 42, from, to: new Date(now.getTime() - 3600_000), batchSize: 500,
    municipalities: orgs.map((o) => ({ slug: o.slug, name: o.name, timeZone: o.timeZone })),
  })) {
    const rows: (typeof appeals.$inferInsert)[] = [];
    for (const g of batch) {
      const org = bySlug.get(g.municipality)!;
      const pending = g.subChannel === 'e_reception' && now.getTime() - g.receivedAt.getTime() < 2 * 86_400_000 && random.chance(0.7);
      const registeredAt = pending ? null : new Date(g.receivedAt.getTime() + random.int(10, 26 * 60) * 60_000);
      const registered = registeredAt && registeredAt > now ? now : registeredAt;
      const d = deadlinesOf({ channel: g.channel, receivedAt: g.receivedAt, registeredAt: registered, extensionDays: null }, org.timeZone, rules);
      const year = Number(toLocalDate(registered ?? g.receivedAt, org.timeZone).slice(0, 4));
      const key = `${org.id}:${year}`;
      const seq = (counters.get(key) ?? 0) + 1;
      counters.set(key, seq);
      const executor = executorsOf(org.id).length ? random.pick(executorsOf(org.id)) : null;
      const head = headsOf(org.id)[0] ?? null;
      const department = deptsOf(org.id).length ? random.pick(deptsOf(org.id)) : null;
      const base: typeof appeals.$inferInsert = {
        organizationId: org.id, number: formatNumber(org.numberPrefix, year, seq), year, seq,
        channel: g.channel, subChannel: g.subChannel, externalId: g.externalId, receivedAt: g.receivedAt, registeredAt: registered,
        status: registered ? 'registered' : 'received',
        authorKind: g.author.kind, authorSurname: g.author.surname, authorName: g.author.name, authorPatronymic: g.author.patronymic,
        authorEmail: g.author.email, authorPhone: g.author.phone, authorPostalAddress: g.author.postalAddress, authorOrganization: g.author.organization,
        signatories: g.signatories, text: g.text, address: g.address, topicCode: g.topicCode, kind: g.kind, repeated: g.repeated,
        deadlineRegister: d.register, deadlineForward: d.forward, deadlineAnswer: d.answer, createdAt: g.receivedAt, updatedAt: now,
      };
      if (registered) {
        const past = d.answer < today;
        const roll = random.next();
        if (past ? roll < 0.9 : roll < 0.35) {
          // Answered: most on time, some late; older ones closed, some rated.
          const result = weighted(random, RESULT_WEIGHTS);
          const late = random.chance(0.08);
          const span = Math.max(1, (Math.min(now.getTime(), new Date(`${d.answer}T12:00:00Z`).getTime()) - registered.getTime()) / 86_400_000);
          const answeredAt = new Date(Math.min(now.getTime() - 60_000, registered.getTime() + (late ? span + random.int(1, 10) : random.next() * span) * 86_400_000));
          const rated = random.chance(0.3);
          Object.assign(base, {
            status: result === 'forwarded' ? 'forwarded' : past && random.chance(0.6) ? 'closed' : 'answered',
            departmentId: department?.id ?? null, executorId: executor?.id ?? null,
            answerText: random.pick(ANSWERS[result]), answerResult: result, answerSubmittedBy: executor?.id ?? null, answerApprovedBy: head?.id ?? null,
            answeredAt, closedAt: null,
            forwardedTo: result === 'forwarded' ? 'Министерство энергетики и ЖКХ Свердловской области' : null,
            forwardedAt: result === 'forwarded' ? answeredAt : null,
            ratingScore: rated && result !== 'forwarded' ? weighted(random, [[5, 40], [4, 25], [3, 15], [2, 10], [1, 10]] as [number, number][]) : null,
            ratedAt: rated ? new Date(Math.min(now.getTime(), answeredAt.getTime() + 2 * 86_400_000)) : null,
          });
          if (base.ratingScore === null) base.ratedAt = null;
        } else {
          const status = weighted(random, [['registered', 15], ['assigned', 30], ['in_progress', 40], ['on_approval', 15]] as [string, number][]);
          Object.assign(base, {
            status,
            departmentId: status === 'registered' ? null : department?.id ?? null,
            executorId: status === 'registered' ? null : executor?.id ?? null,
            onControl: random.chance(0.05),
            answerText: status === 'on_approval' ? random.pick(ANSWERS.supported) : null,
            answerResult: status === 'on_approval' ? 'supported' : null,
            answerSubmittedBy: status === 'on_approval' ? executor?.id ?? null : null,
          });
        }
      }
      rows.push(base);
    }
    await db.transaction(async (tx) => {
      const inserted = await tx.insert(appeals).values(rows).onConflictDoNothing().returning({ id: appeals.id, organizationId: appeals.organizationId, registeredAt: appeals.registeredAt, receivedAt: appeals.receivedAt, status: appeals.status });
      if (inserted.length) {
        await tx.insert(appealEvents).values(inserted.map((r) => ({
          appealId: r.id, organizationId: r.organizationId, at: r.registeredAt ?? r.receivedAt, kind: 'system' as const,
          action: r.registeredAt ? 'register' : 'receive', toStatus: r.registeredAt ? 'registered' : 'received', note: 'Загружено генератором демонстрационных данных',
        })));
      }
      written += inserted.length;
    });
    options.onProgress?.(written);
  }
  for (const [key, lastSeq] of counters) {
    const [organizationId, year] = key.split(':');
    await db.insert(appealCounters).values({ organizationId, year: Number(year), lastSeq })
      .onConflictDoUpdate({ target: [appealCounters.organizationId, appealCounters.year], set: { lastSeq: sql`greatest(${appealCounters.lastSeq}, ${lastSeq})` } });
  }
  return written;
}
