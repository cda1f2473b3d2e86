// Where a municipality sends each operational group: learnt from the assignments of its appeals, or set
// by the head; the suggestions of an appeal name that department, and the assignment dialog offers it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type Session, type TestApp } from '../../test/helpers';
import { ManualClock } from '../../platform/clock';
import { auditLog } from '../../db/schema';

const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
let contact: Session;
let head: Session;
let executor: Session;
let analyst: Session;
let ekbHead: Session;

const HOT_WATER = 'Третью неделю нет горячей воды в доме на улице Мира, 5, прошу восстановить горячее водоснабжение.';
const register = (text: string) => contact.post('/api/appeals', { channel: 'fz59', subChannel: 'letter', text, author: { surname: 'Орлов', name: 'Пётр' } }).then((r) => r.json());

beforeAll(async () => {
  t = await buildTestApp({ clock, logger: { level: 'error' } });
  [contact, head, executor, analyst, ekbHead] = await Promise.all(['beloyarsky.contact', 'beloyarsky.head', 'beloyarsky.executor', 'cur.analyst', 'ekb.head'].map((l) => t.login(l)));
});
afterAll(async () => { await t.close(); });

describe('the department of an operational group', () => {
  it('is learnt from assignments, set by the head over it, named by the suggestions; another municipality cannot see it', async () => {
    const departments = (await head.get('/api/departments')).json().items as { id: string; name: string }[];
    const [usual, chosen] = departments;
    const first = await register(HOT_WATER);
    const group = first.suggestions[0].group;
    expect(group).toBe('utilities');
    expect(first.suggestions[0].department).toBeNull();
    expect((await head.get('/api/departments/groups')).json().items.find((g: { group: string }) => g.group === group)).toMatchObject({ department: null, assignments: [] });

    // Two appeals of the group go to one department, one to another: the first is the group's usual one.
    for (const department of [usual, usual, chosen]) {
      const appeal = await register(HOT_WATER);
      expect((await contact.patch(`/api/appeals/${appeal.id}`, { topic: appeal.suggestions[0].topic })).statusCode).toBe(200);
      expect((await head.post(`/api/appeals/${appeal.id}/actions/assign`, { departmentId: department.id })).statusCode).toBe(200);
    }
    const learnt = await register(HOT_WATER);
    expect(learnt.suggestions[0].department).toEqual({ id: usual.id, name: usual.name, source: 'learned' });
    expect((await contact.get(`/api/appeals/${learnt.id}`)).json().suggestions[0].department).toMatchObject({ id: usual.id });
    const routes = (await head.get('/api/departments/groups')).json();
    expect(routes).toMatchObject({ municipality: 'beloyarsky', can: { edit: true } });
    expect(routes.items.find((g: { group: string }) => g.group === group).assignments).toEqual([
      { id: usual.id, name: usual.name, count: 2 }, { id: chosen.id, name: chosen.name, count: 1 },
    ]);

    // The head makes another department the group's; the audit keeps it.
    const set = await head.request({ method: 'PUT', url: '/api/departments/groups', payload: { group, departmentId: chosen.id } });
    expect(set.statusCode).toBe(200);
    expect(set.json().items.find((g: { group: string }) => g.group === group).department).toEqual({ id: chosen.id, name: chosen.name, source: 'configured' });
    expect((await contact.post('/api/text/suggest', { text: HOT_WATER })).json().suggestions[0].department).toMatchObject({ id: chosen.id, source: 'configured' });
    const audit = await t.database.db.select({ after: auditLog.after }).from(auditLog).where(and(eq(auditLog.action, 'department.group_route')));
    expect(audit.at(-1)?.after).toEqual({ group, departmentId: chosen.id });
    // ЦУР asks for a municipality's departments by its slug; without one no department is named.
    expect((await analyst.post('/api/text/suggest', { text: HOT_WATER, municipality: 'beloyarsky' })).json().suggestions[0].department).toMatchObject({ id: chosen.id });
    expect((await analyst.post('/api/text/suggest', { text: HOT_WATER })).json().suggestions[0].department).toBeNull();

    // Cleared, the group goes back to the learnt department.
    expect((await head.request({ method: 'PUT', url: '/api/departments/groups', payload: { group, departmentId: null } })).statusCode).toBe(200);
    expect((await contact.post('/api/text/suggest', { text: HOT_WATER })).json().suggestions[0].department).toMatchObject({ id: usual.id, source: 'learned' });

    // Refusals: another municipality, an executor, an unknown group, a department of another municipality.
    expect((await ekbHead.get('/api/departments/groups?municipality=beloyarsky')).statusCode).toBe(404);
    expect((await ekbHead.post('/api/text/suggest', { text: HOT_WATER, municipality: 'beloyarsky' })).statusCode).toBe(404);
    expect((await executor.request({ method: 'PUT', url: '/api/departments/groups', payload: { group, departmentId: chosen.id } })).statusCode).toBe(403);
    expect((await head.request({ method: 'PUT', url: '/api/departments/groups', payload: { group: 'nope', departmentId: chosen.id } })).statusCode).toBe(400);
    const ekbDepartment = (await ekbHead.get('/api/departments')).json().items[0].id;
    expect((await head.request({ method: 'PUT', url: '/api/departments/groups', payload: { group, departmentId: ekbDepartment } })).statusCode).toBe(400);
    expect((await analyst.get('/api/departments/groups')).statusCode).toBe(404);
  });
});
