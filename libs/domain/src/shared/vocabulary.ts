/** The contract's `LegalBasis` enum. */
export const LEGAL_BASES = ['CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION', 'LEGITIMATE_INTEREST', 'VITAL_INTEREST', 'PUBLIC_TASK'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** The contract's `DataSource` enum. */
export const DATA_SOURCES = ['USER_PROVIDED', 'AUTOMATIC', 'DEVICE_PERMISSION', 'THIRD_PARTY'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

/** The contract's `SharingStatus` enum. */
export const SHARING_STATUSES = ['DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'REVOKED', 'WITHDRAWN'] as const;
export type SharingStatus = (typeof SHARING_STATUSES)[number];

/** The contract's `Lifecycle` enum: a service's stage. */
export const LIFECYCLES = ['PLANNED', 'ACTIVE', 'DEPRECATED', 'RETIRED'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/** The contract's `PolicyVersionStatus` enum: a DRAFT is edited, a PUBLISHED version never changes. */
export const POLICY_VERSION_STATUSES = ['DRAFT', 'PUBLISHED'] as const;
export type PolicyVersionStatus = (typeof POLICY_VERSION_STATUSES)[number];
