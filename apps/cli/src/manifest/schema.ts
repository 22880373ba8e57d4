import { z } from 'zod';
import {
  CLAUSE_TOPICS,
  COUNTRY,
  DATA_SOURCES,
  ENCRYPTIONS,
  LEGAL_BASES,
  LIFECYCLES,
  SLUG,
  TAXONOMY_KEY,
  TRANSFER_MECHANISMS,
} from './vocabulary';

/**
 * One zod schema per manifest kind (Backstage-style envelope: apiVersion,
 * kind, metadata, spec). Objects are strict, so a misspelt field is an error
 * rather than silently ignored. Fields a document leaves out are left as they
 * are on the server; lists that are given (inventory, securityMeasures,
 * policy.clauses, certifications, subProcessors) are the whole list.
 */

const slug = z.string().regex(SLUG, { error: 'must be a key: lowercase letters, digits and dashes, starting with a letter, 2-63 characters' });
const taxonomyKey = z
  .string()
  .max(128, { error: 'may have at most 128 characters' })
  .regex(TAXONOMY_KEY, { error: 'must be a taxonomy key such as user.contact.email (lowercase dot path)' });
const text = (max: number) => z.string().trim().min(1, { error: 'must not be blank' }).max(max, { error: `may have at most ${max} characters` });
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });
const nonEmptyList = <T extends z.ZodType>(item: T, what: string, max: number) =>
  z.array(item).min(1, { error: `list at least one ${what}` }).max(max, { error: `may list at most ${max} ${what}s` });

/** An instant: ISO 8601 with a time zone, or a date (midnight UTC). */
const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be an ISO 8601 instant with a time zone (2026-01-31T00:00:00Z) or a date (2026-01-31)' })
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString());

export const inventoryItemSchema = z.strictObject({
  dataCategory: taxonomyKey,
  purposes: nonEmptyList(taxonomyKey, 'purpose', 50),
  source: oneOf(DATA_SOURCES),
  devicePermission: z.string().max(40, { error: 'may have at most 40 characters' }).nullish(),
  legalBasis: oneOf(LEGAL_BASES),
  /** null or left out = kept indefinitely. */
  retentionDays: z.number({ error: 'must be a whole number of days (or null: kept indefinitely)' }).int({ error: 'must be a whole number of days' }).min(0, { error: 'must be 0 or more days' }).nullish(),
  encryption: oneOf(ENCRYPTIONS),
  publiclyVisible: z.boolean().optional(),
  dataSubjects: z.array(text(100)).max(20, { error: 'may list at most 20 categories of data subjects' }).optional(),
});

export const clauseSchema = z.strictObject({
  topic: oneOf(CLAUSE_TOPICS),
  subject: text(250),
  /** Written as a string or a number (RETENTION 30): stored as a string. */
  value: z.union([z.string(), z.number()], { error: 'must be a string or a number' }).transform(String).pipe(text(40)),
  locked: z.boolean().optional(),
  text: z.string().max(4000, { error: 'may have at most 4000 characters' }).nullish(),
});

export const sharingSchema = z.strictObject({
  processor: slug,
  dataCategories: nonEmptyList(taxonomyKey, 'data category', 100),
  purposes: nonEmptyList(taxonomyKey, 'purpose', 50),
  legalBasis: oneOf(LEGAL_BASES),
});

export const serviceManifestSchema = z.strictObject({
  apiVersion: z.literal('canopy/v1'),
  kind: z.literal('Service'),
  metadata: z.strictObject({ key: slug, name: text(200), team: slug }),
  spec: z
    .strictObject({
      description: z.string().max(10_000, { error: 'may have at most 10000 characters' }).nullish(),
      lifecycle: oneOf(LIFECYCLES).optional(),
      servesMinors: z.boolean().optional(),
      inventory: z.array(inventoryItemSchema).max(500, { error: 'may list at most 500 items' }).optional(),
      securityMeasures: z.array(text(500)).max(50, { error: 'may list at most 50 measures' }).optional(),
      policy: z
        .strictObject({
          key: slug.optional(),
          title: text(200).optional(),
          clauses: z.array(clauseSchema).max(2000, { error: 'may list at most 2000 clauses' }),
        })
        .optional(),
      sharing: z.array(sharingSchema).max(100, { error: 'may list at most 100 arrangements' }).optional(),
    })
    .default({}),
});

const subProcessorSchema = z.strictObject({
  name: text(200),
  country: z.string().regex(COUNTRY, { error: 'must be an ISO 3166-1 alpha-2 country code such as DE or US' }).transform((c) => c.toUpperCase()),
  purpose: z.string().max(500).nullish(),
  /** The sub-processor's own mechanism, where its country is outside the home region. */
  transferMechanism: oneOf(TRANSFER_MECHANISMS).nullish(),
});

export const processorManifestSchema = z.strictObject({
  apiVersion: z.literal('canopy/v1'),
  kind: z.literal('Processor'),
  metadata: z.strictObject({ key: slug, name: text(200) }),
  spec: z.strictObject({
    country: z.string().regex(COUNTRY, { error: 'must be an ISO 3166-1 alpha-2 country code such as DE or US' }).transform((c) => c.toUpperCase()),
    contactEmail: z.email({ error: 'must be an e-mail address' }).nullish(),
    dpaSignedAt: instant.nullish(),
    dpaExpiresAt: instant.nullish(),
    dpaReference: z.string().max(200).nullish(),
    transferMechanism: oneOf(TRANSFER_MECHANISMS).nullish(),
    certifications: z.array(text(100)).max(20, { error: 'may list at most 20 certifications' }).optional(),
    subProcessors: z.array(subProcessorSchema).max(50, { error: 'may list at most 50 sub-processors' }).optional(),
  }),
});

export type ServiceManifest = z.output<typeof serviceManifestSchema>;
export type ProcessorManifest = z.output<typeof processorManifestSchema>;
export type InventoryItemManifest = z.output<typeof inventoryItemSchema>;
export type ClauseManifest = z.output<typeof clauseSchema>;
export type SharingManifest = z.output<typeof sharingSchema>;
