import { ERROR_CODES, type ErrorCode } from '@mrc/domain';
import type { GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';

/** Codes from Apollo Server and Nest that mean "your request is malformed": all become BAD_USER_INPUT. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Nest's HttpException codes (autoTransformHttpErrors) mapped onto ours. */
const HTTP_EXCEPTION_CODES: Record<string, ErrorCode> = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
};

/**
 * PostgreSQL refusals that reach this point were not turned into a friendly error by a service; the
 * database still guarded the rule, so the caller hears what kind of mistake it was, not a 500.
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
const POSTGRES_CODES: Record<string, ErrorCode> = {
  '23505': 'CONFLICT', // unique_violation
  '23P01': 'CONFLICT', // exclusion_violation
  '40001': 'CONFLICT', // serialization_failure
  '40P01': 'CONFLICT', // deadlock_detected: two changes crossed; the one refused can be sent again
  '23503': 'BAD_USER_INPUT', // foreign_key_violation
  '23514': 'BAD_USER_INPUT', // check_violation
  '23502': 'BAD_USER_INPUT', // not_null_violation
  '22P02': 'BAD_USER_INPUT', // invalid_text_representation
  '22021': 'BAD_USER_INPUT', // character_not_in_repertoire (a NUL byte in text)
  '22007': 'BAD_USER_INPUT', // invalid_datetime_format
  '22008': 'BAD_USER_INPUT', // datetime_field_overflow
  '22003': 'BAD_USER_INPUT', // numeric_value_out_of_range
};

const STABLE_CODES = new Set<string>(ERROR_CODES);

/** Codes that mean the caller's request was refused, not that the server failed. */
export function isClientErrorCode(code: unknown): boolean {
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && (STABLE_CODES.has(code) || REQUEST_ERROR_CODES.has(code) || code in HTTP_EXCEPTION_CODES);
}

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Try again; if it keeps happening, quote the request id.';

/**
 * Apollo's formatError: every error leaves with one of the stable codes and a human message.
 * Unknown failures keep their details in the log (see request-errors.plugin.ts), never in the response.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, exposeStacktrace: boolean): GraphQLFormattedError {
  const original = unwrap(error);
  const extensions = { ...formatted.extensions };
  const givenCode = typeof extensions.code === 'string' ? extensions.code : undefined;
  if (!exposeStacktrace) delete extensions.stacktrace;
  delete extensions.originalError;

  if (original instanceof QueryFailedError) {
    const pgCode = (original.driverError as { code?: string } | undefined)?.code ?? '';
    const code = POSTGRES_CODES[pgCode];
    if (code) {
      return {
        message: code === 'CONFLICT' ? 'This conflicts with data already saved.' : 'The data breaks a rule of the database.',
        path: formatted.path,
        extensions: { code, ...(exposeStacktrace ? { detail: original.message } : {}) },
      };
    }
  }
  if (givenCode && REQUEST_ERROR_CODES.has(givenCode)) {
    return { ...formatted, extensions: { ...extensions, code: 'BAD_USER_INPUT', reason: givenCode } };
  }
  const mapped = givenCode ? HTTP_EXCEPTION_CODES[givenCode] : undefined;
  if (mapped) return { ...formatted, extensions: { ...extensions, code: mapped } };
  if (givenCode && STABLE_CODES.has(givenCode) && givenCode !== 'INTERNAL_SERVER_ERROR') {
    return { ...formatted, extensions };
  }
  return {
    message: INTERNAL_ERROR_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(exposeStacktrace ? { stacktrace: extensions.stacktrace, detail: formatted.message } : {}) },
  };
}

/** The error a resolver threw, under the GraphQLError wrapper. */
export function unwrap(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object' && 'originalError' in current; depth++) {
    const next = (current as { originalError?: unknown }).originalError;
    if (!next) break;
    current = next;
  }
  return current;
}

export function isInternal(formatted: GraphQLFormattedError): boolean {
  return formatted.extensions?.code === 'INTERNAL_SERVER_ERROR';
}
