import { loadConfig } from '../../config';

describe('hardening configuration', () => {
  it('should have defaults that admit the console and the CLI and refuse abuse', () => {
    expect(loadConfig({}).hardening).toEqual({
      maxDepth: 12,
      maxCost: 50_000,
      listSize: 20,
      maxAliases: 100,
      maxTokens: 8000,
      maxBatchOperations: 1,
      maxBodyBytes: 1024 * 1024,
      requestTimeoutMs: 30_000,
      maxConcurrentOperations: 4,
      heapCeiling: 0.9,
      corsOrigins: [],
      trustProxy: 'loopback',
      login: { maxFailuresPerAccount: 10, maxFailuresPerAddress: 100, windowMs: 900_000 },
    });
    expect(loadConfig({}).shutdownGraceMs).toBe(10_000);
  });

  it('should read every variable', () => {
    const config = loadConfig({
      CANOPY_MAX_QUERY_DEPTH: '8',
      CANOPY_MAX_QUERY_COST: '1000',
      CANOPY_QUERY_LIST_SIZE: '5',
      CANOPY_MAX_ALIASES: '3',
      CANOPY_MAX_QUERY_TOKENS: '500',
      CANOPY_MAX_BATCH_OPERATIONS: '4',
      CANOPY_MAX_BODY_BYTES: '2048',
      CANOPY_REQUEST_TIMEOUT_MS: '1500',
      CANOPY_MAX_CONCURRENT_OPERATIONS: '0',
      CANOPY_HEAP_CEILING_PERCENT: '75',
      CANOPY_CORS_ORIGINS: 'https://console.example.com, http://localhost:5173/',
      CANOPY_TRUST_PROXY: '10.0.0.0/8,loopback',
      CANOPY_LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      CANOPY_LOGIN_MAX_FAILURES_PER_ADDRESS: '30',
      CANOPY_LOGIN_WINDOW_SECONDS: '60',
      CANOPY_SHUTDOWN_GRACE_MS: '2500',
    });
    expect(config.hardening).toEqual({
      maxDepth: 8,
      maxCost: 1000,
      listSize: 5,
      maxAliases: 3,
      maxTokens: 500,
      maxBatchOperations: 4,
      maxBodyBytes: 2048,
      requestTimeoutMs: 1500,
      maxConcurrentOperations: 0,
      heapCeiling: 0.75,
      corsOrigins: ['https://console.example.com', 'http://localhost:5173'],
      trustProxy: '10.0.0.0/8,loopback',
      login: { maxFailuresPerAccount: 3, maxFailuresPerAddress: 30, windowMs: 60_000 },
    });
    expect(config.shutdownGraceMs).toBe(2500);
  });

  it.each([
    ['true', true],
    ['false', false],
    ['2', 2],
    ['loopback', 'loopback'],
    ['192.168.0.1, fd00::/8', '192.168.0.1,fd00::/8'],
  ])('should read CANOPY_TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ CANOPY_TRUST_PROXY: value }).hardening.trustProxy).toEqual(expected);
  });

  it.each([
    ['CANOPY_MAX_QUERY_DEPTH', 'deep', /CANOPY_MAX_QUERY_DEPTH: must be a number/],
    ['CANOPY_MAX_QUERY_DEPTH', '1', /CANOPY_MAX_QUERY_DEPTH/],
    ['CANOPY_MAX_QUERY_COST', '12.5', /CANOPY_MAX_QUERY_COST: must be a whole number/],
    ['CANOPY_MAX_BATCH_OPERATIONS', '0', /CANOPY_MAX_BATCH_OPERATIONS/],
    ['CANOPY_MAX_BODY_BYTES', '10', /CANOPY_MAX_BODY_BYTES/],
    ['CANOPY_REQUEST_TIMEOUT_MS', '-1', /CANOPY_REQUEST_TIMEOUT_MS/],
    ['CANOPY_CORS_ORIGINS', '*', /CANOPY_CORS_ORIGINS: "\*" is not an origin/],
    ['CANOPY_CORS_ORIGINS', 'https://ok.example.com,https://x.example.com/path', /"https:\/\/x.example.com\/path" is not an origin/],
    ['CANOPY_CORS_ORIGINS', 'ftp://files.example.com', /is not an origin/],
    ['CANOPY_TRUST_PROXY', 'everyone', /CANOPY_TRUST_PROXY: must be true, false, a hop count/],
    ['CANOPY_LOGIN_MAX_FAILURES_PER_ACCOUNT', '0', /CANOPY_LOGIN_MAX_FAILURES_PER_ACCOUNT/],
    ['CANOPY_SHUTDOWN_GRACE_MS', 'soon', /CANOPY_SHUTDOWN_GRACE_MS/],
  ])('should refuse %s=%s and name it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
