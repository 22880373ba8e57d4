import type { EntityManager } from 'typeorm';
import { AuditSubtreeEntity } from '@canopy/persistence';
import { hashFromHex, SubtreeHashSource, SubtreeRef, subtreeKey } from '@canopy/evidence';

/**
 * The stored subtrees of the audit log's Merkle tree as libs/evidence reads
 * them: every plan's subtrees in one SELECT (one IN list per subtree size;
 * a proof names at most about 2·log2(n) of them).
 */
export class AuditSubtreeStore implements SubtreeHashSource {
  constructor(private readonly manager: EntityManager) {}

  async subtreeHashes(refs: readonly SubtreeRef[]): Promise<Buffer[]> {
    if (refs.length === 0) return [];
    const startsBySize = new Map<number, number[]>();
    for (const ref of refs) startsBySize.set(ref.size, [...(startsBySize.get(ref.size) ?? []), ref.start]);
    const query = this.manager.createQueryBuilder(AuditSubtreeEntity, 's').select(['s.size', 's.start', 's.hash']);
    [...startsBySize].forEach(([size, starts], i) => {
      query.orWhere(`(s.size = :size${i} AND s.start IN (:...starts${i}))`, { [`size${i}`]: size, [`starts${i}`]: starts });
    });
    const rows = await query.getMany();
    const byKey = new Map(rows.map((row) => [subtreeKey(row), row.hash]));
    return refs.map((ref) => {
      const hash = byKey.get(subtreeKey(ref));
      if (!hash) throw new Error(`the audit tree has no stored subtree of size ${ref.size} at ${ref.start}`);
      return hashFromHex(hash);
    });
  }
}
