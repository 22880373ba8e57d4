/** A data category as the contract's `DataCategory` type describes it. */
export interface DataCategoryDefinition {
  key: string;
  name: string;
  description?: string | null;
  /** Derived from the key when omitted; when given it must equal the key's prefix. */
  parentKey?: string | null;
  /** The category's own flag (`DataCategory.sensitive`). */
  sensitive: boolean;
}

/** A data use as the contract's `DataUse` type describes it. */
export interface DataUseDefinition {
  key: string;
  name: string;
  description?: string | null;
}

export type TaxonomyKind = 'category' | 'use';

export type TaxonomyErrorCode =
  | 'INVALID_KEY'
  | 'DUPLICATE_KEY'
  | 'PARENT_NOT_FOUND'
  | 'PARENT_MISMATCH'
  | 'SENSITIVE_PARENT'
  | 'NAME_REQUIRED';

/** One problem with a taxonomy entry; `field` names the offending input field. */
export interface TaxonomyError {
  code: TaxonomyErrorCode;
  kind: TaxonomyKind;
  field: 'key' | 'parentKey' | 'sensitive' | 'name';
  key: string;
  message: string;
}
