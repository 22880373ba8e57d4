import { Field, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Finding } from '../findings';
import { TransferMechanism } from '../processors';
import { SharingArrangement } from '../sharing';

@InputType({ description: 'A what-if: adequacy withdrawn for some countries and/or mechanisms invalidated, from an instant.' })
export class TransferScenarioInput {
  @Field(() => [String], { nullable: true, defaultValue: [], description: 'ISO 3166-1 alpha-2 codes' }) @ArrayMaxSize(300) @MaxLength(10, { each: true }) withdrawAdequacy?: string[] | null;
  @Field(() => [TransferMechanism], { nullable: true, defaultValue: [] }) @ArrayMaxSize(20) invalidateMechanisms?: TransferMechanism[] | null;
  @Field(() => Date, { nullable: true, description: 'default now' }) from?: Date | null;
}

@ObjectType({ description: 'A live arrangement (draft, pending or approved) whose transfer would lose its basis under the scenario.' })
export class TransferImpactItem {
  @Field(() => SharingArrangement) arrangement: SharingArrangement;
  @Field(() => [String], { description: 'countries whose transfer loses its basis, sorted' }) countries: string[];
  @Field({ description: 'every such transfer keeps another valid basis' }) hasFallback: boolean;
  @Field(() => [Finding], { description: 'TRANSFER_UNLAWFUL for an approved arrangement without a fallback' }) findingsOpening: Finding[];
}

@ObjectType({ description: 'The outcome of a transfer what-if: computed, never saved.' })
export class TransferImpact {
  @Field({ description: 'the scenario in words, with its instant' }) scenario: string;
  @Field(() => [TransferImpactItem]) affected: TransferImpactItem[];
}
