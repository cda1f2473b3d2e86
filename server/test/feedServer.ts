// A real HTTP server on loopback for tests of feed and page reading: each path serves its body with the
// validators it is given and answers 304 to a matching If-None-Match or If-Modified-Since; a path may
// also wait before answering (a slow server) or be replaced while the test runs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Served {
  body: string | Buffer;
  type?: string;
  status?: number;
  etag?: string;
  lastModified?: string;
  /** Milliseconds to wait before the headers. */
  delayMs?: number;
}

export interface FeedServer {
  url: string;
  routes: Map<string, Served>;
  /** Every request: its path and the conditional headers it sent. */
  requests: { path: string; ifNoneMatch: string | null; ifModifiedSince: string | null }[];
  close(): Promise<void>;
}

export async function startFeedServer(routes: Record<string, Served> = {}): Promise<FeedServer> {
  const map = new Map(Object.entries(routes));
  const requests: FeedServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const ifNoneMatch = (req.headers['if-none-match'] as string | undefined) ?? null;
    const ifModifiedSince = (req.headers['if-modified-since'] as string | undefined) ?? null;
    requests.push({ path, ifNoneMatch, ifModifiedSince });
    const served = map.get(path);
    const answer = () => {
      if (!served) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const headers: Record<string, string> = { 'content-type': served.type ?? 'application/rss+xml; charset=utf-8' };
      if (served.etag) headers.etag = served.etag;
      if (served.lastModified) headers['last-modified'] = served.lastModified;
      if ((served.etag && ifNoneMatch === served.etag) || (!served.etag && served.lastModified && ifModifiedSince === served.lastModified)) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(served.status ?? 200, headers).end(served.body);
    };
    if (served?.delayMs) setTimeout(answer, served.delayMs).unref();
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes: map,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface TestPost { guid: string; title: string; text: string; at: string; link?: string }

/** An RSS 2.0 feed of the posts. */
export function rss(title: string, posts: TestPost[], encoding = 'utf-8'): string {
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escape(title)}</title><link>http://example.test/</link>
${posts.map((p) => `<item><guid isPermaLink="false">${escape(p.guid)}</guid><title>${escape(p.title)}</title><link>${escape(p.link ?? `http://example.test/news/${p.guid}`)}</link>
<description><![CDATA[<p>${p.text}</p>]]></description><pubDate>${new Date(p.at).toUTCString()}</pubDate></item>`).join('\n')}
</channel></rss>`;
}

/** An Atom feed of the posts. */
export function atom(title: string, posts: TestPost[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${escape(title)}</title><id>urn:test:${escape(title)}</id><updated>2026-03-10T00:00:00Z</updated>
${posts.map((p) => `<entry><id>${escape(p.guid)}</id><title type="text">${escape(p.title)}</title>
<link rel="alternate" type="text/html" href="${escape(p.link ?? `http://example.test/posts/${p.guid}`)}"/>
<published>${p.at}</published><updated>${p.at}</updated><content type="html">${escape(`<p>${p.text}</p>`)}</content></entry>`).join('\n')}
</feed>`;
}
