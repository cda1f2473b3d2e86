// The audit log read by the ЦУР administrator: rows in words, objects by number, and the export.
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';
import { AUDIT_ENTITY_LABELS, auditActionTitle } from '../../../domain/audit';
import type { Db } from '../../db';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/policy';
import { isUuid } from '../../platform/http';
import * as repo from './repository';
import type { AuditEntry, AuditExportQuery, AuditQuery } from './schema';

type Filter = Omit<AuditQuery, 'limit' | 'before'>;

/** The query's filters as conditions: a municipality by slug, an object by its number. Null when nothing can match. */
async function conditionsOf(db: Db, q: Filter): Promise<repo.AuditConditions | null> {
  const { municipality, object, ...rest } = q;
  const conditions: repo.AuditConditions = { ...rest };
  if (municipality) {
    const id = await repo.municipalityIdBySlug(db, municipality);
    if (!id || (conditions.organizationId && conditions.organizationId !== id)) return null;
    conditions.organizationId = id;
  }
  const wanted = object?.trim();
  if (wanted) conditions.entityIds = isUuid(wanted) ? [wanted] : await repo.objectsByNumber(db, wanted.toUpperCase());
  return conditions;
}

async function present(db: Db, rows: repo.AuditRow[]): Promise<AuditEntry[]> {
  const names = await repo.objectNames(db, rows);
  return rows.map((r) => {
    const name = r.entityId ? names.get(`${r.entityType}:${r.entityId}`) : undefined;
    return {
      ...r,
      at: r.at.toISOString(),
      actionTitle: auditActionTitle(r.action),
      object: r.entityType === 'system' ? null : {
        type: r.entityType,
        typeTitle: AUDIT_ENTITY_LABELS[r.entityType] ?? r.entityType,
        title: name?.title ?? r.entityId ?? '—',
        link: name?.link ?? null,
      },
    };
  });
}

export async function listAudit(db: Db, actor: Actor, q: AuditQuery) {
  authorize(actor, 'audit.read');
  const limit = q.limit ?? 100;
  const { limit: _l, before, ...filter } = q;
  const conditions = await conditionsOf(db, filter);
  if (!conditions) return { items: [], nextCursor: null };
  const rows = await repo.findAuditEntries(db, { ...conditions, before }, limit);
  const page = rows.slice(0, limit);
  return { items: await present(db, page), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}

/** A moment in the organisation's own time zone: «05.03.2026 14:02». */
function localTime(at: string, timeZone: string | null): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone: timeZone ?? 'UTC', dateStyle: 'short', timeStyle: 'short' }).format(new Date(at));
}

const COLUMNS: { header: string; width: number; value: (e: AuditEntry) => string | number | null }[] = [
  { header: 'Время', width: 18, value: (e) => localTime(e.at, e.timeZone) },
  { header: 'Часовой пояс', width: 20, value: (e) => e.timeZone ?? 'UTC' },
  { header: 'Пользователь', width: 28, value: (e) => (e.actorName ? `${e.actorName} (${e.actorLogin})` : e.actorLogin ?? 'Система') },
  { header: 'Организация', width: 22, value: (e) => e.organizationName },
  { header: 'Действие', width: 40, value: (e) => e.actionTitle },
  { header: 'Объект', width: 22, value: (e) => e.object?.typeTitle ?? null },
  { header: 'Номер или название', width: 28, value: (e) => e.object?.title ?? null },
  { header: 'Код действия', width: 22, value: (e) => e.action },
  { header: 'Код запроса', width: 22, value: (e) => e.requestId },
];

/** The export's rows, read page by page along the id index; at most `cap` rows. */
async function* exportRows(db: Db, actor: Actor, q: Filter, cap = 200_000) {
  authorize(actor, 'audit.read');
  const conditions = await conditionsOf(db, q);
  if (!conditions) return;
  let before: number | undefined;
  let written = 0;
  while (written < cap) {
    const rows = (await repo.findAuditEntries(db, { ...conditions, before }, 1000)).slice(0, 1000);
    if (!rows.length) return;
    for (const entry of await present(db, rows)) yield COLUMNS.map((c) => c.value(entry));
    written += rows.length;
    before = rows[rows.length - 1].id;
    if (rows.length < 1000) return;
  }
}

export async function exportAudit(db: Db, actor: Actor, query: AuditExportQuery): Promise<Readable> {
  authorize(actor, 'audit.read');
  const { format, ...filter } = query;
  if (format === 'csv') {
    const csv = stringify({ header: true, columns: COLUMNS.map((c) => c.header), delimiter: ';', bom: true });
    void (async () => {
      try {
        for await (const values of exportRows(db, actor, filter)) if (!csv.write(values)) await new Promise((resolve) => csv.once('drain', resolve));
        csv.end();
      } catch (error) {
        csv.destroy(error as Error);
      }
    })();
    return csv;
  }
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Журнал аудита', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const values of exportRows(db, actor, filter)) sheet.addRow(values).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
