import type { QueryRunner, TableOptions } from 'typeorm';
import { bool, char, foreignKey, id, index, instant, int, ref, text, varchar } from './table-helpers';
import { TablesMigration } from './tables-migration';

/** Identity, the service registry, settings and the audit chain. */
export class Foundation1764400000000 extends TablesMigration {
  name = 'Foundation1764400000000';

  protected tables(_q: QueryRunner): TableOptions[] {
    return [
      {
        name: 'teams',
        columns: [id(), varchar('key', 63), varchar('name', 200), instant('created_at')],
        indices: [index('UQ_teams_key', ['key'], true)],
      },
      {
        name: 'users',
        columns: [
          id(),
          varchar('email', 254),
          varchar('name', 200),
          text('roles'),
          varchar('password_hash', 255, true),
          bool('active'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [index('UQ_users_email', ['email'], true)],
      },
      {
        name: 'team_members',
        columns: [
          { ...ref('team_id'), isPrimary: true },
          { ...ref('user_id'), isPrimary: true },
        ],
        indices: [index('IDX_team_members_user', ['user_id'])],
        foreignKeys: [
          foreignKey('FK_team_members_team', 'team_id', 'teams', 'CASCADE'),
          foreignKey('FK_team_members_user', 'user_id', 'users', 'CASCADE'),
        ],
      },
      {
        name: 'api_tokens',
        columns: [
          id(),
          ref('user_id'),
          varchar('name', 200),
          char('token_hash', 64),
          instant('created_at'),
          instant('expires_at', true),
          instant('revoked_at', true),
          instant('last_used_at', true),
        ],
        indices: [index('UQ_api_tokens_hash', ['token_hash'], true), index('IDX_api_tokens_user', ['user_id'])],
        foreignKeys: [foreignKey('FK_api_tokens_user', 'user_id', 'users', 'CASCADE')],
      },
      {
        name: 'sessions',
        columns: [
          { ...char('id_hash', 64), isPrimary: true },
          ref('user_id'),
          instant('created_at'),
          instant('expires_at'),
          varchar('via', 20),
        ],
        indices: [index('IDX_sessions_user', ['user_id'])],
        foreignKeys: [foreignKey('FK_sessions_user', 'user_id', 'users', 'CASCADE')],
      },
      { name: 'settings', columns: [{ ...varchar('key', 100), isPrimary: true }, text('value')] },
      {
        name: 'services',
        columns: [
          id(),
          varchar('key', 63),
          varchar('name', 200),
          text('description', true),
          ref('team_id'),
          varchar('lifecycle', 20),
          bool('serves_minors'),
          int('version'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          index('UQ_services_key', ['key'], true),
          index('IDX_services_team', ['team_id']),
          index('IDX_services_lifecycle', ['lifecycle']),
        ],
        foreignKeys: [foreignKey('FK_services_team', 'team_id', 'teams')],
      },
      {
        name: 'audit_events',
        columns: [
          { ...int('seq'), isPrimary: true },
          instant('at'),
          varchar('actor_id', 36, true),
          varchar('actor_email', 254, true),
          varchar('action', 100),
          varchar('entity_type', 50),
          varchar('entity_id', 100),
          text('before', true),
          text('after', true),
          char('prev_hash', 64),
          char('hash', 64),
        ],
        indices: [
          index('IDX_audit_events_entity', ['entity_type', 'entity_id']),
          index('IDX_audit_events_actor', ['actor_id']),
          index('IDX_audit_events_at', ['at']),
          index('IDX_audit_events_action', ['action']),
        ],
      },
      { name: 'audit_head', columns: [{ ...int('id'), isPrimary: true }, int('seq'), char('hash', 64)] },
    ];
  }

  protected override async seed(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}')`);
  }
}
