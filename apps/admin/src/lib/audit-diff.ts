import { create } from 'jsondiffpatch';

/** One line of an audit event's before/after, as a reviewer reads it. */
export interface ChangeRow {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** What names an element of a snapshot's list: its id or key, or an inventory item's data category. */
function identityOf(item: unknown): string | null {
  if (!item || typeof item !== 'object') return null;
  const o = item as { id?: unknown; key?: unknown; seq?: unknown; dataCategory?: unknown };
  const identity = o.id ?? o.key ?? o.seq ?? o.dataCategory;
  return identity == null ? null : String(identity);
}

const differ = create({
  // Arrays of objects with an identity are matched by it, so a reordered list is not reported as changed and
  // adding one inventory item is one added item, not every later item CHANGED.
  objectHash: (item: object, index?: number) => identityOf(item) ?? `$$index:${index}`,
  // A move is not reported: the order of a list in a snapshot carries no meaning here.
  arrays: { detectMove: true, includeValueOnMove: false },
  propertyFilter: (name: string) => name !== '__typename',
});

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** An element's label in a path: its identity when it has one (`items[email]`), else its position counted from 1. */
function elementLabel(key: string, left: unknown, right: unknown): string {
  const removed = key.startsWith('_');
  const index = Number(key.replace(/^_/, ''));
  const element = removed ? (Array.isArray(left) ? left[index] : undefined) : Array.isArray(right) ? right[index] : undefined;
  return `[${identityOf(element) ?? index + 1}]`;
}

const child = (value: unknown, key: string): unknown => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);

function walk(delta: unknown, path: string, rows: ChangeRow[], left: unknown, right: unknown): void {
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
    if (isArray) {
      const index = Number(key.replace(/^_/, ''));
      const lefts = Array.isArray(left) ? left : [];
      const rightElement = Array.isArray(right) && !key.startsWith('_') ? right[index] : undefined;
      // A removed element's key is its old index; a changed one's is its new index, so its old self is found by identity.
      const leftElement = key.startsWith('_') ? lefts[index] : (lefts.find((e) => identityOf(e) !== null && identityOf(e) === identityOf(rightElement)) ?? lefts[index]);
      walk(object[key], `${path}${elementLabel(key, left, right)}`, rows, leftElement, rightElement);
    } else {
      walk(object[key], join(path, key), rows, child(left, key), child(right, key));
    }
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
  walk(differ.diff(left, right), '', rows, left, right);
  return rows;
}

export function formatJsonValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
