import type { ErrorCode } from '@mrc/domain';
import { GraphQLError } from 'graphql';
import { type FieldProblem, problemMessage } from './problems.js';

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

/**
 * Input the caller can fix. `fields` maps each offending input field to what is wrong with it: a
 * problem from common/problems.ts (said in the caller's language) or, rarely, a plain English text.
 */
export class BadUserInputError extends AppError {
  constructor(message: string, fields: FieldProblems = {}) {
    super('BAD_USER_INPUT', message, describeFields(fields));
  }
}

export type FieldProblems = Record<string, string | FieldProblem>;

/** `extensions.fields` (English until the response is localised) and `extensions.problems` (the codes). */
export function describeFields(fields: FieldProblems): { fields: Record<string, string>; problems?: Record<string, FieldProblem> } {
  const messages: Record<string, string> = {};
  const problems: Record<string, FieldProblem> = {};
  for (const [path, entry] of Object.entries(fields)) {
    if (typeof entry === 'string') {
      messages[path] = entry;
    } else {
      messages[path] = problemMessage(entry, 'en');
      problems[path] = entry.params ? { code: entry.code, params: entry.params } : { code: entry.code };
    }
  }
  return Object.keys(problems).length > 0 ? { fields: messages, problems } : { fields: messages };
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', `${entity} ${id} was not found.`, { entity, id });
  }
}

export class ConflictError extends AppError {
  /** `fields`, when given, names the input fields that collide, as BadUserInputError does. */
  constructor(message: string, { fields, ...extensions }: Record<string, unknown> & { fields?: FieldProblems } = {}) {
    super('CONFLICT', message, { ...extensions, ...(fields ? describeFields(fields) : {}) });
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
