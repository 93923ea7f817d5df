import { describe, expect, it } from '@jest/globals';
import { buildSchema, print } from 'graphql';
import { connectionFieldNames, EXPORT_PAGE_SIZE, planConnection, readExportDocument } from './export-plan.js';

const schema = buildSchema(`
  scalar Date
  scalar DateTime
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Centre { code: String! name(lang: String): String! opened: Date towns: [String!]! }
  type Club { id: ID! members: Int! rating: Float active: Boolean! startedAt: DateTime centre: Centre! tags: [Tag!]! }
  type Tag { label: String! }
  type ClubEdge { cursor: String! node: Club! }
  type ClubConnection { totalCount: Int! pageInfo: PageInfo! edges: [ClubEdge!]! nodes: [Club!]! }
  type Query {
    clubs(first: Int! = 25, after: String, status: String): ClubConnection!
    me: Centre
  }
`);

const plan = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  planConnection(schema, readExportDocument(schema, query, operationName), variables);

describe('export plans', () => {
  it('names one column per leaf, by path, in selection order, typed by scalar', () => {
    const { columns } = plan('{ clubs { nodes { id members rating active startedAt centre { code name(lang: "kk") opened } } } }');
    expect(columns.map(({ key, type }) => [key, type])).toEqual([
      ['id', 'text'],
      ['members', 'integer'],
      ['rating', 'number'],
      ['active', 'boolean'],
      ['startedAt', 'datetime'],
      ['centre.code', 'text'],
      ['centre.name', 'text'],
      ['centre.opened', 'date'],
    ]);
  });

  it('takes aliases, fragments and edges { node }, and joins what lies under a list', () => {
    const { columns, page } = plan(`
      query { clubs { edges { cursor node { ...Club where: centre { towns } } } } }
      fragment Club on Club { id tags { label } }`);
    expect(columns.map(({ key, type }) => [key, type])).toEqual([
      ['id', 'text'],
      ['tags.label', 'text'],
      ['where.towns', 'text'],
    ]);
    const rows = page({
      clubs: {
        edges: [{ cursor: 'a', node: { id: '1', tags: [{ label: 'music' }, { label: 'kids' }], where: { towns: ['Қарағанды', 'Темиртау'] } } }],
        mrcExportPageInfo: { hasNextPage: true, endCursor: 'a' },
      },
    });
    expect(rows).toEqual({ rows: [['1', 'music; kids', 'Қарағанды; Темиртау']], hasNextPage: true, endCursor: 'a' });
  });

  it('reads a column named like an Object method as the field it names, empty when the answer left it out', () => {
    const { columns, page } = plan('{ clubs { nodes { id toString: id @include(if: false) tags { constructor: label @include(if: false) } } } }');
    expect(columns.map(({ key }) => key)).toEqual(['id', 'toString', 'tags.constructor']);
    // As graphql-js answers it: plain objects, without the fields the directives left out.
    expect(page({ clubs: { nodes: [{ id: '1', tags: [{}] }], mrcExportPageInfo: { hasNextPage: false, endCursor: null } } }).rows).toEqual([['1', null, null]]);
  });

  it('writes a DateTime the server handed over as a Date in ISO 8601, and a missing value as null', () => {
    const { page } = plan('{ clubs { nodes { startedAt centre { code } } } }');
    const moment = new Date('2026-03-01T08:30:00Z');
    expect(page({ clubs: { nodes: [{ startedAt: moment, centre: null }], mrcExportPageInfo: { hasNextPage: false, endCursor: null } } }).rows).toEqual([
      ['2026-03-01T08:30:00.000Z', null],
    ]);
  });

  it('pages with its own first/after, asks only for the rows, and drops what fed the caller\'s paging', () => {
    const { document, variables } = plan(
      `query Clubs($n: Int = 5, $cursor: String, $status: String) {
        mine: clubs(first: $n, after: $cursor, status: $status) { totalCount ...Counted nodes { id } }
      }
      fragment Counted on ClubConnection { totalCount }
      query Other { me { code } }`,
      { n: 5, cursor: 'x', status: 'ACTIVE' },
      'Clubs',
    );
    expect(print(document)).toBe(
      [
        'query Clubs($status: String, $mrcExportFirst: Int!, $mrcExportAfter: String) {',
        '  mine: clubs(status: $status, first: $mrcExportFirst, after: $mrcExportAfter) {',
        '    nodes {',
        '      id',
        '    }',
        '    mrcExportPageInfo: pageInfo {',
        '      hasNextPage',
        '      endCursor',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(variables(null)).toEqual({ status: 'ACTIVE', mrcExportFirst: EXPORT_PAGE_SIZE, mrcExportAfter: null });
    expect(variables('abc')).toMatchObject({ mrcExportAfter: 'abc' });
  });

  it('refuses, with BAD_USER_INPUT, what is not one list of rows', () => {
    const refusal = (query: string, operationName?: string) => {
      try {
        plan(query, {}, operationName);
      } catch (error) {
        return { code: (error as { extensions: { code: string } }).extensions.code, message: (error as Error).message };
      }
      return undefined;
    };
    expect(refusal('{ clubs { nodes { id } } me { code } }')).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/exactly one list/) });
    expect(refusal('{ clubs { totalCount } }')).toMatchObject({ message: expect.stringMatching(/nodes/) });
    expect(refusal('query A { clubs { nodes { id } } } query B { me { code } }')).toMatchObject({ message: expect.stringMatching(/operationName/) });
    expect(refusal('query A { clubs { nodes { id } } }', 'C')).toMatchObject({ message: expect.stringMatching(/no operation named C/) });
    expect(refusal('query($mrcExportFirst: Int) { clubs(first: $mrcExportFirst) { nodes { id } } }')).toMatchObject({ message: expect.stringMatching(/rename yours/) });
    expect(refusal('{ clubs { nodes { colour } } }')).toMatchObject({ message: expect.stringMatching(/Cannot query field "colour"/) });
  });

  it('lists the connections a document may export', () => {
    expect(connectionFieldNames(schema)).toEqual(['clubs']);
  });
});

describe('the export mark on a request context', () => {
  it('survives the copy Apollo makes of the context for each operation', async () => {
    const { CallerGraphql, isBulkExport } = await import('./caller-graphql.js');
    const factory = { create: async () => ({ actor: null }) };
    const context = await new CallerGraphql({} as never, factory as never).context({} as never, {} as never);
    // What Apollo Server does with `contextValue` for every operation (cloneObject).
    const copy = Object.assign(Object.create(Object.getPrototypeOf(context) as object) as object, context);
    expect(isBulkExport(copy)).toBe(true);
    expect(isBulkExport({ actor: null })).toBe(false);
    expect(isBulkExport(undefined)).toBe(false);
  });
});
