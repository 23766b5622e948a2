/**
 * Which resolved addresses a fetch may connect to. Private, loopback, link-local (incl. cloud
 * metadata 169.254.169.254), unspecified, multicast, documentation (TEST-NET) and reserved
 * ranges are refused, and so is every address of this host's own interfaces (a public address
 * of the machine reaches services that listen on all interfaces), unless the host or a CIDR
 * covering the address is in the allowlist (`fetch.allowPrivate`).
 * @module
 */
import { BlockList, isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { ConfigError } from '../../domain/errors.js';

const BLOCKED_V4: readonly [string, number][] = [
  ['0.0.0.0', 8], // unspecified / "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // TEST-NET-1 (documentation)
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
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

export interface AddressPolicyOptions {
  /** This host's own addresses, read at each check (default: every `os.networkInterfaces()` address). */
  readonly hostAddresses?: () => readonly string[];
}

export function createAddressPolicy(
  allowPrivate: readonly string[] = [],
  options: AddressPolicyOptions = {},
): AddressPolicy {
  const hostAddresses = options.hostAddresses ?? interfaceAddresses;
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
      const reserved = blocked.check(plain, type);
      // Read at each check: interfaces come and go (DHCP, VPN, containers).
      const own = !reserved && isHostAddress(plain, type, hostAddresses());
      if (!reserved && !own) return null;
      if (allowedHosts.has(hostname.toLowerCase()) || allowed.check(plain, type)) return null;
      const what = own
        ? 'an address of this host'
        : 'a private, loopback, link-local or reserved address';
      return `${hostname} resolves to ${plain}, ${what} (allow it with fetch.allowPrivate)`;
    },
  };
}

function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
}

function isHostAddress(address: string, type: 'ipv4' | 'ipv6', own: readonly string[]): boolean {
  const list = new BlockList();
  for (const entry of own) {
    const plain = unmapIpv4(entry.replace(/%.*$/, ''));
    const family = isIP(plain);
    if (family !== 0) list.addAddress(plain, family === 4 ? 'ipv4' : 'ipv6');
  }
  return list.check(address, type);
}

/** `::ffff:10.0.0.1` is 10.0.0.1: check it as IPv4. */
function unmapIpv4(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match ? match[1]! : address;
}
