import { Field, InputType, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';

@ObjectType({ description: "The controller's identity (GDPR Art. 30(1)(a)), kept by officers with history; every field null before it is first set." })
export class OrganisationProfile {
  @Field(() => String, { nullable: true }) legalName: string | null;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field(() => String, { nullable: true }) contactEmail: string | null;
  @Field(() => String, { nullable: true, description: 'the data protection officer (Art. 37)' }) dpoName: string | null;
  @Field(() => String, { nullable: true }) dpoEmail: string | null;
  @Field(() => String, { nullable: true, description: 'name and address, where the controller is outside the EU' }) euRepresentative: string | null;
  @Field(() => Date, { nullable: true, description: 'from when this profile applies; null before one was set' }) validFrom: Date | null;
}

@InputType()
export class OrganisationProfileInput {
  @Field() @MaxLength(200) legalName: string;
  @Field() @MaxLength(500) address: string;
  @Field() @MaxLength(254) contactEmail: string;
  @Field(() => String, { nullable: true }) @MaxLength(200) dpoName?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(254) dpoEmail?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(500) euRepresentative?: string | null;
}
