import { create } from 'jsondiffpatch';

/** One line of an audit event's before/after, as a reviewer reads it. */
export interface ChangeRow {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const differ = create({
  // Arrays of objects with an id or key are matched by it, so a reordered list is not reported as changed.
  objectHash: (item: object, index?: number) => {
    const o = item as { id?: unknown; key?: unknown; seq?: unknown };
    return String(o.id ?? o.key ?? o.seq ?? `$$index:${index}`);
  },
  // A move is not reported: the order of a list in a snapshot carries no meaning here.
  arrays: { detectMove: true, includeValueOnMove: false },
  propertyFilter: (name: string) => name !== '__typename',
});

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function walk(delta: unknown, path: string, rows: ChangeRow[]): void {
  if (Array.isArray(delta)) {
    if (delta.length === 1) rows.push({ path: path || '(value)', kind: 'added', after: delta[0] });
    else if (delta.length === 2) rows.push({ path: path || '(value)', kind: 'changed', before: delta[0], after: delta[1] });
    else if (delta.length === 3 && delta[2] === 0) rows.push({ path: path || '(value)', kind: 'removed', before: delta[0] });
    return;
  }
  if (!delta || typeof delta !== 'object') return;
  const object = delta as Record<string, unknown>;
  const isArray = object._t === 'a';
  for (const key of Object.keys(object).sort(naturalOrder)) {
    if (key === '_t') continue;
    const label = isArray ? `[${key.replace(/^_/, '')}]` : key;
    walk(object[key], isArray ? `${path}${label}` : join(path, label), rows);
  }
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}

/** Lists what changed between an event's before and after snapshots, one row per changed leaf or element. */
export function auditChanges(before: unknown, after: unknown): ChangeRow[] {
  const rows: ChangeRow[] = [];
  const isObject = (v: unknown) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
  // A creation (no before) or a deletion (no after) lists each field, not one opaque value.
  const left = before == null && isObject(after) ? {} : (before ?? null);
  const right = after == null && isObject(before) ? {} : (after ?? null);
  walk(differ.diff(left, right), '', rows);
  return rows;
}

export function formatJsonValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
