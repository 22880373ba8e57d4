import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "One transfer of a sharing arrangement: to its processor's country or a sub-processor's, at an instant (GDPR chapter V)." })
export class TransferAssessment {
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field({ description: 'the country is outside the home region' }) restricted: boolean;
  @Field() lawful: boolean;
  @Field(() => String, { nullable: true, description: 'e.g. ADEQUACY_DECISION, STANDARD_CONTRACTUAL_CLAUSES + TIA, DEROGATION; null when not restricted or nothing is recorded' })
  basis: string | null;
  @Field({ description: 'why, naming the recipient' }) reason: string;
}
