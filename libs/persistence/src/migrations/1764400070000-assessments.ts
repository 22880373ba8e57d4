import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import { byteWise, foreignKey, id, indexesOf, instant, int, ref, text, varchar } from './table-helpers';

/** The columns assessments and their revisions share (entities/assessment.entity.ts AssessmentFields). */
const assessmentFields = (q: QueryRunner): TableColumnOptions[] => [
  byteWise(q, ref('service_id')),
  byteWise(q, ref('arrangement_id', true)),
  byteWise(q, varchar('kind', 4)),
  int('questionnaire_version'),
  byteWise(q, ref('author_id')),
  varchar('status', 20),
  text('answers'),
  text('risks'),
  text('assessed_categories'),
  text('assessed_content', true),
  instant('review_due_at', true),
  varchar('consultation_authority', 200, true),
  instant('consulted_at', true),
  text('consultation_outcome', true),
  byteWise(q, ref('decided_by', true)),
  text('decision_comment', true),
  instant('submitted_at', true),
  instant('decided_at', true),
  int('version'),
];

/** Foreign keys of the shared columns, named after `prefix`. */
const fieldKeys = (prefix: string) => [
  foreignKey(`FK_${prefix}_service`, 'service_id', 'services'),
  foreignKey(`FK_${prefix}_arrangement`, 'arrangement_id', 'sharing_arrangements'),
  foreignKey(`FK_${prefix}_author`, 'author_id', 'users'),
  foreignKey(`FK_${prefix}_decided_by`, 'decided_by', 'users'),
];

/**
 * Assessments (DESIGN.md section 9): DPIAs of services and TIAs of sharing
 * arrangements, current state plus revisions valid from/to, so an
 * assessment can be read as of any instant.
 */
export class Assessments1764400070000 implements MigrationInterface {
  name = 'Assessments1764400070000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'assessments',
        columns: [byteWise(q, id()), ...assessmentFields(q), instant('created_at'), instant('updated_at')],
        indices: indexesOf('assessments', { service: ['service_id', 'kind'], arrangement: ['arrangement_id'], status: ['status'], author: ['author_id'], decided_by: ['decided_by'] }),
        foreignKeys: fieldKeys('assessments'),
      }),
    );
    await q.createTable(
      new Table({
        name: 'assessment_revisions',
        columns: [
          byteWise(q, id()),
          byteWise(q, ref('assessment_id')),
          ...assessmentFields(q),
          varchar('action', 20),
          byteWise(q, ref('changed_by')),
          instant('valid_from'),
          instant('valid_to', true),
        ],
        indices: indexesOf(
          'assessment_revisions',
          { service_valid_from: ['service_id', 'valid_from'], arrangement: ['arrangement_id'], author: ['author_id'], decided_by: ['decided_by'], changed_by: ['changed_by'], valid_to: ['valid_to'] },
          { version: ['assessment_id', 'version'] },
        ),
        foreignKeys: [
          foreignKey('FK_assessment_revisions_assessment', 'assessment_id', 'assessments'),
          ...fieldKeys('assessment_revisions'),
          foreignKey('FK_assessment_revisions_changed_by', 'changed_by', 'users'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('assessment_revisions');
    await q.dropTable('assessments');
  }
}
