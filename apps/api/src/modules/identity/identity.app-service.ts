import { EntityManager, In } from 'typeorm';
import { ApiTokenEntity, TeamEntity, TeamMemberEntity, UserEntity, userSnapshot } from '@canopy/persistence';
import { hashPassword, passwordMatches } from '../../auth/passwords';
import { endSessionsOfUser } from '../../auth/session.app-service';
import { ROLES, Role, Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput, notFound } from '../../common/errors';
import { newId } from '../../common/ids';
import { requireEmail, requireSlug, requireText } from '../../common/validation';
import { appendAuditEvent, insertAudited } from '../audit';

export interface UserChanges {
  name?: string | null;
  roles?: string[] | null;
  teamKeys?: string[] | null;
}

/** Teams, users and passwords: ADMIN's day-to-day work, every change audited. */
export class IdentityService {
  constructor(private readonly db: Database) {}

  async createTeam(actor: Viewer, key: string, name: string): Promise<TeamEntity> {
    requireSlug(key, 'key');
    const teamName = requireText(name, 'name');
    return this.db.write(async (tx, now) => {
      if (await tx.existsBy(TeamEntity, { key })) throw badInput(`A team with key "${key}" already exists.`, { argument: 'key' });
      const team = await insertAudited(tx, now, actor, TeamEntity, { id: newId(), key, name: teamName, createdAt: now }, () => ({ action: 'team.created', entityType: 'team', entityId: key, after: { key, name: teamName } }));
      return team;
    });
  }

  async createUser(actor: Viewer | null, email: string, name: string, roles: string[], teamKeys: string[]): Promise<UserEntity> {
    const address = requireEmail(email);
    const userName = requireText(name, 'name');
    const validRoles = requireRoles(roles);
    return this.db.write(async (tx, now) => {
      if (await tx.existsBy(UserEntity, { email: address })) throw badInput(`A user with e-mail ${address} already exists.`, { argument: 'email' });
      const teams = await teamsByKeys(tx, teamKeys);
      const user = tx.create(UserEntity, {
        id: newId(),
        email: address,
        name: userName,
        roles: validRoles,
        passwordHash: null,
        active: true,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(UserEntity, user);
      if (teams.length) await tx.insert(TeamMemberEntity, teams.map((t) => ({ teamId: t.id, userId: user.id })));
      await appendAuditEvent(tx, now, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: address,
        after: userSnapshot(user, teams.map((t) => t.key)),
      });
      return user;
    });
  }

  async updateUser(actor: Viewer, email: string, changes: UserChanges): Promise<UserEntity> {
    const address = requireEmail(email);
    const name = changes.name == null ? undefined : requireText(changes.name, 'name');
    const roles = changes.roles == null ? undefined : requireRoles(changes.roles);
    return this.db.write(async (tx, now) => {
      const user = await this.userOrFail(tx, address);
      const beforeTeams = await teamKeysOf(tx, user.id);
      const before = userSnapshot(user, beforeTeams);
      if (roles && user.id === actor.id && !roles.includes('ADMIN')) {
        throw badInput('An admin cannot remove ADMIN from their own account.', { argument: 'roles' });
      }
      Object.assign(user, { name: name ?? user.name, roles: roles ?? user.roles, updatedAt: now });
      await tx.update(UserEntity, { id: user.id }, { name: user.name, roles: user.roles, updatedAt: user.updatedAt });
      let afterTeams = beforeTeams;
      if (changes.teamKeys != null) {
        const teams = await teamsByKeys(tx, changes.teamKeys);
        await tx.delete(TeamMemberEntity, { userId: user.id });
        if (teams.length) await tx.insert(TeamMemberEntity, teams.map((t) => ({ teamId: t.id, userId: user.id })));
        afterTeams = teams.map((t) => t.key);
      }
      await appendAuditEvent(tx, now, actor, {
        action: 'user.updated',
        entityType: 'user',
        entityId: address,
        before,
        after: userSnapshot(user, afterTeams),
      });
      return user;
    });
  }

  /** Deactivation takes effect at once: every token and session of the user goes with it. */
  async deactivateUser(actor: Viewer, email: string): Promise<UserEntity> {
    const address = requireEmail(email);
    if (address === actor.email) throw badInput('An admin cannot deactivate their own account.', { argument: 'email' });
    return this.db.write(async (tx, now) => {
      const user = await this.userOrFail(tx, address);
      const teams = await teamKeysOf(tx, user.id);
      const before = userSnapshot(user, teams);
      user.active = false;
      user.updatedAt = now;
      await tx.update(UserEntity, { id: user.id }, { active: false, updatedAt: now });
      const revoked = await tx
        .createQueryBuilder()
        .update(ApiTokenEntity)
        .set({ revokedAt: now })
        .where('user_id = :id AND revoked_at IS NULL', { id: user.id })
        .execute();
      const sessionsEnded = await endSessionsOfUser(tx, user.id);
      await appendAuditEvent(tx, now, actor, {
        action: 'user.deactivated',
        entityType: 'user',
        entityId: address,
        before,
        after: { ...userSnapshot(user, teams), tokensRevoked: revoked.affected ?? 0, sessionsEnded },
      });
      return user;
    });
  }

  /**
   * A reset by an ADMIN. It ends every console session of the user, but the
   * session `keepSession` that asked (an admin resetting its own password).
   */
  async setPassword(actor: Viewer, email: string, password: string, keepSession: string | null = null): Promise<boolean> {
    const address = requireEmail(email);
    const passwordHash = await hashPassword(password);
    return this.db.write(async (tx, now) => {
      const user = await this.userOrFail(tx, address);
      await tx.update(UserEntity, { id: user.id }, { passwordHash, updatedAt: now });
      const sessionsEnded = await endSessionsOfUser(tx, user.id, user.id === actor.id ? keepSession : null);
      await appendAuditEvent(tx, now, actor, { action: 'user.password_set', entityType: 'user', entityId: address, after: { sessionsEnded } });
      return true;
    });
  }

  /** The user's own change: every other console session of theirs ends; `keepSession`, the one that asked, stays. */
  async changePassword(actor: Viewer, currentPassword: string, newPassword: string, keepSession: string | null = null): Promise<boolean> {
    const user = await this.db.manager.findOneByOrFail(UserEntity, { id: actor.id });
    if (!(await passwordMatches(user.passwordHash, currentPassword))) {
      throw badInput('The current password is not correct.', { argument: 'currentPassword' });
    }
    const passwordHash = await hashPassword(newPassword);
    return this.db.write(async (tx, now) => {
      await tx.update(UserEntity, { id: user.id }, { passwordHash, updatedAt: now });
      const sessionsEnded = await endSessionsOfUser(tx, user.id, keepSession);
      await appendAuditEvent(tx, now, actor, { action: 'user.password_changed', entityType: 'user', entityId: user.email, after: { sessionsEnded } });
      return true;
    });
  }

  async users(): Promise<UserEntity[]> {
    return this.db.manager.find(UserEntity, { order: { email: 'ASC' } });
  }

  async teams(): Promise<TeamEntity[]> {
    return this.db.manager.find(TeamEntity, { order: { key: 'ASC' } });
  }

  async userByEmail(email: string): Promise<UserEntity | null> {
    return this.db.manager.findOneBy(UserEntity, { email: email.trim().toLowerCase() });
  }

  private async userOrFail(tx: EntityManager, email: string): Promise<UserEntity> {
    const user = await tx.findOneBy(UserEntity, { email });
    if (!user) throw notFound('User', email);
    return user;
  }
}

export function requireRoles(roles: string[]): Role[] {
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) throw badInput(`Unknown role(s): ${unknown.join(', ')}.`, { argument: 'roles' });
  if (!roles.length) throw badInput('A user needs at least one role.', { argument: 'roles' });
  return [...new Set(roles)] as Role[];
}

async function teamsByKeys(tx: EntityManager, keys: string[]): Promise<TeamEntity[]> {
  const unique = [...new Set(keys)];
  if (!unique.length) return [];
  const teams = await tx.findBy(TeamEntity, { key: In(unique) });
  const missing = unique.filter((k) => !teams.some((t) => t.key === k));
  if (missing.length) throw badInput(`Unknown team key(s): ${missing.join(', ')}.`, { argument: 'teamKeys' });
  return teams;
}

async function teamKeysOf(tx: EntityManager, userId: string): Promise<string[]> {
  const rows = await tx
    .createQueryBuilder(TeamEntity, 't')
    .innerJoin(TeamMemberEntity, 'm', 'm.team_id = t.id')
    .where('m.user_id = :userId', { userId })
    .orderBy('t.key')
    .getMany();
  return rows.map((t) => t.key);
}

