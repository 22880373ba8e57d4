import { Entity, Column, PrimaryColumn } from 'typeorm';

/** Organisation-wide settings and generated secrets, one row per key. */
@Entity('settings')
export class SettingEntity {
  @PrimaryColumn('varchar', { length: 100 }) key: string;
  @Column('text') value: string;
}
