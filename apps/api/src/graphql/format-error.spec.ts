import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { BadUserInputError, NotFoundError } from '../common/errors.js';
import { formatError, INTERNAL_ERROR_MESSAGE } from './format-error.js';

const formatted = (error: GraphQLError) => error.toJSON();

describe('formatError', () => {
  it('keeps domain refusals as they are', () => {
    const error = new BadUserInputError('Check this field: name.', { name: 'must not be empty' });
    expect(formatError(formatted(error), error, false).extensions).toEqual({ code: 'BAD_USER_INPUT', fields: { name: 'must not be empty' } });
    const missing = new NotFoundError('Centre', 'x');
    expect(formatError(formatted(missing), missing, false).extensions?.code).toBe('NOT_FOUND');
  });

  it('hides an unexpected failure behind INTERNAL_SERVER_ERROR with no internals', () => {
    const cause = new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
    const wrapped = new GraphQLError(cause.message, { originalError: cause, extensions: { stacktrace: ['at x'] } });
    const result = formatError(formatted(wrapped), wrapped, false);
    expect(result.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('maps database refusals that slipped through to CONFLICT or BAD_USER_INPUT', () => {
    const unique = new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    const wrappedUnique = new GraphQLError('duplicate key', { originalError: unique });
    expect(formatError(formatted(wrappedUnique), wrappedUnique, false).extensions).toEqual({ code: 'CONFLICT' });
    const check = new QueryFailedError('INSERT', [], Object.assign(new Error('violates check'), { code: '23514' }));
    const wrappedCheck = new GraphQLError('violates check', { originalError: check });
    expect(formatError(formatted(wrappedCheck), wrappedCheck, false).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('turns request errors of Apollo and Nest into BAD_USER_INPUT, keeping the reason', () => {
    const parse = new GraphQLError('Syntax Error', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(formatError(formatted(parse), parse, false).extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' });
  });
});
