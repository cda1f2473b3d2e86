import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';

let t: TestApp;
let admin: Session;
let key = '';
let keyId = '';
const SERVICE = '0005.0005.0056.1156';

const form = (fields: Record<string, string>) => ({ payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const post = (fields: Record<string, string>) => t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', ...form(fields) });

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login('cur.admin');
  const issued = await admin.post('/api/open311/keys', { municipality: 'beloyarsky', name: 'Приложение «Город»' });
  expect(issued.statusCode, issued.body).toBe(201);
  key = issued.json().key;
  keyId = issued.json().id;
});
afterAll(async () => { await t?.close(); });

describe('Open311 GeoReport v2', () => {
  it('lists services as JSON and XML for a jurisdiction', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=beloyarsky' });
    expect(json.statusCode).toBe(200);
    const services = json.json();
    expect(services.find((s: { service_code: string }) => s.service_code === SERVICE)).toMatchObject({ service_name: 'Перебои в теплоснабжении', metadata: false, type: 'realtime' });
    const xml = await t.app.inject({ method: 'GET', url: '/open311/v2/services.xml?jurisdiction_id=beloyarsky' });
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(xml.body).toContain(`<service><service_code>${SERVICE}</service_code><service_name>Перебои в теплоснабжении</service_name>`);
    const unknown = await t.app.inject({ method: 'GET', url: '/open311/v2/services.xml?jurisdiction_id=atlantis' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('<errors><error><code>404</code><description>Муниципальное образование «atlantis» не найдено</description></error></errors>');
  });

  it('registers a request as an appeal of channel other, once per client token', async () => {
    const fields = {
      jurisdiction_id: 'beloyarsky', api_key: key, service_code: SERVICE, description: 'Во всём подъезде холодные батареи третий день',
      lat: '56.8389', long: '60.6057', address_string: 'ул. Ленина, 1', first_name: 'Анна', last_name: 'Петрова', email: 'anna@example.ru', client_token: 'fms-1001',
    };
    const created = await post(fields);
    expect(created.statusCode, created.body).toBe(201);
    const [answer] = created.json();
    expect(answer.service_request_id).toMatch(/^БЕЛ-\d{4}-\d{6}$/);
    const again = await post(fields);
    expect(again.statusCode).toBe(200);
    expect(again.json()[0].service_request_id).toBe(answer.service_request_id);

    const head = await t.login('beloyarsky.head');
    const appeal = (await head.get(`/api/appeals?q=${encodeURIComponent(answer.service_request_id)}`)).json().items[0];
    expect(appeal).toMatchObject({ channel: 'other', subChannel: 'open311', topic: SERVICE });
    const card = (await head.get(`/api/appeals/${appeal.id}`)).json();
    expect(card).toMatchObject({ address: 'ул. Ленина, 1', author: { surname: 'Петрова', name: 'Анна', email: 'anna@example.ru' } });

    const one = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${encodeURIComponent(answer.service_request_id)}.json?jurisdiction_id=beloyarsky&api_key=${key}` });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()[0]).toMatchObject({ service_request_id: answer.service_request_id, status: 'open', service_code: SERVICE, lat: 56.8389, long: 60.6057, status_notes: null });
    expect(one.json()[0].expected_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const list = await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=beloyarsky&api_key=${key}&status=open` });
    expect(list.json().map((r: { service_request_id: string }) => r.service_request_id)).toEqual([answer.service_request_id]);
    const closed = await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=beloyarsky&api_key=${key}&status=closed` });
    expect(closed.json()).toEqual([]);
  });

  it('answers errors in the standard format, in Russian', async () => {
    const noKey = await post({ jurisdiction_id: 'beloyarsky', service_code: SERVICE, description: 'Яма на дороге у школы', address_string: 'ул. Мира, 5' });
    expect(noKey.statusCode).toBe(401);
    expect(noKey.json()).toEqual([{ code: 401, description: 'Укажите api_key — ключ, выданный ЦУР' }]);
    const noPlace = await post({ jurisdiction_id: 'beloyarsky', api_key: key, service_code: SERVICE, description: 'Яма на дороге у школы' });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json()[0].description).toContain('lat и long или address_string');
    const badService = await post({ jurisdiction_id: 'beloyarsky', api_key: key, service_code: '9999', description: 'Яма на дороге у школы', address_string: 'ул. Мира, 5' });
    expect(badService.json()).toEqual([{ code: 400, description: 'Нет услуги с кодом «9999»: список — в services.json' }]);
    const json = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { jurisdiction_id: 'beloyarsky', api_key: key, service_code: SERVICE, description: 'Яма на дороге у школы', address_string: 'ул. Мира, 5' } });
    expect(json.statusCode).toBe(201);
  });

  it('a key works only for its own municipality and stops when revoked', async () => {
    const foreign = await post({ jurisdiction_id: 'ekaterinburg', api_key: key, service_code: SERVICE, description: 'Яма на дороге у школы', address_string: 'ул. Мира, 5' });
    expect(foreign.statusCode).toBe(401);
    const listForeign = await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=ekaterinburg&api_key=${key}` });
    expect(listForeign.statusCode).toBe(401);
    const contact = await t.login('beloyarsky.contact');
    expect((await contact.post('/api/open311/keys', { municipality: 'beloyarsky', name: 'Своё приложение' })).statusCode).toBe(403);
    expect((await contact.get('/api/open311/keys')).statusCode).toBe(403);
    const keys = (await admin.get('/api/open311/keys')).json().items;
    expect(keys[0]).toMatchObject({ municipality: 'beloyarsky', name: 'Приложение «Город»', revokedAt: null });
    expect(keys[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(keys)).not.toContain(key);
    expect((await admin.del(`/api/open311/keys/${keyId}`)).statusCode).toBe(204);
    const after = await post({ jurisdiction_id: 'beloyarsky', api_key: key, service_code: SERVICE, description: 'Яма на дороге у школы', address_string: 'ул. Мира, 5' });
    expect(after.statusCode).toBe(401);
  });
});
