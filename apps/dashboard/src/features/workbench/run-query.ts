import type { ApolloClient } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { GraphQLError, Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/** One GraphQL error as the workbench lists it. */
export interface RunError {
  message: string;
  code: string | null;
  path: string | null;
  /** `3:5`, where the error is in the query. */
  location: string | null;
}

export type RunOutcome =
  | { kind: 'result'; data: unknown; errors: RunError[]; variables: Record<string, unknown> }
  /** The query or variables could not even be sent: said at the editor. */
  | { kind: 'invalid'; where: 'query' | 'variables'; problem: InvalidProblem; detail: string };

export type InvalidProblem = 'syntax' | 'noOperation' | 'severalOperations' | 'subscription' | 'json' | 'notObject';

/** The variables editor's text as an object; empty text is no variables. */
export function readVariables(text: string): { ok: true; variables: Record<string, unknown> } | { ok: false; problem: 'json' | 'notObject'; detail: string } {
  if (text.trim() === '') return { ok: true, variables: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'notObject', detail: '' };
    return { ok: true, variables: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, problem: 'json', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** The document, and the one operation in it to run. */
export function readDocument(text: string): { ok: true; document: DocumentNode; operation: OperationDefinitionNode } | { ok: false; problem: InvalidProblem; detail: string } {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    if (error instanceof GraphQLError) {
      const at = error.locations?.[0];
      return { ok: false, problem: 'syntax', detail: at ? `${at.line}:${at.column} ${error.message}` : error.message };
    }
    return { ok: false, problem: 'syntax', detail: String(error) };
  }
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length === 0) return { ok: false, problem: 'noOperation', detail: '' };
  if (operations.length > 1) return { ok: false, problem: 'severalOperations', detail: '' };
  const operation = operations[0]!;
  if (operation.operation === 'subscription') return { ok: false, problem: 'subscription', detail: '' };
  return { ok: true, document, operation };
}

function runErrors(errors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> | undefined; path?: ReadonlyArray<string | number> | undefined; locations?: ReadonlyArray<{ line: number; column: number }> | undefined }>): RunError[] {
  return errors.map((error) => {
    const code = error.extensions?.['code'];
    const at = error.locations?.[0];
    return {
      message: error.message,
      code: typeof code === 'string' ? code : null,
      path: error.path && error.path.length > 0 ? error.path.join('.') : null,
      location: at ? `${at.line}:${at.column}` : null,
    };
  });
}

/** What a failed request said, when it said it as GraphQL errors (a 400 with a GraphQL body). */
function errorsOf(error: unknown): RunError[] {
  if (CombinedGraphQLErrors.is(error)) return runErrors(error.errors);
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: unknown };
      if (Array.isArray(body.errors)) return runErrors(body.errors as RunError[] & Parameters<typeof runErrors>[0]);
    } catch {
      // Not a GraphQL body.
    }
    return [{ message: `HTTP ${error.statusCode}`, code: error.statusCode === 401 ? 'UNAUTHENTICATED' : error.statusCode === 403 ? 'FORBIDDEN' : 'INTERNAL_SERVER_ERROR', path: null, location: null }];
  }
  return [{ message: error instanceof Error ? error.message : String(error), code: 'NETWORK', path: null, location: null }];
}

/**
 * Runs what the editors hold through the app's Apollo client (so with the session's token, its
 * renewal and the UI language), never caching the answer: the workbench shows exactly what the API
 * said, data and errors side by side.
 */
export async function runQuery(client: ApolloClient, queryText: string, variablesText: string): Promise<RunOutcome> {
  const variables = readVariables(variablesText);
  if (!variables.ok) return { kind: 'invalid', where: 'variables', problem: variables.problem, detail: variables.detail };
  const read = readDocument(queryText);
  if (!read.ok) return { kind: 'invalid', where: 'query', problem: read.problem, detail: read.detail };

  try {
    const outcome =
      read.operation.operation === 'mutation'
        ? await client.mutate({ mutation: read.document, variables: variables.variables, errorPolicy: 'all', fetchPolicy: 'no-cache' })
        : await client.query({ query: read.document, variables: variables.variables, errorPolicy: 'all', fetchPolicy: 'no-cache' });
    return { kind: 'result', data: outcome.data ?? null, errors: outcome.error ? errorsOf(outcome.error) : [], variables: variables.variables };
  } catch (error) {
    return { kind: 'result', data: null, errors: errorsOf(error), variables: variables.variables };
  }
}
