import { useSearchParams } from 'react-router';
import { ADEQUACY_SCOPE_DESCRIPTIONS, type AdequacyScope } from '@canopy/domain';
import type { TransferMechanism } from '../../gql/graphql';
import { COUNTRY_OPTIONS, TRANSFER_MECHANISM_LABELS } from '../../components/vocabulary';

const COUNTRY_LABELS = new Map(COUNTRY_OPTIONS.map((o) => [o.value, o.label]));

/** "US · United States", or the code as given when it is not one the domain knows. */
export const countryLabel = (code: string): string => COUNTRY_LABELS.get(code) ?? code;

/** An adequacy decision's scope in words (the domain's descriptions); null: the whole country. */
export const scopeLabel = (scope: string | null | undefined): string =>
  scope ? (ADEQUACY_SCOPE_DESCRIPTIONS[scope as AdequacyScope] ?? scope) : 'the whole country';

/** The page's "as of" instant in the URL (`?at=`, ISO 8601), so a view of the past can be shared; null: now. */
export function useAtParam(): [string | null, (iso: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const at = params.get('at');
  const setAt = (iso: string | null) => {
    const next = new URLSearchParams(params);
    if (iso) next.set('at', iso);
    else next.delete('at');
    setParams(next);
  };
  return [at, setAt];
}

/** A transfer's basis as the API says it (`STANDARD_CONTRACTUAL_CLAUSES + TIA`), each mechanism in words; null: none. */
export const basisLabel = (basis: string | null | undefined): string =>
  basis
    ? basis
        .split(' + ')
        .map((part) => TRANSFER_MECHANISM_LABELS[part as TransferMechanism] ?? part)
        .join(' + ')
    : 'none';
