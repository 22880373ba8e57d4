import type { SharingApprovalEntity, SharingArrangementEntity, SharingArrangementRevisionEntity } from '@canopy/persistence';
import { fromRow } from '../../common/from-row';
import { LegalBasis } from '../../common/graphql-enums';
import { SharingApproval, SharingArrangement, SharingStatus } from './sharing.types';

/** What an arrangement and each of its revisions hold under the same names. */
const ARRANGEMENT_FIELDS = ['serviceId', 'processorId', 'dataCategories', 'purposes', 'requiredApprovals', 'decisionReason', 'version', 'submittedAt', 'decidedAt'] as const;

export const toSharingArrangement = (row: SharingArrangementEntity): SharingArrangement =>
  fromRow(SharingArrangement, row, ARRANGEMENT_FIELDS, {
    id: row.id,
    requestedById: row.requestedBy,
    legalBasis: row.legalBasis as LegalBasis,
    status: row.status as SharingStatus,
    decidedById: row.decidedBy,
    createdAt: row.createdAt,
    asOf: null,
  });

/** The arrangement as it stood at `at`, from the revision valid then. */
export const revisionToSharingArrangement = (
  revision: SharingArrangementRevisionEntity,
  origin: Pick<SharingArrangementEntity, 'requestedBy' | 'createdAt'>,
  at: Date,
): SharingArrangement =>
  fromRow(SharingArrangement, revision, ARRANGEMENT_FIELDS, {
    id: revision.arrangementId,
    requestedById: origin.requestedBy,
    legalBasis: revision.legalBasis as LegalBasis,
    status: revision.status as SharingStatus,
    decidedById: revision.decidedBy,
    createdAt: origin.createdAt,
    asOf: at,
  });

export const toSharingApproval = (row: SharingApprovalEntity): SharingApproval => fromRow(SharingApproval, row, ['approverId', 'comment', 'at']);
