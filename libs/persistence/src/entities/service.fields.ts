import { Column } from 'typeorm';
import { RefColumn } from './columns';

/** What a service's history keeps of it (service_revisions): its name, description, team, lifecycle and whether it serves minors. */
export abstract class ServiceFields {
  @Column('varchar', { length: 200 }) name: string;
  @Column('text', { nullable: true }) description: string | null;
  @RefColumn('team_id') teamId: string;
  @Column('varchar', { length: 20 }) lifecycle: string;
  @Column('boolean', { name: 'serves_minors' }) servesMinors: boolean;
}

export const SERVICE_FIELDS = ['name', 'description', 'teamId', 'lifecycle', 'servesMinors'] as const satisfies readonly (keyof ServiceFields)[];
