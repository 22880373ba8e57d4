import { EntityManager } from 'typeorm';
import { Taxonomy } from '@canopy/domain';
import { TaxonomyCategoryEntity, TaxonomyUseEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput } from '../../common/errors';
import { insertAudited } from '../audit';
import type { AddDataCategoryInput, AddDataUseInput } from './taxonomy.types';

/** The taxonomy as stored (two statements); officers may add keys. */
export async function loadTaxonomy(manager: EntityManager): Promise<Taxonomy> {
  const [categories, uses] = await Promise.all([manager.find(TaxonomyCategoryEntity), manager.find(TaxonomyUseEntity)]);
  return new Taxonomy(categories, uses);
}

export class TaxonomyService {
  constructor(private readonly db: Database) {}

  load(): Promise<Taxonomy> {
    return loadTaxonomy(this.db.manager);
  }

  async addCategory(actor: Viewer, input: AddDataCategoryInput): Promise<TaxonomyCategoryEntity> {
    return this.db.write(async (tx, now) => {
      const taxonomy = await loadTaxonomy(tx);
      const definition = { key: input.key, name: input.name.trim(), description: input.description ?? null, sensitive: input.sensitive ?? false };
      const errors = taxonomy.validateNewCategory(definition);
      if (errors.length) throw badInput(errors.map((e) => e.message).join(' '), { argument: 'input', problems: errors.map((e) => `${e.field}: ${e.message}`) });
      const row = await insertAudited(tx, now, actor, TaxonomyCategoryEntity, {
        ...definition,
        parentKey: definition.key.includes('.') ? definition.key.slice(0, definition.key.lastIndexOf('.')) : null,
        createdAt: now,
      }, (row) => ({ action: 'taxonomy.category_added', entityType: 'taxonomy', entityId: row.key, after: definition }));
      return row;
    });
  }

  async addUse(actor: Viewer, input: AddDataUseInput): Promise<TaxonomyUseEntity> {
    return this.db.write(async (tx, now) => {
      const taxonomy = await loadTaxonomy(tx);
      const definition = { key: input.key, name: input.name.trim(), description: input.description ?? null };
      const errors = taxonomy.validateNewUse(definition);
      if (errors.length) throw badInput(errors.map((e) => e.message).join(' '), { argument: 'input', problems: errors.map((e) => `${e.field}: ${e.message}`) });
      const row = await insertAudited(tx, now, actor, TaxonomyUseEntity, { ...definition, createdAt: now }, (row) => ({ action: 'taxonomy.use_added', entityType: 'taxonomy', entityId: row.key, after: definition }));
      return row;
    });
  }
}
