import type { SharingApprovalEntity, SharingArrangementEntity, SharingArrangementRevisionEntity } from '@canopy/persistence';
import { LegalBasis } from '../../common/graphql-enums';
import { SharingApproval, SharingArrangement, SharingStatus } from './sharing.types';

export const toSharingArrangement = (row: SharingArrangementEntity): SharingArrangement =>
  Object.assign(new SharingArrangement(), {
    id: row.id,
    serviceId: row.serviceId,
    processorId: row.processorId,
    requestedById: row.requestedBy,
    dataCategories: row.dataCategories,
    purposes: row.purposes,
    legalBasis: row.legalBasis as LegalBasis,
    status: row.status as SharingStatus,
    requiredApprovals: row.requiredApprovals,
    decisionReason: row.decisionReason,
    decidedById: row.decidedBy,
    version: row.version,
    createdAt: row.createdAt,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    asOf: null,
  });

/** The arrangement as it stood at `at`, from the revision valid then. */
export const revisionToSharingArrangement = (
  revision: SharingArrangementRevisionEntity,
  origin: Pick<SharingArrangementEntity, 'requestedBy' | 'createdAt'>,
  at: Date,
): SharingArrangement =>
  Object.assign(new SharingArrangement(), {
    id: revision.arrangementId,
    serviceId: revision.serviceId,
    processorId: revision.processorId,
    requestedById: origin.requestedBy,
    dataCategories: revision.dataCategories,
    purposes: revision.purposes,
    legalBasis: revision.legalBasis as LegalBasis,
    status: revision.status as SharingStatus,
    requiredApprovals: revision.requiredApprovals,
    decisionReason: revision.decisionReason,
    decidedById: revision.decidedBy,
    version: revision.version,
    createdAt: origin.createdAt,
    submittedAt: revision.submittedAt,
    decidedAt: revision.decidedAt,
    asOf: at,
  });

export const toSharingApproval = (row: SharingApprovalEntity): SharingApproval =>
  Object.assign(new SharingApproval(), { approverId: row.approverId, comment: row.comment, at: row.at });
