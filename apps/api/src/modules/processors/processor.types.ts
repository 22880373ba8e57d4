import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TRANSFER_MECHANISMS, type TransferMechanism as DomainTransferMechanism } from '@canopy/domain';
import { registerDomainEnum } from '../../common/graphql-enums';

export const TransferMechanism = registerDomainEnum(
  'TransferMechanism',
  TRANSFER_MECHANISMS,
  "How personal data may lawfully leave the organisation's home region (GDPR chapter V).",
);
export type TransferMechanism = DomainTransferMechanism;

@ObjectType({ description: "A processor's own processor, as its DPA lists them (Art. 28(2))." })
export class SubProcessor {
  @Field() name: string;
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field(() => String, { nullable: true }) purpose: string | null;
  @Field(() => TransferMechanism, { nullable: true, description: "the sub-processor's own mechanism, where its country is outside the home region" })
  transferMechanism: TransferMechanism | null;
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
