import { connectionConfig } from '../config';
import { CliError } from '../errors';
import { parseInstant } from '../commands/export-ropa';

describe('connectionConfig', () => {
  it.each([
    ['https://canopy.example.com', 'https://canopy.example.com/graphql'],
    ['https://canopy.example.com/', 'https://canopy.example.com/graphql'],
    ['https://canopy.example.com/graphql', 'https://canopy.example.com/graphql'],
    ['http://localhost:4000/canopy/', 'http://localhost:4000/canopy/graphql'],
  ])('should turn %s into the endpoint %s', (url, endpoint) => {
    expect(connectionConfig({}, { CANOPY_URL: url, CANOPY_TOKEN: 't' }).endpoint).toBe(endpoint);
  });

  it('should prefer flags over the environment', () => {
    expect(connectionConfig({ url: 'http://flag.test', token: 'flag' }, { CANOPY_URL: 'http://env.test', CANOPY_TOKEN: 'env' })).toEqual({ endpoint: 'http://flag.test/graphql', token: 'flag' });
  });

  it.each([
    [{}, /No API address/],
    [{ CANOPY_URL: 'http://x.test' }, /No API token/],
    [{ CANOPY_URL: 'canopy.example.com', CANOPY_TOKEN: 't' }, /is not a URL/],
    [{ CANOPY_URL: 'ftp://x.test', CANOPY_TOKEN: 't' }, /must be http:\/\/ or https:\/\//],
  ])('should refuse %j with exit code 2', (env, message) => {
    expect(() => connectionConfig({}, env)).toThrow(message);
    try {
      connectionConfig({}, env);
    } catch (error) {
      expect((error as CliError).exitCode).toBe(2);
    }
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-11-29', '2026-11-29T00:00:00.000Z'],
    ['2026-11-29T10:00:00Z', '2026-11-29T10:00:00.000Z'],
    ['2026-11-29T10:00:00.123+02:00', '2026-11-29T08:00:00.123Z'],
  ])('should read %s as %s', (value, iso) => {
    expect(parseInstant(value)).toBe(iso);
  });

  it.each(['2026-11-29T10:00:00', 'yesterday', '2026-02-30', '1700000000'])('should refuse %s', (value) => {
    expect(() => parseInstant(value)).toThrow(/--at must be an ISO 8601 instant/);
  });
});
