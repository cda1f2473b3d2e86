// Classifying an appeal: department and collective mark by PATCH and at registration, the registry by operational group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';

const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
let contact: Session;
let ekb: Session;
let departmentId: string;

const ROADS = '0003.0009.0099.0725';
const GOVERNANCE = '0001.0001.0011.0051';
const letter = (over: Record<string, unknown> = {}) => ({
  channel: 'fz59', subChannel: 'letter', receivedAt: '2026-03-02T05:00:00Z', registeredAt: '2026-03-02T06:00:00Z',
  author: { surname: 'Григорьев', name: 'Павел', email: 'grigoriev@example.ru' }, text: 'Прошу отремонтировать дорогу на улице Ленина.', ...over,
});

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [contact, ekb] = await Promise.all(['beloyarsky.contact', 'ekb.contact'].map((l) => t.login(l)));
  departmentId = (await contact.get('/api/departments')).json().items[0].id;
}, 180_000);
afterAll(async () => { await t.close(); });

describe('classification on the card', () => {
  it('sets the department and the collective mark, and clears them again', async () => {
    const appeal = (await contact.post('/api/appeals', letter())).json();
    expect(appeal.department).toBeNull();
    const set = await contact.patch(`/api/appeals/${appeal.id}`, { department: departmentId, collective: true, topic: ROADS, kind: 'complaint' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ department: { id: departmentId }, author: { kind: 'collective' }, topic: ROADS, kind: 'complaint', status: 'registered' });
    const cleared = (await contact.patch(`/api/appeals/${appeal.id}`, { department: null, collective: false })).json();
    expect(cleared).toMatchObject({ department: null, author: { kind: 'person' } });
  });

  it('refuses a department of another administration', async () => {
    const appeal = (await ekb.post('/api/appeals', letter())).json();
    const res = await ekb.patch(`/api/appeals/${appeal.id}`, { department: departmentId });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ field: 'department' });
    expect((await ekb.post('/api/appeals', letter({ department: departmentId }))).statusCode).toBe(400);
  });

  it('registers with a department', async () => {
    const res = await contact.post('/api/appeals', letter({ department: departmentId, topic: ROADS }));
    expect(res.statusCode).toBe(201);
    expect(res.json().department).toMatchObject({ id: departmentId });
  });

  it('the registry filters by operational group', async () => {
    const roads = (await contact.post('/api/appeals', letter({ topic: ROADS }))).json();
    const governance = (await contact.post('/api/appeals', letter({ topic: GOVERNANCE }))).json();
    const items = (await contact.get('/api/appeals?group=roads&limit=200')).json().items as { id: string; topic: string }[];
    expect(items.map((i) => i.id)).toContain(roads.id);
    expect(items.map((i) => i.id)).not.toContain(governance.id);
    expect(items.every((i) => i.topic?.startsWith('0003.0009'))).toBe(true);
  });
});
