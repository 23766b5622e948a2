/**
 * Low finding of the hardening review: the guarded fetcher did not refuse this host's own
 * interface addresses (a public address of the machine reaches every service listening on all
 * interfaces) nor the documentation ranges TEST-NET-1/2/3 (192.0.2.0/24, 198.51.100.0/24,
 * 203.0.113.0/24). No connection is ever attempted: names resolve through a fake resolver.
 */
import { networkInterfaces } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { createAddressPolicy } from '../../src/ingest/fetch/address-policy.js';
import type { Resolver } from '../../src/ingest/fetch/guarded-lookup.js';
import { SafeFetcher } from '../../src/ingest/fetch/safe-fetch.js';

/** A public address standing in for one of this machine's own (tests cannot choose the real ones). */
const OWN_V4 = '93.184.216.34';
const OWN_V6 = '2606:4700:10::6816:1';

const fake: Resolver = async (hostname) => {
  const table: Record<string, string> = { 'self.test': OWN_V4, 'docs.test': '203.0.113.9' };
  const address = table[hostname];
  if (!address) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return [{ address, family: address.includes(':') ? 6 : 4 }];
};

describe('TEST-NET ranges', () => {
  const policy = createAddressPolicy([], { hostAddresses: () => [] });

  it.each(['192.0.2.0', '192.0.2.77', '198.51.100.1', '198.51.100.255', '203.0.113.9'])(
    'refuses %s',
    (address) => {
      expect(policy.refusal(address, 'docs.test')).toMatch(/reserved address/);
      expect(policy.refusal(`::ffff:${address}`, 'docs.test')).toMatch(/reserved address/);
    },
  );

  it.each(['192.0.3.1', '198.51.101.1', '203.0.114.1'])('still allows its neighbour %s', (a) =>
    expect(policy.refusal(a, 'example.org')).toBeNull(),
  );
});

describe("this host's own addresses", () => {
  it('refuses every address of the interfaces of the machine running the test', () => {
    const policy = createAddressPolicy();
    const own = Object.values(networkInterfaces()).flatMap((l) => (l ?? []).map((i) => i.address));
    expect(own.length).toBeGreaterThan(0);
    for (const address of own) expect(policy.refusal(address, 'self.test')).not.toBeNull();
  });

  it('refuses a public address once it is one of the host’s, and says why', () => {
    let own: string[] = [];
    const policy = createAddressPolicy([], { hostAddresses: () => own });
    expect(policy.refusal(OWN_V4, 'self.test')).toBeNull();
    // Interfaces change while the process runs (DHCP, VPN): read at each check.
    own = [OWN_V4, `${OWN_V6}%eth0`];
    expect(policy.refusal(OWN_V4, 'self.test')).toMatch(/an address of this host/);
    expect(policy.refusal(`::ffff:${OWN_V4}`, 'self.test')).toMatch(/this host/);
    expect(policy.refusal(OWN_V6, 'self.test')).toMatch(/this host/);
    expect(policy.refusal('93.184.216.35', 'example.org')).toBeNull();
    // The operator's allowlist still decides.
    const allowed = createAddressPolicy([`${OWN_V4}/32`], { hostAddresses: () => own });
    expect(allowed.refusal(OWN_V4, 'self.test')).toBeNull();
  });
});

describe('SafeFetcher', () => {
  const fetcher = new SafeFetcher(
    {
      timeoutMs: 1000,
      maxBytes: 1 << 16,
      maxRedirects: 0,
      userAgent: 'vigie-test',
      allowPrivate: [],
    },
    { resolver: fake, hostAddresses: () => [OWN_V4] },
  );
  afterAll(() => fetcher.close());

  it.each([
    ['a name resolving to an address of this host', 'http://self.test/feed', /this host/],
    ['a name resolving to TEST-NET-3', 'http://docs.test/feed', /203\.0\.113\.9/],
    ['a TEST-NET-1 literal', 'http://192.0.2.10/feed', /192\.0\.2\.10/],
    ['a TEST-NET-2 literal', 'https://198.51.100.7/rss', /198\.51\.100\.7/],
  ])('refuses %s before connecting', async (_what, url, message) => {
    await expect(fetcher.fetch({ url })).rejects.toMatchObject({
      code: 'VIGIE_FETCH_REFUSED',
      message: expect.stringMatching(message),
    });
  });
});
