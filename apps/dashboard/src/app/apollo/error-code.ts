import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { ERROR_CODES, type ErrorCode } from '@mrc/domain';

/** What went wrong, in the terms the UI explains: the API's stable codes, or "could not reach it". */
export type FailureCode = ErrorCode | 'NETWORK';

/** Codes for which asking again gives the same answer: the UI offers no Retry for them. */
const FINAL_CODES: ReadonlySet<FailureCode> = new Set(['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']);

export function isRetryable(code: FailureCode): boolean {
  return !FINAL_CODES.has(code);
}

/**
 * Reads `extensions.code` from whatever Apollo Client reports. Never looks at message text: messages
 * are for people and change with the language.
 */
export function failureCode(error: unknown): FailureCode {
  if (CombinedGraphQLErrors.is(error)) {
    return firstKnownCode(error.errors) ?? 'INTERNAL_SERVER_ERROR';
  }
  if (ServerError.is(error) || ServerParseError.is(error)) {
    // A non-200 answer may still carry a GraphQL body (Apollo Server sends 400 for bad input).
    return firstKnownCode(errorsInBody(error.bodyText)) ?? codeForStatus(error.statusCode);
  }
  // fetch() itself failed: offline, DNS, the server is down.
  return 'NETWORK';
}

function codeForStatus(status: number): FailureCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 429) return 'RATE_LIMITED';
  // Proxies answer these when the API behind them is down or restarting.
  if (status === 502 || status === 503 || status === 504) return 'NETWORK';
  return 'INTERNAL_SERVER_ERROR';
}

function firstKnownCode(errors: ReadonlyArray<{ extensions?: Record<string, unknown> | undefined }>): ErrorCode | undefined {
  for (const error of errors) {
    const code = error.extensions?.['code'];
    if (isErrorCode(code)) return code;
  }
  return undefined;
}

function errorsInBody(bodyText: string): ReadonlyArray<{ extensions?: Record<string, unknown> }> {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body === 'object' && body !== null && 'errors' in body && Array.isArray(body.errors)) {
      return body.errors.filter(
        (entry: unknown): entry is { extensions?: Record<string, unknown> } => typeof entry === 'object' && entry !== null,
      );
    }
  } catch {
    // Not JSON (an HTML error page from a proxy): fall back to the status code.
  }
  return [];
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
