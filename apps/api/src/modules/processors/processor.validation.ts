import { dpaOrderProblem, dpaSignatureProblem } from '@canopy/domain';
import type { SubProcessorRecord } from '@canopy/persistence';
import { badInput } from '../../common/errors';
import { optionalText, requireEmail, requireText } from '../../common/validation';
import { isCountryCode } from '@canopy/domain';
import type { SubProcessorInput } from './processor.inputs';

export function requireCountry(value: string, argument: string): string {
  const code = String(value).trim().toUpperCase();
  if (!isCountryCode(code)) {
    throw badInput(`${argument} "${String(value).slice(0, 10)}" is not an ISO 3166-1 alpha-2 country code (e.g. DE, US, JP).`, { argument });
  }
  return code;
}

export function optionalEmail(value: string | null | undefined, argument: string): string | null {
  if (value == null || value.trim() === '') return null;
  return requireEmail(value, argument);
}

export function requireCertifications(values: readonly string[] | null | undefined, argument = 'certifications'): string[] {
  const out = [...new Set((values ?? []).map((v) => String(v).trim()))];
  if (out.some((v) => v === '')) throw badInput(`${argument}: entries must not be blank.`, { argument });
  return out;
}

export function requireSubProcessors(values: readonly SubProcessorInput[] | null | undefined): SubProcessorRecord[] | null {
  if (!values || values.length === 0) return null;
  return values.map((sub, i) => ({
    name: requireText(sub.name, `subProcessors[${i}].name`),
    country: requireCountry(sub.country, `subProcessors[${i}].country`),
    purpose: optionalText(sub.purpose, `subProcessors[${i}].purpose`, 500),
    transferMechanism: sub.transferMechanism ?? null,
  }));
}

/** The domain's DPA date rules (libs/domain sharing/dpa), in the API's words. */
export function requireConsistentDpa(signedAt: Date | null, expiresAt: Date | null, now: Date): void {
  requireSignedNotInFuture(signedAt, now);
  requireDpaOrder(signedAt, expiresAt);
}

export function requireSignedNotInFuture(signedAt: Date | null, now: Date): void {
  if (dpaSignatureProblem(signedAt, now)) {
    throw badInput('dpaSignedAt must not be in the future: record the DPA once it is signed.', { argument: 'dpaSignedAt' });
  }
}

export function requireDpaOrder(signedAt: Date | null, expiresAt: Date | null): void {
  const problem = dpaOrderProblem(signedAt, expiresAt);
  if (problem?.code === 'EXPIRY_WITHOUT_SIGNATURE') throw badInput('dpaExpiresAt needs dpaSignedAt: an unsigned DPA cannot expire.', { argument: 'dpaExpiresAt' });
  if (problem) throw badInput('dpaExpiresAt must be after dpaSignedAt.', { argument: 'dpaExpiresAt' });
}
