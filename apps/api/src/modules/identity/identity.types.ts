import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ROLES } from '../../auth/viewer';

export enum RoleEnum {
  ADMIN = 'ADMIN',
  PRIVACY_OFFICER = 'PRIVACY_OFFICER',
  ENGINEER = 'ENGINEER',
  AUDITOR = 'AUDITOR',
}
registerEnumType(RoleEnum, { name: 'Role' });
if (ROLES.some((role) => !(role in RoleEnum))) throw new Error('RoleEnum and ROLES disagree');

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
