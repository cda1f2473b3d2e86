// Reads a multipart request: text fields and files, each file checked by content.
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';
import { checkFile, MAX_FILES, type CheckedFile } from './files';

export async function readMultipart(request: FastifyRequest, maxFiles = MAX_FILES): Promise<{ fields: Record<string, string>; files: CheckedFile[] }> {
  if (!request.isMultipart()) throw new AppError(400, 'invalid_multipart', 'Ожидается запрос multipart/form-data с файлами');
  const fields: Record<string, string> = {};
  const files: CheckedFile[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      if (files.length >= maxFiles) throw new AppError(413, 'too_many_files', `Можно приложить не более ${maxFiles} файлов`);
      files.push(await checkFile(part.filename || 'файл', content));
    } else {
      fields[part.fieldname] = String(part.value ?? '');
    }
  }
  return { fields, files };
}
