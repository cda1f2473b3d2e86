// Reads a multipart request: text fields and files, each file checked by content.
import type { FastifyRequest } from 'fastify';
import { AppError, MULTIPART_ERRORS } from './errors';
import { checkFile, MAX_FILES, type CheckedFile } from './files';
import { refuseForbiddenCharacters, stripForbiddenCharacters } from './validation';

const malformed = () => new AppError(400, 'invalid_multipart', 'Запрос multipart/form-data повреждён или не содержит границы частей (boundary)');

/**
 * Walks the parts of a multipart request: text fields are collected, each file goes to `onFile` with its
 * name cleaned of forbidden characters. The parser's own complaints are the client's fault (400).
 */
async function readParts(request: FastifyRequest, notMultipart: string, onFile: (filename: string, content: Buffer) => Promise<void> | void): Promise<Record<string, string>> {
  if (!request.isMultipart()) throw new AppError(400, 'invalid_multipart', notMultipart);
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        await onFile(stripForbiddenCharacters(part.filename || '').trim(), content);
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code && MULTIPART_ERRORS[code]) throw error;
    // No boundary, a cut-off body, bad headers.
    throw malformed();
  }
  refuseForbiddenCharacters(fields);
  return fields;
}

export async function readMultipart(request: FastifyRequest, maxFiles = MAX_FILES): Promise<{ fields: Record<string, string>; files: CheckedFile[] }> {
  const files: CheckedFile[] = [];
  const fields = await readParts(request, 'Ожидается запрос multipart/form-data с файлами', async (filename, content) => {
    if (files.length >= maxFiles) throw new AppError(413, 'too_many_files', `Можно приложить не более ${maxFiles} файлов`);
    files.push(await checkFile(filename || 'файл', content));
  });
  return { fields, files };
}

/** One uploaded file of any type with the text fields beside it: data files (CSV, XLSX) that the caller reads itself. */
export async function readDataUpload(request: FastifyRequest): Promise<{ fields: Record<string, string>; file: { filename: string; content: Buffer } | null }> {
  let file: { filename: string; content: Buffer } | null = null;
  const fields = await readParts(request, 'Ожидается запрос multipart/form-data с файлом', (filename, content) => {
    if (file) throw new AppError(413, 'too_many_files', 'Загрузите один файл');
    file = { filename: filename.split(/[\\/]/).pop() || 'файл', content };
  });
  return { fields, file };
}
