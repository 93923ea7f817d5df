import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { isBulkExport } from '../../exports/caller-graphql.js';
import type { RequestContext } from '../request-context.js';
import { preWrittenAnswer } from '../response-cache.js';
import { compileOperation, Compiler, type FieldTable, fragmentsOf } from './compiler.js';
import { CompiledStatements } from './prepared-statements.js';

/** A compiled statement, ready to send; null: the document does not compile and the resolvers answer. */
type Compiled = { sql: string; parameters: unknown[] } | null;

/**
 * The compilations kept: at most 1,000, of at most 16 MB in all (the SQL of a wide document runs to
 * hundreds of kB), each under a key of at most 8,192 characters. A key is the document, its
 * variables, the language and the caller: everything a compilation reads (network-reads.ts asks the
 * caller's abilities, defined by id, role and centre, and whether the caller is an analyst).
 */
const KEPT_COMPILATIONS = 1000;
const KEPT_COMPILATIONS_BYTES = 16 * 1024 * 1024;
const MAX_KEY_LENGTH = 8192;

/**
 * Answers a read query that compiles whole (compiler.ts) with one SQL statement that writes the
 * answer's JSON in PostgreSQL; the text goes out as it came, never parsed into objects. The nested
 * network read (centres → clubs → type → reports) is otherwise a resolver, a pipe and a guard per
 * field and a TypeORM entity per row, and on the 2-core bench that per-field work, not PostgreSQL,
 * was what a request cost (PostGraphile, which compiles every request, answered ~6× as many).
 *
 * It runs after the checks every query passes (depth, aliases, cost: validation and
 * didResolveOperation) and after the kept answers (a kept answer is cheaper still). It steps aside,
 * and graphql-js runs the query as always, whenever anything is not plainly a compilable read by
 * someone allowed to read it: not signed in, over the request rate, a subscription or an export,
 * a field or argument it does not know, arguments the resolvers' pipe would refuse.
 */
export function compiledReadsPlugin(options: { enabled: boolean; fields: FieldTable; dataSource: DataSource; logger: Logger }): ApolloServerPlugin<RequestContext> {
  const statements = options.enabled ? CompiledStatements.beside(options.dataSource, options.logger) : null;
  const compilations = new LRUCache<string, { statement: Compiled }>({
    max: KEPT_COMPILATIONS,
    maxSize: KEPT_COMPILATIONS_BYTES,
    // Two bytes a character, the key and the SQL (parameters are the variables' values, in the key).
    sizeCalculation: ({ statement }, key) => 2 * (key.length + (statement?.sql.length ?? 0)) + 256,
  });

  /** The operation as one SQL statement with its parameters, or null when it does not compile whole. */
  async function compile(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: ReturnType<typeof fragmentsOf>, given: Record<string, unknown>, context: ConstructorParameters<typeof Compiler>[4]): Promise<Compiled> {
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], given);
    if (variables.errors) return null;
    const compiler = new Compiler(schema, options.fields, fragments, variables.coerced, context);
    let data: string | null;
    try {
      data = await compileOperation(compiler, operation);
    } catch {
      // A field that found late it cannot compile, or arguments its pipe refused: the resolvers answer.
      return null;
    }
    if (data === null) return null;
    const [sql, parameters] = options.dataSource.driver.escapeQueryWithParameters(`SELECT ${data} AS data`, compiler.parameters);
    return { sql, parameters };
  }
  return {
    async serverWillStart() {
      return { serverWillStop: async () => statements?.end() };
    },
    async requestDidStart() {
      if (statements === null) return {};
      return {
        async responseForOperation({ operation, document, schema, request, contextValue }) {
          const { actor, rateLimited, res } = contextValue;
          // No operation to run (several in the document and none named): graphql-js says so, with its 400.
          if (operation === undefined || operation.operation !== 'query' || actor === null || rateLimited !== null || res === undefined || isBulkExport(contextValue)) return null;
          // Compiling (the arguments through the resolvers' pipe, the page through TypeORM's query
          // builder, the SQL text) cost about 0.4 ms of CPU a request in the profiles: a document
          // asked again with the same variables by the same caller in the same language compiles
          // to the same statement.
          const { user } = actor;
          const key = JSON.stringify([request.query ?? null, request.operationName ?? null, request.variables ?? {}, contextValue.language, user.id, user.role, user.centreId]);
          const keepable = request.query !== undefined && key.length <= MAX_KEY_LENGTH;
          let kept = keepable ? compilations.get(key) : undefined;
          if (kept === undefined) {
            kept = { statement: await compile(schema, operation, fragmentsOf(document), request.variables ?? {}, { ...contextValue, actor }) };
            if (keepable) compilations.set(key, kept);
          }
          const { statement } = kept;
          if (statement === null) return null;
          let rows: { data: string }[];
          try {
            rows = await statements.query<{ data: string }>(statement.sql, statement.parameters);
          } catch (error) {
            // The resolvers then meet the same database and say what is wrong in their own words.
            options.logger.warn({ err: error, operation: request.operationName }, 'compiled read failed; answering with the resolvers');
            return null;
          }
          return {
            body: { kind: 'single', singleResult: { data: preWrittenAnswer(`{"data":${rows[0]!.data}}`) } },
            http: { status: undefined, headers: new HeaderMap() },
          };
        },
      };
    },
  };
}
