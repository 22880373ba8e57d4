/**
 * The API's enums and key formats, restated for local validation (the CLI
 * may not import the API or its libraries; these mirror the contract in
 * apps/api/schema.graphql and DESIGN.md section 1).
 */
export const API_VERSION = 'canopy/v1';
export const KINDS = ['Service', 'Processor'] as const;
export type Kind = (typeof KINDS)[number];

export const LIFECYCLES = ['PLANNED', 'ACTIVE', 'DEPRECATED', 'RETIRED'] as const;
export const DATA_SOURCES = ['USER_PROVIDED', 'AUTOMATIC', 'DEVICE_PERMISSION', 'THIRD_PARTY'] as const;
export const LEGAL_BASES = ['CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION', 'LEGITIMATE_INTEREST', 'VITAL_INTEREST', 'PUBLIC_TASK'] as const;
export const ENCRYPTIONS = ['NONE', 'IN_TRANSIT', 'AT_REST_AND_IN_TRANSIT'] as const;
export const CLAUSE_TOPICS = ['COLLECTION', 'USE', 'SHARING', 'RETENTION', 'ENCRYPTION', 'RIGHT', 'COMMUNICATION', 'MINORS', 'AMENDMENT'] as const;
export const TRANSFER_MECHANISMS = [
  'NOT_REQUIRED',
  'ADEQUACY_DECISION',
  'STANDARD_CONTRACTUAL_CLAUSES',
  'BINDING_CORPORATE_RULES',
  'CODE_OF_CONDUCT',
  'CERTIFICATION',
  'DEROGATION',
] as const;
export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

/** Service, team, processor and policy keys. */
export const SLUG = /^[a-z][a-z0-9-]{1,62}$/;
/** Data-category and data-use keys: dot paths of lowercase segments. */
export const TAXONOMY_KEY = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
export const COUNTRY = /^[A-Za-z]{2}$/;
