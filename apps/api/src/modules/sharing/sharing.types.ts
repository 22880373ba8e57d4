import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SHARING_STATUSES, type SharingStatus as DomainSharingStatus } from '@canopy/domain';
import { LegalBasis, registerDomainEnum } from '../../common/graphql-enums';

export const SharingStatus = registerDomainEnum('SharingStatus', SHARING_STATUSES, "Where an arrangement stands in the review (DESIGN.md section 5).");
export type SharingStatus = DomainSharingStatus;

@ObjectType()
export class SharingCheck {
  @Field({ description: 'DPA_VALID, CATEGORIES_IN_INVENTORY, POLICY_PERMITS_SHARING, SEPARATION_OF_DUTIES, SECOND_APPROVAL, TRANSFER_LAWFUL, DPIA_APPROVED' }) name: string;
  @Field() passed: boolean;
  @Field() message: string;
  @Field({
    description: 'false for SECOND_APPROVAL, which is informative and never blocks an approval, and for TRANSFER_LAWFUL and DPIA_APPROVED before enforcement (assessmentEnforcement)',
  })
  blocking: boolean;
}

@ObjectType()
export class SharingApproval {
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => Date) at: Date;
  approverId: string;
}

@ObjectType({ description: 'Sharing some of a service\'s data with a processor, reviewed by privacy officers.' })
export class SharingArrangement {
  @Field(() => ID) id: string;
  @Field(() => [String]) dataCategories: string[];
  @Field(() => [String]) purposes: string[];
  @Field(() => LegalBasis) legalBasis: LegalBasis;
  @Field(() => SharingStatus) status: SharingStatus;
  @Field(() => Int, { description: '2 when any category is sensitive, else 1; fixed at submit' }) requiredApprovals: number;
  @Field(() => String, { nullable: true }) decisionReason: string | null;
  @Field(() => Int, { description: '+1 per change, each approval included' }) version: number;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'when it was approved, rejected, revoked or withdrawn' }) decidedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'set when read as of an instant: the state shown is the one in force then' })
  asOf: Date | null;
  serviceId: string;
  processorId: string;
  requestedById: string;
  decidedById: string | null;
}
