import type { Request } from 'express';
import { In } from 'typeorm';
import { ApiTokenEntity, SessionEntity, TeamMemberEntity, UserEntity } from '@canopy/persistence';
import type { Database } from '../common/database';
import { sha256 } from './secrets';
import type { Role, Viewer } from './viewer';

export const SESSION_COOKIE = 'canopy_session';
const LAST_USED_GRANULARITY_MS = 60_000;

export type Credentials = { kind: 'none' } | { kind: 'invalid' } | { kind: 'viewer'; viewer: Viewer };

/** Resolves a request's bearer token or session cookie to a Viewer in two statements. */
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

  async fromToken(token: string, now = new Date()): Promise<Credentials> {
    const row = await this.db.manager
      .createQueryBuilder(ApiTokenEntity, 't')
      .innerJoinAndSelect('t.user', 'u')
      .where('t.tokenHash = :hash', { hash: sha256(token) })
      .getOne();
    if (!row?.user || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !row.user.active) {
      return { kind: 'invalid' };
    }
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
      // Best effort and outside any transaction: a lost update only makes "last used" a minute staler.
      void this.db.manager.update(ApiTokenEntity, { id: row.id }, { lastUsedAt: now }).catch(() => undefined);
    }
    return { kind: 'viewer', viewer: await this.viewerOf(row.user, 'token') };
  }

  async fromSession(cookie: string, now = new Date()): Promise<Credentials> {
    const row = await this.db.manager
      .createQueryBuilder(SessionEntity, 's')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.idHash = :hash', { hash: sha256(cookie) })
      .getOne();
    if (!row?.user || row.expiresAt <= now || !row.user.active) return { kind: 'invalid' };
    return { kind: 'viewer', viewer: await this.viewerOf(row.user, 'session') };
  }

  async viewerOf(user: UserEntity, via: Viewer['via']): Promise<Viewer> {
    const memberships = await this.db.manager.find(TeamMemberEntity, { where: { userId: In([user.id]) } });
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles as Role[],
      teamIds: memberships.map((m) => m.teamId),
      via,
    };
  }
}
