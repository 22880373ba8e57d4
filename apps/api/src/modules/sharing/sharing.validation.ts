import { derogationErrors, type ProcessorTransferFacts, type SharingCheck, type Taxonomy } from '@canopy/domain';
import { CanopyError, badInput } from '../../common/errors';
import { optionalText } from '../../common/validation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_REASON = 2000;

export function requireArrangementId(id: string, argument = 'id'): string {
  if (!UUID.test(String(id))) throw badInput(`${argument} "${String(id).slice(0, 40)}" is not a sharing arrangement id.`, { argument });
  return String(id).toLowerCase();
}

export function isArrangementId(id: string): boolean {
  return UUID.test(String(id));
}

export function requireExpectedVersion(version: number, argument = 'expectedVersion'): number {
  if (!Number.isInteger(version) || version < 1) throw badInput(`${argument} must be a version number (1 or more); got ${version}.`, { argument });
  return version;
}

/** Known, non-empty, without repeats (repeats are folded). */
export function requireCategories(keys: readonly string[], taxonomy: Taxonomy, argument = 'dataCategories'): string[] {
  const unique = [...new Set(keys.map(String))];
  if (unique.length === 0) throw badInput(`${argument}: share at least one data category.`, { argument });
  const unknown = taxonomy.unknownCategories(unique);
  if (unknown.length) throw badInput(`${argument}: unknown data category "${unknown[0].slice(0, 128)}".`, { argument, key: unknown[0].slice(0, 128) });
  return unique;
}

export function requirePurposes(keys: readonly string[], taxonomy: Taxonomy, argument = 'purposes'): string[] {
  const unique = [...new Set(keys.map(String))];
  if (unique.length === 0) throw badInput(`${argument}: name at least one purpose.`, { argument });
  const unknown = taxonomy.unknownUses(unique);
  if (unknown.length) throw badInput(`${argument}: unknown data use "${unknown[0].slice(0, 128)}".`, { argument, key: unknown[0].slice(0, 128) });
  return unique;
}

export function requireReason(comment: string | null | undefined, action: string): string {
  const reason = optionalText(comment, 'comment', MAX_REASON);
  if (!reason) throw badInput(`A reason is required to ${action} a sharing arrangement: give a non-blank comment.`, { argument: 'comment' });
  return reason;
}

export const optionalComment = (comment: string | null | undefined): string | null => optionalText(comment, 'comment', MAX_REASON);

/** CHECKS_FAILED names every blocking check that failed, in the contract's order. */
export const checksFailed = (failed: readonly SharingCheck[]) =>
  new CanopyError('CHECKS_FAILED', `The approval is refused: ${failed.map((c) => `${c.name} (${c.message})`).join('; ')}.`, {
    failedChecks: failed.map((c) => c.name),
  });

/**
 * A derogation (GDPR Art. 49) is never a basis for a sharing arrangement
 * (DESIGN.md section 9): proposing or submitting one whose processor or a
 * sub-processor outside the home region records DEROGATION is BAD_USER_INPUT.
 */
export function requireNoDerogation(processor: ProcessorTransferFacts, homeRegion: { name: string; countries: readonly string[] }, argument = 'processorKey'): void {
  const errors = derogationErrors(processor, homeRegion);
  if (errors.length) throw badInput(errors.map((e) => e.message).join(' '), { argument, recipients: errors.map((e) => `${e.recipient} (${e.country})`) });
}
