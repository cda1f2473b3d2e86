// Reads a multipart request: text fields and files, each file checked by content.
import type { FastifyRequest } from 'fastify';
import { AppError, MULTIPART_ERRORS } from './errors';
import { checkFile, MAX_FILES, type CheckedFile } from './files';
import { refuseForbiddenCharacters, stripForbiddenCharacters } from './validation';

const malformed = () => new AppError(400, 'invalid_multipart', 'Запрос multipart/form-data повреждён или не содержит границы частей (boundary)');

export async function readMultipart(request: FastifyRequest, maxFiles = MAX_FILES): Promise<{ fields: Record<string, string>; files: CheckedFile[] }> {
  if (!request.isMultipart()) throw new AppError(400, 'invalid_multipart', 'Ожидается запрос multipart/form-data с файлами');
  const fields: Record<string, string> = {};
  const files: CheckedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (files.length >= maxFiles) throw new AppError(413, 'too_many_files', `Можно приложить не более ${maxFiles} файлов`);
        files.push(await checkFile(stripForbiddenCharacters(part.filename || '').trim() || 'файл', content));
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code && MULTIPART_ERRORS[code]) throw error;
    // The parser's own complaints (no boundary, cut-off body, bad headers) are the client's fault.
    throw malformed();
  }
  refuseForbiddenCharacters(fields);
  return { fields, files };
}

/** One uploaded file of any type with the text fields beside it: data files (CSV, XLSX) that the caller reads itself. */
export async function readDataUpload(request: FastifyRequest): Promise<{ fields: Record<string, string>; file: { filename: string; content: Buffer } | null }> {
  if (!request.isMultipart()) throw new AppError(400, 'invalid_multipart', 'Ожидается запрос multipart/form-data с файлом');
  const fields: Record<string, string> = {};
  let file: { filename: string; content: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (file) throw new AppError(413, 'too_many_files', 'Загрузите один файл');
        file = { filename: stripForbiddenCharacters(part.filename || '').trim().split(/[\\/]/).pop() || 'файл', content };
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code && MULTIPART_ERRORS[code]) throw error;
    throw malformed();
  }
  refuseForbiddenCharacters(fields);
  return { fields, file };
}
