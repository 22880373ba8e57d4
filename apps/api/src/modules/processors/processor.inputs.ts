import { Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, MaxLength, Min } from 'class-validator';
import { TransferMechanism } from './processor.types';

@InputType()
export class SubProcessorInput {
  @Field() @MaxLength(200) name: string;
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field(() => String, { nullable: true }) @MaxLength(500) purpose?: string | null;
  @Field(() => TransferMechanism, { nullable: true, description: "the sub-processor's own mechanism, where its country is outside the home region" })
  transferMechanism?: TransferMechanism | null;
}

@InputType()
export class RegisterProcessorInput {
  @Field() key: string;
  @Field() @MaxLength(200) name: string;
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field(() => String, { nullable: true }) @MaxLength(254) contactEmail?: string | null;
  @Field(() => Date, { nullable: true }) dpaSignedAt?: Date | null;
  @Field(() => Date, { nullable: true }) dpaExpiresAt?: Date | null;
  @Field(() => [String], { nullable: true, defaultValue: [] }) @ArrayMaxSize(20) @MaxLength(100, { each: true }) certifications?: string[] | null;
  @Field(() => String, { nullable: true }) @MaxLength(200) dpaReference?: string | null;
  @Field(() => TransferMechanism, { nullable: true }) transferMechanism?: TransferMechanism | null;
  @Field(() => [SubProcessorInput], { nullable: true }) @ArrayMaxSize(50) subProcessors?: SubProcessorInput[] | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears an optional one.' })
export class UpdateProcessorInput {
  @Field() key: string;
  @Field(() => Int, { description: 'stale value -> VERSION_CONFLICT' }) @Min(1) expectedVersion: number;
  @Field(() => String, { nullable: true }) @MaxLength(200) name?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(254) contactEmail?: string | null;
  @Field(() => Date, { nullable: true }) dpaSignedAt?: Date | null;
  @Field(() => Date, { nullable: true }) dpaExpiresAt?: Date | null;
  @Field(() => [String], { nullable: true }) @ArrayMaxSize(20) @MaxLength(100, { each: true }) certifications?: string[] | null;
  @Field(() => String, { nullable: true }) @MaxLength(200) dpaReference?: string | null;
  @Field(() => TransferMechanism, { nullable: true }) transferMechanism?: TransferMechanism | null;
  @Field(() => [SubProcessorInput], { nullable: true }) @ArrayMaxSize(50) subProcessors?: SubProcessorInput[] | null;
}
