/**
 * A GraphQL enum object for a list of values from packages/domain (`['CITY', ...]` → `{ CITY: 'CITY', ... }`),
 * so each enum has one source of truth and the API spells its values as the domain does.
 */
export function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}
