import type { ClauseTopic, DataSource, Encryption, LegalBasis, Lifecycle, Severity, TransferMechanism } from '../gql/graphql';

/**
 * The API's enums and key formats, for local validation before anything is
 * sent (the CLI may not import the API or its libraries). The enum values
 * are needed at run time, so they are listed here; `every` checks each list
 * against the type codegen generates from apps/api/schema.graphql, so a value
 * the schema adds, drops or renames fails typecheck instead of drifting.
 */

/** The tuple, once it names every member of E and nothing else (each a compile-time check). */
const every =
  <E extends string>() =>
  <const T extends readonly [E, ...E[]]>(values: T & ([Exclude<E, T[number]>] extends [never] ? unknown : { missing: Exclude<E, T[number]> })): T =>
    values;

export const API_VERSION = 'canopy/v1';
export const KINDS = ['Service', 'Processor'] as const;
export type Kind = (typeof KINDS)[number];

export const LIFECYCLES = every<Lifecycle>()(['PLANNED', 'ACTIVE', 'DEPRECATED', 'RETIRED']);
export const DATA_SOURCES = every<DataSource>()(['USER_PROVIDED', 'AUTOMATIC', 'DEVICE_PERMISSION', 'THIRD_PARTY']);
export const LEGAL_BASES = every<LegalBasis>()(['CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION', 'LEGITIMATE_INTEREST', 'VITAL_INTEREST', 'PUBLIC_TASK']);
export const ENCRYPTIONS = every<Encryption>()(['NONE', 'IN_TRANSIT', 'AT_REST_AND_IN_TRANSIT']);
export const CLAUSE_TOPICS = every<ClauseTopic>()(['COLLECTION', 'USE', 'SHARING', 'RETENTION', 'ENCRYPTION', 'RIGHT', 'COMMUNICATION', 'MINORS', 'AMENDMENT']);
export const TRANSFER_MECHANISMS = every<TransferMechanism>()([
  'NOT_REQUIRED',
  'ADEQUACY_DECISION',
  'STANDARD_CONTRACTUAL_CLAUSES',
  'BINDING_CORPORATE_RULES',
  'CODE_OF_CONDUCT',
  'CERTIFICATION',
  'DEROGATION',
]);
export const SEVERITIES = every<Severity>()(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);

/** Service, team, processor and policy keys. */
export const SLUG = /^[a-z][a-z0-9-]{1,62}$/;
/** Data-category and data-use keys: dot paths of lowercase segments. */
export const TAXONOMY_KEY = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
export const COUNTRY = /^[A-Za-z]{2}$/;
