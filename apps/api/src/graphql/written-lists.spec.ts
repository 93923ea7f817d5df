import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  execute,
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import type { RequestContext } from './request-context.js';
import { preWrittenAnswer, stringifyResult } from './response-cache.js';
import { WrittenLists, writtenList } from './written-lists.js';

interface Centre {
  id: string;
  names: Record<string, string>;
  parentId: string | null;
}
interface Row {
  id: string;
  n: number | null;
  kind: 'A' | 'B';
  centre: Centre | null;
  tags: string[];
  required?: string | null;
  bad?: number;
}

const centres: Centre[] = [
  { id: 'c1', names: { ru: 'Центр "Один"', en: 'Centre one' }, parentId: null },
  { id: 'c2', names: { ru: 'Центр два\n', en: 'Centre two' }, parentId: 'c1' },
];
const rowsOf = (count: number): Row[] =>
  Array.from({ length: count }, (_, index) => ({ id: `r${index}`, n: index % 3 === 0 ? null : index, kind: index % 2 ? 'A' : 'B', centre: centres[index % 2]!, tags: index % 4 ? ['x', `t${index}`] : [], required: 'yes' }));

/** How many times Centre.name was resolved in the last written execution. */
let nameCalls = 0;

/** A scalar that serializes to null, which graphql-js refuses. */
const Nothing = new GraphQLScalarType({ name: 'Nothing', serialize: () => null });

const Kind = new GraphQLEnumType({ name: 'Kind', values: { A: { value: 'A' }, B: { value: 'B' } } });
const Named: GraphQLInterfaceType = new GraphQLInterfaceType({ name: 'Named', fields: { id: { type: new GraphQLNonNull(GraphQLID) } } });
const CentreType: GraphQLObjectType = new GraphQLObjectType<Centre, RequestContext>({
  name: 'Centre',
  interfaces: [Named],
  isTypeOf: (value) => typeof (value as Centre).names === 'object',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: {
      type: GraphQLString,
      args: { lang: { type: GraphQLString } },
      resolve: (centre, { lang }, context) => {
        nameCalls += 1;
        return centre.names[(lang as string | undefined) ?? context.language] ?? null;
      },
    },
    // As a DataLoader answers: a promise.
    parent: { type: CentreType, resolve: async (centre) => centres.find((other) => other.id === centre.parentId) ?? null },
    fails: {
      type: GraphQLString,
      resolve: () => {
        throw new Error('this field fails');
      },
    },
    failsLater: { type: GraphQLString, resolve: () => Promise.reject(new Error('this field fails later')) },
  }),
});
const RowType: GraphQLObjectType = new GraphQLObjectType<Row>({
  name: 'Row',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLID) },
    n: { type: GraphQLInt },
    kind: { type: Kind },
    centre: { type: CentreType },
    named: { type: Named, resolve: (row) => row.centre },
    tags: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))) },
    required: { type: new GraphQLNonNull(GraphQLString) },
    bad: { type: GraphQLInt },
    flag: { type: GraphQLBoolean, resolve: (row) => row.id.length > 2 },
    // A promise from the 200th row on: the texts written before it are joined, the rest awaited.
    late: { type: GraphQLInt, resolve: (row) => (Number(row.id.slice(1)) >= 200 ? Promise.resolve(1) : 0) },
    // Not a centre, though typed as one: graphql-js asks Centre.isTypeOf.
    notACentre: { type: CentreType, resolve: () => ({ id: 'x' }) },
    // An object type without isTypeOf: nothing but the Error check stops the writer writing its fields.
    givesError: { type: RowType, resolve: () => new Error('an error given back') },
    promisesError: { type: RowType, resolve: async () => new Error('an error promised') },
    nothing: { type: Nothing, resolve: () => 'something' },
    // Changes its arguments: graphql-js gives every call its own.
    bumped: {
      type: GraphQLInt,
      args: { by: { type: GraphQLInt, defaultValue: 1 } },
      resolve: (_row, args: { by: number }) => {
        args.by += 1;
        return args.by;
      },
    },
    inner: { type: TableType, resolve: (): { rows: Row[] } => ({ rows: rowsOf(2) }) },
  }),
});
const TableType: GraphQLObjectType = new GraphQLObjectType<{ rows: Row[] }, RequestContext>({
  name: 'Table',
  fields: {
    rowCount: { type: GraphQLInt, resolve: (table) => table.rows.length },
    rows: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(RowType))), resolve: (table, _args, context, info: GraphQLResolveInfo) => writtenList(table.rows, info, context) },
  },
});
const schema = new GraphQLSchema({
  types: [CentreType],
  query: new GraphQLObjectType<unknown, RequestContext>({
    name: 'Query',
    fields: {
      table: { type: TableType, args: { count: { type: GraphQLInt } }, resolve: (_root, { count }) => ({ rows: rowsOf((count as number | null | undefined) ?? 50) }) },
      tables: { type: new GraphQLList(TableType), resolve: () => [{ rows: rowsOf(3) }, { rows: rowsOf(5) }] },
      broken: { type: TableType, resolve: () => ({ rows: [...rowsOf(3), { ...rowsOf(1)[0]!, required: null }] }) },
      unserialisable: { type: TableType, resolve: () => ({ rows: [{ ...rowsOf(1)[0]!, bad: 2 ** 40 }] }) },
      other: { type: GraphQLString, resolve: () => Promise.reject(new Error('another field fails')) },
    },
  }),
});

/** The answer's JSON as graphql-js writes it (no place for written lists), and as the API sends it with them. */
async function bothWays(document: string, variableValues?: Record<string, unknown>) {
  const asked = parse(document);
  const plain = await execute({ schema, document: asked, variableValues, contextValue: { language: 'ru' } as RequestContext });
  const lists = new WrittenLists();
  nameCalls = 0;
  const written = await execute({ schema, document: asked, variableValues, contextValue: { language: 'ru', writtenLists: lists } as RequestContext });
  const errorsOf = (result: typeof plain) => result.errors?.map((error) => ({ message: error.message, path: error.path }));
  return {
    expected: JSON.stringify({ data: plain.data }),
    sent: lists.isEmpty ? JSON.stringify({ data: written.data }) : lists.answerJson(written.data),
    graphqlData: written.data,
    lists,
    errors: [errorsOf(plain), errorsOf(written)],
  };
}

describe('written lists', () => {
  const unhandled: unknown[] = [];
  const listen = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', listen);
  });
  afterEach(() => {
    process.off('unhandledRejection', listen);
  });

  it.each([
    ['scalars, an enum and lists of strings', '{ table { rowCount rows { id n kind tags flag } } }'],
    ['aliases, __typename and a field asked twice', '{ t: table(count: 7) { rows { __typename key: id id n id kind } } }'],
    ['fragments, inline and named', '{ table { rows { ...R ... on Row { centre { ... on Centre { id } } } } } } fragment R on Row { id centre { name } }'],
    ['arguments and a resolver that answers with a promise', '{ table { rows { centre { id name en: name(lang: "en") parent { id name(lang: "en") parent { id } } } } } }'],
    ['several lists in a list', '{ tables { rowCount rows { id centre { id } } } }'],
    ['an empty list', '{ table(count: 0) { rows { id } } }'],
    ['a list of several chunks of texts and a part of one', '{ table(count: 300) { rows { id n centre { id name } } } }'],
    ['a list of whole chunks of texts', '{ table(count: 256) { rows { id kind } } }'],
    ['a list whose rows promise from the 200th on', '{ table(count: 300) { rows { id late } } }'],
    ['a written list inside a written list', '{ table(count: 3) { rows { id inner { rowCount rows { id kind } } } } }'],
  ])('writes %s as graphql-js does', async (_title, document) => {
    const { expected, sent, graphqlData, lists, errors } = await bothWays(document);
    expect(sent).toBe(expected);
    expect(errors[1]).toEqual(errors[0]);
    // Written, not completed by graphql-js: its own answer holds an empty list.
    expect(lists.isEmpty).toBe(false);
    expect(JSON.stringify(graphqlData)).toContain('"rows":[]');
  });

  it('follows @skip and @include with the variables', async () => {
    const document = 'query Q($with: Boolean!, $without: Boolean!) { table { rows { id n @include(if: $with) kind @skip(if: $without) ... on Row @include(if: $without) { tags } } } }';
    for (const variables of [{ with: true, without: false }, { with: false, without: true }]) {
      const { expected, sent, lists } = await bothWays(document, variables);
      expect(sent).toBe(expected);
      expect(lists.isEmpty).toBe(false);
    }
  });

  it('writes a centre shared by many rows the same in each, with its resolvers called once', async () => {
    const { sent } = await bothWays('{ table(count: 40) { rows { centre { id name } } } }');
    expect(nameCalls).toBe(2);
    const rows = (JSON.parse(sent) as { data: { table: { rows: { centre: { id: string; name: string } }[] } } }).data.table.rows;
    expect(rows).toHaveLength(40);
    expect(rows.filter((row) => row.centre.id === 'c1').every((row) => row.centre.name === 'Центр "Один"')).toBe(true);
    expect(rows.filter((row) => row.centre.id === 'c2').every((row) => row.centre.name === 'Центр два\n')).toBe(true);
  });

  it.each([
    ['a resolver that throws', '{ table { rows { id centre { fails } } } }'],
    ['a resolver that rejects', '{ table { rows { id centre { failsLater } } } }'],
    ['an interface, whose type graphql-js resolves', '{ table { rows { named { id ... on Centre { name } } } } }'],
    ['a null where the schema says non-null', '{ broken { rows { id required } } }'],
    ['a value its scalar refuses', '{ unserialisable { rows { id bad } } }'],
    ['a scalar that serializes to null', '{ table(count: 2) { rows { id nothing } } }'],
    ['an object its type does not claim', '{ table(count: 2) { rows { id notACentre { id } } } }'],
    ['an Error given back', '{ table(count: 2) { rows { id givesError { __typename } } } }'],
    ['an Error promised', '{ table(count: 2) { rows { id promisesError { __typename } } } }'],
    ['a resolver that changes its arguments', '{ table(count: 3) { rows { id bumped } } }'],
  ])('leaves the list to graphql-js on %s, with its errors', async (_title, document) => {
    const { expected, sent, lists, errors } = await bothWays(document);
    expect(lists.isEmpty).toBe(true);
    expect(sent).toBe(expected);
    expect(errors[1]).toEqual(errors[0]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });

  it('hears every promise it left behind when a later row fails at once', async () => {
    // Row 0's parent is a promise that fails after row 1 has thrown: nothing may go unhandled.
    const { lists, errors } = await bothWays('{ table(count: 4) { rows { centre { failsLater fails } } } }');
    expect(lists.isEmpty).toBe(true);
    expect(errors[1]).toEqual(errors[0]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).toEqual([]);
  });

  it('writes its lists beside another field that failed', async () => {
    const { expected, sent, lists, errors } = await bothWays('{ table(count: 3) { rows { id kind } } other }');
    expect(lists.isEmpty).toBe(false);
    expect(sent).toBe(expected);
    expect(errors[0]).toHaveLength(1);
    expect(errors[1]).toEqual(errors[0]);
  });
});

describe('stringifyResult', () => {
  it('puts errors and extensions around an answer written beforehand, as JSON.stringify would', () => {
    const errors = [{ message: 'another field failed', path: ['other'] }];
    const extensions = { note: 'x' };
    const written = { errors, data: preWrittenAnswer('{"data":{"table":{"rows":[{"id":"r0"}]}}}'), extensions };
    expect(stringifyResult(written)).toBe(JSON.stringify({ errors, data: { table: { rows: [{ id: 'r0' }] } }, extensions }));
    expect(stringifyResult({ data: written.data })).toBe('{"data":{"table":{"rows":[{"id":"r0"}]}}}');
  });
});
