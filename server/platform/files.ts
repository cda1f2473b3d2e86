// Uploaded files: type is decided by content (magic bytes), never by the name the sender gave.
import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { Executor } from '../db';
import { files } from '../db/schema';
import { AppError, notFound, type CodeWithStatus } from './errors';
import { isUuid } from './http';

export const ALLOWED_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;

export interface CheckedFile {
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/** Keeps a readable file name without path parts or control characters. */
export function safeFilename(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim().slice(0, 150);
  const stem = base.replace(/\.[^.]*$/, '') || 'файл';
  return `${stem}.${ext}`;
}

export async function checkFile(filename: string, content: Buffer): Promise<CheckedFile> {
  if (content.length === 0) throw new AppError(400, 'file_empty', `Файл «${filename}» пустой`);
  if (content.length > MAX_FILE_BYTES) throw new AppError(413, 'file_too_large', `Файл «${filename}» больше 10 МБ`);
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !ALLOWED_TYPES[detected.ext]) {
    throw new AppError(415, 'file_type_not_allowed', `Файл «${filename}» не является документом PDF, DOCX или изображением JPG/PNG`);
  }
  return {
    filename: safeFilename(filename, detected.ext),
    mimeType: ALLOWED_TYPES[detected.ext],
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}

/** Sends a stored file or a generated document as a download with its (Cyrillic) name. */
export function sendDownload(reply: FastifyReply, file: { filename: string; contentType: string; content: Buffer }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

// One store for every owner's files: appeals, risks and ЦУР requests. Visibility of the owner is checked by
// its module before any of these are called; here a file is only ever reached through its owner.
export type FileOwnerType = (typeof files.ownerType.enumValues)[number];
export type FilePurpose = (typeof files.purpose.enumValues)[number];
export interface FileOwner {
  type: FileOwnerType;
  id: string;
}
export type StoredFile = typeof files.$inferSelect;

/** Stores checked files for an owner in the caller's transaction. */
export async function storeFiles(db: Executor, owner: FileOwner, checked: CheckedFile[], meta: {
  organizationId: string | null; purpose: FilePurpose; uploadedBy: string | null; at?: Date;
}): Promise<void> {
  if (checked.length === 0) return;
  await db.insert(files).values(checked.map((f) => ({
    filename: f.filename, mimeType: f.mimeType, size: f.size, sha256: f.sha256, content: f.content,
    ownerType: owner.type, ownerId: owner.id, organizationId: meta.organizationId, purpose: meta.purpose,
    uploadedBy: meta.uploadedBy, ...(meta.at ? { createdAt: meta.at } : {}),
  })));
}

/** The owner's files without their content, oldest first. */
export async function listFiles(db: Executor, owner: FileOwner) {
  return db.select({
    id: files.id, organizationId: files.organizationId, purpose: files.purpose, filename: files.filename,
    mimeType: files.mimeType, size: files.size, createdAt: files.createdAt,
  }).from(files).where(and(eq(files.ownerType, owner.type), eq(files.ownerId, owner.id))).orderBy(asc(files.createdAt));
}

export async function countFiles(db: Executor, owner: FileOwner): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(files).where(and(eq(files.ownerType, owner.type), eq(files.ownerId, owner.id)));
  return Number(n);
}

/** One file of the owner, with its content; `code` names the 404 its module answers. */
export async function findFile(db: Executor, owner: FileOwner, fileId: string, code: CodeWithStatus<404> = 'file_not_found'): Promise<StoredFile> {
  const [row] = isUuid(fileId)
    ? await db.select().from(files).where(and(eq(files.ownerType, owner.type), eq(files.ownerId, owner.id), eq(files.id, fileId))).limit(1)
    : [];
  if (!row) throw notFound(code, 'Файл не найден');
  return row;
}

/** The download path of every stored file. */
export function sendFile(reply: FastifyReply, file: StoredFile) {
  return sendDownload(reply, { filename: file.filename, contentType: file.mimeType, content: file.content });
}
