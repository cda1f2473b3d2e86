// The import of an exported table into one municipality, batch by batch: every row read, compared with
// the appeal already imported under the same external id, and written set-based (or, in a dry run, only counted).
import { toLocalDate } from '../../../domain/calendar/localDate';
import {
  INCIDENT_COLUMNS, matchHeaders, POS_COLUMNS, readIncidentRow, readPosRow, type ImportedRecord, type ImportSource, type Rejection,
} from '../../../domain/imports';
import { OPEN_STATUSES, type AppealStatus, type Channel, type SubChannel } from '../../../domain/appeals';
import type { Db } from '../../db';
import type { appeals } from '../../db/schema';
import type { RequestContext } from '../../platform/actor';
import { audited } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { deadlinesOf, loadDeadlineRules } from '../appeals/deadlines';
import { formatNumber } from '../appeals/service';
import * as repo from './repository';
import type { Table } from './readers';

export const BATCH_SIZE = 500;

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportProgress extends ImportCounts {
  processed: number;
  total: number;
}

/** The table read: rows that become appeals and rows rejected with their problems. */
export interface PreparedImport {
  records: ImportedRecord[];
  rejections: Rejection[];
  /** Number of rows with at least one problem. */
  rejectedRows: number;
  total: number;
}

const CHANNEL: Record<ImportSource, Channel> = { pos: 'pos', incidents: 'social' };
const SUB_CHANNEL: Record<ImportSource, SubChannel> = { pos: 'pos', incidents: 'incident_management' };
const SOURCE_NOTE: Record<ImportSource, string> = { pos: 'Загружено из выгрузки ПОС', incidents: 'Загружено из выгрузки Инцидент-менеджмента' };

/** Reads every row; a missing required column refuses the whole file before anything is written. */
export function prepareImport(source: ImportSource, table: Table, timeZone: string, now: Date): PreparedImport {
  const specs = source === 'pos' ? POS_COLUMNS : INCIDENT_COLUMNS;
  const match = matchHeaders<string>(specs, table.headers);
  if (!match.ok) {
    const names = match.missing.map((m) => `«${m}»`).join(', ');
    throw new AppError(400, 'import_column_missing', match.missing.length === 1 ? `В файле нет обязательного столбца ${names}` : `В файле нет обязательных столбцов ${names}`);
  }
  const records: ImportedRecord[] = [];
  const rejections: Rejection[] = [];
  const seen = new Map<string, number>();
  let rejectedRows = 0;
  for (const { line, cells } of table.rows) {
    const read = source === 'pos'
      ? readPosRow(match.index, cells, line, timeZone, now)
      : readIncidentRow(match.index, cells, line, timeZone, now);
    if ('problems' in read) {
      rejections.push(...read.problems);
      rejectedRows++;
      continue;
    }
    const first = seen.get(read.record.externalId);
    if (first !== undefined) {
      rejections.push({ row: line, column: specs[0].headers[0], problem: `Номер повторяется в файле (впервые в строке ${first})`, value: read.record.externalId });
      rejectedRows++;
      continue;
    }
    seen.set(read.record.externalId, line);
    records.push(read.record);
  }
  return { records, rejections, rejectedRows, total: table.rows.length };
}

/** Normalised text of a category as the map keeps it. */
export function categoryKey(value: string | null | undefined): string {
  return (value ?? '').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** The topic of each category pair by the ЦУР's table: the exact subcategory first, then the category alone. */
async function topicResolver(db: Db, source: ImportSource) {
  const map = new Map<string, string>();
  for (const row of await repo.categoryMap(db, source)) map.set(`${row.category}\u0000${row.subcategory}`, row.topic);
  const unmapped = new Set<string>();
  return {
    unmapped,
    topicOf(record: ImportedRecord): string | null {
      if (!record.category) return null;
      const category = categoryKey(record.category);
      const sub = categoryKey(record.subcategory);
      const topic = map.get(`${category}\u0000${sub}`) ?? map.get(`${category}\u0000`);
      if (!topic) unmapped.add(record.subcategory ? `${record.category.trim()} / ${record.subcategory.trim()}` : record.category.trim());
      return topic ?? null;
    },
  };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

export interface RunOptions {
  db: Db;
  ctx: RequestContext | null;
  org: repo.Org;
  source: ImportSource;
  prepared: PreparedImport;
  dryRun: boolean;
  now: Date;
  runId: string;
  onProgress?: (progress: ImportProgress) => Promise<void> | void;
}

/**
 * Imports the prepared rows batch by batch; each batch commits with its audit row, so an interrupted import
 * is finished by running it again. Returns the counts (a dry run counts what would be written).
 */
export async function runImport(o: RunOptions): Promise<ImportCounts & { unmappedCategories: string[] }> {
  const { db, org, source, prepared, now } = o;
  const channel = CHANNEL[source];
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, rejected: prepared.rejectedRows };
  const topics = await topicResolver(db, source);
  const rules = await loadDeadlineRules(db);
  let processed = prepared.rejectedRows;
  for (let start = 0; start < prepared.records.length; start += BATCH_SIZE) {
    const batch = prepared.records.slice(start, start + BATCH_SIZE);
    const batchCounts = await importBatch(o, batch, channel, topics.topicOf, rules);
    counts.created += batchCounts.created;
    counts.updated += batchCounts.updated;
    counts.unchanged += batchCounts.unchanged;
    processed += batch.length;
    await o.onProgress?.({ ...counts, processed, total: prepared.total });
  }
  if (!prepared.records.length) await o.onProgress?.({ ...counts, processed, total: prepared.total });
  return { ...counts, unmappedCategories: [...topics.unmapped].sort().slice(0, 200) };

  async function importBatch(opts: RunOptions, batch: ImportedRecord[], ch: Channel, topicOf: (r: ImportedRecord) => string | null, deadlineRules: Awaited<ReturnType<typeof loadDeadlineRules>>): Promise<ImportCounts> {
    const existing = new Map((await repo.existingByExternalId(db, org.id, ch, batch.map((r) => r.externalId))).map((e) => [e.externalId!, e]));
    const creates: ImportedRecord[] = [];
    const changes: { change: repo.AppealChange; from: string; record: ImportedRecord }[] = [];
    let unchanged = 0;
    for (const record of batch) {
      const current = existing.get(record.externalId);
      const topic = topicOf(record);
      if (!current) { creates.push(record); continue; }
      // The file's values win where it has them; what it leaves empty stays as it is here.
      const next: repo.AppealChange = {
        id: current.id,
        status: record.status,
        ratingScore: record.ratingScore ?? current.ratingScore,
        ratedAt: record.ratingScore !== null && current.ratingScore !== record.ratingScore ? now.toISOString() : null,
        answeredAt: iso(record.answeredAt ?? current.answeredAt ?? (OPEN_STATUSES.includes(record.status) ? null : now)),
        closedAt: iso(record.closedAt ?? (record.status === 'closed' ? current.closedAt ?? now : current.closedAt)),
        answerText: record.answerText ?? current.answerText,
        answerResult: record.answerResult ?? current.answerResult,
        deadlineAnswer: record.deadlineAnswer ?? current.deadlineAnswer,
        topicCode: topic ?? current.topicCode,
      };
      const same = next.status === current.status && next.ratingScore === current.ratingScore
        && sameInstant(next.answeredAt ? new Date(next.answeredAt) : null, current.answeredAt)
        && sameInstant(next.closedAt ? new Date(next.closedAt) : null, current.closedAt)
        && next.answerText === current.answerText && next.answerResult === current.answerResult
        && next.deadlineAnswer === current.deadlineAnswer && next.topicCode === current.topicCode;
      if (same) unchanged++;
      else changes.push({ change: next, from: current.status, record });
    }
    if (opts.dryRun) return { created: creates.length, updated: changes.length, unchanged, rejected: 0 };
    return audited(db, opts.ctx, async (tx) => {
      // Numbers by the year of receipt in the municipality, reserved for the whole batch at once.
      const byYear = new Map<number, ImportedRecord[]>();
      for (const r of creates) {
        const year = Number(toLocalDate(r.receivedAt, org.timeZone).slice(0, 4));
        byYear.set(year, [...(byYear.get(year) ?? []), r]);
      }
      const rows: (typeof appeals.$inferInsert)[] = [];
      for (const [year, records] of byYear) {
        const first = await repo.reserveSequences(tx, org.id, year, records.length);
        records.forEach((r, i) => {
          const d = deadlinesOf({ channel: ch, receivedAt: r.receivedAt, registeredAt: r.receivedAt, extensionDays: null }, org.timeZone, deadlineRules);
          const open = OPEN_STATUSES.includes(r.status);
          rows.push({
            organizationId: org.id, number: formatNumber(org.numberPrefix, year, first + i), year, seq: first + i,
            channel: ch, subChannel: SUB_CHANNEL[source], externalId: r.externalId, receivedAt: r.receivedAt, registeredAt: r.receivedAt,
            status: r.status, authorKind: 'anonymous', text: r.text, address: r.address, topicCode: topicOf(r), repeated: r.repeated,
            deadlineRegister: d.register, deadlineForward: d.forward, deadlineAnswer: r.deadlineAnswer ?? d.answer,
            answerText: r.answerText, answerResult: r.answerResult,
            answeredAt: open ? null : r.answeredAt ?? now, closedAt: r.status === 'closed' ? r.closedAt ?? r.answeredAt ?? now : null,
            ratingScore: r.ratingScore, ratedAt: r.ratingScore !== null ? now : null,
            createdAt: now, updatedAt: now,
          });
        });
      }
      const inserted = await repo.insertAppeals(tx, rows);
      await repo.updateAppeals(tx, changes.map((c) => c.change), now);
      const byExternal = new Map(batch.map((r) => [r.externalId, r]));
      await repo.insertEvents(tx, [
        ...inserted.map((a) => ({
          appealId: a.id, organizationId: org.id, at: now, actorId: opts.ctx?.actor.userId ?? null, kind: 'system' as const,
          action: 'import', toStatus: a.status, note: SOURCE_NOTE[source],
          payload: { source, externalId: a.externalId, runId: opts.runId, row: byExternal.get(a.externalId!)?.row, ...byExternal.get(a.externalId!)?.extra },
        })),
        ...changes.map((c) => ({
          appealId: c.change.id, organizationId: org.id, at: now, actorId: opts.ctx?.actor.userId ?? null, kind: 'system' as const,
          action: 'import', fromStatus: c.from, toStatus: c.change.status, note: `${SOURCE_NOTE[source]}: обновлено`,
          payload: { source, externalId: c.record.externalId, runId: opts.runId, row: c.record.row, ratingScore: c.change.ratingScore },
        })),
      ]);
      const skipped = creates.length - inserted.length;
      const result = { created: inserted.length, updated: changes.length, unchanged: unchanged + skipped, rejected: 0 };
      return {
        result,
        audit: {
          action: 'appeal.import', entityType: 'import_run', entityId: opts.runId, organizationId: org.id,
          after: { source, ...result, numbers: inserted.slice(0, 20).map((a) => a.number) },
        },
      };
    });
  }
}

export type { AppealStatus };
