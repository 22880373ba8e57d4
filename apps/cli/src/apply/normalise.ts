import type { ClauseData, InventoryItemData, SubProcessorData } from '../client/operations';
import type { ClauseManifest, InventoryItemManifest } from '../manifest/schema';

/**
 * Normal forms that mirror how the API stores each value (trimmed,
 * repeats folded, defaults filled in), so "unchanged" here means the API
 * would store exactly what it holds now and apply sends nothing.
 */

const sortedUnique = (values: readonly string[]) => [...new Set(values)].sort();
const foldedInOrder = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()))];

/** An item as the API stores and returns it: every field present. */
export type NormalItem = InventoryItemData;

export function normaliseItem(item: InventoryItemManifest | InventoryItemData): NormalItem {
  const permission = item.devicePermission?.trim();
  return {
    dataCategory: item.dataCategory,
    purposes: [...new Set(item.purposes)],
    source: item.source,
    devicePermission: permission ? permission.toUpperCase() : null,
    legalBasis: item.legalBasis,
    retentionDays: item.retentionDays ?? null,
    encryption: item.encryption,
    publiclyVisible: item.publiclyVisible ?? false,
    dataSubjects: foldedInOrder(item.dataSubjects ?? []),
  };
}

/** An item's identity: the same facts, purposes and data subjects in any order. */
export function itemSignature(item: NormalItem): string {
  return JSON.stringify([
    item.dataCategory,
    sortedUnique(item.purposes),
    item.source,
    item.devicePermission,
    item.legalBasis,
    item.retentionDays,
    item.encryption,
    item.publiclyVisible,
    sortedUnique(item.dataSubjects),
  ]);
}

/** How two inventories differ, as multisets of item signatures. */
export function diffInventory(current: readonly NormalItem[], desired: readonly NormalItem[]): { added: number; removed: number; kept: number } {
  const remaining = new Map<string, number>();
  for (const item of current) remaining.set(itemSignature(item), (remaining.get(itemSignature(item)) ?? 0) + 1);
  let kept = 0;
  let added = 0;
  for (const item of desired) {
    const sig = itemSignature(item);
    const left = remaining.get(sig) ?? 0;
    if (left > 0) {
      remaining.set(sig, left - 1);
      kept++;
    } else {
      added++;
    }
  }
  const removed = [...remaining.values()].reduce((a, b) => a + b, 0);
  return { added, removed, kept };
}

export function normaliseMeasures(measures: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of measures) {
    const m = raw.trim().replace(/\s+/g, ' ');
    if (m && !out.includes(m)) out.push(m);
  }
  return out;
}

/** A clause as the API stores it: every field present. */
export type NormalClause = ClauseData;

export function normaliseClause(c: ClauseManifest | ClauseData): NormalClause {
  return { topic: c.topic, subject: c.subject.trim(), value: String(c.value).trim(), locked: c.locked ?? false, text: c.text?.trim() || null };
}

/** A clause set's identity: clauses in any order. */
export function clauseSetSignature(clauses: readonly NormalClause[]): string {
  return JSON.stringify(clauses.map((c) => JSON.stringify([c.topic, c.subject, c.value, c.locked, c.text])).sort());
}

export const sameSet = (a: readonly string[], b: readonly string[]) => JSON.stringify(sortedUnique(a)) === JSON.stringify(sortedUnique(b));

export function normaliseSubProcessors(
  list: readonly SubProcessorData[] | readonly { name: string; country: string; purpose?: string | null; transferMechanism?: SubProcessorData['transferMechanism'] }[],
): SubProcessorData[] {
  return list.map((s) => ({ name: s.name.trim(), country: s.country.trim().toUpperCase(), purpose: s.purpose?.trim() || null, transferMechanism: s.transferMechanism ?? null }));
}

export const sameInstant = (a: string | null | undefined, b: string | null | undefined) =>
  (a ? new Date(a).getTime() : null) === (b ? new Date(b).getTime() : null);
