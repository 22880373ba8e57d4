import { Field, ID, ObjectType } from 'type-graphql';
import { edgeType, PageInfo } from '../../common/connection.types';
import { Severity } from '../../common/graphql-enums';
import { EffectiveClause } from '../policies';
import type { Service } from '../services';

export { Severity };

// simpleResolvers: its plain fields skip the middleware chain; answers list thousands of findings.
@ObjectType({ simpleResolvers: true, description: "A place where a service's data practice departs from its effective policy (DESIGN.md section 4), computed now." })
export class Finding {
  @Field({ description: 'stable id, e.g. COLLECTION_PROHIBITED, RETENTION_EXCEEDED' }) rule: string;
  @Field(() => Severity) severity: Severity;
  @Field(() => String, { nullable: true }) dataCategory: string | null;
  @Field() message: string;
  @Field(() => EffectiveClause, { nullable: true, description: 'the clause the finding is measured against' }) clause: EffectiveClause | null;
  @Field({ description: 'an officer accepted it and the acceptance has not expired' }) accepted: boolean;
  @Field(() => Date, { nullable: true }) acceptedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'the acceptance expires then; the finding counts again afterwards' }) acceptedUntil: Date | null;
  @Field(() => String, { nullable: true }) acceptanceRationale: string | null;
  serviceId: string;
  serviceObject: Service;
  acceptedById: string | null;
}

@ObjectType({ description: "An officer's acceptance of a service's findings of one rule and category, until it expires." })
export class FindingAcceptance {
  @Field(() => ID) id: string;
  @Field() rule: string;
  @Field(() => String, { nullable: true }) dataCategory: string | null;
  @Field() rationale: string;
  @Field(() => Date) acceptedAt: Date;
  @Field(() => Date) expiresAt: Date;
  serviceId: string;
  acceptedById: string;
}

const FindingEdge = edgeType('Finding', Finding);

/** One page of findings; `totalCount` is counted only when asked for (FindingConnectionResolver). */
@ObjectType()
export class FindingConnection {
  @Field(() => [FindingEdge]) edges: { cursor: string; node: Finding }[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  /** What totalCount counts: the filter and instant of the page. */
  counting: () => Promise<number>;
}
