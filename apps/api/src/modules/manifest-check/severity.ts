import { registerEnumType } from 'type-graphql';

/** The contract's Severity. */
export enum Severity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
registerEnumType(Severity, { name: 'Severity' });
