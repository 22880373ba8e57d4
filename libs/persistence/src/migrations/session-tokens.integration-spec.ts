import { testDialects } from '../testing/test-database';
import { SessionTokens1764400006000 } from './1764400006000-session-tokens';
import { ALL_MIGRATIONS } from '.';
import { withFreshDataSource } from '../testing/fresh-data-source';

describe.each(testDialects())('the session-tokens migration on %s', (dialect) => {
  it('should end the sessions opened with a token before it (they cannot be traced to their token) and keep the others', async () => {
    await withFreshDataSource(dialect, async (dataSource) => {
      await dataSource.runMigrations({ transaction: 'each' });
      // Back to just before this migration: the later ones are undone first.
      const undo = ALL_MIGRATIONS.length - ALL_MIGRATIONS.indexOf(SessionTokens1764400006000);
      for (let i = 0; i < undo; i++) await dataSource.undoLastMigration();
      // Plain SQL: the entities already describe the schema after this migration.
      const at = '2026-01-01 00:00:00.000';
      await dataSource.query('INSERT INTO users (id, email, name, roles, password_hash, active, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 1, ?, ?)', ['u1', 'u1@x.test', 'U', 'ADMIN', at, at]);
      for (const [idHash, via] of [['by-token', 'token'], ['by-password', 'session']]) {
        await dataSource.query('INSERT INTO sessions (id_hash, user_id, created_at, expires_at, via) VALUES (?, ?, ?, ?, ?)', [idHash, 'u1', at, '2999-01-01 00:00:00.000', via]);
      }
      expect((await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name)[0]).toBe('SessionTokens1764400006000');
      const rows: { id_hash: string; token_id: string | null }[] = await dataSource.createQueryBuilder().select(['id_hash', 'token_id']).from('sessions', 's').getRawMany();
      expect(rows).toEqual([{ id_hash: 'by-password', token_id: null }]);
    });
  });
});
