import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** How personal data may lawfully leave the organisation's home region (GDPR chapter V). */
export enum TransferMechanism {
  NOT_REQUIRED = 'NOT_REQUIRED',
  ADEQUACY_DECISION = 'ADEQUACY_DECISION',
  STANDARD_CONTRACTUAL_CLAUSES = 'STANDARD_CONTRACTUAL_CLAUSES',
  BINDING_CORPORATE_RULES = 'BINDING_CORPORATE_RULES',
  CODE_OF_CONDUCT = 'CODE_OF_CONDUCT',
  CERTIFICATION = 'CERTIFICATION',
  DEROGATION = 'DEROGATION',
}
registerEnumType(TransferMechanism, { name: 'TransferMechanism' });

@ObjectType({ description: "A processor's own processor, as its DPA lists them (Art. 28(2))." })
export class SubProcessor {
  @Field() name: string;
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field(() => String, { nullable: true }) purpose: string | null;
}

@ObjectType({ description: 'An outside company personal data is shared with (a processor, GDPR Art. 28).' })
export class Processor {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field(() => String, { nullable: true }) contactEmail: string | null;
  @Field(() => Date, { nullable: true }) dpaSignedAt: Date | null;
  @Field(() => Date, { nullable: true }) dpaExpiresAt: Date | null;
  @Field(() => [String]) certifications: string[];
  @Field(() => String, { nullable: true, description: 'the DPA contract reference' }) dpaReference: string | null;
  @Field(() => TransferMechanism, { nullable: true, description: "for processors outside the organisation's home region (GDPR chapter V)" })
  transferMechanism: TransferMechanism | null;
  @Field(() => [SubProcessor]) subProcessors: SubProcessor[];
  @Field({ description: 'signed, and not expired now' }) dpaValid: boolean;
  @Field(() => Int, { description: 'optimistic-concurrency counter, +1 per change' }) version: number;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date) updatedAt: Date;
}
