import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { failureCode, isRetryable } from './error-code';

function graphQLErrors(...codes: unknown[]): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({
    data: null,
    errors: codes.map((code) => ({ message: 'any text', extensions: { code } })),
  });
}

function serverError(status: number, body: string): ServerError {
  return new ServerError('non-200', { response: new Response(body, { status }), bodyText: body });
}

describe('failureCode', () => {
  it('reads extensions.code of GraphQL errors', () => {
    expect(failureCode(graphQLErrors('FORBIDDEN'))).toBe('FORBIDDEN');
    expect(failureCode(graphQLErrors('GRAPHQL_VALIDATION_FAILED', 'RATE_LIMITED'))).toBe('RATE_LIMITED');
  });

  it('treats an unknown or absent code as a server fault', () => {
    expect(failureCode(graphQLErrors('SOMETHING_NEW'))).toBe('INTERNAL_SERVER_ERROR');
    expect(failureCode(graphQLErrors(undefined))).toBe('INTERNAL_SERVER_ERROR');
  });

  it('reads the code from the body of a non-200 answer, else from its status', () => {
    const body = JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(failureCode(serverError(400, body))).toBe('BAD_USER_INPUT');
    expect(failureCode(serverError(429, 'Too Many Requests'))).toBe('RATE_LIMITED');
    expect(failureCode(serverError(401, ''))).toBe('UNAUTHENTICATED');
    expect(failureCode(serverError(500, '<html>'))).toBe('INTERNAL_SERVER_ERROR');
    expect(failureCode(serverError(502, '<html>Bad Gateway</html>'))).toBe('NETWORK');
  });

  it('calls an unparsable 200 a server fault and a failed fetch a network problem', () => {
    const parse = new ServerParseError(new Error('Unexpected token <'), {
      response: new Response('<html>', { status: 200 }),
      bodyText: '<html>',
    });
    expect(failureCode(parse)).toBe('INTERNAL_SERVER_ERROR');
    expect(failureCode(new TypeError('Failed to fetch'))).toBe('NETWORK');
  });
});

describe('isRetryable', () => {
  it('offers a retry only where asking again can help', () => {
    expect(isRetryable('NETWORK')).toBe(true);
    expect(isRetryable('INTERNAL_SERVER_ERROR')).toBe(true);
    expect(isRetryable('RATE_LIMITED')).toBe(true);
    expect(isRetryable('FORBIDDEN')).toBe(false);
    expect(isRetryable('NOT_FOUND')).toBe(false);
  });
});
