import { z } from 'zod';
import { DATA_SOURCES, ENCRYPTIONS, LEGAL_BASES, LIFECYCLES, SLUG, TAXONOMY_KEY } from '../manifest/vocabulary';
import { FIDES_KEY } from './mapping';

/**
 * fideslang system manifests as Canopy reads and writes them: the System and
 * PrivacyDeclaration models of fideslang 3.x (models.py), with the fields of
 * older manifests that Fides' demo resources still carry (data_qualifier,
 * data_responsibility_title, third_country_transfers, ...). Every field
 * fideslang defines is accepted; Canopy reads the ones listed in
 * import-systems.ts and ignores the rest. A field fideslang does not define is
 * an error (a typo would otherwise vanish), and so is the wrong type for one
 * Canopy reads. What fideslang has no field for travels under `canopy`.
 */

const fidesKey = z.string({ error: 'must be a fideslang key (a string)' }).regex(FIDES_KEY, { error: 'must be a fideslang key (letters, digits, _ . - < >)' });
const keys = (what: string) => z.array(fidesKey, { error: `must be a list of ${what}` });
const text = z.string({ error: 'must be a string' });
const anything = z.unknown().optional();
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** fideslang's LegalBasisForProcessingEnum (GDPR Art. 6) and Canopy's legal bases, both ways. */
export const LEGAL_BASIS_FROM_FIDES = {
  Consent: 'CONSENT',
  Contract: 'CONTRACT',
  'Legal obligations': 'LEGAL_OBLIGATION',
  'Vital interests': 'VITAL_INTEREST',
  'Public interest': 'PUBLIC_TASK',
  'Legitimate interests': 'LEGITIMATE_INTEREST',
} as const satisfies Record<string, (typeof LEGAL_BASES)[number]>;
export type FidesLegalBasis = keyof typeof LEGAL_BASIS_FROM_FIDES;
const FIDES_LEGAL_BASES = Object.keys(LEGAL_BASIS_FROM_FIDES) as [FidesLegalBasis, ...FidesLegalBasis[]];

/** What a privacy declaration carries for Canopy beyond fideslang's fields. */
export const canopyDeclarationSchema = z.strictObject({
  /** The inventory item (1-based) the declaration belongs to: one item with several purposes is one declaration per purpose. */
  item: z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be 1 or more' }).optional(),
  /** The Canopy keys themselves, where data_categories, data_use or data_subjects cannot carry them (see the mapping). */
  dataCategory: z.string().regex(TAXONOMY_KEY, { error: 'must be a Canopy taxonomy key' }).optional(),
  purpose: z.string().regex(TAXONOMY_KEY, { error: 'must be a Canopy taxonomy key' }).optional(),
  dataSubjects: z.array(z.string().trim().min(1).max(100), { error: 'must be a list of data subjects' }).optional(),
  source: oneOf(DATA_SOURCES).optional(),
  devicePermission: z.string({ error: 'must be a string or null' }).max(40).nullable().optional(),
  encryption: oneOf(ENCRYPTIONS).optional(),
  /** null: kept indefinitely. */
  retentionDays: z.number({ error: 'must be a whole number of days or null' }).int({ error: 'must be a whole number of days' }).min(0, { error: 'must be 0 or more days' }).nullable().optional(),
  publiclyVisible: z.boolean({ error: 'must be true or false' }).optional(),
});

/** What a system carries for Canopy beyond fideslang's fields. */
export const canopySystemSchema = z.strictObject({
  team: z.string().regex(SLUG, { error: 'must be a team key: lowercase letters, digits and dashes' }).optional(),
  lifecycle: oneOf(LIFECYCLES).optional(),
  servesMinors: z.boolean({ error: 'must be true or false' }).optional(),
  securityMeasures: z.array(z.string().trim().min(1).max(500), { error: 'must be a list of measures' }).optional(),
});

export const privacyDeclarationSchema = z.strictObject({
  name: text.nullish(),
  data_categories: keys('data categories'),
  data_use: fidesKey,
  data_subjects: keys('data subjects').default([]),
  legal_basis_for_processing: z.enum(FIDES_LEGAL_BASES, { error: `must be one of ${FIDES_LEGAL_BASES.join(', ')}` }).nullish(),
  retention_period: text.nullish(),
  canopy: canopyDeclarationSchema.optional(),
  // fideslang fields Canopy does not read
  data_qualifier: anything,
  dataset_references: anything,
  egress: anything,
  ingress: anything,
  features: anything,
  flexible_legal_basis_for_processing: anything,
  impact_assessment_location: anything,
  processes_special_category_data: anything,
  special_category_legal_basis: anything,
  data_shared_with_third_parties: anything,
  third_parties: anything,
  shared_categories: anything,
  cookies: anything,
});

export const systemSchema = z.strictObject({
  fides_key: fidesKey,
  name: text.nullish(),
  description: text.nullish(),
  system_type: text.nullish(),
  privacy_declarations: z.array(privacyDeclarationSchema, { error: 'must be a list of privacy declarations' }),
  data_security_practices: text.nullish(),
  administrating_department: text.nullish(),
  canopy: canopySystemSchema.optional(),
  // fideslang fields Canopy does not read
  organization_fides_key: anything,
  tags: anything,
  meta: anything,
  fidesctl_meta: anything,
  egress: anything,
  ingress: anything,
  vendor_id: anything,
  previous_vendor_id: anything,
  vendor_deleted_date: anything,
  dataset_references: anything,
  processes_personal_data: anything,
  exempt_from_privacy_regulations: anything,
  reason_for_exemption: anything,
  uses_profiling: anything,
  legal_basis_for_profiling: anything,
  does_international_transfers: anything,
  legal_basis_for_transfers: anything,
  requires_data_protection_assessments: anything,
  dpa_location: anything,
  dpa_progress: anything,
  privacy_policy: anything,
  legal_name: anything,
  legal_address: anything,
  responsibility: anything,
  dpo: anything,
  joint_controller_info: anything,
  cookie_max_age_seconds: anything,
  uses_cookies: anything,
  cookie_refresh: anything,
  uses_non_cookie_access: anything,
  legitimate_interest_disclosure_url: anything,
  cookies: anything,
  registry_id: anything,
  system_dependencies: anything,
  data_responsibility_title: anything,
  third_country_transfers: anything,
  data_protection_impact_assessment: anything,
});

/** A manifest file: fideslang resources by type; Canopy reads `system` and skips the others. */
export const fidesManifestSchema = z.strictObject({
  system: z.array(systemSchema, { error: 'must be a list of systems' }).optional(),
  dataset: anything,
  policy: anything,
  organization: anything,
  registry: anything,
  data_category: anything,
  data_use: anything,
  data_subject: anything,
  data_qualifier: anything,
  evaluation: anything,
});

export const SKIPPED_RESOURCES = ['dataset', 'policy', 'organization', 'registry', 'data_category', 'data_use', 'data_subject', 'data_qualifier', 'evaluation'] as const;

export type FidesSystem = z.output<typeof systemSchema>;
export type FidesDeclaration = z.output<typeof privacyDeclarationSchema>;
export type FidesManifest = z.output<typeof fidesManifestSchema>;
