// Every operation of /api/openapi.json describes its success: a 2xx response, and a schema for it unless
// the answer is a file or a text document (then its content type says so) or has no body at all.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers';
import { ManualClock } from '../platform/clock';

let t: TestApp;
/** What each handler returned, before the response schema serialized it: by request id. */
const returned = new Map<string, unknown>();

beforeAll(async () => {
  t = await buildTestApp({
    clock: new ManualClock(new Date('2026-10-02T05:00:00Z')),
    extend: (app) => app.addHook('preSerialization', async (request, _reply, payload) => {
      returned.set(request.id, JSON.parse(JSON.stringify(payload)));
      return payload;
    }),
  });
});
afterAll(async () => {
  await t?.close();
});

interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const JSON_TYPE = /^application\/(.+\+)?json$/;

/** Problems of one operation's success responses; empty when it is described. */
export function successProblems(operation: Operation): string[] {
  const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status) || status === '2XX');
  if (success.length === 0) return ['no 2xx response'];
  const problems: string[] = [];
  for (const [status, response] of success) {
    if (status === '204') continue;
    const content = response.content ?? {};
    if (Object.keys(content).length === 0) problems.push(`${status} has no content`);
    for (const [type, media] of Object.entries(content)) {
      if (JSON_TYPE.test(type) && !isSchema(media.schema)) problems.push(`${status} ${type} has no schema`);
      if (!JSON_TYPE.test(type) && !media.schema) problems.push(`${status} ${type} is not described`);
    }
  }
  return problems;
}

/** The answer as sent equals what the handler returned: the response schema dropped no field. */
async function keepsEveryField(res: { statusCode: number; json(): unknown; headers: Record<string, unknown> }, status: number) {
  expect(res.statusCode).toBe(status);
  const id = String(res.headers['x-request-id'] ?? '');
  const before = id ? returned.get(id) : [...returned.values()].at(-1);
  expect(before).toBeDefined();
  expect(res.json()).toEqual(before);
}

function isSchema(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && Object.keys(schema).length > 0;
}

it('describes a success response with a schema for every operation', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
  const missing: string[] = [];
  let operations = 0;
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operations += 1;
      for (const problem of successProblems(operation)) missing.push(`${method.toUpperCase()} ${path}: ${problem}`);
    }
  }
  expect(operations).toBeGreaterThan(50);
  expect(missing).toEqual([]);
});

it('is not vacuous: an operation without a success schema is reported', () => {
  expect(successProblems({ responses: { 400: { content: { 'application/json': { schema: { type: 'object' } } } } } })).toEqual(['no 2xx response']);
  expect(successProblems({ responses: { 200: { description: 'ok', content: { 'application/json': {} } } } })).toEqual(['200 application/json has no schema']);
  expect(successProblems({ responses: { 200: { content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } } })).toEqual([]);
  expect(successProblems({ responses: { 204: { description: 'Нет содержимого' } } })).toEqual([]);
});

it('drops no field of the answers whose schemas were added: reports, the risk timeline, the contacts history', async () => {
  const head = await t.login('beloyarsky.head');
  const cur = await t.login('cur.admin');
  returned.clear();
  const opened = await head.post('/api/reports', { year: 2026, quarter: 3 });
  await keepsEveryField(opened, 201);
  const id = (opened.json() as { id: string }).id;
  await keepsEveryField(await head.post('/api/reports', { year: 2026, quarter: 3 }), 200);
  await keepsEveryField(await head.get(`/api/reports/${id}`), 200);
  await keepsEveryField(await head.patch(`/api/reports/${id}`, { analytics: { mainProblems: 'Дороги', measures: 'Ремонт', proposals: 'Финансирование' } }), 200);
  const signed = await head.post(`/api/reports/${id}/actions/sign`, {});
  await keepsEveryField(signed, 200);
  expect((signed.json() as { signed: unknown }).signed).not.toBeNull();
  await keepsEveryField(await head.post(`/api/reports/${id}/actions/submit`, {}), 200);
  await keepsEveryField(await cur.post(`/api/reports/${id}/actions/return`, { remarks: 'Уточните меры' }), 200);
  await keepsEveryField(await cur.get('/api/reports?year=2026'), 200);

  const risk = await cur.post('/api/risks', { municipality: 'beloyarsky', platform: 'vk', text: 'В посёлке отключат воду на две недели', kind: 'misinformation', level: 'high' });
  expect(risk.statusCode).toBe(201);
  const timeline = await cur.get(`/api/risks/${(risk.json() as { id: string }).id}/timeline`);
  await keepsEveryField(timeline, 200);
  expect((timeline.json() as { items: unknown[] }).items.length).toBeGreaterThan(0);

  const contact = await head.post('/api/contacts', { surname: 'Сидорова', name: 'Алла', patronymic: 'Борисовна', position: 'Пресс-секретарь главы', email: 'sidorova@beloyarsky.example', phone: '+7 (34377) 2-10-10' });
  expect(contact.statusCode).toBe(201);
  const history = await cur.get('/api/contacts/history');
  await keepsEveryField(history, 200);
  expect((history.json() as { items: { before: unknown; after: unknown }[] }).items[0].after).toBeTruthy();
});

it('keeps every module schema free of server-only imports, so that the web compiles the same schemas', () => {
  const modules = path.resolve(__dirname, '..', 'modules');
  const schemas = readdirSync(modules).map((m) => path.join(modules, m, 'schema.ts')).filter((f) => {
    try { return readFileSync(f, 'utf8').length > 0; } catch { return false; }
  });
  expect(schemas.length).toBeGreaterThanOrEqual(10);
  const allowed = /^(typebox|\.\.\/\.\.\/platform\/http|\.\.\/\.\.\/\.\.\/domain\/.+|\.\.\/[a-z]+\/schema)$/;
  const wrong = schemas.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
    .map((m) => m[1]).filter((source) => !allowed.test(source)).map((source) => `${path.relative(modules, file)}: ${source}`));
  expect(wrong).toEqual([]);
  expect(readFileSync(path.resolve(__dirname, '..', 'platform', 'http.ts'), 'utf8').match(/from '([^']+)'/g)).toEqual(["from 'typebox'"]);
});

it('describes each appeal step\'s payload from the domain, and hands the step the body as sent', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { anyOf?: { title: string; required?: string[]; properties: Record<string, { minimum?: number; maximum?: number }> }[] } }> } }>> };
  const body = doc.paths['/api/appeals/{id}/actions/{action}'].post.requestBody!.content['application/json'].schema;
  const steps = Object.fromEntries((body.anyOf ?? []).map((s) => [s.title, s]));
  expect(Object.keys(steps)).toEqual(expect.arrayContaining(['assign', 'submit_answer', 'extend', 'reopen', 'register']));
  expect(steps.assign.required).toEqual(['departmentId']);
  expect(steps.extend.properties.days).toMatchObject({ minimum: 1, maximum: 30 });

  const contact = await t.login('beloyarsky.contact');
  const head = await t.login('beloyarsky.head');
  const appeal = await contact.post('/api/appeals', {
    channel: 'fz59', subChannel: 'letter', receivedAt: '2026-09-30T05:00:00Z',
    author: { surname: 'Григорьев', name: 'Павел', email: 'grigoriev@example.ru' },
    text: 'Прошу отремонтировать дорогу на улице Ленина: ямы на дороге не дают проехать.', kind: 'complaint',
  });
  expect(appeal.statusCode).toBe(201);
  const id = (appeal.json() as { id: string }).id;
  // A number sent as text stays text: the step refuses it as before, not a value the schema coerced.
  const extend = await head.post(`/api/appeals/${id}/actions/extend`, { reason: 'Нужен запрос в другой орган', days: '5' });
  expect(extend.statusCode).toBe(400);
  expect((extend.json() as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(['days']);
  const notObject = await head.request({ method: 'POST', url: `/api/appeals/${id}/actions/extend`, payload: '[1]', headers: { 'content-type': 'application/json' } });
  expect([notObject.statusCode, (notObject.json() as { code: string }).code]).toEqual([400, 'validation_failed']);
  const bad = await head.post(`/api/appeals/not-a-uuid/actions/extend`, {});
  expect(bad.statusCode).toBe(400);
});

it('describes each risk and report step\'s payload from the domain, and still checks the fields any step accepts', async () => {
  type Step = { title: string; required?: string[]; properties: Record<string, { maxLength?: number; enum?: string[] }> };
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { anyOf?: Step[] } }> } }>> };
  const stepsOf = (url: string) => Object.fromEntries((doc.paths[url].post.requestBody!.content['application/json'].schema.anyOf ?? []).map((s) => [s.title, s]));
  const risk = stepsOf('/api/risks/{id}/actions/{action}');
  expect(Object.keys(risk).sort()).toEqual(['acknowledge', 'approve', 'close', 'propose', 'publish', 'remark', 'submit_draft']);
  expect(risk.publish.required).toEqual(['place']);
  expect(risk.close.required).toEqual(['outcome']);
  expect(risk.close.properties.outcome.enum).toContain('refuted');
  expect(risk.propose.properties.text.maxLength).toBe(20000);
  const report = stepsOf('/api/reports/{id}/actions/{action}');
  expect(Object.keys(report).sort()).toEqual(['accept', 'return', 'sign', 'submit']);
  expect(report.return.required).toEqual(['remarks']);
  expect(report.sign.properties).toEqual({});

  const cur = await t.login('cur.analyst');
  const created = await cur.post('/api/risks', { municipality: 'beloyarsky', platform: 'vk', text: 'Пишут, что в посёлке отключат воду на неделю.', kind: 'misinformation', level: 'medium' });
  expect(created.statusCode).toBe(201);
  const id = (created.json() as { id: string }).id;
  const unknownField = await cur.post(`/api/risks/${id}/actions/propose`, { text: 'Предложение', extra: 1 });
  expect([unknownField.statusCode, (unknownField.json() as { code: string }).code]).toEqual([400, 'validation_failed']);
  const noText = await cur.post(`/api/risks/${id}/actions/propose`, { note: 'без текста' });
  expect((noText.json() as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(['text']);
  const proposed = await cur.post(`/api/risks/${id}/actions/propose`, { text: 'Сообщить, что плановых отключений нет.' });
  expect(proposed.statusCode).toBe(200);
});
