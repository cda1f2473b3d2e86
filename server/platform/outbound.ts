// Requests the server makes by itself to addresses that staff typed in (feeds, official pages, webhooks).
// They go only to the public internet: an address inside the installation's own network (loopback,
// private ranges, link-local, the cloud metadata address) is refused before connecting, so a typed URL
// cannot make the server read or poke its neighbours. An installation whose sources live on its own
// network allows them with OTKLIK_OUTBOUND_PRIVATE=1 (tests do, their servers listen on 127.0.0.1).
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) INTERNAL.addSubnet(network, prefix, 'ipv6');

let allowInternal = false;

/** Set once at start from the configuration (`outboundPrivate`). */
export function allowInternalAddresses(allow: boolean): void {
  allowInternal = allow;
}

/** Whether an IP address belongs to a loopback, private, link-local or reserved range. */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isInternalAddress(mapped);
  const family = isIP(address);
  if (family === 0) return true;
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why an outbound address is refused, in Russian; null when the request may go. */
export async function outboundRefusal(url: string | URL, options: { allowInternal?: boolean } = {}): Promise<string | null> {
  const target = typeof url === 'string' ? new URL(url) : url;
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return 'Поддерживаются только адреса http и https';
  if (options.allowInternal ?? allowInternal) return null;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return null; // an unknown name fails at the connection with its own message
  }
  return addresses.some(isInternalAddress) ? 'Адрес ведёт во внутреннюю сеть сервера: такие запросы запрещены' : null;
}
