/** Locale-independent string order (by UTF-16 code units), for stable output. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
