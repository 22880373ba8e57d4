import { Entity, Column } from 'typeorm';
import { ByteColumn, BytePrimaryColumn, InstantColumn } from './columns';

/** A data category of the taxonomy (dot path); officers may add keys. */
@Entity('taxonomy_categories')
export class TaxonomyCategoryEntity {
  @BytePrimaryColumn(120) key: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('text', { nullable: true }) description: string | null;
  @ByteColumn(120, { name: 'parent_key', nullable: true }) parentKey: string | null;
  @Column('boolean') sensitive: boolean;
  @InstantColumn('created_at') createdAt: Date;
}

/** A data use (purpose) of the taxonomy. */
@Entity('taxonomy_uses')
export class TaxonomyUseEntity {
  @BytePrimaryColumn(120) key: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('text', { nullable: true }) description: string | null;
  @InstantColumn('created_at') createdAt: Date;
}
