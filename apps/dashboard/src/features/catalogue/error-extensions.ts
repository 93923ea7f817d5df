import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** A number the API put in a refusal's `extensions` (closeClubType's `openClubs`), when it did. */
export function extensionNumber(error: unknown, key: string): number | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  for (const entry of error.errors) {
    const value = entry.extensions?.[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}
