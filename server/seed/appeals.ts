// Realistic appeals in bulk (`otklik seed --appeals N`): generated texts with statuses, answers and
// ratings that fit their age, numbered and with deadlines exactly as the registry would give them.
import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE, toLocalDate } from '../../domain/calendar/localDate';
import type { ResultCode } from '../../domain/appeals';
import type { Db, Executor } from '../db';
import { appealCounters, appeals, departments, organizations, users } from '../db/schema';
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
  /** Appeals per statement: several thousand on PostgreSQL, fewer on PGlite. */
  batchSize?: number;
  onProgress?: (done: number) => void;
  /** Called when the rows of an empty registry are in and its indexes are being built. */
  onIndexes?: (count: number) => void;
}

/** The columns the generator fills; the others keep their defaults. */
const SEEDED = [
  'id', 'organizationId', 'number', 'year', 'seq', 'channel', 'subChannel', 'externalId', 'receivedAt', 'registeredAt', 'status',
  'authorKind', 'authorSurname', 'authorName', 'authorPatronymic', 'authorEmail', 'authorPhone', 'authorPostalAddress', 'authorOrganization',
  'signatories', 'text', 'address', 'topicCode', 'kind', 'repeated', 'onControl', 'departmentId', 'executorId',
  'deadlineRegister', 'deadlineForward', 'deadlineAnswer', 'forwardedTo', 'forwardedAt',
  'answerText', 'answerResult', 'answerSubmittedBy', 'answerApprovedBy', 'answeredAt', 'closedAt', 'ratingScore', 'ratedAt', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof typeof appeals.$inferInsert)[];
export type SeededRow = { [K in (typeof SEEDED)[number]]-?: Exclude<(typeof appeals.$inferInsert)[K], undefined> };

const COLUMNS = (() => {
  const columns = getTableColumns(appeals);
  return SEEDED.map((key) => ({ name: columns[key].name, type: columns[key].getSQLType() }));
})();
const COLUMN_LIST = sql.raw(COLUMNS.map((c) => `"${c.name}"`).join(', '));
/** Each row is a JSON array in the order of SEEDED; element i becomes column i of its type. */
const UNPACK = sql.raw(COLUMNS.map((c, i) => `(r->>${i})::${c.type}`).join(', '));
const EVENT_NOTE = 'Загружено генератором демонстрационных данных';

/**
 * One statement per batch: the rows travel as one JSON array, the database unpacks them, computes the
 * search vector as it stores each row, and writes every new appeal's first timeline event from what
 * was inserted. Returns how many appeals were new (a repeated external id is skipped).
 */
async function insertBatch(db: Executor, rows: SeededRow[], counters: Map<string, number>): Promise<number> {
  const json = JSON.stringify(rows.map((row) => SEEDED.map((key) => row[key])));
  // The numbering counters move in the same statement, so an interrupted load leaves them consistent.
  const lastSeqs = JSON.stringify([...counters].map(([key, lastSeq]) => [...key.split(':'), lastSeq]));
  const result = await db.execute(sql`
    with counters as (
      insert into appeal_counters (organization_id, year, last_seq)
      select (c->>0)::uuid, (c->>1)::int, (c->>2)::int from jsonb_array_elements(${lastSeqs}::jsonb) c
      on conflict (organization_id, year) do update set last_seq = greatest(appeal_counters.last_seq, excluded.last_seq)
    ), inserted as (
      insert into appeals (${COLUMN_LIST})
      select ${UNPACK} from jsonb_array_elements(${json}::jsonb) r
      on conflict do nothing
      returning id, organization_id, registered_at, received_at
    ), events as (
      insert into appeal_events (appeal_id, organization_id, at, kind, action, to_status, note)
      select id, organization_id, coalesce(registered_at, received_at), 'system',
        case when registered_at is null then 'receive' else 'register' end,
        case when registered_at is null then 'received' else 'registered' end, ${EVENT_NOTE}
      from inserted
      returning 1
    )
    select count(*)::int as n from events`);
  return Number(rowsOf<{ n: number | string }>(result)[0].n);
}
/**
 * Inserts `count` appeals across all active municipalities; returns how many were written.
 * Into an empty registry the load is one transaction: the secondary indexes of appeals and their
 * timelines and the timeline's reference to its appeal are dropped, the rows go in, and each index is
 * built (and the reference checked) once over all of them — far cheaper than maintaining twenty indexes
 * row by row; an interrupted load leaves the registry empty, its indexes intact.
 * A registry that already has appeals gets them batch by batch with its indexes in place.
 */
export async function seedAppeals(db: Db, options: SeedAppealsOptions): Promise<number> {
  const [{ empty }] = rowsOf<{ empty: boolean }>(await db.execute(sql`select not exists (select 1 from appeals) as empty`));
  if (!empty) return loadAppeals(db, options);
  const written = await db.transaction(async (tx) => {
    const indexes = rowsOf<{ name: string; definition: string }>(await tx.execute(sql`
      select indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename in ('appeals', 'appeal_events') and indexdef not like 'CREATE UNIQUE INDEX%'`));
    // The timeline's reference to its appeal is checked once for all rows instead of row by row; references
    // to other tables stay (dropping them would lock those tables for the whole load).
    const references = rowsOf<{ table: string; name: string; definition: string }>(await tx.execute(sql`
      select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
      where contype = 'f' and conrelid in ('appeals'::regclass, 'appeal_events'::regclass) and confrelid in ('appeals'::regclass, 'appeal_events'::regclass)`));
    for (const ref of references) await tx.execute(sql.raw(`alter table ${ref.table} drop constraint "${ref.name}"`));
    for (const index of indexes) await tx.execute(sql.raw(`drop index "${index.name}"`));
    const n = await loadAppeals(tx, options);
    options.onIndexes?.(indexes.length);
    if (options.count >= 50_000) await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    for (const index of indexes) await tx.execute(sql.raw(index.definition));
    for (const ref of references) await tx.execute(sql.raw(`alter table ${ref.table} add constraint "${ref.name}" ${ref.definition}`));
    return n;
  });
  await db.execute(sql`analyze appeals, appeal_events`);
  return written;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

async function loadAppeals(db: Executor, options: SeedAppealsOptions): Promise<number> {
  let written = 0;
  // The next batch is generated while the database stores the previous one.
  let storing: Promise<void> | null = null;
  for await (const batch of seedBatches(db, options)) {
    await storing;
    storing = insertBatch(db, batch.rows, batch.lastSeqs).then((n) => {
      written += n;
      options.onProgress?.(written);
    });
    // Let the statement go out before the next batch is generated.
    await new Promise(setImmediate);
  }
  await storing;
  return written;
}

export interface SeedBatch {
  rows: SeededRow[];
  /** The last number given in each (organisation id):(year) that the batch touches. */
  lastSeqs: Map<string, number>;
}

/** The rows of `seedAppeals` in statement-sized batches, numbered after the registry's counters. */
export async function* seedBatches(db: Executor, options: SeedAppealsOptions): AsyncGenerator<SeedBatch> {
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
  const today = toLocalDate(now, DEFAULT_TIME_ZONE);
  const from = new Date(now.getTime() - (options.days ?? 365) * 86_400_000);
  const statementSize = options.batchSize ?? 5000;
  let rows: SeededRow[] = [];
  const take = (): SeedBatch => {
    const batch = rows;
    rows = [];
    const lastSeqs = new Map<string, number>();
    for (const r of batch) lastSeqs.set(`${r.organizationId}:${r.year}`, counters.get(`${r.organizationId}:${r.year}`)!);
    return { rows: batch, lastSeqs };
  };

  for (const batch of generateAppealBatches({
    count: options.count, seed: options.seed ?? 42, from, to: new Date(now.getTime() - 3600_000), batchSize: Math.min(500, statementSize),
    municipalities: orgs.map((o) => ({ slug: o.slug, name: o.name, timeZone: o.timeZone })),
  })) {
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
      const base: SeededRow = {
        id: randomUUID(), organizationId: org.id, number: formatNumber(org.numberPrefix, year, seq), year, seq,
        channel: g.channel, subChannel: g.subChannel, externalId: g.externalId, receivedAt: g.receivedAt, registeredAt: registered,
        status: registered ? 'registered' : 'received',
        authorKind: g.author.kind, authorSurname: g.author.surname, authorName: g.author.name, authorPatronymic: g.author.patronymic,
        authorEmail: g.author.email, authorPhone: g.author.phone, authorPostalAddress: g.author.postalAddress, authorOrganization: g.author.organization,
        signatories: g.signatories, text: g.text, address: g.address, topicCode: g.topicCode, kind: g.kind, repeated: g.repeated,
        deadlineRegister: d.register, deadlineForward: d.forward, deadlineAnswer: d.answer, createdAt: g.receivedAt, updatedAt: now,
        onControl: false, departmentId: null, executorId: null, forwardedTo: null, forwardedAt: null,
        answerText: null, answerResult: null, answerSubmittedBy: null, answerApprovedBy: null, answeredAt: null, closedAt: null, ratingScore: null, ratedAt: null,
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
    // Generation pauses between chunks so that the statement in flight is sent and its answer read.
    if (rows.length >= statementSize) yield take();
    else await new Promise(setImmediate);
  }
  if (rows.length) yield take();
}
