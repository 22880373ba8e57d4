/**
 * A GraphQL object of class `type` whose `fields` take the row's values of the
 * same name, with `extra` for what is renamed, narrowed to an enum or computed.
 */
export function fromRow<T extends object, R, K extends keyof R & keyof T>(type: new () => T, row: R, fields: readonly K[], extra: Partial<T> = {}): T {
  const object = new type();
  for (const field of fields) (object as Record<K, unknown>)[field] = row[field];
  return Object.assign(object, extra);
}
