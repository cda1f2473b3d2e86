// Reads a multipart request: text fields and files, each file checked by content.
import type { FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import { AppError, MULTIPART_ERRORS, validationFailed } from './errors';
import { checkFile, MAX_FILES, type CheckedFile } from './files';
import { refuseForbiddenCharacters, stripForbiddenCharacters, translateValidation } from './validation';

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

/**
 * The body of a route that takes JSON or a multipart form with files, checked by the same schema either way
 * (Fastify checks a JSON body only): form fields named in `lists` are comma-separated lists, and fields
 * sent empty count as absent.
 */
export async function jsonOrForm<T>(request: FastifyRequest, schema: TSchema, lists: string[] = []): Promise<{ body: T; files: CheckedFile[] }> {
  let body = request.body as unknown;
  let files: CheckedFile[] = [];
  if (request.isMultipart()) {
    const parts = await readMultipart(request);
    files = parts.files;
    const fields: Record<string, unknown> = Object.fromEntries(Object.entries(parts.fields).filter(([, v]) => v !== ''));
    for (const name of lists) if (name in parts.fields) fields[name] = parts.fields[name].split(',').map((s) => s.trim()).filter(Boolean);
    body = fields;
  }
  const validate = request.compileValidationSchema(schema);
  if (!validate(body)) throw validationFailed(translateValidation(validate.errors ?? []));
  return { body: body as T, files };
}
