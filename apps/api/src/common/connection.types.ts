import { Field, ObjectType } from 'type-graphql';

/** The page position of a cursor-paginated connection (services, audit events). */
@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}
