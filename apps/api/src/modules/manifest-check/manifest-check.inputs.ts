import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { InventoryItemInput } from '../inventory';
import { LegalBasis } from '../../common/graphql-enums';

@InputType({ description: 'A sharing arrangement a manifest would propose.' })
export class ProposedSharingInput {
  @Field() @MaxLength(63) processorKey: string;
  @Field(() => [String]) @ArrayMaxSize(100) @MaxLength(128, { each: true }) dataCategories: string[];
  @Field(() => [String]) @ArrayMaxSize(50) @MaxLength(128, { each: true }) purposes: string[];
  @Field(() => LegalBasis) legalBasis: LegalBasis;
}

@InputType({ description: 'A service as a manifest declares it: evaluated, never saved.' })
export class ServiceManifestInput {
  @Field({ description: 'the service key; an existing service is measured with its own published policy and arrangements' })
  @MaxLength(63)
  key: string;
  @Field(() => Boolean, { nullable: true, description: "default: the registered service's value, else false" }) servesMinors?: boolean | null;
  @Field(() => [InventoryItemInput], { nullable: true, description: "the whole proposed inventory; null: the registered service's current one" })
  @ArrayMaxSize(500)
  inventory?: InventoryItemInput[] | null;
  @Field(() => [ProposedSharingInput], { nullable: true, defaultValue: [] }) @ArrayMaxSize(100) sharing?: ProposedSharingInput[] | null;
}
