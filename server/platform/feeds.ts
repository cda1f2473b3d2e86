// Reading RSS and Atom feeds and web pages over HTTP: a conditional GET with the validators of the last
// answer (ETag, Last-Modified), a time limit for the whole exchange, a size limit, the charset the
// answer declares (Russian media still publish in windows-1251), and after failures a growing pause
// before the next attempt. Monitoring of publications and official pages share it.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createHash } from 'node:crypto';
import { stripHtml } from '../text/normalize';
import { outboundRefusal } from './outbound';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FeedItem {
  /** The feed's own id of the item (RSS guid, Atom id), else its link, else a hash of its title and date. */
  guid: string;
  link: string | null;
  title: string;
  /** Plain text: the full content where the feed carries it, else the summary. */
  text: string;
  publishedAt: Date | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

export interface FetchOptions {
  /** The whole exchange, headers and body; 15 s by default. */
  timeoutMs?: number;
  /** Bytes of the body; 5 MB by default. */
  maxBytes?: number;
  signal?: AbortSignal;
  accept?: string;
}

export type FetchFailure = 'timeout' | 'too_large' | 'http' | 'network' | 'not_a_feed' | 'refused';

/** Why a fetch failed, in Russian for the screens. */
export class FetchError extends Error {
  constructor(readonly kind: FetchFailure, message: string) {
    super(message);
  }
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const USER_AGENT = 'Otklik/1 (+feed reader)';
const MAX_TEXT = 20_000;

export type HttpAnswer = { notModified: true } | { notModified: false; body: string; contentType: string; validators: Validators };

/** GET with the validators of the last answer; `notModified` on 304. Throws FetchError. */
export async function httpGet(url: string, validators: Validators | null, options: FetchOptions = {}): Promise<HttpAnswer> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: options.accept ?? '*/*' };
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  try {
    const response = await fetchFollowing(url, headers, signal);
    if (response.status === 304) {
      await response.body?.cancel();
      return { notModified: true };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FetchError('http', `Сервер ответил ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw tooLarge(maxBytes);
    }
    const bytes = await readLimited(response, maxBytes);
    const contentType = response.headers.get('content-type') ?? '';
    return {
      notModified: false, body: decode(bytes, contentType), contentType,
      validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
    };
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (timeout.aborted) throw new FetchError('timeout', `Нет ответа за ${Math.round(timeoutMs / 1000)} с`);
    if (options.signal?.aborted) throw new FetchError('network', 'Чтение прервано: сервер останавливается');
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new FetchError('network', `Не удалось соединиться: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/** GET that follows redirects itself, checking every address on the way against the outbound rule. */
async function fetchFollowing(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
  let target = url;
  for (let hop = 0; ; hop++) {
    const refusal = await outboundRefusal(target);
    if (refusal) throw new FetchError('refused', refusal);
    const response = await fetch(target, { headers, signal, redirect: 'manual' });
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || !location) return response;
    await response.body?.cancel();
    if (hop === MAX_REDIRECTS) throw new FetchError('http', `Больше ${MAX_REDIRECTS} перенаправлений`);
    target = new URL(location, target).toString();
  }
}

function tooLarge(maxBytes: number): FetchError {
  return new FetchError('too_large', `Ответ больше ${Math.round(maxBytes / 1024)} КБ`);
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The charset of the Content-Type, else of the XML declaration or the HTML meta tag, else UTF-8. */
function decode(bytes: Uint8Array, contentType: string): string {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const charset = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1]
    ?? /<\?xml[^>]*encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1]
    ?? /<meta[^>]*charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]
    ?? 'utf-8';
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export type FeedAnswer = { notModified: true } | { notModified: false; feed: Feed; validators: Validators };

/** Fetches and reads a feed; a 304 answers `notModified`. Throws FetchError, `not_a_feed` for what is no RSS or Atom. */
export async function fetchFeed(url: string, validators: Validators | null, options: FetchOptions = {}): Promise<FeedAnswer> {
  const answer = await httpGet(url, validators, { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1', ...options });
  if (answer.notModified) return answer;
  return { notModified: false, feed: parseFeed(answer.body), validators: answer.validators };
}

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', parseTagValue: false, parseAttributeValue: false,
  trimValues: true, processEntities: true, htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as Node)['#text']);
  return String(value).trim();
}

function plain(value: unknown): string {
  return stripHtml(textOf(value)).replace(/[ \t\r\f\v]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim().slice(0, MAX_TEXT);
}

function dateOf(...values: unknown[]): Date | null {
  for (const v of values) {
    const s = textOf(v);
    if (!s) continue;
    const d = new Date(s);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return null;
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return null;
  const nodes = links.filter((l): l is Node => typeof l === 'object' && l !== null);
  const alternate = nodes.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? nodes[0];
  const href = alternate?.['@_href'];
  return typeof href === 'string' && href ? href : textOf(links) || null;
}

function item(guid: string, link: string | null, title: string, text: string, publishedAt: Date | null): FeedItem {
  const id = guid || link || createHash('sha256').update(`${title}\n${publishedAt?.toISOString() ?? ''}\n${text}`).digest('hex').slice(0, 32);
  return { guid: id.slice(0, 1000), link, title: title.slice(0, 1000), text: text || title, publishedAt };
}

/** RSS 2.0, RSS 1.0 (RDF) or Atom into items; throws FetchError `not_a_feed` for anything else. */
export function parseFeed(xml: string): Feed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new FetchError('not_a_feed', `Лента не читается как XML: ${valid.err.msg} (строка ${valid.err.line})`);
  const doc = parser.parse(xml) as Node;
  const rss = doc.rss as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) ?? {}) as Node;
    const items = ((rss ? channel.item : rdf?.item) ?? []) as Node[];
    return {
      title: plain(channel.title) || null,
      items: items.map((i) => {
        const link = textOf(i.link) || null;
        return item(textOf(i.guid), link, plain(i.title), plain(i['content:encoded']) || plain(i.description), dateOf(i.pubDate, i['dc:date']));
      }),
    };
  }
  if (atom) {
    const entries = (atom.entry ?? []) as Node[];
    return {
      title: plain(atom.title) || null,
      items: entries.map((e) => item(textOf(e.id), atomLink(e.link), plain(e.title), plain(e.content) || plain(e.summary), dateOf(e.published, e.updated))),
    };
  }
  throw new FetchError('not_a_feed', 'Это не лента RSS или Atom');
}

/** The pause after `failures` failures in a row: 5 minutes, doubled each time, at most a day. */
export function backoffMs(failures: number): number {
  return Math.min(5 * 60_000 * 2 ** Math.max(0, failures - 1), 24 * 3600_000);
}

/** The stored state of a feed after a fetch: the answer's validators, or on failure the error and the next attempt. */
export interface FeedStateValues {
  etag?: string | null;
  lastModified?: string | null;
  lastFetchedAt: Date;
  lastError: string | null;
  failures: number;
  nextFetchAt: Date;
}

export function stateAfterSuccess(answer: FeedAnswer | HttpAnswer, now: Date, everyMs: number): FeedStateValues {
  const validators = answer.notModified ? {} : { etag: answer.validators.etag, lastModified: answer.validators.lastModified };
  return { ...validators, lastFetchedAt: now, lastError: null, failures: 0, nextFetchAt: new Date(now.getTime() + everyMs) };
}

export function stateAfterFailure(error: unknown, previousFailures: number, now: Date): FeedStateValues {
  const failures = previousFailures + 1;
  const message = error instanceof FetchError ? error.message : `Ошибка чтения: ${(error as Error)?.message ?? String(error)}`;
  return { lastFetchedAt: now, lastError: message.slice(0, 500), failures, nextFetchAt: new Date(now.getTime() + backoffMs(failures)) };
}
