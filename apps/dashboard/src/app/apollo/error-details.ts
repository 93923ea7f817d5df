import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

type ErrorExtensions = Record<string, unknown> | undefined;

/** The `extensions` of every GraphQL error in what Apollo Client reports, wherever they travelled. */
function extensionsOf(error: unknown): ErrorExtensions[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((entry) => entry.extensions);
  if (ServerError.is(error)) {
    try {
      const body: unknown = JSON.parse(error.bodyText);
      if (typeof body === 'object' && body !== null && 'errors' in body && Array.isArray(body.errors)) {
        return body.errors.map((entry: unknown) =>
          typeof entry === 'object' && entry !== null && 'extensions' in entry && typeof entry.extensions === 'object'
            ? (entry.extensions as ErrorExtensions)
            : undefined,
        );
      }
    } catch {
      // Not JSON: a proxy's error page carries no details.
    }
  }
  return [];
}

/**
 * What the server said about each input field of a BAD_USER_INPUT (`extensions.fields`), keyed by the
 * field's name in the input (`email`, `password`, `centreId`). Paths of the argument itself
 * (`input.email`) are shortened to the field name, so a form can look its fields up directly.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const extensions of extensionsOf(error)) {
    const given = extensions?.['fields'];
    if (typeof given !== 'object' || given === null) continue;
    for (const [path, message] of Object.entries(given)) {
      if (typeof message !== 'string' || message.trim() === '') continue;
      fields[path.replace(/^input\./, '')] = asSentence(message);
    }
  }
  return fields;
}

/**
 * The API words field problems to follow the field's name ("is wrong", "must be at least 10
 * characters long"); shown under the field's label they read better as a sentence of their own.
 */
function asSentence(message: string): string {
  const trimmed = message.trim();
  const capitalised = trimmed.charAt(0).toLocaleUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** A field problem as a program reads it: the API's stable code and its parameters (`extensions.problems`). */
export interface FieldProblemCode {
  code: string;
  params: Record<string, string>;
}

/**
 * The codes of a BAD_USER_INPUT's field problems (`extensions.problems`), keyed like fieldErrors. A
 * form that words a problem itself (naming gates in the UI language, say) branches on these; the
 * messages of `extensions.fields` remain for the rest.
 */
export function fieldProblemCodes(error: unknown): Record<string, FieldProblemCode> {
  const found: Record<string, FieldProblemCode> = {};
  for (const extensions of extensionsOf(error)) {
    const given = extensions?.['problems'];
    if (typeof given !== 'object' || given === null) continue;
    for (const [path, problem] of Object.entries(given)) {
      if (typeof problem !== 'object' || problem === null || typeof (problem as { code?: unknown }).code !== 'string') continue;
      const { code, params } = problem as { code: string; params?: unknown };
      const strings: Record<string, string> = {};
      if (typeof params === 'object' && params !== null) {
        for (const [name, value] of Object.entries(params)) if (typeof value === 'string' || typeof value === 'number') strings[name] = String(value);
      }
      found[path.replace(/^input\./, '')] = { code, params: strings };
    }
  }
  return found;
}

/** A number the API put in the errors' `extensions` (CONFLICT's `currentVersion`), when it did. */
export function extensionNumber(error: unknown, name: string): number | undefined {
  for (const extensions of extensionsOf(error)) {
    const value = extensions?.[name];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

/** A text the API put in the errors' `extensions` (a limit's name, `extensions.limit`), when it did. */
export function extensionString(error: unknown, name: string): string | undefined {
  for (const extensions of extensionsOf(error)) {
    const value = extensions?.[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** RATE_LIMITED's `extensions.retryAfter`: how many seconds to wait, when the server said. */
export function retryAfterSeconds(error: unknown): number | undefined {
  for (const extensions of extensionsOf(error)) {
    const value = extensions?.['retryAfter'];
    const seconds = typeof value === 'string' ? Number(value) : value;
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  }
  if (ServerError.is(error)) {
    // A proxy or the HTTP layer may answer 429 with only the standard header.
    const header = Number(error.response.headers.get('retry-after'));
    if (Number.isFinite(header) && header > 0) return Math.ceil(header);
  }
  return undefined;
}
