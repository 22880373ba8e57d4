import type { EntityManager } from 'typeorm';
import { AuditSubtreeEntity } from '@canopy/persistence';
import { hashFromHex, SubtreeHashSource, SubtreeRef, subtreeKey } from '@canopy/evidence';

/** Two parameters a subtree at most: well under SQLite's 32,766 and MySQL's 65,535 placeholders. */
const REFS_PER_STATEMENT = 5000;

/**
 * The stored subtrees of the audit log's Merkle tree as libs/evidence reads
 * them: a plan's subtrees in one SELECT (one IN list per subtree size; a
 * proof names at most about 2·log2(n) of them), a bundle's thousands in one
 * per 5,000.
 */
export class AuditSubtreeStore implements SubtreeHashSource {
  constructor(private readonly manager: EntityManager) {}

  async subtreeHashes(refs: readonly SubtreeRef[]): Promise<Buffer[]> {
    const found = await this.find(refs);
    return refs.map((ref) => {
      const hash = found.get(subtreeKey(ref));
      if (!hash) throw new Error(`the audit tree has no stored subtree of size ${ref.size} at ${ref.start}`);
      return hash;
    });
  }

  /** The stored hashes among refs, by subtreeKey; those not stored are absent. */
  async find(refs: readonly SubtreeRef[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    for (let i = 0; i < refs.length; i += REFS_PER_STATEMENT) {
      const startsBySize = new Map<number, number[]>();
      for (const ref of refs.slice(i, i + REFS_PER_STATEMENT)) startsBySize.set(ref.size, [...(startsBySize.get(ref.size) ?? []), ref.start]);
      const query = this.manager.createQueryBuilder(AuditSubtreeEntity, 's').select(['s.size', 's.start', 's.hash']);
      [...startsBySize].forEach(([size, starts], n) => {
        query.orWhere(`(s.size = :size${n} AND s.start IN (:...starts${n}))`, { [`size${n}`]: size, [`starts${n}`]: starts });
      });
      for (const row of await query.getMany()) found.set(subtreeKey(row), hashFromHex(row.hash));
    }
    return found;
  }
}
