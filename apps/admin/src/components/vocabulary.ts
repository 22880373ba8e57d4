import { ISO_COUNTRY_CODES, LIFECYCLES } from '@canopy/domain';
import type { DataSource, Encryption, LegalBasis, Lifecycle, Role, TransferMechanism } from '../gql/graphql';

/** The API's enums in words; a Record over each enum, so a value the schema adds cannot be forgotten. */
export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  CONSENT: 'consent',
  CONTRACT: 'contract',
  LEGAL_OBLIGATION: 'legal obligation',
  LEGITIMATE_INTEREST: 'legitimate interest',
  VITAL_INTEREST: 'vital interest',
  PUBLIC_TASK: 'public task',
};

export const SOURCE_LABELS: Record<DataSource, string> = {
  USER_PROVIDED: 'provided by the user',
  AUTOMATIC: 'collected automatically',
  DEVICE_PERMISSION: 'through a device permission',
  THIRD_PARTY: 'from a third party',
};

export const ENCRYPTION_LABELS: Record<Encryption, string> = {
  AT_REST_AND_IN_TRANSIT: 'at rest and in transit',
  IN_TRANSIT: 'in transit only',
  NONE: 'none',
};

/** The lifecycle's words are its values, lower-cased. */
export const LIFECYCLE_LABELS = Object.fromEntries(LIFECYCLES.map((l) => [l, l.toLowerCase()])) as Record<Lifecycle, string>;

export const TRANSFER_MECHANISM_LABELS: Record<TransferMechanism, string> = {
  NOT_REQUIRED: 'not required (inside the home region)',
  ADEQUACY_DECISION: 'adequacy decision',
  STANDARD_CONTRACTUAL_CLAUSES: 'standard contractual clauses',
  BINDING_CORPORATE_RULES: 'binding corporate rules',
  CERTIFICATION: 'certification',
  CODE_OF_CONDUCT: 'code of conduct',
  DEROGATION: 'derogation (occasional transfers only)',
};

export const ROLE_OPTIONS: Record<Role, string> = {
  ADMIN: 'Admin',
  PRIVACY_OFFICER: 'Privacy officer',
  ENGINEER: 'Engineer',
  AUDITOR: 'Auditor',
};

/** Select options from a label map, in its order. */
export const optionsOf = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

/** "DE · Germany": the ISO 3166-1 alpha-2 codes the API accepts (the domain's list), named. */
export const COUNTRY_OPTIONS = [...ISO_COUNTRY_CODES].sort().map((code) => ({ value: code, label: `${code} · ${regionNames?.of(code) ?? code}` }));
