import { Field, ObjectType } from 'type-graphql';
import { Severity } from '../../common/graphql-enums';
import { EffectiveClause } from '../policies';

@ObjectType({ description: 'A finding the service would have if its manifest were applied.' })
export class ManifestFinding {
  @Field({ description: 'stable id, e.g. COLLECTION_PROHIBITED' }) rule: string;
  @Field(() => Severity) severity: Severity;
  @Field(() => String, { nullable: true }) dataCategory: string | null;
  @Field() message: string;
  @Field(() => EffectiveClause, { nullable: true, description: 'the clause the finding is measured against' }) clause: EffectiveClause | null;
  @Field({ description: 'an officer accepted this finding for the registered service and the acceptance has not expired' }) accepted: boolean;
  @Field(() => Date, { nullable: true }) acceptedUntil: Date | null;
}

@ObjectType({ description: 'The findings a proposed service and inventory would have under the effective policy now.' })
export class ManifestCheck {
  @Field() serviceKey: string;
  @Field({ description: 'false: the service is not registered, so only the global policy applies' }) registered: boolean;
  @Field(() => Date, { description: 'the instant of the effective policy used' }) at: Date;
  @Field(() => [ManifestFinding], { description: 'most severe first' }) findings: ManifestFinding[];
}
