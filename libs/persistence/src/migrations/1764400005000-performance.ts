import { MigrationInterface, QueryRunner } from 'typeorm';
import { index } from './table-helpers';

/**
 * Indexes on the reference and filter columns the earlier migrations left
 * without one (docs/benchmarks.md): every other foreign key and filter column
 * already leads an index. `policies.scope` filters `policies(scope:)` and
 * the publish's pairing; the `*_by` and `carried_from_id` columns reference
 * users and conflicts (who published or resolved what, where a resolution
 * came from).
 */
export class Performance1764400005000 implements MigrationInterface {
  name = 'Performance1764400005000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('policies', index('IDX_policies_scope', ['scope']));
    await q.createIndex('policy_versions', index('IDX_policy_versions_published_by', ['published_by']));
    await q.createIndex('policy_conflicts', index('IDX_policy_conflicts_resolved_by', ['resolved_by']));
    await q.createIndex('policy_conflicts', index('IDX_policy_conflicts_carried_from', ['carried_from_id']));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('policy_conflicts', 'IDX_policy_conflicts_carried_from');
    await q.dropIndex('policy_conflicts', 'IDX_policy_conflicts_resolved_by');
    await q.dropIndex('policy_versions', 'IDX_policy_versions_published_by');
    await q.dropIndex('policies', 'IDX_policies_scope');
  }
}
