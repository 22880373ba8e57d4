import type { QueryRunner, TableOptions } from 'typeorm';
import { foreignKey, id, index, instant, int, ref, varchar } from './table-helpers';
import { TablesMigration } from './tables-migration';

/**
 * What the record of processing activities (GDPR Art. 30(1)) needs beyond the
 * inventory: each service's security measures, kept as history. (Categories
 * of data subjects live on inventory_items.data_subjects; the organisation's
 * home region is a row of `settings`.)
 */
export class Records1764400003000 extends TablesMigration {
  name = 'Records1764400003000';

  protected tables(_q: QueryRunner): TableOptions[] {
    return [
      {
        name: 'service_security_measures',
        columns: [id(), ref('service_id'), varchar('measure', 500), int('position'), instant('valid_from'), instant('valid_to', true)],
        indices: [
          index('IDX_security_measures_service_valid_to', ['service_id', 'valid_to']),
          index('IDX_security_measures_service_valid_from', ['service_id', 'valid_from']),
        ],
        foreignKeys: [foreignKey('FK_security_measures_service', 'service_id', 'services')],
      },
    ];
  }
}
