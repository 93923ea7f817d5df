import type { Language } from '@mrc/domain';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  type GraphQLObjectType,
  type GraphQLSchema,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Actor } from '../../auth/actor.js';
import type { RequestContext } from '../request-context.js';

/**
 * Compiles a read query into one SQL statement that writes the whole answer's JSON text in
 * PostgreSQL, for the fields a table of compilable fields (network-reads.ts) knows; any other field,
 * a directive or a fragment it cannot place makes the whole query run as usual (resolvers and
 * DataLoaders). Nothing here decides what an answer is: each compilable field mirrors its resolver,
 * and the compiled-reads e2e suite asks random documents both ways and compares the answers.
 *
 * The answer is written as text, joined with `||`, not built with json_build_object and json_agg:
 * PostgreSQL 15 looks up the type of every argument of json_build_object on every row, and the
 * nested network read spent most of its time there. Written as text, PostgreSQL ran the bench's
 * network read 3.1 times as often a second (pgbench, 2 clients, national bench database: 2,590
 * against 820), its answer is 10% shorter (no spaces around colons and commas), and the API went
 * from 0.74 to 1.45-1.84 times PostGraphile's requests a second on it, every answer computed.
 */

/** What a compilable field's SQL may use: where it stands, its arguments, and the means to nest. */
export interface FieldAt {
  /** The SQL alias of the row of the object this field is on (e.g. `c3` for a centre). */
  row: string;
  /** The field's arguments, coerced by graphql-js (enums as their internal values, defaults applied). */
  args: Record<string, unknown>;
  /** The field's own selection, for an object or list of objects. */
  node: FieldNode;
  compiler: Compiler;
}

/**
 * A field's value as a SQL expression of its JSON text, never NULL (`'null'` for none; see
 * `jsonText`); null when this field cannot be compiled here.
 */
export type FieldSql = (at: FieldAt) => string | null | Promise<string | null>;

/** The compilable fields of each object type, by name. */
export type FieldTable = Record<string, Record<string, FieldSql>>;

/** GraphQL names are [_A-Za-z][_0-9A-Za-z]*: safe inside a SQL string literal and a JSON string. The check keeps it so. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A JSON string of text that has nothing to escape. */
const quoted = (sql: string) => `coalesce('"' || ${sql} || '"', 'null')`;

/**
 * The JSON text of a SQL value, as json_build_object would write it, and `null` for NULL. `value`
 * is right for any type (to_json: text escaped, dates as ISO, numbers as numbers); the others are
 * the same text, cheaper, for the types they name.
 */
export const jsonText = {
  value: (sql: string) => `coalesce(to_json(${sql})::text, 'null')`,
  /** A uuid: its text is hex digits and dashes. */
  uuid: quoted,
  /** An integer: its text is its JSON. */
  integer: (sql: string) => `coalesce((${sql})::text, 'null')`,
  /**
   * A value of a GraphQL enum: one of the enum's names (letters, digits and underscores), or the
   * resolvers would fail on it too. A text column whose CHECK constraint allows only those names.
   */
  enumValue: quoted,
  /** A list of objects' texts, in `order`: `[]` when there are none. */
  list: (objects: string, order: string) => `coalesce('[' || string_agg(${objects}, ',' ORDER BY ${order}) || ']', '[]')`,
};

export class Compiler {
  private aliases = 0;
  /** Named parameters (`:compiled_0`, …) and those of the query builders used along the way. */
  readonly parameters: Record<string, unknown> = {};

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fields: FieldTable,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    /** The request's context, with someone signed in. */
    readonly context: RequestContext & { actor: Actor },
  ) {}

  get actor(): Actor {
    return this.context.actor;
  }

  get language(): Language {
    return this.context.language;
  }

  /** A fresh SQL alias for a table, unique in the statement. */
  alias(prefix: string): string {
    this.aliases += 1;
    return `${prefix}${this.aliases}`;
  }

  /** A bound parameter for a value, as a placeholder to write in the SQL. */
  param(value: unknown): string {
    const name = `compiled_${Object.keys(this.parameters).length}`;
    this.parameters[name] = value;
    return `:${name}`;
  }

  /** Adds a query builder's parameters (its own names, e.g. `:parentId`) to the statement's. */
  adopt(parameters: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(parameters)) {
      if (name in this.parameters && this.parameters[name] !== value) throw new NotCompilable(`parameter ${name} twice`);
      this.parameters[name] = value;
    }
  }

  /**
   * The JSON text of an object of `typeName` over the row `row`, with the fields `node` selects, in
   * the order the answer lists them; null when any of them cannot be compiled.
   */
  async object(typeName: string, row: string, selectionSet: SelectionSetNode | undefined): Promise<string | null> {
    const type = this.schema.getType(typeName);
    const table = this.fields[typeName];
    const selected = this.selection(typeName, selectionSet);
    if (!selected || !isObjectType(type) || !table) return null;
    const fields: [string, string][] = [];
    for (const [key, node] of selected) {
      const name = node.name.value;
      let value: string | null;
      if (name === '__typename') {
        value = `'"${type.name}"'`;
      } else {
        const compile = table[name];
        const definition = type.getFields()[name];
        if (!compile || !definition) return null;
        const args = getArgumentValues(definition, node, this.variables);
        value = await compile({ row, args, node, compiler: this });
      }
      if (value === null) return null;
      fields.push([key, value]);
    }
    return jsonObject(fields);
  }

  /**
   * The fields selected on an object of `typeName`, by response key, in the answer's order; null
   * when this compiler leaves them to graphql-js (see `collect`).
   */
  selection(typeName: string, selectionSet: SelectionSetNode | undefined): Map<string, FieldNode> | null {
    const type = this.schema.getType(typeName);
    if (!selectionSet || !isObjectType(type)) return null;
    return this.collect(type, selectionSet);
  }

  /**
   * The fields selected on an object of `type`, by response key, fragments on that same type folded
   * in; null for what this compiler leaves to graphql-js: directives (@skip, @include), a key asked
   * twice (graphql-js merges those), a fragment on another type.
   */
  private collect(type: GraphQLObjectType, selectionSet: SelectionSetNode, into = new Map<string, FieldNode>()): Map<string, FieldNode> | null {
    for (const selection of selectionSet.selections) {
      if (selection.directives?.length) return null;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (into.has(key) || !GRAPHQL_NAME.test(key)) return null;
        into.set(key, selection);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.fragments[selection.name.value] : selection;
      if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== type.name)) return null;
      if (!this.collect(type, fragment.selectionSet, into)) return null;
    }
    return into;
  }
}

/** An object's JSON text from its fields: response keys (GraphQL names) and the SQL of their values' JSON text. */
export function jsonObject(fields: readonly (readonly [key: string, value: string])[]): string {
  const parts = fields.map(([key, value], index) => `'${index === 0 ? '' : ','}"${key}":' || (${value})`);
  return `('{' || ${parts.join(' || ')} || '}')`;
}

/** Thrown by a field's SQL when it finds, late, that it cannot compile; the query then runs as usual. */
export class NotCompilable extends Error {}

/** The fragments of a document, by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/**
 * The root query type's selection compiled as one object; null when any part is not compilable, or
 * when no field there reads a table (`{ __typename }` needs no statement at all).
 */
export async function compileOperation(compiler: Compiler, operation: OperationDefinitionNode): Promise<string | null> {
  const readsData = operation.selectionSet.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value !== '__typename');
  return readsData ? compiler.object('Query', '', operation.selectionSet) : null;
}
