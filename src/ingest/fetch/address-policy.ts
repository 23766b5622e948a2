/**
 * Which resolved addresses a fetch may connect to. Private, loopback, link-local (incl. cloud
 * metadata 169.254.169.254), unspecified, multicast and reserved ranges are refused unless the
 * host or a CIDR covering the address is in the allowlist (`fetch.allowPrivate`).
 * @module
 */
import { BlockList, isIP } from 'node:net';
import { ConfigError } from '../../domain/errors.js';

const BLOCKED_V4: readonly [string, number][] = [
  ['0.0.0.0', 8], // unspecified / "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const BLOCKED_V6: readonly [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 can reach private IPv4
  ['2001:db8::', 32], // documentation
];

export interface AddressPolicy {
  /** Null when the address may be used, else why not. */
  refusal(address: string, hostname: string): string | null;
}

export function createAddressPolicy(allowPrivate: readonly string[] = []): AddressPolicy {
  const blocked = new BlockList();
  for (const [net, prefix] of BLOCKED_V4) blocked.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of BLOCKED_V6) blocked.addSubnet(net, prefix, 'ipv6');
  const allowed = new BlockList();
  const allowedHosts = new Set<string>();
  for (const entry of allowPrivate) {
    const [net, prefixText] = entry.split('/');
    const family = isIP(net ?? '');
    if (family === 0) {
      if (prefixText !== undefined)
        throw new ConfigError(`fetch.allowPrivate: bad CIDR "${entry}"`);
      allowedHosts.add(entry.toLowerCase());
      continue;
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
      throw new ConfigError(`fetch.allowPrivate: bad CIDR "${entry}"`);
    }
    allowed.addSubnet(net!, prefix, type);
  }
  return {
    refusal(address, hostname) {
      const plain = unmapIpv4(address.replace(/^\[|\]$/g, ''));
      const family = isIP(plain);
      if (family === 0) return `"${address}" is not an IP address`;
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (!blocked.check(plain, type)) return null;
      if (allowedHosts.has(hostname.toLowerCase()) || allowed.check(plain, type)) return null;
      return `${hostname} resolves to ${plain}, a private, loopback, link-local or reserved address (allow it with fetch.allowPrivate)`;
    },
  };
}

/** `::ffff:10.0.0.1` is 10.0.0.1: check it as IPv4. */
function unmapIpv4(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match ? match[1]! : address;
}
