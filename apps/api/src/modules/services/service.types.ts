import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LIFECYCLES, type Lifecycle as DomainLifecycle } from '@canopy/domain';
import { PageInfo } from '../../common/connection.types';
import { registerDomainEnum } from '../../common/graphql-enums';

export const Lifecycle = registerDomainEnum('Lifecycle', LIFECYCLES, "A service's stage.");
export type Lifecycle = DomainLifecycle;

@ObjectType()
export class Service {
  @Field(() => ID) id: string;
  @Field({ description: 'slug, unique: ^[a-z][a-z0-9-]{1,62}$' }) key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Lifecycle) lifecycle: Lifecycle;
  @Field() servesMinors: boolean;
  @Field(() => Int, { description: 'optimistic-concurrency counter, +1 per change' }) version: number;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date) updatedAt: Date;
  @Field({ description: 'served on the public policy pages' }) public: boolean;
  @Field(() => [String], { description: 'where notice e-mails for this service go' }) noticeRecipients: string[];
  teamId: string;
  /** served by the inventory feature's `inventoryVersion` field */
  inventoryVersion: number;
}

@ObjectType()
export class ServiceEdge {
  @Field() cursor: string;
  @Field(() => Service) node: Service;
}

@ObjectType()
export class ServiceConnection {
  @Field(() => [ServiceEdge]) edges: ServiceEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}
