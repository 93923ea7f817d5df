import type { ApolloServerPlugin } from '@apollo/server';
import {
  defaultFieldResolver,
  type FieldNode,
  getArgumentValues,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  GraphQLID,
  GraphQLString,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type ResponsePath,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields.js';
import { isBulkExport } from '../exports/caller-graphql.js';
import type { RequestContext } from './request-context.js';
import { preWrittenAnswer } from './response-cache.js';

/**
 * Long lists written straight to JSON text, instead of graphql-js completing them item by item.
 *
 * A national analytics table is 18,000 rows (98,000 on the dashboard's page at ten times the
 * size). graphql-js completes each row field by field, with a path, a result object and a
 * promise check for every field, and the answer is then stringified once more: for the national
 * table ~70 ms and ~20 ms of CPU, with the garbage they left, about the SQL floor of the whole question.
 *
 * A resolver hands its list to `writtenList`. The list's JSON is written here, field by field in
 * the order graphql-js would write them (its own `collectSubfields`: fragments, aliases, @skip and
 * @include), every field still through its resolver and every leaf through its scalar's or enum's
 * `serialize`, so the text is the one graphql-js would send. graphql-js itself then completes an
 * empty list in its place, and `writtenListsPlugin` lays the text where the list is in the answer.
 *
 * Whenever something does not fit, graphql-js completes the list as always, with its own error
 * handling: an interface or union in the selection, a resolver that throws or rejects, a null where
 * the schema says non-null, a value a scalar refuses. Such a list is then done twice, written and
 * completed: a failure is known only once the rows' resolvers have answered. Only HTTP requests
 * are written (not subscriptions over the socket, nor the GraphQL operations an export runs, which
 * read the data).
 *
 * Measured on the national table (the same build with WRITTEN_LISTS on and off, alternating, 32
 * requests each): CPU per request 430 against 508 ms, p50 422 against 500 ms. The price is memory
 * at ten times the size: after national10 aggregates (27 MB answers) the API kept 434-444 MB RSS,
 * against 358-367 MB with graphql-js completing the rows, in the same time (4.7-5.1 s). Written as
 * plain objects instead of text, the lists cost no memory but saved only 2-26 ms (measured before
 * the rows were streamed and read when written): the text is kept for the national scale.
 */
export function writtenList<T>(items: readonly T[], info: GraphQLResolveInfo, context: RequestContext): readonly T[] | Promise<readonly T[]> {
  const lists = context.writtenLists;
  // Inside another written list, the path has no row index to lay this one at: that writer writes it.
  if (lists === undefined || writersInfo.has(info)) return items;
  const listType = isNonNullType(info.returnType) ? info.returnType.ofType : info.returnType;
  if (!isListType(listType)) return items;
  // The items' texts are kept in chunks (writeEach), not joined into one here: the whole answer is
  // joined once (WrittenLists.answerJson), so a 50 MB table is not copied into one string and then another.
  let texts: string[] | Promise<string[]>;
  try {
    texts = writeEach(writerOf(listType.ofType, info.fieldNodes, info, context, false), items);
  } catch {
    // Whatever was already promised is heard (handled): graphql-js completes the list.
    return items;
  }
  if (Array.isArray(texts)) {
    lists.add(info.path, texts);
    return [];
  }
  return texts.then(
    (written) => {
      lists.add(info.path, written);
      return [];
    },
    () => items,
  );
}

/** The resolve infos the writers make for the fields they write. */
const writersInfo = new WeakSet<GraphQLResolveInfo>();

/** The lists one request wrote, by where they go in its answer. */
export class WrittenLists {
  private readonly root: PathNode = { children: new Map() };

  add(path: ResponsePath, items: readonly string[]): void {
    const keys: (string | number)[] = [];
    for (let at: ResponsePath | undefined = path; at !== undefined; at = at.prev) keys.unshift(at.key);
    let node = this.root;
    for (const key of keys) {
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { children: new Map() }));
      node = child;
    }
    node.items = items;
  }

  get isEmpty(): boolean {
    return this.root.children.size === 0;
  }

  /**
   * The answer's text, `{"data":…}`, with each written list in its place (where `data` still has
   * one: an error may have nulled its parent), joined once.
   */
  answerJson(data: unknown): string {
    const pieces = ['{"data":'];
    writeAlong(data, this.root, pieces);
    pieces.push('}');
    return pieces.join('');
  }
}

interface PathNode {
  children: Map<string | number, PathNode>;
  /** The texts of a written list's items, in chunks that joined with commas are the list inside its brackets (writeEach). */
  items?: readonly string[];
}

/** Adds the JSON text of `value` to `pieces`, the written lists under `node` in their places. */
function writeAlong(value: unknown, node: PathNode, pieces: string[]): void {
  if (node.items !== undefined) {
    pieces.push('[');
    node.items.forEach((item, index) => pieces.push(index === 0 ? '' : ',', item));
    pieces.push(']');
  } else if (value === null || typeof value !== 'object') {
    pieces.push(JSON.stringify(value) ?? 'null');
  } else if (Array.isArray(value)) {
    pieces.push('[');
    value.forEach((item: unknown, index) => {
      if (index > 0) pieces.push(',');
      const child = node.children.get(index);
      // As JSON.stringify: an undefined item is null.
      if (child) writeAlong(item, child, pieces);
      else pieces.push(JSON.stringify(item) ?? 'null');
    });
    pieces.push(']');
  } else {
    pieces.push('{');
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      // As JSON.stringify: an undefined property is left out.
      if (item === undefined) continue;
      pieces.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      const child = node.children.get(key);
      if (child) writeAlong(item, child, pieces);
      else pieces.push(JSON.stringify(item));
    }
    pieces.push('}');
  }
}

/**
 * Gives each HTTP request a place for its written lists, and puts them in its answer. Before the
 * kept answers' plugin in the list: an answer is kept with its lists written in.
 */
export function writtenListsPlugin(options: { enabled: boolean }): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (!options.enabled || contextValue.res === undefined || isBulkExport(contextValue)) return {};
      const lists = new WrittenLists();
      contextValue.writtenLists = lists;
      return {
        // Synchronous up to the assignment (no await): Apollo starts every plugin's willSendResponse
        // at once, and the kept answers' plugin, next in the list, must find the lists written in.
        async willSendResponse({ response }) {
          if (lists.isEmpty || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.data == null) return;
          result.data = preWrittenAnswer(lists.answerJson(result.data));
        },
      };
    },
  };
}

/** Writes one value of a type: its JSON text, or a promise of it when a resolver answered with one. Throws whatever graphql-js would have reported. */
type Writer = (value: unknown) => string | Promise<string>;

class NotWritable extends Error {}

function writerOf(type: GraphQLOutputType, fieldNodes: readonly FieldNode[], info: GraphQLResolveInfo, context: RequestContext, shared: boolean): Writer {
  const nonNull = isNonNullType(type);
  const nullable = nonNull ? type.ofType : type;
  // Each writer checks for null itself: a wrapper around every value cost a call per field.
  const ifNull = (): string => {
    if (nonNull) throw new NotWritable('null where the schema says non-null');
    return 'null';
  };
  if (isListType(nullable)) {
    // The items of a list are rarely the same object twice (a table's rows); not remembered.
    const item = writerOf(nullable.ofType, fieldNodes, info, context, false);
    return (value) => {
      if (value == null) return ifNull();
      if (!Array.isArray(value)) throw new NotWritable('a list that is not an array');
      const texts = writeEach(item, value);
      return Array.isArray(texts) ? `[${texts.join(',')}]` : handled(texts.then((written) => `[${written.join(',')}]`));
    };
  }
  if (nullable === GraphQLString || nullable === GraphQLID) {
    // Both give a string as it is: only other values need their serialize.
    return (value) => (value == null ? ifNull() : JSON.stringify(typeof value === 'string' ? value : nullable.serialize(value)));
  }
  if (isEnumType(nullable)) {
    // An enum has a handful of values: each one's text is made once.
    const texts = new Map<unknown, string>();
    return (value) => {
      if (value == null) return ifNull();
      let text = texts.get(value);
      if (text === undefined) texts.set(value, (text = JSON.stringify(nullable.serialize(value))));
      return text;
    };
  }
  if (isLeafType(nullable)) {
    return (value) => {
      if (value == null) return ifNull();
      const serialized = nullable.serialize(value);
      // graphql-js refuses null from serialize too ("Expected … to return non-nullable value").
      if (serialized == null) throw new NotWritable(`${nullable.name} serialized to nothing`);
      return JSON.stringify(serialized);
    };
  }
  if (!isObjectType(nullable)) throw new NotWritable(`${nullable.name} is abstract: graphql-js resolves its type`);
  const object = objectWriterOf(nullable, fieldNodes, info, context, shared);
  const { isTypeOf } = nullable;
  if (isTypeOf == null) return (value) => (value == null ? ifNull() : object(value));
  return (value) => {
    if (value == null) return ifNull();
    // graphql-js refuses a value its type does not claim; a promised answer is left to it.
    if (isTypeOf(value, context, info) !== true) throw new NotWritable(`not a ${nullable.name}`);
    return object(value);
  };
}

/**
 * An object's fields in graphql-js's order, each through its resolver. An object reached through a
 * field rather than a list item (a row's centre) is often the same object in many rows: its text
 * is written once.
 */
function objectWriterOf(type: GraphQLObjectType, fieldNodes: readonly FieldNode[], info: GraphQLResolveInfo, context: RequestContext, shared: boolean): Writer {
  const fields = [...collectSubfields(info.schema, info.fragments, info.variableValues, type, fieldNodes)].map(([key, nodes], index): Writer => {
    const name = nodes[0]!.name.value;
    // Each field's text starts with its key, after a comma but for the first.
    const lead = `${index === 0 ? '' : ','}${JSON.stringify(key)}:`;
    if (name === '__typename') {
      const text = lead + JSON.stringify(type.name);
      return () => text;
    }
    const definition = type.getFields()[name];
    if (!definition) throw new NotWritable(`no field ${type.name}.${name}`);
    const fieldInfo: GraphQLResolveInfo = {
      ...info,
      fieldName: name,
      fieldNodes: nodes,
      returnType: definition.type,
      parentType: type,
      // Where the field first appears: the writer does not follow every row's path.
      path: { prev: info.path, key, typename: type.name },
    };
    writersInfo.add(fieldInfo);
    const resolve = definition.resolve ?? defaultFieldResolver;
    // One object for every row, where graphql-js makes one per call: frozen, so a resolver that
    // changes its arguments fails (and graphql-js completes the list) rather than changing the next row's.
    const args = Object.freeze(getArgumentValues(definition, nodes[0]!, info.variableValues));
    const write = writerOf(definition.type, nodes, fieldInfo, context, true);
    const writeResolved = (value: unknown) => {
      // graphql-js takes an Error given back as one thrown.
      if (value instanceof Error) throw new NotWritable(value.message);
      return write(value);
    };
    const led = (text: string) => lead + text;
    return (source) => {
      const resolved: unknown = resolve(source, args, context, fieldInfo);
      const text = isThenable(resolved) ? handled(Promise.resolve(resolved).then(writeResolved)) : writeResolved(resolved);
      return typeof text === 'string' ? lead + text : handled(text.then(led));
    };
  });
  const write: Writer = (source) => {
    let text = '{';
    let parts: (string | Promise<string>)[] | undefined;
    for (const field of fields) {
      const part = field(source);
      if (parts !== undefined) parts.push(part);
      else if (typeof part === 'string') text += part;
      else parts = [text, part];
    }
    return parts === undefined ? `${text}}` : handled(Promise.all(parts).then((texts) => `${texts.join('')}}`));
  };
  if (!shared) return write;
  const written = new Map<unknown, string | Promise<string>>();
  return (source) => {
    let text = written.get(source);
    if (text === undefined) written.set(source, (text = write(source)));
    return text;
  };
}

/**
 * The values' texts, in order, as the list's text pieces (joined with commas, they are the list
 * inside its brackets); a promise of them when a resolver answered with one. Every CHUNK texts are
 * joined at once into one flat string: a row's text is a rope of a dozen pieces, and 18,000 ropes
 * kept to the end of the request were most of what the garbage collector copied.
 */
function writeEach(write: Writer, values: readonly unknown[]): string[] | Promise<string[]> {
  const texts: (string | Promise<string>)[] = [];
  let chunk: string[] = [];
  let waiting = false;
  for (const value of values) {
    const text = write(value);
    if (!waiting && typeof text !== 'string') {
      waiting = true;
      if (chunk.length > 0) texts.push(chunk.join(','));
    }
    if (waiting) {
      texts.push(text);
      continue;
    }
    chunk.push(text as string);
    if (chunk.length === CHUNK) {
      texts.push(chunk.join(','));
      chunk = [];
    }
  }
  if (waiting) return handled(Promise.all(texts));
  if (chunk.length > 0) texts.push(chunk.join(','));
  return texts as string[];
}

const CHUNK = 128;

/**
 * A promise marked as heard. A part of a list that throws abandons the promises its earlier parts
 * made (graphql-js then completes the list itself); one of those failing later must not end the
 * process as an unhandled rejection.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
