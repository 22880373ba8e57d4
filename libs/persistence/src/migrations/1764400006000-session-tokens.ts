import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { foreignKey, index, ref } from './table-helpers';

/**
 * A console session opened by signing in with an API token records the
 * token, so revoking the token ends the session. Sessions opened with a
 * token before this migration cannot be traced to it: they end here (their
 * users sign in again).
 */
export class SessionTokens1764400006000 implements MigrationInterface {
  name = 'SessionTokens1764400006000';

  async up(q: QueryRunner): Promise<void> {
    await q.manager.createQueryBuilder().delete().from('sessions').where('via = :via', { via: 'token' }).execute();
    await q.addColumn('sessions', new TableColumn(ref('token_id', true)));
    await q.createIndex('sessions', index('IDX_sessions_token', ['token_id']));
    await q.createForeignKey('sessions', foreignKey('FK_sessions_token', 'token_id', 'api_tokens', 'CASCADE'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropForeignKey('sessions', 'FK_sessions_token');
    await q.dropIndex('sessions', 'IDX_sessions_token');
    await q.dropColumn('sessions', 'token_id');
  }
}
