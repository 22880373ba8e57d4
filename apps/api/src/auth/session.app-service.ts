import type { EntityManager } from 'typeorm';
import { SessionEntity, UserEntity } from '@canopy/persistence';
import type { Database } from '../common/database';
import { Authenticator } from './authenticator';
import { passwordMatches } from './passwords';
import { newSecret, sha256 } from './secrets';
import type { Viewer } from './viewer';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type LoginRequest = { email?: unknown; password?: unknown; token?: unknown };
export type LoginResult = { ok: true; cookie: string; viewer: Viewer; expiresAt: Date } | { ok: false; message: string };

/** The same answer for an unknown account and a wrong secret: no account enumeration. */
const REFUSED = 'The e-mail and password, or the token, are not valid.';

/** Console sign-in: a new random session id each time (rotation), stored only as its hash. */
export class SessionService {
  constructor(
    private readonly db: Database,
    private readonly authenticator: Authenticator,
  ) {}

  async login(request: LoginRequest): Promise<LoginResult> {
    const signIn = await this.check(request);
    if (!signIn) return { ok: false, message: REFUSED };
    const { viewer, tokenId } = signIn;
    const cookie = newSecret('cns');
    const now = this.db.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await this.db.write(async (tx) => {
      // A session opened with a token records it: revoking the token ends the session (endSessionsOfToken).
      await tx.insert(SessionEntity, { idHash: sha256(cookie), userId: viewer.id, tokenId, createdAt: now, expiresAt, via: viewer.via });
      // Housekeeping: expired sessions of this user go when it signs in again.
      await tx
        .createQueryBuilder()
        .delete()
        .from(SessionEntity)
        .where('user_id = :id AND expires_at <= :now', { id: viewer.id, now })
        .execute();
    });
    return { ok: true, cookie, viewer, expiresAt };
  }

  async logout(cookie: string | undefined): Promise<void> {
    if (!cookie) return;
    await this.db.write((tx) => tx.delete(SessionEntity, { idHash: sha256(cookie) }));
  }

  private async check(request: LoginRequest): Promise<{ viewer: Viewer; tokenId: string | null } | null> {
    if (typeof request.token === 'string' && request.token) {
      const credentials = await this.authenticator.fromToken(request.token);
      return credentials.kind === 'viewer' ? { viewer: credentials.viewer, tokenId: credentials.credentialId } : null;
    }
    if (typeof request.email !== 'string' || typeof request.password !== 'string') return null;
    const user = await this.db.manager.findOneBy(UserEntity, { email: request.email.trim().toLowerCase().slice(0, 254) });
    const matches = await passwordMatches(user?.passwordHash ?? null, request.password);
    if (!user || !matches || !user.active) return null;
    return { viewer: await this.authenticator.viewerOf(user, 'session'), tokenId: null };
  }
}

/**
 * Ends a user's console sessions inside the caller's transaction, all but
 * `keep` (the id hash of the session that asked: a self-service password
 * change keeps its own). Returns how many ended.
 */
export async function endSessionsOfUser(tx: EntityManager, userId: string, keep: string | null = null): Promise<number> {
  const query = tx.createQueryBuilder().delete().from(SessionEntity).where('user_id = :userId', { userId });
  if (keep) query.andWhere('id_hash <> :keep', { keep });
  return (await query.execute()).affected ?? 0;
}

/** Ends the console sessions opened by signing in with an API token. Returns how many ended. */
export async function endSessionsOfToken(tx: EntityManager, tokenId: string): Promise<number> {
  return (await tx.delete(SessionEntity, { tokenId })).affected ?? 0;
}
