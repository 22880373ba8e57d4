import { badInput } from './errors';

export const MAX_PAGE_SIZE = 200;

/** Validates `first` and returns it; callers fetch first + 1 rows to learn hasNextPage. */
export function pageSize(first: number, max = MAX_PAGE_SIZE): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badInput(`first must be between 1 and ${max}; got ${first}.`, { argument: 'first' });
  }
  return first;
}

/** Cursors are opaque to clients: base64url of a small JSON position. */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(cursor: string, keys: (keyof T)[]): T {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
    if (value && typeof value === 'object' && keys.every((k) => k in value)) return value;
  } catch {
    // fall through to the error below
  }
  throw badInput('after is not a cursor this API issued.', { argument: 'after' });
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function toPage<T>(rows: T[], limit: number, totalCount: number, cursorOf: (row: T) => string): Page<T> {
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}
