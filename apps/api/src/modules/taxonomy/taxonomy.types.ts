import { Field, InputType, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';

@ObjectType()
export class DataCategory {
  @Field({ description: 'dot path, e.g. user.contact.email, device.location' }) key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) parentKey: string | null;
  @Field({ description: 'sharing it needs two privacy-officer approvals' }) sensitive: boolean;
}

@ObjectType()
export class DataUse {
  @Field({ description: 'dot path, e.g. service.provide, marketing.email' }) key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
}

@InputType()
export class AddDataCategoryInput {
  @Field() @MaxLength(120) key: string;
  @Field() @MaxLength(200) name: string;
  @Field(() => String, { nullable: true }) @MaxLength(2000) description?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) sensitive?: boolean | null;
}

@InputType()
export class AddDataUseInput {
  @Field() @MaxLength(120) key: string;
  @Field() @MaxLength(200) name: string;
  @Field(() => String, { nullable: true }) @MaxLength(2000) description?: string | null;
}
