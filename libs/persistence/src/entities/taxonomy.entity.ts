import { Entity, Column, PrimaryColumn } from 'typeorm';
import { InstantColumn } from './columns';

/** A data category of the taxonomy (dot path); officers may add keys. */
@Entity('taxonomy_categories')
export class TaxonomyCategoryEntity {
  @PrimaryColumn('varchar', { length: 120 }) key: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('varchar', { length: 120, name: 'parent_key', nullable: true }) parentKey: string | null;
  @Column('boolean') sensitive: boolean;
  @InstantColumn('created_at') createdAt: Date;
}

/** A data use (purpose) of the taxonomy. */
@Entity('taxonomy_uses')
export class TaxonomyUseEntity {
  @PrimaryColumn('varchar', { length: 120 }) key: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('text', { nullable: true }) description: string | null;
  @InstantColumn('created_at') createdAt: Date;
}
