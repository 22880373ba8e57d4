import type { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { checkWebhookUrl, guardedLookup, nonPublicRange, RefusedAddress } from '../webhook-address';

/** A resolver with fixed answers, so no test depends on the network. */
function fakeDns(answers: Record<string, string[]>): typeof dnsLookup {
  return ((host: string, _options: unknown, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => {
    const found = answers[host];
    if (!found) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
    else callback(null, found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  }) as unknown as typeof dnsLookup;
}

const dns = fakeDns({
  'hooks.example.com': ['93.184.216.34'],
  'rebind.example.com': ['93.184.216.34', '10.0.0.7'],
  'metadata.google.internal': ['169.254.169.254'],
  localhost: ['127.0.0.1', '::1'],
});
const strict = { allowPrivate: false, lookup: dns };

async function refusal(url: string, policy = strict): Promise<string> {
  try {
    await checkWebhookUrl(url, policy);
  } catch (error) {
    if (error instanceof RefusedAddress) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('nonPublicRange', () => {
  it('should pass public unicast addresses', () => {
    for (const ok of ['93.184.216.34', '8.8.8.8', '2606:2800:220:1:248:1893:25c8:1946']) expect(nonPublicRange(ok)).toBeNull();
  });

  it.each([
    ['127.0.0.1', /loopback/],
    ['::1', /loopback/],
    ['::ffff:127.0.0.1', /loopback/],
    ['10.1.2.3', /private/],
    ['172.16.0.1', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /link-local.*metadata/],
    ['fe80::1', /link-local/],
    ['fd00:ec2::254', /unique local/],
    ['100.100.100.200', /carrier-grade NAT/],
    ['0.0.0.0', /unspecified/],
    ['224.0.0.1', /multicast/],
    ['192.0.2.10', /reserved/],
  ])('should name %s as not public', (address, expected) => {
    expect(nonPublicRange(address)).toMatch(expected);
  });
});

describe('checkWebhookUrl', () => {
  it('should accept public http and https URLs, by name or address', async () => {
    expect(await refusal('https://hooks.example.com/canopy?team=geo')).toBe('accepted');
    expect(await refusal('http://93.184.216.34:8080/hook')).toBe('accepted');
  });

  it.each([
    ['ftp://hooks.example.com/x', /uses ftp: only http and https/],
    ['javascript:alert(1)', /uses javascript/],
    ['file:///etc/passwd', /uses file/],
    ['not a url', /is not a URL/],
    ['https://user:secret@hooks.example.com/', /user name or password/],
    ['http://127.0.0.1:4000/graphql', /points at 127\.0\.0\.1, a loopback address; set CANOPY_WEBHOOK_ALLOW_PRIVATE=true/],
    ['http://localhost/', /points at localhost \(resolved to 127\.0\.0\.1\), a loopback/],
    ['http://[::1]/', /points at ::1, a loopback/],
    ['http://2130706433/', /127\.0\.0\.1, a loopback/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['http://metadata.google.internal/computeMetadata/v1/', /resolved to 169\.254\.169\.254/],
    ['http://[fd00:ec2::254]/', /unique local/],
    ['https://rebind.example.com/', /resolved to 10\.0\.0\.7\), a private address/],
    ['https://nowhere.example.com/', /does not resolve \(ENOTFOUND\)/],
    [`https://hooks.example.com/${'x'.repeat(2048)}`, /longer than 2048/],
  ])('should refuse %s', async (url, expected) => {
    expect(await refusal(url)).toMatch(expected);
  });

  it('should admit private and loopback addresses when CANOPY_WEBHOOK_ALLOW_PRIVATE is set, never other schemes', async () => {
    const open = { allowPrivate: true, lookup: dns };
    expect(await refusal('http://127.0.0.1:4000/hook', open)).toBe('accepted');
    expect(await refusal('http://localhost/hook', open)).toBe('accepted');
    expect(await refusal('ftp://127.0.0.1/hook', open)).toMatch(/uses ftp/);
  });

  it('should treat a name that does not resolve as a refusal that may pass later', async () => {
    await expect(checkWebhookUrl('https://nowhere.example.com/', strict)).rejects.toMatchObject({ permanent: false });
    await expect(checkWebhookUrl('http://127.0.0.1/', strict)).rejects.toMatchObject({ permanent: true });
  });
});

describe('guardedLookup', () => {
  const lookup = (host: string, options: { all?: boolean; family?: number }) =>
    new Promise<{ error: Error | null; result: unknown }>((resolve) =>
      guardedLookup(strict)(host, options, (error, address, family) => resolve({ error, result: options.all ? address : { address, family } })),
    );

  it('should hand the connector the addresses it checked', async () => {
    expect(await lookup('hooks.example.com', { all: true })).toEqual({ error: null, result: [{ address: '93.184.216.34', family: 4 }] });
    expect(await lookup('hooks.example.com', {})).toEqual({ error: null, result: { address: '93.184.216.34', family: 4 } });
  });

  it('should refuse the connection when the name now resolves to a private address (DNS rebinding)', async () => {
    const { error } = await lookup('rebind.example.com', { all: true });
    expect(error).toBeInstanceOf(RefusedAddress);
    expect(error!.message).toMatch(/10\.0\.0\.7/);
  });
});
