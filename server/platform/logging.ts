// What the server writes to its log: request ids, statuses and the shape of failures, never personal data.
import { createRequire } from 'node:module';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { pgErrorCode } from './db-errors';

/** Query parameters that may carry personal data or secrets: their values never reach the log. */
const MASKED_PARAMS = /([?&](?:code|q|token|email|surname|name|phone|login)=)[^&]*/g;

export function maskUrl(url: string): string {
  return url.replace(MASKED_PARAMS, '$1***');
}

/** Messages of database errors quote the offending values («invalid input syntax for type uuid: "…"»). */
function redactQuoted(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/\([^()]*\)=\([^()]*\)/g, '(…)=(…)');
}

interface DbErrorFields {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  message?: string;
  query?: string;
}

function dbErrorFields(error: unknown): DbErrorFields {
  const out: DbErrorFields = {};
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as Record<string, unknown>;
    if (typeof e.query === 'string' && !out.query) out.query = e.query;
    for (const key of ['constraint', 'table', 'column', 'routine'] as const) {
      if (typeof e[key] === 'string' && !out[key]) out[key] = e[key] as string;
    }
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.message === 'string') out.message = e.message;
    current = e.cause;
  }
  out.code = pgErrorCode(error);
  return out;
}

/**
 * An error as the log may hold it. A failed query is described by its SQLSTATE, constraint and the
 * statement's text with placeholders; the parameter values (a citizen's name, e-mail, text) never
 * appear, neither do values quoted in the database's own message.
 */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!error || typeof error !== 'object') return { message: String(error) };
  const e = error as Error;
  const db = dbErrorFields(error);
  const frames = (e.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 12).join('\n');
  if (db.code || db.query) {
    return {
      type: e.name || 'Error',
      code: db.code,
      constraint: db.constraint,
      table: db.table,
      column: db.column,
      routine: db.routine,
      message: db.message ? redactQuoted(db.message) : 'ошибка запроса к базе данных',
      query: db.query ? db.query.replace(/\s+/g, ' ').slice(0, 2000) : undefined,
      stack: frames,
    };
  }
  return { type: e.name || 'Error', code: (e as { code?: unknown }).code, message: e.message, stack: frames };
}

/** A short, value-free description of an error for a status column (jobs, outbox). */
export function errorSummary(error: unknown): string {
  const logged = errorForLog(error);
  return [logged.code, logged.constraint, logged.message].filter(Boolean).join(' ').slice(0, 500);
}

function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * Log options: request ids, no personal data (cookies, tokens and bodies are never logged).
 * `pretty` gives readable lines for a person at a terminal (development), JSON lines otherwise.
 */
export function loggerOptions(level: string, options: { pretty?: boolean } = {}): object {
  return {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: maskUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: errorForLog,
    },
    ...(options.pretty && prettyAvailable()
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true } } }
      : {}),
  };
}

/** Paths whose requests are worth a line at `info`: the API; static files of the web app only at `debug`. */
function isApi(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('/open311/');
}

/** Fastify's per-request lines in Russian, one line per request, static files only at debug level. */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'запрос завершился ошибкой');
    else if (isApi(request.url)) reply.log.info(line, 'запрос выполнен');
    else reply.log.debug(line, 'файл отдан');
  }

  override defaultErrorLog(error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply): void {
    if (!error.statusCode || error.statusCode >= 500) reply.log.error({ req: request, res: reply, err: error }, 'ошибка при обработке запроса');
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'адрес не найден');
  }
}
