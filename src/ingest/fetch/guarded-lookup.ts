/**
 * A DNS lookup for sockets that checks every address it returns against the address policy,
 * so the address connected to is the address checked (no DNS rebinding between check and use).
 * @module
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { AddressPolicy } from './address-policy.js';
import { FetchRefusedError } from './fetch-error.js';

/** Resolves a name to all its addresses; tests pass a fake one to map names onto any address. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

export function createGuardedLookup(policy: AddressPolicy, resolver: Resolver): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    resolver(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const candidates = addresses.filter((a) => wanted === 0 || a.family === wanted);
        const refusals = candidates.map((a) => policy.refusal(a.address, hostname));
        const usable = candidates.filter((_, i) => refusals[i] === null);
        if (usable.length === 0) {
          const reason = refusals.find((r) => r !== null) ?? `${hostname} has no address`;
          callback(new FetchRefusedError(reason, hostname), '', 0);
          return;
        }
        if (options.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
