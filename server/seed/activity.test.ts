import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/helpers';
import { ManualClock } from '../platform/clock';
import { seedDemoActivity } from './activity';

const clock = new ManualClock(new Date('2026-03-10T09:00:00Z'));
let t: TestApp;
beforeAll(async () => { t = await buildTestApp({ clock }); }, 300_000);
afterAll(async () => { await t?.close(); });

describe('the demo region at work', () => {
  it('has risks in every state, requests with answers, reports submitted, accepted and returned, and contact history', async () => {
    expect(await seedDemoActivity(t.app, clock.now())).toEqual({ risks: 7, requests: 2, reports: 4 });
    const cur = await t.login('cur.analyst');
    const statuses = [
      ...(await cur.get('/api/risks?limit=500')).json().items,
      ...(await cur.get('/api/risks?status=closed&limit=500')).json().items,
    ].map((r: { status: string }) => r.status);
    expect(new Set(statuses)).toEqual(new Set(['detected', 'acknowledged', 'review', 'revision', 'approved', 'published', 'closed']));
    const requests = (await cur.get('/api/requests')).json().items as { addressees?: { status: string }[]; recipients?: { status: string }[] }[];
    expect(JSON.stringify(requests)).toContain('answered');
    const reports = (await cur.get('/api/reports?year=2025')).json();
    const reportStatuses = JSON.stringify(reports);
    // Accepted (late, as made in March for the third quarter), returned, and submitted late waiting for review.
    for (const s of ['"status":"accepted_late"', '"status":"returned"', '"status":"late"']) expect(reportStatuses).toContain(s);
    expect((reportStatuses.match(/"reportId":"/g) ?? []).length).toBe(4);
    const history = (await cur.get('/api/contacts/history')).json();
    expect(JSON.stringify(history)).toContain('2-15-40');
  });
});
