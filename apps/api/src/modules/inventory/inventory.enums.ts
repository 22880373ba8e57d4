import { registerEnumType } from 'type-graphql';

/** The contract's `DataSource` (named DataSourceKind here: TypeORM owns the name DataSource). */
export enum DataSourceKind {
  USER_PROVIDED = 'USER_PROVIDED',
  AUTOMATIC = 'AUTOMATIC',
  DEVICE_PERMISSION = 'DEVICE_PERMISSION',
  THIRD_PARTY = 'THIRD_PARTY',
}
export enum Encryption {
  NONE = 'NONE',
  IN_TRANSIT = 'IN_TRANSIT',
  AT_REST_AND_IN_TRANSIT = 'AT_REST_AND_IN_TRANSIT',
}
/** Shared by inventory items and sharing arrangements. */
export enum LegalBasis {
  CONSENT = 'CONSENT',
  CONTRACT = 'CONTRACT',
  LEGAL_OBLIGATION = 'LEGAL_OBLIGATION',
  LEGITIMATE_INTEREST = 'LEGITIMATE_INTEREST',
  VITAL_INTEREST = 'VITAL_INTEREST',
  PUBLIC_TASK = 'PUBLIC_TASK',
}

registerEnumType(DataSourceKind, { name: 'DataSource' });
registerEnumType(Encryption, { name: 'Encryption' });
registerEnumType(LegalBasis, { name: 'LegalBasis' });
