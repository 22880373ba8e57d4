import type { SharingApprovalEntity, SharingArrangementEntity, SharingArrangementRevisionEntity } from '@canopy/persistence';
import { fromRow } from '../../common/from-row';
import { LegalBasis } from '../../common/graphql-enums';
import { SharingApproval, SharingArrangement, SharingStatus } from './sharing.types';

/** What an arrangement and each of its revisions hold under the same names. */
const ARRANGEMENT_FIELDS = ['serviceId', 'processorId', 'dataCategories', 'purposes', 'requiredApprovals', 'decisionReason', 'version', 'submittedAt', 'decidedAt'] as const;

/** An arrangement or one of its revisions; `extra` gives what only the arrangement row holds. */
const fromArrangementRow = (row: SharingArrangementEntity | SharingArrangementRevisionEntity, extra: Partial<SharingArrangement>): SharingArrangement =>
  fromRow(SharingArrangement, row, ARRANGEMENT_FIELDS, { legalBasis: row.legalBasis as LegalBasis, status: row.status as SharingStatus, decidedById: row.decidedBy, ...extra });

export const toSharingArrangement = (row: SharingArrangementEntity): SharingArrangement =>
  fromArrangementRow(row, { id: row.id, requestedById: row.requestedBy, createdAt: row.createdAt, asOf: null });

/** The arrangement as it stood at `at`, from the revision valid then. */
export const revisionToSharingArrangement = (
  revision: SharingArrangementRevisionEntity,
  origin: Pick<SharingArrangementEntity, 'requestedBy' | 'createdAt'>,
  at: Date,
): SharingArrangement => fromArrangementRow(revision, { id: revision.arrangementId, requestedById: origin.requestedBy, createdAt: origin.createdAt, asOf: at });

export const toSharingApproval = (row: SharingApprovalEntity): SharingApproval => fromRow(SharingApproval, row, ['approverId', 'comment', 'at']);
