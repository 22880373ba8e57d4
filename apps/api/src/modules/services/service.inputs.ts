import { Field, InputType, Int } from 'type-graphql';
import { MaxLength, Min } from 'class-validator';
import { Lifecycle } from './service.types';

@InputType()
export class ServiceFilter {
  @Field(() => String, { nullable: true }) teamKey?: string | null;
  @Field(() => Lifecycle, { nullable: true }) lifecycle?: Lifecycle | null;
  @Field(() => String, { nullable: true, description: 'matches key or name, case-insensitive' })
  @MaxLength(200)
  search?: string | null;
  @Field(() => Boolean, { nullable: true }) hasOpenConflicts?: boolean | null;
}

@InputType()
export class RegisterServiceInput {
  @Field() key: string;
  @Field() @MaxLength(200) name: string;
  @Field(() => String, { nullable: true }) @MaxLength(10_000) description?: string | null;
  @Field() teamKey: string;
  @Field(() => Lifecycle, { nullable: true, defaultValue: Lifecycle.ACTIVE }) lifecycle?: Lifecycle | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) servesMinors?: boolean | null;
}

@InputType()
export class UpdateServiceInput {
  @Field() key: string;
  @Field(() => Int, { description: 'stale value -> VERSION_CONFLICT' }) @Min(1) expectedVersion: number;
  @Field(() => String, { nullable: true }) @MaxLength(200) name?: string | null;
  @Field(() => String, { nullable: true, description: 'move to another team: officer, or an engineer of both teams' })
  teamKey?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(10_000) description?: string | null;
  @Field(() => Lifecycle, { nullable: true }) lifecycle?: Lifecycle | null;
  @Field(() => Boolean, { nullable: true }) servesMinors?: boolean | null;
}
