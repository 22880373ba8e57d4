import { ApiTokenEntity, UserEntity } from '@canopy/persistence';
import { newSecret, sha256 } from '../../auth/secrets';
import { endSessionsOfToken } from '../../auth/session.app-service';
import { Viewer, isAdmin } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput, forbidden, notFound } from '../../common/errors';
import { newId } from '../../common/ids';
import { requireEmail, requireText } from '../../common/validation';
import { appendAuditEvent, insertAudited } from '../audit';

export const BOOTSTRAP_TOKEN_NAME = 'bootstrap';

/** API tokens: any user mints and revokes its own; only ADMIN for others. */
export class TokenService {
  constructor(private readonly db: Database) {}

  async create(actor: Viewer, name: string, userEmail: string | null | undefined, expiresAt: Date | null | undefined) {
    const tokenName = requireText(name, 'name');
    if (expiresAt && expiresAt.getTime() <= this.db.clock.now().getTime()) throw badInput('expiresAt must lie in the future.', { argument: 'expiresAt' });
    const owner = await this.ownerFor(actor, userEmail);
    const token = newSecret('cnp');
    return this.db.write(async (tx, now) => {
      const row = await insertAudited(tx, now, actor, ApiTokenEntity, {
        id: newId(),
        userId: owner.id,
        name: tokenName,
        tokenHash: sha256(token),
        createdAt: now,
        expiresAt: expiresAt ?? null,
        revokedAt: null,
        lastUsedAt: null,
      }, (row) => ({
        action: 'token.created',
        entityType: 'api_token',
        entityId: row.id,
        after: { name: tokenName, user: owner.email, expiresAt: row.expiresAt },
      }));
      return { token, row };
    });
  }

  /** Revocation takes effect at once, for the token and for the console sessions opened by signing in with it. */
  async revoke(actor: Viewer, id: string): Promise<boolean> {
    return this.db.write(async (tx, now) => {
      const row = await tx.findOneBy(ApiTokenEntity, { id: String(id).slice(0, 36) });
      if (!row || (row.userId !== actor.id && !isAdmin(actor))) throw notFound('API token', String(id).slice(0, 36));
      if (row.revokedAt) return false;
      await tx.update(ApiTokenEntity, { id: row.id }, { revokedAt: now });
      const sessionsEnded = await endSessionsOfToken(tx, row.id);
      await appendAuditEvent(tx, now, actor, {
        action: 'token.revoked',
        entityType: 'api_token',
        entityId: row.id,
        before: { name: row.name, revokedAt: null },
        after: { name: row.name, revokedAt: now, sessionsEnded },
      });
      return true;
    });
  }

  async list(actor: Viewer, userEmail: string | null | undefined): Promise<ApiTokenEntity[]> {
    const owner = await this.ownerFor(actor, userEmail);
    return this.db.manager.find(ApiTokenEntity, { where: { userId: owner.id }, order: { createdAt: 'DESC' } });
  }

  private async ownerFor(actor: Viewer, userEmail: string | null | undefined): Promise<{ id: string; email: string }> {
    if (!userEmail || requireEmail(userEmail, 'userEmail') === actor.email) return actor;
    if (!isAdmin(actor)) throw forbidden("Only an ADMIN may manage another user's tokens.");
    const user = await this.db.manager.findOneBy(UserEntity, { email: requireEmail(userEmail, 'userEmail') });
    if (!user) throw badInput(`No user has the e-mail ${userEmail}.`, { argument: 'userEmail' });
    return user;
  }
}
