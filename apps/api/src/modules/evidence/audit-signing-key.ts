import { SettingEntity } from '@canopy/persistence';
import { exportPrivateKeyPem, exportPublicKeyPem, generateSigningKey, loadSigningKey, SigningKey } from '@canopy/evidence';
import type { Database } from '../../common/database';

const SIGNING_KEY_SETTING = 'evidence.signingKey';

/**
 * The key that signs tree heads: CANOPY_SIGNING_KEY_FILE's, or else one
 * generated once and kept in the settings table. Processes starting at once
 * each offer a fresh key with an insert that ignores an existing row, then all
 * read the row: the first insert wins and every process signs with its key.
 */
export class AuditSigningKey {
  private loaded: Promise<SigningKey> | null;

  constructor(
    private readonly db: Database,
    configured: SigningKey | null,
  ) {
    this.loaded = configured ? Promise.resolve(configured) : null;
  }

  key(): Promise<SigningKey> {
    this.loaded ??= this.loadOrCreate().catch((error) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  async publicKeyPem(): Promise<string> {
    return exportPublicKeyPem(await this.key());
  }

  private async loadOrCreate(): Promise<SigningKey> {
    const offered = exportPrivateKeyPem(generateSigningKey());
    const pem = await this.db.write(async (tx) => {
      await tx.createQueryBuilder().insert().into(SettingEntity).values({ key: SIGNING_KEY_SETTING, value: offered }).orIgnore().execute();
      return (await tx.findOneByOrFail(SettingEntity, { key: SIGNING_KEY_SETTING })).value;
    });
    return loadSigningKey(pem);
  }
}
