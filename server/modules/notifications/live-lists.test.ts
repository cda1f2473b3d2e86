// Live lists: the stream the bell reads also says when objects of an open list changed, so the risk
// board, the municipal inbox and the contacts directory read again at once, and only for what the user sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers';
import { eventReader, login } from '../../test/sse';
import { ManualClock } from '../../platform/clock';

const clock = new ManualClock(new Date('2026-11-26T18:30:00Z'));
let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await buildTestApp({ clock, config: { loginRateLimit: { perIp: 10_000, perLogin: 1_000, windowMinutes: 15 } } });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
}, 180_000);
afterAll(async () => { await t.close(); });

type Reader = ReturnType<typeof eventReader>;

/** The next `changed` event, skipping notifications. */
async function nextChange(stream: Reader): Promise<unknown> {
  return (await stream.nextOf('changed')).data;
}

async function send(as: { cookie: string; csrf: string }, method: string, path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, { method, headers: { cookie: as.cookie, 'x-csrf-token': as.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() as Record<string, unknown> & { items?: { id: string }[] } };
}

describe('live lists', () => {
  it('a new risk reaches the municipality\'s inbox and the ЦУР board; another municipality hears only its own changes', async () => {
    const [analyst, contact, ekbHead] = await Promise.all(['cur.analyst', 'beloyarsky.contact', 'ekb.head'].map((l) => login(base, l)));
    const open = async (as: { cookie: string }) => {
      const stream = eventReader(await fetch(`${base}/api/notifications/stream`, { headers: { cookie: as.cookie } }));
      expect((await stream.next()).event).toBe('ready');
      return stream;
    };
    const [board, inbox, ekb] = await Promise.all([open(analyst), open(contact), open(ekbHead)]);
    const created = await send(analyst, 'POST', '/api/risks', {
      municipality: 'beloyarsky', platform: 'vk', link: 'https://vk.com/wall-1_2', sourceName: 'Подслушано Белоярский',
      text: 'В посёлке отключат воду на две недели, администрация молчит!', kind: 'misinformation', level: 'high',
    });
    expect(created.status).toBe(201);
    expect(await nextChange(inbox)).toEqual({ entityType: 'risk' });
    expect(await nextChange(board)).toEqual({ entityType: 'risk' });

    // The contacts directory: a head changes a phone; ЦУР's directory and the head's own municipality hear it.
    const contacts = await (await fetch(`${base}/api/contacts`, { headers: { cookie: ekbHead.cookie } })).json() as { items: { id: string }[] };
    expect((await send(ekbHead, 'PATCH', `/api/contacts/${contacts.items[0].id}`, { phone: '+7 (343) 200-10-10' })).status).toBe(200);
    expect(await nextChange(board)).toEqual({ entityType: 'contact' });
    // Ekaterinburg's first change is its own contact, not Beloyarsky's risk.
    expect(await nextChange(ekb)).toEqual({ entityType: 'contact' });
    await Promise.all([board.cancel(), inbox.cancel(), ekb.cancel()]);
  });
});
