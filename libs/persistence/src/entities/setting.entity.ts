import { Entity, Column } from 'typeorm';
import { BytePrimaryColumn } from './columns';

/** Organisation-wide settings and generated secrets, one row per key. */
@Entity('settings')
export class SettingEntity {
  @BytePrimaryColumn(100) key: string;
  @Column('text') value: string;
}
