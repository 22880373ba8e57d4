import type { QueryRunner, TableOptions } from 'typeorm';
import { bool, foreignKey, id, index, instant, int, ref, text, varchar } from './table-helpers';
import { TablesMigration } from './tables-migration';

/**
 * Data inventories (history), processors, sharing arrangements with their
 * revisions and approvals, and accepted compliance findings.
 */
export class InventorySharing1764400002000 extends TablesMigration {
  name = 'InventorySharing1764400002000';

  protected tables(_q: QueryRunner): TableOptions[] {
    return [
      {
        name: 'inventory_items',
        columns: [
          id(),
          ref('service_id'),
          varchar('data_category', 128),
          text('purposes'),
          varchar('source', 20),
          varchar('device_permission', 40, true),
          varchar('legal_basis', 30),
          int('retention_days', true),
          varchar('encryption', 30),
          bool('publicly_visible'),
          text('data_subjects', true),
          instant('valid_from'),
          instant('valid_to', true),
        ],
        indices: [
          index('IDX_inventory_items_service_valid_to', ['service_id', 'valid_to']),
          index('IDX_inventory_items_service_valid_from', ['service_id', 'valid_from']),
          index('IDX_inventory_items_category', ['data_category']),
        ],
        foreignKeys: [foreignKey('FK_inventory_items_service', 'service_id', 'services')],
      },
      {
        name: 'processors',
        columns: [
          id(),
          varchar('key', 63),
          varchar('name', 200),
          varchar('country', 2),
          varchar('contact_email', 254, true),
          instant('dpa_signed_at', true),
          instant('dpa_expires_at', true),
          varchar('dpa_reference', 200, true),
          varchar('transfer_mechanism', 40, true),
          text('certifications'),
          text('sub_processors', true),
          int('version'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          index('UQ_processors_key', ['key'], true),
          index('IDX_processors_country', ['country']),
          index('IDX_processors_dpa_expires_at', ['dpa_expires_at']),
        ],
      },
      {
        name: 'sharing_arrangements',
        columns: [
          id(),
          ref('service_id'),
          ref('processor_id'),
          text('data_categories'),
          text('purposes'),
          varchar('legal_basis', 30),
          varchar('status', 20),
          ref('requested_by'),
          int('required_approvals'),
          text('decision_reason', true),
          ref('decided_by', true),
          int('version'),
          instant('created_at'),
          instant('updated_at'),
          instant('submitted_at', true),
          instant('decided_at', true),
        ],
        indices: [
          index('IDX_sharing_arrangements_service_status', ['service_id', 'status']),
          index('IDX_sharing_arrangements_processor', ['processor_id']),
          index('IDX_sharing_arrangements_status', ['status']),
          index('IDX_sharing_arrangements_requested_by', ['requested_by']),
          index('IDX_sharing_arrangements_decided_by', ['decided_by']),
        ],
        foreignKeys: [
          foreignKey('FK_sharing_arrangements_service', 'service_id', 'services'),
          foreignKey('FK_sharing_arrangements_processor', 'processor_id', 'processors'),
          foreignKey('FK_sharing_arrangements_requested_by', 'requested_by', 'users'),
          foreignKey('FK_sharing_arrangements_decided_by', 'decided_by', 'users'),
        ],
      },
      {
        name: 'sharing_arrangement_revisions',
        columns: [
          id(),
          ref('arrangement_id'),
          ref('service_id'),
          ref('processor_id'),
          int('version'),
          varchar('action', 20),
          varchar('status', 20),
          text('data_categories'),
          text('purposes'),
          varchar('legal_basis', 30),
          int('required_approvals'),
          text('decision_reason', true),
          ref('decided_by', true),
          instant('submitted_at', true),
          instant('decided_at', true),
          ref('changed_by'),
          instant('valid_from'),
          instant('valid_to', true),
        ],
        indices: [
          index('UQ_sharing_revisions_version', ['arrangement_id', 'version'], true),
          index('IDX_sharing_revisions_service_valid_from', ['service_id', 'valid_from']),
          index('IDX_sharing_revisions_processor', ['processor_id']),
          index('IDX_sharing_revisions_changed_by', ['changed_by']),
          index('IDX_sharing_revisions_decided_by', ['decided_by']),
          index('IDX_sharing_revisions_valid_to', ['valid_to']),
        ],
        foreignKeys: [
          foreignKey('FK_sharing_revisions_arrangement', 'arrangement_id', 'sharing_arrangements'),
          foreignKey('FK_sharing_revisions_service', 'service_id', 'services'),
          foreignKey('FK_sharing_revisions_processor', 'processor_id', 'processors'),
          foreignKey('FK_sharing_revisions_changed_by', 'changed_by', 'users'),
          foreignKey('FK_sharing_revisions_decided_by', 'decided_by', 'users'),
        ],
      },
      {
        name: 'sharing_approvals',
        columns: [id(), ref('arrangement_id'), ref('approver_id'), int('arrangement_version'), text('comment', true), instant('at')],
        indices: [
          index('UQ_sharing_approvals_approver', ['arrangement_id', 'approver_id'], true),
          index('IDX_sharing_approvals_approver', ['approver_id']),
        ],
        foreignKeys: [
          foreignKey('FK_sharing_approvals_arrangement', 'arrangement_id', 'sharing_arrangements'),
          foreignKey('FK_sharing_approvals_approver', 'approver_id', 'users'),
        ],
      },
      {
        name: 'finding_acceptances',
        columns: [
          id(),
          ref('service_id'),
          varchar('rule', 40),
          varchar('data_category', 128, true),
          text('rationale'),
          instant('expires_at'),
          ref('accepted_by'),
          instant('accepted_at'),
        ],
        indices: [
          index('IDX_finding_acceptances_service_rule', ['service_id', 'rule']),
          index('IDX_finding_acceptances_expires_at', ['expires_at']),
          index('IDX_finding_acceptances_accepted_by', ['accepted_by']),
        ],
        foreignKeys: [
          foreignKey('FK_finding_acceptances_service', 'service_id', 'services'),
          foreignKey('FK_finding_acceptances_accepted_by', 'accepted_by', 'users'),
        ],
      },
    ];
  }
}
