import { Field, Int, ObjectType } from 'type-graphql';
import { Finding } from '../findings';
import { ClauseSource, ClauseTopic, PolicyConflict } from '../policies';
import { Service } from '../services';

@ObjectType({ description: 'How one effective clause of a service would change.' })
export class EffectiveChange {
  @Field(() => ClauseTopic) topic: ClauseTopic;
  @Field() subject: string;
  @Field(() => String, { nullable: true }) before: string | null;
  @Field(() => String, { nullable: true }) after: string | null;
  @Field(() => ClauseSource, { nullable: true }) beforeSource: ClauseSource | null;
  @Field(() => ClauseSource, { nullable: true }) afterSource: ClauseSource | null;
  @Field({ description: 'the value after would be decided by an OPEN conflict for now' }) pendingReviewAfter: boolean;
}

@ObjectType({ description: 'A conflict the draft would open (or carry a resolution to) once published.' })
export class ConflictPreview {
  @Field(() => ClauseTopic) topic: ClauseTopic;
  @Field() subject: string;
  @Field() globalValue: string;
  @Field() serviceValue: string;
  @Field({ description: 'an earlier resolution of the same values would carry forward: it would not need review' }) carriedForward: boolean;
  serviceId: string;
}

@ObjectType({ description: 'A service clause that a newly locked global clause would override: the locked value applies and no conflict opens.' })
export class LockedOverride {
  @Field(() => ClauseTopic) topic: ClauseTopic;
  @Field() subject: string;
  @Field() serviceValue: string;
  @Field() globalValue: string;
  serviceId: string;
}

@ObjectType()
export class ServiceImpact {
  @Field(() => Service) service: Service;
  @Field(() => [EffectiveChange]) changes: EffectiveChange[];
  @Field(() => [ConflictPreview]) conflictsOpening: ConflictPreview[];
  @Field(() => [Finding], { description: 'compliance findings the service would have that it has not now' }) findingsAppearing: Finding[];
  @Field(() => [Finding], { description: 'findings it has now that would go away' }) findingsDisappearing: Finding[];
  serviceId: string;
}

@ObjectType({ description: 'What publishing a DRAFT would do, computed without writing anything.' })
export class PolicyImpact {
  @Field(() => Int, { description: 'services whose effective policy would change' }) servicesAffected: number;
  @Field(() => [ServiceImpact], { description: 'at most 500, most changes first' }) services: ServiceImpact[];
  @Field(() => [ConflictPreview]) conflictsOpening: ConflictPreview[];
  @Field(() => [PolicyConflict], { description: 'conflicts of the pairs this draft would replace' }) conflictsSuperseded: PolicyConflict[];
  @Field(() => [LockedOverride]) lockedOverrides: LockedOverride[];
  @Field(() => Int, { description: 'findings that would appear, over every affected service' }) findingsAppearing: number;
  @Field(() => Int, { description: 'findings that would disappear, over every affected service' }) findingsDisappearing: number;
  @Field({ description: 'publishing needs a notice (material reduction)' }) noticeRequired: boolean;
  @Field(() => Int) noticeDays: number;
  @Field(() => Date, { nullable: true, description: 'with notice given now, the earliest effectiveAt allowed' }) earliestEffectiveAt: Date | null;
  @Field(() => String, { nullable: true }) noticeExplanation: string | null;
}
