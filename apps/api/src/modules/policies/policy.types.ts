import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ChangeKind, ClauseSource, ClauseTopic, ConflictStatus, NoticeChannel, PolicyScope, PolicyVersionStatus, Resolution } from './policy.enums';

@ObjectType()
export class PolicyClause {
  @Field(() => ClauseTopic) topic: ClauseTopic;
  @Field({ description: 'see DESIGN.md, "Clauses"' }) subject: string;
  @Field({ description: "on the topic's ordered scale" }) value: string;
  @Field({ description: 'GLOBAL only: a service policy may not weaken it' }) locked: boolean;
  @Field(() => String, { nullable: true, description: 'the human-readable sentence of the policy' }) text: string | null;
}

@ObjectType()
export class ClauseChange {
  @Field(() => ClauseTopic) topic: ClauseTopic;
  @Field() subject: string;
  @Field(() => ChangeKind) kind: ChangeKind;
  @Field(() => String, { nullable: true, description: 'value in the previous published version' }) before: string | null;
  @Field(() => String, { nullable: true, description: 'value in this version' }) after: string | null;
}

@ObjectType()
export class AmendmentNotice {
  @Field(() => [NoticeChannel]) channels: NoticeChannel[];
  @Field(() => Date) noticeAt: Date;
}

@ObjectType()
export class PolicyVersion {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: '1, 2, 3 ... per policy' }) number: number;
  @Field(() => PolicyVersionStatus) status: PolicyVersionStatus;
  @Field(() => Date, { nullable: true, description: 'set when published' }) effectiveAt: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Date, { description: 'when the version was drafted: a notice sent outside Canopy before it cannot count' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'max(effectiveAt, publishedAt): when it comes into force' }) inForceFrom: Date | null;
  @Field(() => AmendmentNotice, { nullable: true }) notice: AmendmentNotice | null;
  policyId: string;
  publishedById: string | null;
  storedMaterialReduction: boolean;
  storedWeakenedSubjects: string[] | null;
}

@ObjectType()
export class Policy {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() title: string;
  @Field(() => PolicyScope) scope: PolicyScope;
  serviceId: string | null;
}

@ObjectType()
export class GovernedCategory {
  @Field() key: string;
  @Field() sensitive: boolean;
}

@ObjectType()
export class PolicyConflict {
  @Field(() => ID) id: string;
  @Field(() => ClauseTopic) topic: ClauseTopic;
  @Field() subject: string;
  @Field() globalValue: string;
  @Field() serviceValue: string;
  @Field(() => Int) globalPolicyVersion: number;
  @Field(() => Int) servicePolicyVersion: number;
  @Field(() => ConflictStatus) status: ConflictStatus;
  @Field(() => Resolution, { nullable: true }) resolution: Resolution | null;
  @Field(() => String, { nullable: true }) rationale: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
  @Field(() => Date) createdAt: Date;
  /** When each side's version comes into force (read by takesEffectAt). */
  globalInForceFrom: Date | null;
  serviceInForceFrom: Date | null;
  @Field(() => [GovernedCategory], { description: 'the categories the subject governs, sensitive ones marked' })
  governedCategories: GovernedCategory[];
  @Field(() => ID, { nullable: true, description: 'the conflict whose resolution was carried forward to this one' })
  carriedFromId: string | null;
  serviceId: string;
  resolvedById: string | null;
}

@ObjectType()
export class EffectiveClause {
  @Field(() => ClauseTopic) topic: ClauseTopic;
  @Field() subject: string;
  @Field() value: string;
  @Field(() => ClauseSource) source: ClauseSource;
  @Field() policyKey: string;
  @Field(() => Int) policyVersion: number;
  @Field({ description: 'an OPEN conflict decided this clause for now' }) pendingReview: boolean;
  @Field({ description: 'one sentence: why this value applies' }) explanation: string;
  @Field({ description: 'the subject of the clause the value comes from (differs when inherited from an ancestor)' }) clauseSubject: string;
  @Field(() => String, { nullable: true }) text: string | null;
  conflictId: string | null;
}

@ObjectType()
export class EffectivePolicy {
  @Field(() => Date) at: Date;
  @Field(() => [EffectiveClause]) clauses: EffectiveClause[];
  serviceId: string;
}
