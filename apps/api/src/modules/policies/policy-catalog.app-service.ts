import { In } from 'typeorm';
import { PolicyEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import type { PolicyScope } from './policy.enums';

/** Finding policies: by key, or all of them (every signed-in role reads policies). */
export class PolicyCatalog {
  constructor(private readonly db: Database) {}

  byKey(key: string): Promise<PolicyEntity | null> {
    return this.db.manager.findOneBy(PolicyEntity, { key: String(key).slice(0, 63) });
  }

  /** The global policy first, then service policies by key. */
  list(scope: PolicyScope | null): Promise<PolicyEntity[]> {
    return this.db.manager.find(PolicyEntity, { where: scope ? { scope: In([scope]) } : {}, order: { scope: 'ASC', key: 'ASC' } });
  }
}
