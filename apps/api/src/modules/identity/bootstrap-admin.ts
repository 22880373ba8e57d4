import { ApiTokenEntity, UserEntity } from '@canopy/persistence';
import { sha256 } from '../../auth/secrets';
import type { Database } from '../../common/database';
import { newId } from '../../common/ids';
import { appendAuditEvent } from '../audit';
import { BOOTSTRAP_TOKEN_NAME } from './token.app-service';

/**
 * With CANOPY_BOOTSTRAP_ADMIN_EMAIL and CANOPY_BOOTSTRAP_TOKEN on a database
 * that has no admin, creates that admin holding that token. Idempotent: once
 * any admin exists it does nothing. Returns true when it created the admin.
 */
export async function bootstrapAdmin(db: Database, email: string, token: string): Promise<boolean> {
  return db.write(async (tx, now) => {
    const admins = await tx
      .createQueryBuilder(UserEntity, 'u')
      .where('u.active = :active AND u.roles LIKE :admin', { active: true, admin: '%ADMIN%' })
      .getMany();
    if (admins.some((u) => u.roles.includes('ADMIN'))) return false;
    let user = await tx.findOneBy(UserEntity, { email });
    if (user) {
      user.roles = [...new Set([...user.roles, 'ADMIN'])];
      user.active = true;
      await tx.update(UserEntity, { id: user.id }, { roles: user.roles, active: true, updatedAt: now });
    } else {
      user = tx.create(UserEntity, { id: newId(), email, name: 'Administrator', roles: ['ADMIN'], passwordHash: null, active: true, createdAt: now, updatedAt: now });
      await tx.insert(UserEntity, user);
    }
    await tx.insert(ApiTokenEntity, {
      id: newId(),
      userId: user.id,
      name: BOOTSTRAP_TOKEN_NAME,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
    });
    await appendAuditEvent(tx, now, null, {
      action: 'admin.bootstrapped',
      entityType: 'user',
      entityId: email,
      after: { email, roles: user.roles, token: BOOTSTRAP_TOKEN_NAME },
    });
    return true;
  });
}
