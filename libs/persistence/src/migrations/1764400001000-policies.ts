import type { QueryRunner, TableOptions } from 'typeorm';
import { DEFAULT_DATA_CATEGORIES, DEFAULT_DATA_USES } from '@canopy/domain';
import { bool, foreignKey, id, index, instant, int, ref, text, varchar } from './table-helpers';
import { TablesMigration } from './tables-migration';

/** The taxonomy (seeded with the default one), policies, their versions and clauses, and precedence conflicts. */
export class Policies1764400001000 extends TablesMigration {
  name = 'Policies1764400001000';

  protected tables(_q: QueryRunner): TableOptions[] {
    return [
      {
        name: 'taxonomy_categories',
        columns: [
          { ...varchar('key', 120), isPrimary: true },
          varchar('name', 200),
          text('description', true),
          varchar('parent_key', 120, true),
          bool('sensitive'),
          instant('created_at'),
        ],
      },
      {
        name: 'taxonomy_uses',
        columns: [{ ...varchar('key', 120), isPrimary: true }, varchar('name', 200), text('description', true), instant('created_at')],
      },
      {
        name: 'policies',
        columns: [
          id(),
          varchar('key', 63),
          varchar('title', 200),
          varchar('scope', 10),
          ref('service_id', true),
          varchar('global_marker', 10, true),
          instant('created_at'),
        ],
        indices: [
          index('UQ_policies_key', ['key'], true),
          index('UQ_policies_service', ['service_id'], true),
          index('UQ_policies_global', ['global_marker'], true),
        ],
        foreignKeys: [foreignKey('FK_policies_service', 'service_id', 'services')],
      },
      {
        name: 'policy_versions',
        columns: [
          id(),
          ref('policy_id'),
          int('number'),
          varchar('status', 10),
          instant('effective_at', true),
          instant('published_at', true),
          instant('in_force_from', true),
          varchar('published_by', 36, true),
          varchar('notice_channels', 100, true),
          instant('notice_at', true),
          bool('material_reduction'),
          text('weakened_subjects', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          index('UQ_policy_versions_number', ['policy_id', 'number'], true),
          index('IDX_policy_versions_in_force', ['policy_id', 'status', 'in_force_from']),
        ],
        foreignKeys: [foreignKey('FK_policy_versions_policy', 'policy_id', 'policies', 'CASCADE')],
      },
      {
        name: 'policy_clauses',
        columns: [
          id(),
          ref('version_id'),
          int('position'),
          varchar('topic', 20),
          varchar('subject', 250),
          varchar('value', 40),
          bool('locked'),
          text('text', true),
        ],
        indices: [index('UQ_policy_clauses_subject', ['version_id', 'topic', 'subject'], true)],
        foreignKeys: [foreignKey('FK_policy_clauses_version', 'version_id', 'policy_versions', 'CASCADE')],
      },
      {
        name: 'policy_conflicts',
        columns: [
          id(),
          ref('service_id'),
          ref('global_version_id'),
          ref('service_version_id'),
          varchar('topic', 20),
          varchar('subject', 250),
          varchar('global_value', 40),
          varchar('service_value', 40),
          text('governed_categories'),
          instant('created_at'),
          varchar('carried_from_id', 36, true),
          varchar('resolution', 20, true),
          text('rationale', true),
          varchar('resolved_by', 36, true),
          instant('resolved_at', true),
        ],
        indices: [
          index('UQ_policy_conflicts_pair_subject', ['global_version_id', 'service_version_id', 'topic', 'subject'], true),
          index('IDX_policy_conflicts_service', ['service_id']),
          index('IDX_policy_conflicts_service_version', ['service_version_id']),
          index('IDX_policy_conflicts_resolved_at', ['resolved_at']),
        ],
        foreignKeys: [
          foreignKey('FK_policy_conflicts_service', 'service_id', 'services'),
          foreignKey('FK_policy_conflicts_global_version', 'global_version_id', 'policy_versions'),
          foreignKey('FK_policy_conflicts_service_version', 'service_version_id', 'policy_versions'),
        ],
      },
    ];
  }

  protected override async seed(q: QueryRunner): Promise<void> {
    // Raw, portable inserts: migrations must not depend on how entities map today.
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    for (const c of DEFAULT_DATA_CATEGORIES) {
      const parent = c.key.includes('.') ? c.key.slice(0, c.key.lastIndexOf('.')) : null;
      await q.query(
        'INSERT INTO taxonomy_categories (`key`, `name`, `description`, `parent_key`, `sensitive`, `created_at`) VALUES (?, ?, ?, ?, ?, ?)',
        [c.key, c.name, c.description ?? null, parent, c.sensitive ? 1 : 0, now],
      );
    }
    for (const u of DEFAULT_DATA_USES) {
      await q.query('INSERT INTO taxonomy_uses (`key`, `name`, `description`, `created_at`) VALUES (?, ?, ?, ?)', [u.key, u.name, u.description ?? null, now]);
    }
  }
}
