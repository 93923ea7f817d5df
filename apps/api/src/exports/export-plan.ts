import {
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  getOperationAST,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  parse,
  type SelectionSetNode,
  specifiedRules,
  validate,
  type VariableDefinitionNode,
  visit,
} from 'graphql';
import { BadUserInputError } from '../common/errors.js';
import type { CellType, TabularColumn } from './tabular-source.js';

/**
 * Reads an export's GraphQL document once: checks it against the schema, finds its one root field
 * and, for a Relay connection, plans the columns and rewrites the document so the server can walk
 * the list page by page (`first: 100`, `after: <endCursor>`). Every page then reuses the same
 * rewritten text, which the GraphQL server parses and validates only once (its document cache).
 */

/** Rows per page: the API's page size cap. */
export const EXPORT_PAGE_SIZE = 100;

/** The longest document read, as on /graphql. */
const MAX_TOKENS = 5000;

/** Names the rewrite adds; a document that already uses them is refused rather than silently changed. */
const FIRST_VARIABLE = 'mrcExportFirst';
const AFTER_VARIABLE = 'mrcExportAfter';
const PAGE_INFO_ALIAS = 'mrcExportPageInfo';

/** Joins the values of a list in one cell. */
export const LIST_SEPARATOR = '; ';

/** The caller's document, checked, with its one root field. */
export interface ExportDocument {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  rootField: FieldNode;
  rootFieldDefinition: GraphQLField<unknown, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
}

/** A column and where its values are in a node. */
export interface PlannedColumn extends TabularColumn {
  /** Response keys (aliases or names) from the node down to the leaf. */
  path: string[];
  /** True when a list lies on the way: the values are joined into one text cell. */
  joined: boolean;
}

export interface ConnectionPage {
  rows: unknown[][];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** How to export one connection: the rewritten document, the columns, and how to read a page. */
export interface ConnectionPlan {
  rootField: string;
  columns: PlannedColumn[];
  document: DocumentNode;
  variables(after: string | null): Record<string, unknown>;
  page(data: Record<string, unknown>): ConnectionPage;
}

/** Parses and validates the document; BAD_USER_INPUT (with `fields.query`) when it cannot be exported. */
export function readExportDocument(schema: GraphQLSchema, query: string, operationName: string | undefined): ExportDocument {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: MAX_TOKENS });
  } catch (error) {
    throw badQuery(error instanceof Error ? error.message : 'The query could not be read.');
  }
  const invalid = validate(schema, document, specifiedRules);
  if (invalid.length > 0) throw badQuery(invalid.map((error) => error.message).join(' '));

  const operation = getOperationAST(document, operationName);
  if (!operation) {
    throw operationName
      ? new BadUserInputError(`The query has no operation named ${operationName}.`, { operationName: 'names no operation of the query' })
      : badQuery('The query has several operations: say which one with operationName.');
  }
  if (operation.operation !== OperationTypeNode.QUERY) throw badQuery('Exports run queries only, not mutations or subscriptions.');

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const rootFields = collectFields(operation.selectionSet, fragments).filter((field) => field.name.value !== '__typename');
  const names = [...new Set(rootFields.map((field) => field.alias?.value ?? field.name.value))];
  if (names.length !== 1) {
    throw badQuery(`Ask for exactly one list at the root, e.g. \`reports { nodes { period } }\`; this query asks for ${names.length === 0 ? 'none' : names.join(', ')}.`);
  }
  const rootField = rootFields[0]!;
  const rootFieldDefinition = schema.getQueryType()!.getFields()[rootField.name.value]!;
  return { document, operation, rootField, rootFieldDefinition, fragments };
}

/** The root fields of the schema that are Relay connections: what `exportConnection` takes. */
export function connectionFieldNames(schema: GraphQLSchema): string[] {
  return Object.values(schema.getQueryType()?.getFields() ?? {})
    .filter(isConnectionField)
    .map((field) => field.name)
    .sort();
}

export function isConnectionField(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNullableType(field.type);
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'pageInfo' in fields && ('nodes' in fields || 'edges' in fields) && field.args.some((arg) => arg.name === 'first') && field.args.some((arg) => arg.name === 'after');
}

/**
 * Plans the export of a connection root field: one column per leaf field selected under `nodes`
 * (or `edges { node }`), in selection order, named by its path (`centre.name`).
 */
export function planConnection(schema: GraphQLSchema, request: ExportDocument, variables: Record<string, unknown>): ConnectionPlan {
  const { operation, rootField, rootFieldDefinition, fragments } = request;
  const connectionType = getNullableType(rootFieldDefinition.type) as GraphQLCompositeType;
  const rootKey = rootField.alias?.value ?? rootField.name.value;

  // Where the rows are: `nodes`, or else `edges { node }`, by their response keys.
  const connectionFields = collectFields(rootField.selectionSet!, fragments);
  let rowPath: string[] | undefined;
  let nodeSelections: SelectionSetNode[] = [];
  /** The connection's fields that hold the rows: all a page needs to ask for (no totalCount, say). */
  let rowFields: FieldNode[] = [];
  const nodes = connectionFields.filter((field) => field.name.value === 'nodes');
  if (nodes.length > 0) {
    const key = nodes[0]!.alias?.value ?? 'nodes';
    rowPath = [key];
    rowFields = nodes.filter((field) => (field.alias?.value ?? 'nodes') === key);
    nodeSelections = rowFields.map((field) => field.selectionSet!);
  } else {
    const edges = connectionFields.filter((field) => field.name.value === 'edges');
    const edgeKey = edges[0] ? (edges[0].alias?.value ?? 'edges') : undefined;
    rowFields = edges.filter((field) => (field.alias?.value ?? 'edges') === edgeKey);
    const nodeFields = rowFields.flatMap((field) => collectFields(field.selectionSet!, fragments)).filter((field) => field.name.value === 'node');
    if (edgeKey && nodeFields.length > 0) {
      const nodeKey = nodeFields[0]!.alias?.value ?? 'node';
      rowPath = [edgeKey, nodeKey];
      nodeSelections = nodeFields.filter((field) => (field.alias?.value ?? 'node') === nodeKey).map((field) => field.selectionSet!);
    }
  }
  if (!rowPath) throw badQuery(`Select the fields of the rows under \`${rootKey} { nodes { … } }\` (or \`edges { node { … } }\`).`);

  const nodeType = getNamedType((connectionType as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()['nodes']?.type ?? nodeTypeOfEdges(connectionType)) as GraphQLCompositeType;
  const columns = new Map<string, PlannedColumn>();
  for (const selectionSet of nodeSelections) planColumns(schema, nodeType, selectionSet, fragments, [], false, columns);
  if (columns.size === 0) throw badQuery('Select at least one field of the rows.');

  const document = rewriteForPaging(request, rowFields);
  const dropped = droppedVariables(operation, document);
  const base = Object.fromEntries(Object.entries(variables).filter(([name]) => !dropped.has(name)));
  const planned = [...columns.values()];
  return {
    rootField: rootField.name.value,
    columns: planned,
    document,
    variables: (after) => ({ ...base, [FIRST_VARIABLE]: EXPORT_PAGE_SIZE, [AFTER_VARIABLE]: after }),
    page(data) {
      const connection = data[rootKey] as Record<string, unknown> | null | undefined;
      const pageInfo = connection?.[PAGE_INFO_ALIAS] as { hasNextPage?: boolean; endCursor?: string | null } | undefined;
      const nodeValues = connection ? valuesAt(connection, rowPath!, 0) : [];
      return {
        rows: nodeValues.map((node) => planned.map((column) => cellValue(node, column))),
        hasNextPage: pageInfo?.hasNextPage === true,
        endCursor: pageInfo?.endCursor ?? null,
      };
    },
  };
}

function nodeTypeOfEdges(connectionType: GraphQLCompositeType): GraphQLOutputType {
  const edges = (connectionType as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()['edges']!;
  const edgeType = getNamedType(edges.type) as GraphQLCompositeType & { getFields(): Record<string, GraphQLField<unknown, unknown>> };
  return edgeType.getFields()['node']!.type;
}

/** The fields of a selection set, with fragments (spread or inline) unfolded, in document order. */
function collectFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...collectFields(selection.selectionSet, fragments, seen));
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !seen.has(fragment.name.value)) {
        seen.add(fragment.name.value);
        fields.push(...collectFields(fragment.selectionSet, fragments, seen));
      }
    }
  }
  return fields;
}

function planColumns(
  schema: GraphQLSchema,
  type: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  prefix: string[],
  inList: boolean,
  columns: Map<string, PlannedColumn>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
      if (on && isCompositeType(on)) planColumns(schema, on, selection.selectionSet, fragments, prefix, inList, columns);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      const on = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
      if (fragment && on && isCompositeType(on)) planColumns(schema, on, fragment.selectionSet, fragments, prefix, inList, columns);
      continue;
    }
    const name = selection.name.value;
    const path = [...prefix, selection.alias?.value ?? name];
    const key = path.join('.');
    if (name === '__typename') {
      if (!columns.has(key)) columns.set(key, { key, label: key, path, type: 'text', joined: inList });
      continue;
    }
    const definition = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
    if (!definition) continue;
    const joined = inList || hasList(definition.type);
    const named = getNamedType(definition.type);
    if (isLeafType(named)) {
      if (!columns.has(key)) columns.set(key, { key, label: key, path, type: joined ? 'text' : cellType(named), joined });
    } else if (selection.selectionSet && isCompositeType(named)) {
      planColumns(schema, named, selection.selectionSet, fragments, path, joined, columns);
    }
  }
}

function hasList(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

/** The XLSX cell type of a scalar: numbers, booleans and days stay typed, the rest is text. */
function cellType(type: GraphQLNamedType): CellType {
  switch (type.name) {
    case 'Int':
      return 'integer';
    case 'Float':
      return 'number';
    case 'Boolean':
      return 'boolean';
    case 'Date':
      return 'date';
    case 'DateTime':
      return 'datetime';
    default:
      return 'text';
  }
}

/**
 * A field of a result object: its own property only. Result objects are plain objects
 * (patches/graphql@16.15.0.patch), so a column named `toString` whose field was left out
 * (`@include(if: false)`) must not read Object.prototype's.
 */
function fieldOf(value: unknown, key: string): unknown {
  return Object.hasOwn(value as object, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** The values at a path, through every list on the way. */
function valuesAt(value: unknown, path: string[], index: number): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path, index));
  if (index === path.length) return [value];
  return valuesAt(fieldOf(value, path[index]!), path, index + 1);
}

function cellValue(node: unknown, column: PlannedColumn): unknown {
  if (column.joined) {
    const values = valuesAt(node, column.path, 0);
    return values.length > 0 ? values.map((value) => String(asSent(value))).join(LIST_SEPARATOR) : null;
  }
  // No list on the way: a plain walk down the path (the common case, once per cell).
  let value = node;
  for (const key of column.path) {
    if (value === null || value === undefined) return null;
    value = fieldOf(value, key);
  }
  return value === undefined ? null : asSent(value);
}

/**
 * A value as /graphql would send it: the DateTime scalar hands over a Date, which JSON writes in
 * ISO 8601 (and an invalid one as null).
 */
function asSent(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Object.prototype.toString.call(value) !== '[object Date]') return value;
  const time = (value as Date).getTime();
  return Number.isNaN(time) ? null : (value as Date).toISOString();
}

const variable = (name: string) => ({ kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } }) as const;
const argument = (name: string, value: string): ArgumentNode => ({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: name }, value: variable(value) });
const variableDefinition = (name: string, type: string, nonNull: boolean): VariableDefinitionNode => {
  const named = { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type } } as const;
  return { kind: Kind.VARIABLE_DEFINITION, variable: variable(name), type: nonNull ? { kind: Kind.NON_NULL_TYPE, type: named } : named };
};

/**
 * The document as the pages run it: the root field takes `first`/`after` from two variables of
 * its own (the caller's values for them are set aside) and selects only the rows and, under an
 * alias, `pageInfo`: a `totalCount` asked for would otherwise be counted again for every page.
 * Only the chosen operation and the fragments it uses are kept; variables that fed only `first`,
 * `after` or the fields left out are dropped, as GraphQL refuses unused variables.
 */
function rewriteForPaging({ document, operation, rootField, fragments }: ExportDocument, rowFields: FieldNode[]): DocumentNode {
  const taken = operation.variableDefinitions?.some((definition) => [FIRST_VARIABLE, AFTER_VARIABLE].includes(definition.variable.name.value));
  const aliasTaken = collectFields(rootField.selectionSet!, fragments).some((field) => field.alias?.value === PAGE_INFO_ALIAS);
  if (taken || aliasTaken) throw badQuery(`The names ${FIRST_VARIABLE}, ${AFTER_VARIABLE} and ${PAGE_INFO_ALIAS} are the export's own; rename yours.`);

  const pageInfo: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: PAGE_INFO_ALIAS },
    name: { kind: Kind.NAME, value: 'pageInfo' },
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: ['hasNextPage', 'endCursor'].map((name) => ({ kind: Kind.FIELD, name: { kind: Kind.NAME, value: name } }) as FieldNode),
    },
  };
  const rewritten = visit(document, {
    OperationDefinition(node) {
      if (node !== operation) return null;
      return {
        ...node,
        variableDefinitions: [...(node.variableDefinitions ?? []), variableDefinition(FIRST_VARIABLE, 'Int', true), variableDefinition(AFTER_VARIABLE, 'String', false)],
      };
    },
    Field(node) {
      if (node !== rootField) return undefined;
      return {
        ...node,
        arguments: [...(node.arguments ?? []).filter((arg) => arg.name.value !== 'first' && arg.name.value !== 'after'), argument('first', FIRST_VARIABLE), argument('after', AFTER_VARIABLE)],
        selectionSet: { kind: Kind.SELECTION_SET, selections: [...rowFields, pageInfo] },
      };
    },
  });

  // Keep the fragments the operation reaches; then the variables it still uses.
  const kept = rewritten.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode[];
  const reached = new Set<string>();
  const reach = (selectionSet: SelectionSetNode) =>
    visit(selectionSet, {
      FragmentSpread(spread) {
        if (reached.has(spread.name.value)) return;
        reached.add(spread.name.value);
        const fragment = rewritten.definitions.find((definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === spread.name.value) as FragmentDefinitionNode | undefined;
        if (fragment) reach(fragment.selectionSet);
      },
    });
  reach(kept[0]!.selectionSet);
  const keptFragments = rewritten.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION && reached.has(definition.name.value)) as FragmentDefinitionNode[];
  const used = new Set<string>();
  for (const definition of [kept[0]!, ...keptFragments]) {
    visit(definition, { VariableDefinition: () => false, Variable: (node) => void used.add(node.name.value) });
  }
  const finalOperation: OperationDefinitionNode = {
    ...kept[0]!,
    variableDefinitions: (kept[0]!.variableDefinitions ?? []).filter((definition) => used.has(definition.variable.name.value)),
  };
  return { kind: Kind.DOCUMENT, definitions: [finalOperation, ...keptFragments] };
}

/** The caller's variables that the rewritten document no longer declares. */
function droppedVariables(original: OperationDefinitionNode, rewritten: DocumentNode): Set<string> {
  const operation = rewritten.definitions[0] as OperationDefinitionNode;
  const still = new Set((operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value));
  return new Set((original.variableDefinitions ?? []).map((definition) => definition.variable.name.value).filter((name) => !still.has(name)));
}

function badQuery(reason: string): BadUserInputError {
  return new BadUserInputError(`This query cannot be exported: ${reason}`, { query: reason });
}
