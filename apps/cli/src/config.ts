import { usageError } from './errors';

export type OutputFormat = 'human' | 'json';

export interface GlobalOptions {
  url?: string;
  token?: string;
  output?: string;
}

export interface ConnectionConfig {
  /** The GraphQL endpoint, e.g. https://canopy.example.com/graphql. */
  endpoint: string;
  token: string;
}

export function outputFormat(options: GlobalOptions): OutputFormat {
  const value = options.output ?? 'human';
  if (value !== 'human' && value !== 'json') throw usageError(`--output must be human or json, not "${value}"`);
  return value;
}

/**
 * The API's address and token: flags first, then CANOPY_URL / CANOPY_TOKEN.
 * The URL may name the server (https://canopy.example.com) or its GraphQL
 * endpoint (.../graphql). Prefer CANOPY_TOKEN over --token: flags show in
 * process lists and shell history.
 */
export function connectionConfig(options: GlobalOptions, env: Record<string, string | undefined>): ConnectionConfig {
  const url = (options.url ?? env.CANOPY_URL ?? '').trim();
  const token = (options.token ?? env.CANOPY_TOKEN ?? '').trim();
  if (!url) throw usageError('No API address: set CANOPY_URL or pass --url (e.g. https://canopy.example.com).');
  if (!token) throw usageError('No API token: set CANOPY_TOKEN or pass --token (create one in the console or with createApiToken).');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw usageError(`The API address "${url}" is not a URL (e.g. https://canopy.example.com).`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw usageError(`The API address must be http:// or https://, not ${parsed.protocol}`);
  const path = parsed.pathname.replace(/\/+$/, '');
  parsed.pathname = path.endsWith('/graphql') ? path : `${path}/graphql`;
  return { endpoint: parsed.toString(), token };
}
