import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed } from './feeds';
import { allowInternalAddresses, isInternalAddress, outboundRefusal } from './outbound';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/moved') { res.writeHead(302, { location: '/feed.xml' }).end(); return; }
    res.writeHead(200, { 'content-type': 'application/rss+xml' })
      .end('<?xml version="1.0"?><rss version="2.0"><channel><title>Лента</title><item><guid>1</guid><title>Новость</title></item></channel></rss>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => allowInternalAddresses(true));

describe('requests the server makes to typed addresses', () => {
  it('knows the loopback, private, link-local and mapped addresses from public ones', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
      expect(isInternalAddress(address), address).toBe(true);
    }
    for (const address of ['77.88.55.88', '213.180.193.1', '2a02:6b8::2:242']) expect(isInternalAddress(address), address).toBe(false);
  });

  it('refuses an internal address by default, before connecting, with a Russian reason', async () => {
    allowInternalAddresses(false);
    expect(await outboundRefusal(`${base}/feed.xml`)).toMatch(/внутреннюю сеть/);
    expect(await outboundRefusal('http://[::1]:8080/')).toMatch(/внутреннюю сеть/);
    expect(await outboundRefusal('ftp://example.org/file')).toMatch(/http и https/);
    await expect(fetchFeed(`${base}/feed.xml`, null)).rejects.toMatchObject({ kind: 'refused' });
  });

  it('reads the same feed, redirect included, where the installation allows its own network', async () => {
    allowInternalAddresses(true);
    const answer = await fetchFeed(`${base}/moved`, null);
    expect(answer.notModified).toBe(false);
    if (!answer.notModified) expect(answer.feed.items.map((i) => i.title)).toEqual(['Новость']);
  });
});
