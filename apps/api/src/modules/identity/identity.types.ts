import { Field, ID, ObjectType } from 'type-graphql';
import { ROLES, type Role } from '../../auth/viewer';
import { registerDomainEnum } from '../../common/graphql-enums';

export const RoleEnum = registerDomainEnum('Role', ROLES, 'What a user may do (DESIGN.md section 6).');
export type RoleEnum = Role;

@ObjectType()
export class User {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field(() => [RoleEnum]) roles: RoleEnum[];
  @Field({ description: 'false once deactivated: no sign-in, tokens and sessions revoked' }) active: boolean;
}

@ObjectType()
export class Team {
  @Field(() => ID) id: string;
  @Field({ description: 'slug: ^[a-z][a-z0-9-]{1,62}$' }) key: string;
  @Field() name: string;
}

@ObjectType()
export class ApiTokenCreated {
  @Field({ description: 'plaintext, shown exactly once' }) token: string;
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
}

@ObjectType({ description: 'An API token as listed later: never its secret.' })
export class ApiToken {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}
