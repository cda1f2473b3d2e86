// Real HTTP for live streams: a sign-in over fetch and a reader of server-sent events.
import { expect } from 'vitest';

export async function login(base: string, loginName: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: loginName, password: 'demo' }) });
  expect(res.status).toBe(200);
  const body = await res.json() as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: body.csrfToken };
}

/** Reads server-sent events from an open response, one at a time. */
export function eventReader(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<{ event: string; data: unknown }> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (event) return { event, data: data ? JSON.parse(data) : null };
          continue; // a keep-alive comment
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    /** The next event of this name; others (e.g. `changed` of live lists) are passed over. */
    async nextOf(name: string): Promise<{ event: string; data: unknown }> {
      for (;;) {
        const got = await this.next();
        if (got.event === name) return got;
      }
    },
    cancel: () => reader.cancel(),
  };
}

