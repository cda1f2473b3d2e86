// Uploaded files: type is decided by content (magic bytes), never by the name the sender gave.
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from './errors';

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
