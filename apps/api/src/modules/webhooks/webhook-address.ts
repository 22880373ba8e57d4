import { lookup as dnsLookup, LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * SSRF guard for webhooks (DESIGN.md section 8): a webhook targets a public
 * HTTP(S) address. Loopback, private, link-local (cloud metadata at
 * 169.254.169.254 among them), unique-local, carrier-grade NAT, multicast and
 * reserved addresses are refused unless CANOPY_WEBHOOK_ALLOW_PRIVATE is set.
 * Checked when a webhook is created and again at each send, on the addresses
 * the connection actually uses (guardedLookup), so a name that resolves
 * elsewhere later (DNS rebinding) is refused too.
 */
export class RefusedAddress extends Error {
  constructor(
    message: string,
    /** false when the refusal may pass later (a name that does not resolve now). */
    readonly permanent = true,
  ) {
    super(message);
  }
}

const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  linkLocal: 'a link-local address (where cloud metadata services answer)',
  uniqueLocal: 'a private (unique local) IPv6 address',
  carrierGradeNat: 'a shared (carrier-grade NAT) address',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

/** Why an IP address is not a public unicast one, or null when it is. */
export function nonPublicRange(address: string): string | null {
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : (RANGE_NAMES[range] ?? `a reserved address (${range})`);
}

export interface AddressPolicy {
  allowPrivate: boolean;
  lookup?: typeof dnsLookup;
}

/** Throws RefusedAddress naming the first address the policy refuses. */
function checkAddresses(host: string, addresses: readonly LookupAddress[], policy: AddressPolicy): void {
  if (!addresses.length) throw new RefusedAddress(`names ${host}, which resolves to no address`, false);
  if (policy.allowPrivate) return;
  for (const { address } of addresses) {
    const range = nonPublicRange(address);
    if (range) {
      const resolved = address === host ? '' : ` (resolved to ${address})`;
      throw new RefusedAddress(`points at ${host}${resolved}, ${range}; set CANOPY_WEBHOOK_ALLOW_PRIVATE=true to allow it`);
    }
  }
}

function resolveAll(host: string, policy: AddressPolicy): Promise<LookupAddress[]> {
  const lookup = policy.lookup ?? dnsLookup;
  return new Promise((resolve, reject) => {
    lookup(host, { all: true, verbatim: true }, (error, addresses) => {
      if (error) reject(new RefusedAddress(`names ${host}, which does not resolve (${(error as NodeJS.ErrnoException).code ?? error.message})`, false));
      else resolve(addresses as LookupAddress[]);
    });
  });
}

/** Parses and checks a webhook URL: http(s), no credentials, a host whose every address the policy admits. */
export async function checkWebhookUrl(raw: string, policy: AddressPolicy): Promise<URL> {
  if (raw.length > 2048) throw new RefusedAddress('is longer than 2048 characters');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedAddress('is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RefusedAddress(`uses ${url.protocol.replace(/:$/, '')}: only http and https are allowed`);
  if (url.username || url.password) throw new RefusedAddress('carries a user name or password: Canopy signs each delivery instead');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new RefusedAddress('names no host');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolveAll(host, policy);
  checkAddresses(host, addresses, policy);
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for the HTTP connector: resolves like dns.lookup, then refuses
 * the connection when an address is not admitted, so the address checked is
 * the address connected to.
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolveAll(hostname, policy)
      .then((addresses) => {
        checkAddresses(hostname, addresses, policy);
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (!wanted.length) throw new RefusedAddress(`names ${hostname}, which has no IPv${options.family} address`, false);
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0].address, wanted[0].family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}
