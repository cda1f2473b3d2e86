// Sends generated requests to every operation of /api/openapi.json, anonymously and as each demo role,
// and reports what the server answered: runFuzz() → counts by status class and the cases that broke it
// (a 5xx, or a 4xx without the {code, message, requestId} error body).
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { anyText, bodyValue, value, type JsonSchema, type Pools } from './fuzz-values';

export const FUZZ_LOGINS = ['cur.admin', 'cur.analyst', 'beloyarsky.contact', 'beloyarsky.executor', 'beloyarsky.head'];
export const DEFAULT_SEED = 20260501;

/** Operations the fuzzer leaves alone, and why. */
const SKIPPED: Record<string, string> = {
  'POST /api/auth/logout': 'ends the sessions the fuzzer works with',
};

interface Parameter { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema: JsonSchema }
interface OperationObject {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface Operation {
  method: string;
  path: string;
  key: string;
  parameters: Parameter[];
  jsonBody: JsonSchema | null;
  /** The route reads multipart/form-data (declared in the body, or a `consumes` route without a JSON body). */
  multipart: boolean;
  description: string;
}

export interface Identity {
  name: string;
  cookie?: string;
  csrfToken?: string;
  userId?: string;
  organizationId?: string;
}

export interface FuzzCase {
  operation: string;
  identity: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** How the body was built: json, multipart, malformed JSON, wrong content type… */
  bodyKind: string;
  remoteAddress: string;
}

export interface FuzzProblem {
  operation: string;
  kind: '5xx' | 'error shape';
  status: number;
  response: string;
  request: string;
  /** fast-check seed and path of the (shrunk) case: FUZZ_SEED=<seed> FUZZ_ONLY=<operation> FUZZ_PATH=<path> replays it. */
  seed: number;
  path: string | null;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  operations: number;
  skipped: string[];
  byClass: Record<'2xx' | '3xx' | '4xx' | '5xx', number>;
  /** Distinct failing operations with the number of 5xx each gave. */
  failingOperations: Record<string, number>;
  problems: FuzzProblem[];
  /** Operations no case got a 2xx from: the generator never got past their checks. */
  neverSucceeded: string[];
  /** Sessions that stopped working during an operation and were logged in again. */
  relogins: string[];
  durationMs: number;
}

export interface FuzzOptions {
  /** Total number of generated requests (spread evenly over the operations). */
  cases: number;
  seed?: number;
  /** Only operations whose "METHOD /path" key includes this text. */
  only?: string;
  /** fast-check path to replay one case (with `seed` and `only`). */
  path?: string;
  /** Shrink a failing case to a small one (tests); without it every case is just counted (bench). */
  shrink?: boolean;
  logins?: string[];
  password?: string;
  log?: (line: string) => void;
  /** Sees every case and its answer (to study what the generator reaches). */
  onCase?: (c: FuzzCase, answer: Answer) => void;
}

// ——— Operations from the OpenAPI document ———

export function operationsOf(document: { paths: Record<string, Record<string, OperationObject>> }): Operation[] {
  const result: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const upper = method.toUpperCase();
      const content = op.requestBody?.content ?? {};
      const text = `${op.summary ?? ''} ${op.description ?? ''}`;
      result.push({
        method: upper, path, key: `${upper} ${path}`,
        parameters: op.parameters ?? [],
        jsonBody: content['application/json']?.schema ?? null,
        multipart: 'multipart/form-data' in content || (upper !== 'GET' && !content['application/json'] && /multipart/i.test(text)),
        description: text,
      });
    }
  }
  return result;
}

function propertyNames(schema: unknown, into: Set<string>): void {
  if (Array.isArray(schema)) { for (const s of schema) propertyNames(s, into); return; }
  if (!schema || typeof schema !== 'object') return;
  for (const [key, child] of Object.entries(schema)) {
    if (key === 'properties' && child && typeof child === 'object') for (const name of Object.keys(child)) into.add(name);
    propertyNames(child, into);
  }
}

// ——— Real values from the demo data ———

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POOL_LIMIT = 40;

function remember(pools: Pools, key: string, text: string): void {
  if (text.length > 200) return;
  const list = pools.byKey.get(key) ?? [];
  if (list.length < POOL_LIMIT && !list.includes(text)) list.push(text);
  pools.byKey.set(key, list);
  if (UUID.test(text) && pools.uuids.length < 2000 && !pools.uuids.includes(text)) pools.uuids.push(text);
}

/**
 * Walks a JSON response: every string is remembered under its property name, and the id of an object
 * also under the collection it belongs to (`appeals` for a card or a list of /api/appeals, `attachments`
 * for the objects of an array named so), which is where path parameters look for real ids.
 */
function harvest(pools: Pools, node: unknown, owner: string, key = ''): void {
  if (Array.isArray(node)) { for (const item of node) harvest(pools, item, owner, key); return; }
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) harvest(pools, v, v && typeof v === 'object' && k !== 'items' ? k : owner, k);
    return;
  }
  if (typeof node !== 'string') return;
  remember(pools, key, node);
  if (key === 'id' && owner) remember(pools, owner, node);
}

/** The collection an operation answers with: /api/risks/{id} → risks, /api/appeals/{id}/timeline → timeline. */
function resourceOf(op: Operation): string {
  const statics = op.path.split('/').filter((s) => s && s !== 'api' && s !== 'public' && s !== 'actions' && !s.includes('{'));
  return statics[statics.length - 1] ?? '';
}

function harvestAnswer(pools: Pools, op: Operation, body: string): void {
  try {
    harvest(pools, JSON.parse(body), resourceOf(op));
  } catch {
    // not JSON after all
  }
}

function without(pools: Pools, ids: Set<string>): Pools {
  const byKey = new Map<string, string[]>();
  for (const [key, values] of pools.byKey) {
    const kept = values.filter((v) => !ids.has(v));
    if (kept.length > 0) byKey.set(key, kept);
  }
  return { ...pools, byKey, uuids: pools.uuids.filter((id) => !ids.has(id)) };
}

// ——— Requests ———

function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate: percent-encode whatever bytes Node makes of it.
    return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

function queryPairs(name: string, raw: unknown): string[] {
  if (raw === undefined) return [];
  if (raw === null) return [encode(name)];
  if (Array.isArray(raw)) return raw.length === 0 ? [`${encode(name)}=`] : raw.flatMap((item) => queryPairs(name, item));
  if (typeof raw === 'object') return [`${encode(name)}=${encode(JSON.stringify(raw))}`, `${encode(name)}[x]=1`];
  return [`${encode(name)}=${encode(String(raw))}`];
}

function pathValue(op: Operation, parameter: Parameter, pools: Pools): fc.Arbitrary<string> {
  const segments = op.path.split('/');
  const index = segments.indexOf(`{${parameter.name}}`);
  // /api/appeals/{id} takes ids listed by /api/appeals; {attachmentId} takes ids of arrays named attachments.
  const poolKey = parameter.name === 'id' ? segments[index - 1] : parameter.name === 'action' ? 'actions' : parameter.name.replace(/Id$/, 's');
  const seen = [...(pools.byKey.get(poolKey) ?? []), ...(pools.byKey.get(parameter.name) ?? [])];
  const described = parameter.name === 'action' ? op.description.match(/\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]{4,}\b/g) ?? [] : [];
  const good = [...seen, ...described];
  const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  const raw = fc.constantFrom('..', '.', '%', '%2F', '%00', '%2e%2e', '', ' ', '%E0%A4%A', '/', '?', '#', ';', '*');
  return fc.oneof(
    ...(good.length > 0 ? [{ weight: 6, arbitrary: fc.constantFrom(...good).map(encode) }] : []),
    { weight: 3, arbitrary: value(parameter.schema, pools, parameter.name).map((v) => encode(asText(v))) },
    { weight: 1, arbitrary: fc.uuid().map(encode) },
    { weight: 1, arbitrary: fc.oneof(anyText.map(encode), raw) },
  );
}

function queryString(op: Operation, pools: Pools): fc.Arbitrary<string> {
  const query = op.parameters.filter((p) => p.in === 'query');
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const strictModel: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of query) {
    model[p.name] = value(p.schema, pools, p.name);
    strictModel[p.name] = value(p.schema, pools, p.name, true);
  }
  const requiredKeys = query.filter((p) => p.required).map((p) => p.name);
  // Few parameters pass every check together: sometimes only the required ones and one more.
  const few = fc.subarray(query.map((p) => p.name), { maxLength: Math.min(1, query.length) }).chain((names) => {
    const keys = [...new Set([...requiredKeys, ...names])];
    return fc.record(Object.fromEntries(keys.map((k) => [k, strictModel[k]])));
  });
  const known = fc.oneof(few, fc.record(strictModel, { requiredKeys }), fc.record(model, { requiredKeys }));
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('&%zz=1', '&=', '&&', '&a=%E0%A4%A', '&__proto__[x]=1', '&limit=1&limit=2', '&q=%00', '&x=' + 'я'.repeat(5000)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...(pools.keys.length > 0 ? pools.keys : ['x'])), anyText).map(([k, v]) => `&${encode(k)}=${encode(v)}`) },
  );
  return fc.tuple(known, extra).map(([values, tail]) => {
    const pairs = Object.entries(values).flatMap(([name, v]) => queryPairs(name, v));
    const text = pairs.join('&') + tail;
    return text ? `?${text.replace(/^&/, '')}` : '';
  });
}

const FILE_CONTENTS: Buffer[] = [
  Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
  Buffer.from('504b03041400000008000000000000000000000000000000000000', 'hex'),
  Buffer.from('<html><script>alert(1)</script></html>'),
  Buffer.from('MZ\x90\x00\x03'),
  Buffer.alloc(0),
];
const FILE_NAMES = ['скан.pdf', 'photo.png', 'a.jpg', 'ответ.docx', '', '../../etc/passwd', 'x\u0000.pdf', '🙂.png', 'a'.repeat(600) + '.pdf', 'имя "с кавычками".pdf', 'semi;colon.pdf', 'line\r\nbreak.pdf'];

interface Part { name: string; value?: string; filename?: string; contentType?: string; content?: Buffer }

function multipartPayload(parts: Part[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.filename === undefined ? `form-data; name="${part.name}"` : `form-data; name="${part.name}"; filename="${part.filename}"`;
    const type = part.filename === undefined ? '' : `\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), part.content ?? Buffer.from(part.value ?? ''), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

interface Body { kind: string; contentType?: string; payload?: string | Buffer }

function multipartBody(op: Operation, pools: Pools): fc.Arbitrary<Body> {
  const schema = op.jsonBody ?? { type: 'object', properties: { purpose: { enum: ['appeal', 'answer', 'publication', 'refutation'] } } };
  const fields = bodyValue(schema, pools).map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v) : [['value', v]]));
  const file = fc.record({
    name: fc.constantFrom('file', 'files', 'file[]', 'attachment', ''),
    filename: fc.oneof(fc.constantFrom(...FILE_NAMES), anyText),
    contentType: fc.constantFrom('application/pdf', 'image/png', 'text/plain', 'application/octet-stream', ''),
    content: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FILE_CONTENTS) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)) }),
  });
  const boundary = fc.constantFrom('fuzz0boundary', '----WebKitFormBoundary7MA4YWxkTrZu0gW', 'я', 'a'.repeat(70));
  const layout = fc.oneof({ weight: 5, arbitrary: fc.constant('ok') }, { weight: 5, arbitrary: fc.constantFrom('no boundary', 'empty boundary', 'wrong boundary', 'truncated', 'garbage') });
  return fc.tuple(fields, fc.array(file, { maxLength: 7 }), boundary, layout).map(([entries, files, b, how]) => {
    const parts: Part[] = [
      ...entries.map(([name, v]) => ({ name: String(name), value: typeof v === 'string' ? v : JSON.stringify(v) ?? '' })),
      ...files,
    ];
    const payload = multipartPayload(parts, b);
    switch (how) {
      case 'no boundary': return { kind: 'multipart without boundary', contentType: 'multipart/form-data', payload };
      case 'empty boundary': return { kind: 'multipart with empty boundary', contentType: 'multipart/form-data; boundary=', payload };
      case 'wrong boundary': return { kind: 'multipart with wrong boundary', contentType: 'multipart/form-data; boundary=other', payload };
      case 'truncated': return { kind: 'truncated multipart', contentType: `multipart/form-data; boundary=${b}`, payload: payload.subarray(0, Math.floor(payload.length / 2)) };
      case 'garbage': return { kind: 'multipart garbage', contentType: `multipart/form-data; boundary=${b}`, payload: Buffer.from('это не multipart\r\n--\r\n') };
      default: return { kind: 'multipart', contentType: `multipart/form-data; boundary=${b}`, payload };
    }
  });
}

function requestBody(op: Operation, pools: Pools): fc.Arbitrary<Body> {
  const schema = op.jsonBody ?? { type: 'object', additionalProperties: true };
  const json = bodyValue(schema, pools).map((v): Body => ({ kind: 'json', contentType: 'application/json', payload: JSON.stringify(v) ?? 'null' }));
  const malformed = fc.constantFrom('{"a":', '', 'null', '[]', '"строка"', '1', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}', '{"a":1,"a":2}', '[' .repeat(5000), '{"text":"\\ud800"}', '\ufeff{}', '{\u0000}')
    .map((payload): Body => ({ kind: 'malformed json', contentType: 'application/json', payload }));
  const wrongType = fc.tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/octet-stream', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/JSON', 'json', '*/*', ''), fc.oneof(anyText, bodyValue(schema, pools).map((v) => JSON.stringify(v) ?? '')))
    .map(([contentType, payload]): Body => ({ kind: `content type ${contentType || '(empty)'}`, contentType, payload }));
  const options: fc.WeightedArbitrary<Body>[] = [
    { weight: op.jsonBody ? 12 : 2, arbitrary: json },
    { weight: 2, arbitrary: malformed },
    { weight: 2, arbitrary: wrongType },
    { weight: 2, arbitrary: fc.constant({ kind: 'no body' }) },
    { weight: op.multipart ? 10 : 1, arbitrary: multipartBody(op, pools) },
  ];
  return fc.oneof(...options);
}

export function caseArbitrary(op: Operation, pools: Pools, identities: Identity[]): fc.Arbitrary<FuzzCase> {
  const pathParameters = op.parameters.filter((p) => p.in === 'path');
  const path = fc.tuple(...pathParameters.map((p) => pathValue(op, p, pools))).map((values) => {
    let url = op.path;
    pathParameters.forEach((p, i) => { url = url.replace(`{${p.name}}`, values[i]); });
    return url;
  });
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
  const body: fc.Arbitrary<Body> = hasBody
    ? requestBody(op, pools)
    : fc.oneof({ weight: 12, arbitrary: fc.constant<Body>({ kind: 'no body' }) }, { weight: 1, arbitrary: fc.constant<Body>({ kind: 'body on a GET', contentType: 'application/json', payload: '{"x":' }) });
  // Sometimes the session is sent without its CSRF token, with a wrong one, or with a junk bearer token.
  const credentials = fc.oneof({ weight: 20, arbitrary: fc.constant('as is') }, { weight: 1, arbitrary: fc.constantFrom('no csrf', 'wrong csrf', 'junk bearer') });
  const address = fc.tuple(fc.integer({ min: 1, max: 254 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map(([a, b, c]) => `10.${a}.${b}.${c}`);
  return fc.tuple(fc.constantFrom(...identities), path, queryString(op, pools), body, credentials, address).map(([identity, url, query, b, how, remoteAddress]) => {
    const headers: Record<string, string> = {};
    if (identity.cookie) headers.cookie = identity.cookie;
    if (identity.csrfToken && how !== 'no csrf') headers['x-csrf-token'] = how === 'wrong csrf' ? 'x'.repeat(43) : identity.csrfToken;
    if (how === 'junk bearer') headers.authorization = 'Bearer otk_' + 'я'.repeat(10);
    if (b.contentType !== undefined) headers['content-type'] = b.contentType;
    return { operation: op.key, identity: identity.name, method: op.method, url: url + query, headers, payload: b.payload, bodyKind: b.kind, remoteAddress };
  });
}

function describeCase(c: FuzzCase): string {
  const payload = c.payload === undefined ? '' : Buffer.isBuffer(c.payload) ? c.payload.toString('latin1') : c.payload;
  const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
  return `${c.method} ${short(c.url, 300)} as ${c.identity} [${c.bodyKind}${c.headers['content-type'] !== undefined ? `, content-type: ${JSON.stringify(c.headers['content-type'])}` : ''}]${payload ? `\n    body: ${JSON.stringify(short(payload, 400))}` : ''}`;
}

// ——— Verdict ———

const CYRILLIC = /[А-Яа-яЁё]/;

/** What the fuzzer keeps of a response. */
export interface Answer { statusCode: number; contentType: string; body: string }

/** Why a response is wrong, or null: a 5xx, or a 4xx without the standard error body with a Russian message. */
export function verdict(response: Answer): FuzzProblem['kind'] | null {
  if (response.statusCode >= 500) return '5xx';
  if (response.statusCode < 400) return null;
  try {
    const body = JSON.parse(response.body) as { code?: unknown; message?: unknown; requestId?: unknown };
    const ok = typeof body.code === 'string' && body.code.length > 0 && typeof body.message === 'string' && CYRILLIC.test(body.message) && typeof body.requestId === 'string' && body.requestId.length > 0;
    return ok ? null : 'error shape';
  } catch {
    return 'error shape';
  }
}

async function send(app: FastifyInstance, c: FuzzCase): Promise<Answer> {
  const options: InjectOptions = { method: c.method as InjectOptions['method'], url: c.url, headers: c.headers, remoteAddress: c.remoteAddress };
  if (c.payload !== undefined) options.payload = c.payload;
  if (c.operation.endsWith('/stream')) {
    // An event stream never ends by itself: read its head and close it; an error answer is read whole.
    const response = await app.inject({ ...options, payloadAsStream: true });
    const contentType = String(response.headers['content-type'] ?? '');
    const stream = response.stream();
    if (contentType.startsWith('text/event-stream')) {
      stream.destroy();
      return { statusCode: response.statusCode, contentType, body: '' };
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    return { statusCode: response.statusCode, contentType, body: Buffer.concat(chunks).toString() };
  }
  const response = await app.inject(options);
  return { statusCode: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), body: response.body };
}

// ——— Identities ———

async function login(app: FastifyInstance, name: string, password: string): Promise<Identity> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: name, password } });
  if (response.statusCode !== 200) throw new Error(`Fuzz identity ${name} cannot log in: ${response.statusCode} ${response.body}`);
  const body = response.json() as { csrfToken: string; user: { id: string; organization: { id: string } } };
  return { name, cookie: String(response.headers['set-cookie']).split(';')[0], csrfToken: body.csrfToken, userId: body.user.id, organizationId: body.user.organization.id };
}

async function alive(app: FastifyInstance, identity: Identity): Promise<boolean> {
  if (!identity.cookie) return true;
  const response = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: identity.cookie } });
  return response.statusCode === 200;
}

// ——— Run ———

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function seedFor(seed: number, operation: string): number {
  return (seed ^ hash(operation)) | 0;
}

export async function runFuzz(app: FastifyInstance, options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const password = options.password ?? 'demo';
  const log = options.log ?? (() => {});
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const all = operationsOf(document);
  const skipped = all.filter((op) => SKIPPED[op.key]).map((op) => `${op.key}: ${SKIPPED[op.key]}`);
  const exact = all.some((op) => op.key === options.only);
  const operations = all.filter((op) => !SKIPPED[op.key] && (!options.only || (exact ? op.key === options.only : op.key.includes(options.only))));
  if (operations.length === 0) throw new Error(`No operation matches ${options.only}`);
  // Creations first, so that the cards and actions after them have objects of every kind to work on.
  const creates = (op: Operation) => op.method === 'POST' && !op.path.includes('{');
  operations.sort((a, b) => Number(creates(b)) - Number(creates(a)));

  const sessions = await Promise.all((options.logins ?? FUZZ_LOGINS).map((name) => login(app, name, password)));
  const identities: Identity[] = [{ name: 'anonymous' }, ...sessions];
  // The fuzzing identities must survive: their users and organisations are never the target of a change.
  const protectedIds = new Set(sessions.flatMap((s) => [s.userId!, s.organizationId!]));

  const keys = new Set<string>();
  propertyNames(document.paths, keys);
  const pools: Pools = { byKey: new Map(), uuids: [], keys: [...keys].sort() };
  const readable = operations.filter((op) => op.method === 'GET' && !op.path.endsWith('/stream') && !op.path.includes('.'));
  for (const identity of identities) {
    for (const op of readable.filter((o) => !o.path.includes('{'))) {
      const response = await app.inject({ method: 'GET', url: op.path, headers: identity.cookie ? { cookie: identity.cookie } : {} });
      if (response.statusCode === 200 && /json/.test(String(response.headers['content-type']))) harvestAnswer(pools, op, response.body);
    }
  }
  // Cards carry what lists do not (attachments, files, available actions).
  const admin = identities[1];
  for (const op of readable.filter((o) => /^\/api\/[a-z]+\/\{id\}$/.test(o.path))) {
    for (const id of (pools.byKey.get(op.path.split('/')[2]) ?? []).slice(0, 8)) {
      const response = await app.inject({ method: 'GET', url: op.path.replace('{id}', id), headers: admin?.cookie ? { cookie: admin.cookie } : {} });
      if (response.statusCode === 200) harvestAnswer(pools, op, response.body);
    }
  }

  const report: FuzzReport = { seed, cases: 0, operations: operations.length, skipped, byClass: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 }, failingOperations: {}, problems: [], neverSucceeded: [], relogins: [], durationMs: 0 };
  const perOperation = Math.max(1, Math.ceil(options.cases / operations.length));

  for (const op of operations) {
    // Changes of users and organisations never target the fuzzing identities; reading them is fine.
    const opPools = op.method !== 'GET' && /^\/api\/(users|organizations)\//.test(op.path) ? without(pools, protectedIds) : pools;
    const opSeed = seedFor(seed, op.key);
    let last: { c: FuzzCase; response: Answer } | null = null;
    let run = 0;
    let succeeded = false;
    const property = fc.asyncProperty(caseArbitrary(op, opPools, identities), async (c) => {
      const response = await send(app, c);
      report.cases++;
      run++;
      options.onCase?.(c, response);
      const cls = `${Math.min(Math.floor(response.statusCode / 100), 5)}xx` as keyof FuzzReport['byClass'];
      if (cls in report.byClass) report.byClass[cls]++;
      if (cls === '2xx') succeeded = true;
      const problem = verdict(response);
      if (problem === '5xx') report.failingOperations[op.key] = (report.failingOperations[op.key] ?? 0) + 1;
      if (problem) last = { c, response };
      // What the operations create (risks, requests, reports, tokens) becomes input for the ones after them.
      if (response.statusCode < 300 && response.contentType.includes('json')) harvestAnswer(pools, op, response.body);
      if (problem && !options.shrink && !report.problems.some((p) => p.operation === op.key && p.kind === problem)) {
        report.problems.push({ operation: op.key, kind: problem, status: response.statusCode, response: response.body.slice(0, 300), request: describeCase(c), seed: opSeed, path: String(run - 1) });
      }
      return options.shrink ? problem === null : true;
    });
    const details = await fc.check(property, {
      seed: opSeed, numRuns: perOperation, path: options.path, endOnFailure: !options.shrink,
      // Shrinking replays requests; bound it so that one failing route does not take the whole budget.
      interruptAfterTimeLimit: options.shrink ? 60_000 : undefined,
    });
    if (details.failed && details.counterexample) {
      const [c] = details.counterexample;
      const response = await send(app, c);
      const seen = last as { c: FuzzCase; response: Answer } | null;
      const shown = verdict(response) ? response : seen?.response ?? response;
      report.problems.push({ operation: op.key, kind: verdict(shown) ?? '5xx', status: shown.statusCode, response: shown.body.slice(0, 300), request: describeCase(verdict(response) ? c : seen?.c ?? c), seed: details.seed, path: details.counterexamplePath });
    }
    for (let i = 0; i < sessions.length; i++) {
      if (await alive(app, sessions[i])) continue;
      report.relogins.push(`${sessions[i].name} after ${op.key}`);
      Object.assign(sessions[i], await login(app, sessions[i].name, password));
    }
    if (!succeeded) report.neverSucceeded.push(op.key);
    log(`${op.key}: ${perOperation} cases`);
  }
  report.durationMs = performance.now() - started;
  return report;
}

/** Human-readable summary; problems with their seed and path so that each can be replayed. */
export function formatReport(report: FuzzReport): string {
  const lines = [
    `seed ${report.seed}: ${report.cases} cases over ${report.operations} operations in ${(report.durationMs / 1000).toFixed(1)} s`,
    `2xx ${report.byClass['2xx']}, 3xx ${report.byClass['3xx']}, 4xx ${report.byClass['4xx']}, 5xx ${report.byClass['5xx']}`,
  ];
  for (const [op, n] of Object.entries(report.failingOperations)) lines.push(`  5xx ×${n}: ${op}`);
  for (const p of report.problems) {
    lines.push(`\n${p.kind} ${p.status} in ${p.operation}`, `    ${p.request}`, `    → ${p.response}`,
      `    replay: FUZZ_SEED=${report.seed} FUZZ_ONLY='${p.operation}'${p.path ? ` FUZZ_PATH=${p.path}` : ''} (fast-check seed ${p.seed})`);
  }
  if (report.neverSucceeded.length > 0) lines.push(`\nno 2xx from: ${report.neverSucceeded.join(', ')}`);
  if (report.relogins.length > 0) lines.push(`sessions restored: ${report.relogins.join('; ')}`);
  return lines.join('\n');
}
