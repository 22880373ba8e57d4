import { Field, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, MaxLength } from 'class-validator';

@ObjectType({ description: "The organisation's home region: processors outside it receive data only under a transfer mechanism (GDPR chapter V)." })
export class HomeRegion {
  @Field({ description: 'e.g. EEA' }) name: string;
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes, sorted' }) countries: string[];
  @Field({ description: 'true until an officer sets the region: the EEA applies by default' }) isDefault: boolean;
  @Field(() => Date, { nullable: true, description: 'from when this definition applies; null for the default' }) validFrom: Date | null;
}

@InputType()
export class HomeRegionInput {
  @Field() @MaxLength(100) name: string;
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes; the token EEA stands for the EEA member countries' })
  @ArrayMaxSize(300)
  @MaxLength(10, { each: true })
  countries: string[];
}
