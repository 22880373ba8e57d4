import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SERVICE_DPIA_STATUSES, type ServiceDpiaStatus } from '@canopy/domain';
import { LegalBasis, registerDomainEnum } from '../../common/graphql-enums';
import { HomeRegion } from '../home-region';
import { OrganisationProfile } from '../organisation';

@ObjectType({ description: 'A category of personal data processed for the purpose, as one inventory item declares it.' })
export class RopaDataCategory {
  @Field({ description: 'taxonomy key' }) key: string;
  @Field() name: string;
  @Field() sensitive: boolean;
  @Field(() => [String], { description: 'categories of data subjects (customers, minors, employees...)' }) dataSubjects: string[];
  @Field(() => LegalBasis) legalBasis: LegalBasis;
  @Field({ description: 'the inventory item\'s DataSource' }) source: string;
  @Field({ description: 'the inventory item\'s Encryption' }) encryption: string;
}

@ObjectType({ description: 'A processor the data is disclosed to under an arrangement APPROVED at the instant.' })
export class RopaRecipient {
  @Field(() => ID) arrangementId: string;
  @Field() processorKey: string;
  @Field() processorName: string;
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field({ description: 'the country is outside the home region: a transfer mechanism is needed (GDPR chapter V)' }) outsideHomeRegion: boolean;
  @Field(() => String, { nullable: true, description: "the processor's TransferMechanism, if recorded" }) transferMechanism: string | null;
  @Field(() => [String]) dataCategories: string[];
  @Field(() => LegalBasis) legalBasis: LegalBasis;
  @Field(() => Date, { nullable: true }) approvedAt: Date | null;
}

@ObjectType({ description: "One transfer of a recipient's arrangement at the record's instant: to the processor's country or a sub-processor's (GDPR chapter V)." })
export class RopaTransfer {
  @Field(() => ID) arrangementId: string;
  @Field() processorKey: string;
  @Field({ description: '"processor <key>" or "sub-processor <name>"' }) recipient: string;
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field({ description: 'outside the home region' }) restricted: boolean;
  @Field() lawful: boolean;
  @Field(() => String, { nullable: true, description: 'ADEQUACY_DECISION, `<MECHANISM> + TIA`, DEROGATION; null when not restricted or when nothing holds' }) basis: string | null;
  @Field() reason: string;
}

@ObjectType({ description: 'The envisaged time limit for erasure of one category (Art. 30(1)(f)).' })
export class RopaErasureLimit {
  @Field() dataCategory: string;
  @Field(() => Int, { nullable: true, description: 'null = kept indefinitely' }) retentionDays: number | null;
  @Field(() => String, { nullable: true, description: "the effective RETENTION clause's value (days or UNLIMITED); null when none applies" })
  policyLimit: string | null;
  @Field() description: string;
}

const DPIA_STATUS_DESCRIPTION =
  "How a service's DPIA stands at an instant: NONE (no DPIA recorded), the status of the DPIA covering it (APPROVED), else of its latest approved one (EXPIRED or STALE), else of its most recent one (DRAFT, IN_REVIEW, REJECTED).";
export const DpiaStatus = registerDomainEnum('DpiaStatus', SERVICE_DPIA_STATUSES, DPIA_STATUS_DESCRIPTION);
export type DpiaStatus = ServiceDpiaStatus;

@ObjectType({ description: "The service's data protection impact assessment (GDPR Art. 35) at the record's instant: whether one is required, and how the service's DPIA stands." })
export class RopaDpia {
  @Field({ description: 'two or more criteria of DESIGN.md section 9 (the EDPB\'s list) were met at the instant' }) required: boolean;
  @Field(() => [String], { description: 'each criterion met at the instant, as a sentence (one alone does not require a DPIA)' }) criteria: string[];
  @Field(() => DpiaStatus, { description: 'APPROVED only when an approved, unexpired, non-stale DPIA covered the service at the instant' }) status: DpiaStatus;
  @Field(() => ID, { nullable: true, description: 'the DPIA the status is of (Query.assessment(id, at)); null when NONE' }) assessmentId: string | null;
  @Field(() => Date, { nullable: true, description: 'when that DPIA was approved; null when it never was' }) approvedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'when its review is due: it expires then (at most 12 months after approval)' }) reviewDueAt: Date | null;
  @Field(() => String, { nullable: true, description: 'why EXPIRED or STALE; null otherwise' }) statusReason: string | null;
  @Field({ description: 'the requirement and the standing in words (the CSV export writes them, then the criteria met), e.g. "required (2 criteria met), its DPIA was approved on 2026-01-10, review due 2027-01-10"' })
  summary: string;
}

@ObjectType({ description: 'One processing activity: a service and one of its purposes (GDPR Art. 30(1)).' })
export class ProcessingActivity {
  @Field() serviceKey: string;
  @Field() serviceName: string;
  @Field(() => String, { nullable: true }) serviceDescription: string | null;
  @Field() teamKey: string;
  @Field({ description: 'the service\'s Lifecycle' }) lifecycle: string;
  @Field({ description: 'data-use key' }) purpose: string;
  @Field() purposeName: string;
  @Field(() => [LegalBasis]) legalBases: LegalBasis[];
  @Field(() => [String], { description: 'categories of data subjects, over every category processed for the purpose' }) dataSubjects: string[];
  @Field(() => [RopaDataCategory]) dataCategories: RopaDataCategory[];
  @Field(() => [RopaRecipient]) recipients: RopaRecipient[];
  @Field(() => [RopaTransfer], { description: "the recipients' transfers (countries and basis) at the record's instant" }) transfers: RopaTransfer[];
  @Field(() => RopaDpia, { description: "the service's DPIA status at the record's instant (the same for each of its activities); a required DPIA not APPROVED then is listed among `gaps`" })
  dpia: RopaDpia;
  @Field(() => [RopaErasureLimit]) erasureTimeLimits: RopaErasureLimit[];
  @Field(() => [String], { description: 'technical and organisational security measures of the service (Art. 30(1)(g))' }) securityMeasures: string[];
  @Field(() => [String], { description: 'what Art. 30(1) asks for and the record lacks; empty when complete' }) gaps: string[];
}

@ObjectType({ description: 'The record of processing activities (GDPR Art. 30(1)) as of an instant: published and approved state only.' })
export class RecordOfProcessing {
  @Field(() => Date, { description: 'the instant the record describes' }) at: Date;
  @Field(() => Date) generatedAt: Date;
  @Field(() => HomeRegion, { description: 'the home region in force at `at`' }) homeRegion: HomeRegion;
  @Field(() => OrganisationProfile, { description: "the controller's identity (Art. 30(1)(a)): the organisation's profile in force at `at`" }) controller: OrganisationProfile;
  @Field(() => [ProcessingActivity], { description: 'by service key, then purpose' }) activities: ProcessingActivity[];
}
