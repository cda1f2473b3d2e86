// The feed reader against a real HTTP server on loopback: RSS and Atom, 304 on a matching validator, a
// slow server, an answer too large, a broken feed, an error status, and the pause after failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atom, rss, startFeedServer, type FeedServer } from '../test/feedServer';
import { backoffMs, fetchFeed, FetchError, httpGet, parseFeed, stateAfterFailure, stateAfterSuccess } from './feeds';
import { allowInternalAddresses } from './outbound';

/** windows-1251, as some Russian media still publish. */
function cp1251(text: string): Buffer {
  return Buffer.from([...text].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    if (c === 0x401) return 0xa8;
    if (c === 0x451) return 0xb8;
    return 0x3f;
  }));
}

const POSTS = [
  { guid: 'n-2', title: 'Прорыв трубы в Белоярском', text: 'Жители <b>третий день</b> без воды &amp; тепла', at: '2026-03-10T06:00:00Z' },
  { guid: 'n-1', title: 'Открыли каток', text: 'Каток открыт до марта', at: '2026-03-09T06:00:00Z' },
];

let server: FeedServer;
beforeAll(async () => {
  allowInternalAddresses(true); // the feeds are served on 127.0.0.1
  server = await startFeedServer({
    '/rss': { body: rss('Новости округа', POSTS), etag: '"v1"' },
    '/atom': { body: atom('Официальная страница', POSTS), type: 'application/atom+xml', lastModified: 'Tue, 10 Mar 2026 06:00:00 GMT' },
    '/cp1251': { body: cp1251(rss('Вести', POSTS, 'windows-1251')), type: 'application/rss+xml' },
    '/slow': { body: rss('Медленная лента', POSTS), delayMs: 3000 },
    '/broken': { body: '<?xml version="1.0"?><rss><channel><item><title>обрыв' },
    '/html': { body: '<!doctype html><html><body>Не лента</body></html>', type: 'text/html' },
    '/big': { body: 'x'.repeat(300_000), type: 'text/plain' },
    '/error': { body: 'упал', status: 503 },
  });
});
afterAll(async () => { await server.close(); });

describe('reading a feed', () => {
  it('reads RSS items: id, link, title, plain text, date', async () => {
    const answer = await fetchFeed(`${server.url}/rss`, null);
    expect(answer.notModified).toBe(false);
    if (answer.notModified) return;
    expect(answer.feed.title).toBe('Новости округа');
    expect(answer.feed.items[0]).toEqual({
      guid: 'n-2', link: 'http://example.test/news/n-2', title: 'Прорыв трубы в Белоярском', text: 'Жители третий день без воды & тепла',
      publishedAt: new Date('2026-03-10T06:00:00Z'),
    });
    expect(answer.validators.etag).toBe('"v1"');
  });

  it('reads Atom entries with their alternate link', async () => {
    const answer = await fetchFeed(`${server.url}/atom`, null);
    if (answer.notModified) throw new Error('expected a body');
    expect(answer.feed.items.map((i) => [i.guid, i.link, i.publishedAt?.toISOString()])).toEqual([
      ['n-2', 'http://example.test/posts/n-2', '2026-03-10T06:00:00.000Z'],
      ['n-1', 'http://example.test/posts/n-1', '2026-03-09T06:00:00.000Z'],
    ]);
    expect(answer.feed.items[0].text).toBe('Жители третий день без воды & тепла');
    expect(answer.validators.lastModified).toBe('Tue, 10 Mar 2026 06:00:00 GMT');
  });

  it('decodes the charset the feed declares', async () => {
    const answer = await fetchFeed(`${server.url}/cp1251`, null);
    if (answer.notModified) throw new Error('expected a body');
    expect(answer.feed.title).toBe('Вести');
    expect(answer.feed.items[0].title).toBe('Прорыв трубы в Белоярском');
  });

  it('sends the validators of the last answer and takes 304 as «not modified»', async () => {
    expect(await fetchFeed(`${server.url}/rss`, { etag: '"v1"', lastModified: null })).toEqual({ notModified: true });
    expect(await fetchFeed(`${server.url}/atom`, { etag: null, lastModified: 'Tue, 10 Mar 2026 06:00:00 GMT' })).toEqual({ notModified: true });
    expect(server.requests.filter((r) => r.path === '/rss').map((r) => r.ifNoneMatch)).toContain('"v1"');
    // Another version of the feed is read in full.
    expect((await fetchFeed(`${server.url}/rss`, { etag: '"v0"', lastModified: null })).notModified).toBe(false);
  });

  it('gives up on a slow server after the time limit', async () => {
    const started = performance.now();
    const error = await fetchFeed(`${server.url}/slow`, null, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it.each([
    ['/broken', 'not_a_feed', /XML/],
    ['/html', 'not_a_feed', /XML|RSS/],
    ['/error', 'http', /503/],
  ])('refuses %s with a reason', async (path, kind, message) => {
    const error = await fetchFeed(`${server.url}${path}`, null).catch((e: unknown) => e) as FetchError;
    expect(error).toBeInstanceOf(FetchError);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });

  it('stops reading past the size limit', async () => {
    const error = await httpGet(`${server.url}/big`, null, { maxBytes: 100_000 }).catch((e: unknown) => e) as FetchError;
    expect(error.kind).toBe('too_large');
  });

  it('reports a closed port as a network failure', async () => {
    const error = await httpGet('http://127.0.0.1:1/feed', null).catch((e: unknown) => e) as FetchError;
    expect(error.kind).toBe('network');
  });

  it('reads RSS 1.0 (RDF) too', () => {
    const feed = parseFeed(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>RDF</title></channel><item><title>Один</title><link>http://example.test/1</link><description>Текст</description><dc:date>2026-03-10T06:00:00Z</dc:date></item></rdf:RDF>`);
    expect(feed.items).toEqual([{ guid: 'http://example.test/1', link: 'http://example.test/1', title: 'Один', text: 'Текст', publishedAt: new Date('2026-03-10T06:00:00Z') }]);
  });
});

describe('after a failure', () => {
  it('waits longer after each failure in a row, at most a day', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([5, 10, 20, 40].map((m) => m * 60_000));
    expect(backoffMs(30)).toBe(24 * 3600_000);
  });

  it('stores the error and the next attempt; a success clears them', () => {
    const now = new Date('2026-03-10T09:00:00Z');
    const failed = stateAfterFailure(new FetchError('timeout', 'Нет ответа за 15 с'), 2, now);
    expect(failed).toEqual({ lastFetchedAt: now, lastError: 'Нет ответа за 15 с', failures: 3, nextFetchAt: new Date(now.getTime() + 20 * 60_000) });
    expect(stateAfterSuccess({ notModified: true }, now, 900_000)).toEqual({ lastFetchedAt: now, lastError: null, failures: 0, nextFetchAt: new Date(now.getTime() + 900_000) });
  });
});
