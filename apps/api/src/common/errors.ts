import type { ErrorCode } from '@mrc/domain';
import { GraphQLError } from 'graphql';

/**
 * A refusal the client can act on. Its `extensions.code` is one of the stable codes the dashboard
 * and analysts branch on; the message is for people. Anything thrown that is not an AppError (or a
 * GraphQL request error) reaches the client as INTERNAL_SERVER_ERROR with no internals.
 */
export class AppError extends GraphQLError {
  constructor(code: Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** Input the caller can fix. `fields` maps each offending input field to what is wrong with it. */
export class BadUserInputError extends AppError {
  constructor(message: string, fields: Record<string, string> = {}) {
    super('BAD_USER_INPUT', message, { fields });
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', `${entity} ${id} was not found.`, { entity, id });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', message, extensions);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this.') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in to do this.') {
    super('UNAUTHENTICATED', message);
  }
}
