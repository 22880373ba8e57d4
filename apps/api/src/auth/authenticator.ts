import type { Request } from 'express';
import { In } from 'typeorm';
import { ApiTokenEntity, leanJoinSelectAlso, SessionEntity, TeamMemberEntity, UserEntity } from '@canopy/persistence';
import type { Database } from '../common/database';
import { sha256 } from './secrets';
import type { Role, Viewer } from './viewer';

export const SESSION_COOKIE = 'canopy_session';
const LAST_USED_GRANULARITY_MS = 60_000;

export type Credentials =
  | { kind: 'none' }
  | { kind: 'invalid' }
  /** credentialId: what authenticated the request, the API token's id (via token) or the session's id hash (via session). */
  | { kind: 'viewer'; viewer: Viewer; credentialId: string };

/** The session a request came with (its id hash), or null for a token or no credentials. */
export function sessionOf(credentials: Credentials): string | null {
  return credentials.kind === 'viewer' && credentials.viewer.via === 'session' ? credentials.credentialId : null;
}

/**
 * Resolves a request's bearer token or session cookie to a Viewer in one
 * statement: the credential, its user and the user's team memberships joined
 * (every request pays for authentication, so it is kept to one round trip).
 */
export class Authenticator {
  constructor(private readonly db: Database) {}

  async fromRequest(req: Request): Promise<Credentials> {
    const header = req.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      return match ? this.fromToken(match[1]) : { kind: 'invalid' };
    }
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    return cookie ? this.fromSession(cookie) : { kind: 'none' };
  }

  async fromToken(token: string, now = this.db.clock.now()): Promise<Credentials> {
    // One row per team of the token's user (or one, without a team): the token and its user are those of the first.
    const rows = await leanJoinSelectAlso(
      this.db.manager,
      ApiTokenEntity,
      { property: 'user', entity: UserEntity, on: 'u.id = t.user_id', alias: 'u' },
      TEAMS_OF_USER,
      't.token_hash = ?',
      [sha256(token)],
    );
    const row = rows[0]?.row;
    if (!row?.user || !tokenUsable(row, now) || !row.user.active) return { kind: 'invalid' };
    const teamIds = teamIdsOf(rows);
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
      // Best effort and outside any transaction: a lost update only makes "last used" a minute staler.
      void this.db.manager.update(ApiTokenEntity, { id: row.id }, { lastUsedAt: now }).catch(() => undefined);
    }
    return { kind: 'viewer', viewer: viewerFrom(row.user, teamIds, 'token'), credentialId: row.id };
  }

  /** A session opened by signing in with an API token lasts only as long as the token is usable. */
  async fromSession(cookie: string, now = this.db.clock.now()): Promise<Credentials> {
    // As fromToken: one row per team of the session's user, the session, its user and its token (if any) those of the first.
    const rows = await leanJoinSelectAlso(
      this.db.manager,
      SessionEntity,
      [
        { property: 'user', entity: UserEntity, on: 'u.id = t.user_id', alias: 'u' },
        { property: 'token', entity: ApiTokenEntity, on: 'tok.id = t.token_id', alias: 'tok', left: true },
      ],
      TEAMS_OF_USER,
      't.id_hash = ?',
      [sha256(cookie)],
    );
    const row = rows[0]?.row;
    if (!row?.user || row.expiresAt <= now || !row.user.active || (row.token && !tokenUsable(row.token, now))) return { kind: 'invalid' };
    const teamIds = teamIdsOf(rows);
    return { kind: 'viewer', viewer: viewerFrom(row.user, teamIds, 'session'), credentialId: row.idHash };
  }

  async viewerOf(user: UserEntity, via: Viewer['via']): Promise<Viewer> {
    const memberships = await this.db.manager.find(TeamMemberEntity, { where: { userId: In([user.id]) } });
    return viewerFrom(user, memberships.map((membership) => membership.teamId), via);
  }
}

/** The teams of the user (joined as `u`), one row per team: beside a credential's row, so it costs no statement of its own. */
const TEAMS_OF_USER = { select: { teamId: 'tm.team_id' }, leftJoins: 'LEFT JOIN team_members tm ON tm.user_id = u.id' };

const teamIdsOf = (rows: readonly { also: { teamId: unknown } }[]): string[] => rows.flatMap(({ also }) => (typeof also.teamId === 'string' ? [also.teamId] : []));

function tokenUsable(token: ApiTokenEntity, now: Date): boolean {
  return !token.revokedAt && !(token.expiresAt && token.expiresAt <= now);
}

function viewerFrom(user: UserEntity, teamIds: string[], via: Viewer['via']): Viewer {
  return { id: user.id, email: user.email, name: user.name, roles: user.roles as Role[], teamIds, via };
}
