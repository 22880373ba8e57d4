import { ProcessorRevisionEntity, ServiceRevisionEntity } from '../entities';
import { testDialects } from '../testing/test-database';
import { withFreshDataSource } from '../testing/fresh-data-source';

const CREATED = '2026-02-01 10:00:00.000';
const UPDATED = '2026-03-01 10:00:00.000';

describe.each(testDialects())('the service and processor history migration on %s', (dialect) => {
  it('should give every existing service and processor a first revision, current, from its creation, with its fields', async () => {
    await withFreshDataSource(dialect, async (dataSource) => {
      await dataSource.runMigrations({ transaction: 'each' });
      await dataSource.undoLastMigration(); // it is the newest: back to just before it
      // Plain SQL, as the rows were before: a service and a processor at their third version.
      await dataSource.query('INSERT INTO teams (id, `key`, name, created_at) VALUES (?, ?, ?, ?)', ['t1', 'geo', 'Geo', CREATED]);
      await dataSource.query(
        'INSERT INTO services (id, `key`, name, description, team_id, lifecycle, serves_minors, version, inventory_version, public, notice_recipients, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, 1, 3, 0, 0, NULL, ?, ?)',
        ['s1', 'maps', 'Maps', 't1', 'DEPRECATED', CREATED, UPDATED],
      );
      await dataSource.query(
        'INSERT INTO processors (id, `key`, name, country, contact_email, dpa_signed_at, dpa_expires_at, dpa_reference, transfer_mechanism, certifications, sub_processors, version, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, NULL, NULL, ?, ?, ?, 3, ?, ?)',
        ['p1', 'tiles', 'Tiles', 'US', CREATED, 'STANDARD_CONTRACTUAL_CLAUSES', '["DPF"]', '[{"name":"Cloud","country":"IN","purpose":null}]', CREATED, UPDATED],
      );
      expect((await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name)).toEqual(['ServiceProcessorHistory1764400080000']);

      const from = new Date('2026-02-01T10:00:00.000Z');
      expect(await dataSource.manager.find(ServiceRevisionEntity)).toEqual([
        expect.objectContaining({ id: 's1', serviceId: 's1', version: 3, name: 'Maps', teamId: 't1', lifecycle: 'DEPRECATED', servesMinors: true, validFrom: from, validTo: null }),
      ]);
      expect(await dataSource.manager.find(ProcessorRevisionEntity)).toEqual([
        expect.objectContaining({
          id: 'p1', processorId: 'p1', version: 3, country: 'US', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES', certifications: ['DPF'],
          subProcessors: [{ name: 'Cloud', country: 'IN', purpose: null }], dpaSignedAt: from, validFrom: from, validTo: null,
        }),
      ]);
    });
  });
});
