import { BlockList, isIP } from 'node:net';

/** `::ffff:203.0.113.7` (IPv4 on an IPv6 socket) → `203.0.113.7`. */
const plain = (address: string) =>
  address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** Parses `TRUSTED_PROXIES` entries: addresses and CIDR ranges, IPv4 or IPv6. Throws on anything else. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    if (!isIP(address)) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    if (prefix === undefined) list.addAddress(address, family(address));
    else list.addSubnet(address, Number(prefix), family(address));
  }
  return list;
}

/**
 * Who sent a request, for rate limits. The socket's address, unless it is a trusted proxy: then X-Forwarded-For is
 * read from the right (each proxy appends the address it saw), and the first address no trusted proxy owns is the
 * client. A client cannot spoof its way past this: what it writes into the header sits left of what proxies add.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trusted: BlockList) {
  const socket = plain(socketAddress ?? 'unknown');
  const isTrusted = (address: string) => isIP(address) !== 0 && trusted.check(address, family(address));
  if (!forwardedFor || !isTrusted(socket)) return socket;
  const hops = forwardedFor
    .split(',')
    .map((hop) => plain(hop.trim()))
    .filter((hop) => isIP(hop) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) if (!isTrusted(hops[i]!)) return hops[i]!;
  return hops[0] ?? socket;
}
