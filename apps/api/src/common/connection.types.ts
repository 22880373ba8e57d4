import { ClassType, Field, ObjectType } from 'type-graphql';

/** The page position of a cursor-paginated connection (services, audit events). */
@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** The edge type `<name>Edge` of a connection of `node`s: a node and the cursor just after it. */
export function edgeType<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }
  return Edge;
}
