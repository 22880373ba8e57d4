import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { ADEQUACY_SEED } from '@canopy/domain';
import { byteWise, foreignKey, id, index, instant, ref, varchar } from './table-helpers';

const sqlInstant = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').replace('Z', '') : null);

/**
 * The adequacy register (DESIGN.md section 9), seeded with the European
 * Commission's decisions as of 2026-01-01 (the domain's ADEQUACY_SEED, each
 * recorded on its adoption day so past instants see the decisions then in
 * force). The note keeps the decision's number.
 */
export class AdequacyRegister1764400050000 implements MigrationInterface {
  name = 'AdequacyRegister1764400050000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'adequacy_decisions',
        columns: [
          byteWise(q, id()),
          byteWise(q, varchar('country', 2)),
          instant('valid_from'),
          instant('valid_until', true),
          varchar('scope', 40, true),
          varchar('note', 1000, true),
          instant('recorded_at'),
          byteWise(q, ref('recorded_by', true)),
        ],
        indices: [index('IDX_adequacy_decisions_country', ['country', 'recorded_at']), index('IDX_adequacy_decisions_recorded_by', ['recorded_by'])],
        foreignKeys: [foreignKey('FK_adequacy_decisions_recorded_by', 'recorded_by', 'users')],
      }),
    );
    // Raw, portable inserts: migrations must not depend on how entities map today.
    for (const e of ADEQUACY_SEED) {
      const note = [`Commission decision ${e.decision}`, e.note].filter(Boolean).join(': ');
      await q.query(
        'INSERT INTO adequacy_decisions (`id`, `country`, `valid_from`, `valid_until`, `scope`, `note`, `recorded_at`, `recorded_by`) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
        [randomUUID(), e.country, sqlInstant(e.validFrom), sqlInstant(e.validUntil), e.scope, note, sqlInstant(e.recordedAt)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('adequacy_decisions');
  }
}
