import { registerEnumType } from 'type-graphql';
import {
  CLAUSE_SOURCES,
  CLAUSE_TOPICS,
  type ClauseSource as DomainClauseSource,
  type ClauseTopic as DomainClauseTopic,
  DATA_SOURCES,
  type DataSource as DomainDataSource,
  ENCRYPTION_SCALE,
  type EncryptionLevel,
  LEGAL_BASES,
  type LegalBasis as DomainLegalBasis,
  SEVERITIES,
  type Severity as DomainSeverity,
} from '@canopy/domain';

/** A GraphQL enum's runtime object: each value names itself, as a TypeScript string enum does. */
export type DomainEnum<T extends string> = { readonly [K in T]: K };

/**
 * Registers a GraphQL enum built from one of the domain's tuples (the one
 * list of its values), and returns the enum-like object type-graphql takes
 * in `@Field(() => X)`. Declare the type of the same name beside it:
 * `export const X = registerDomainEnum('X', XS); export type X = DomainX;`.
 */
export function registerDomainEnum<const T extends readonly string[]>(name: string, values: T, description?: string): DomainEnum<T[number]> {
  const object = Object.freeze(Object.fromEntries(values.map((value) => [value, value]))) as DomainEnum<T[number]>;
  registerEnumType(object, { name, ...(description ? { description } : {}) });
  return object;
}

// The enums more than one feature uses. A feature's own enums are registered in its folder.

export const LegalBasis = registerDomainEnum('LegalBasis', LEGAL_BASES, 'GDPR Art. 6 lawful basis of processing.');
export type LegalBasis = DomainLegalBasis;

/** The contract's `DataSource` (named DataSourceKind here: TypeORM owns the name DataSource). */
export const DataSourceKind = registerDomainEnum('DataSource', DATA_SOURCES, 'Where the data comes from.');
export type DataSourceKind = DomainDataSource;

export const Encryption = registerDomainEnum('Encryption', ENCRYPTION_SCALE, 'How data is protected: a value of the ENCRYPTION scale.');
export type Encryption = EncryptionLevel;

export const Severity = registerDomainEnum('Severity', SEVERITIES, "A finding's severity, least first.");
export type Severity = DomainSeverity;

export const ClauseTopic = registerDomainEnum('ClauseTopic', CLAUSE_TOPICS, 'What a policy clause governs (DESIGN.md section 1).');
export type ClauseTopic = DomainClauseTopic;

export const ClauseSource = registerDomainEnum('ClauseSource', CLAUSE_SOURCES, 'The policy layer an effective clause comes from.');
export type ClauseSource = DomainClauseSource;
