/** The contract's `TransferMechanism` enum (GDPR chapter V), in the contract's order. */
export const TRANSFER_MECHANISMS = [
  'ADEQUACY_DECISION',
  'STANDARD_CONTRACTUAL_CLAUSES',
  'BINDING_CORPORATE_RULES',
  'CERTIFICATION',
  'CODE_OF_CONDUCT',
  'DEROGATION',
  'NOT_REQUIRED',
] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

/**
 * The appropriate safeguards of Art. 46: lawful for a restricted transfer
 * only together with an approved, current transfer impact assessment
 * (EDPB Recommendations 01/2020).
 */
export const SAFEGUARD_MECHANISMS = ['STANDARD_CONTRACTUAL_CLAUSES', 'BINDING_CORPORATE_RULES', 'CERTIFICATION', 'CODE_OF_CONDUCT'] as const;
export type SafeguardMechanism = (typeof SAFEGUARD_MECHANISMS)[number];

export function isSafeguardMechanism(mechanism: string | null | undefined): mechanism is SafeguardMechanism {
  return (SAFEGUARD_MECHANISMS as readonly string[]).includes(mechanism ?? '');
}

/** How a lawful restricted transfer is based, as the contract's `TransferAssessment.basis` spells it. */
export function safeguardBasis(mechanism: SafeguardMechanism): string {
  return `${mechanism} + TIA`;
}
