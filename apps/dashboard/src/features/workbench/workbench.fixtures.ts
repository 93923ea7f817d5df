import type { MockLink } from '@apollo/client/testing';
import { parse } from 'graphql';
import {
  DeleteSavedQueryMutation,
  SAVED_QUERIES_PAGE_SIZE,
  SavedQueriesQuery,
  SavedQueryQuery,
  SaveQueryMutation,
  UpdateSavedQueryMutation,
  WorkbenchExamplesQuery,
  type SavedQueryFields,
  type SavedQueryFilter,
  type SaveQueryInput,
  type WorkbenchExample,
} from './workbench-documents';

/** Test data: two examples of the library, as `workbenchExamples` returns them in English. */
export const SUPPORT_GROUPS_EXAMPLE: WorkbenchExample = {
  __typename: 'WorkbenchExample',
  id: 'support-groups-by-quarter',
  title: 'Support groups: meetings and attendance by quarter, small counts withheld',
  description: 'Anonymous support groups are counted, never named.',
  document: `query SupportGroupsByQuarter($from: String, $to: String) {
  analytics(metrics: [SUPPORT_GROUP_MEETINGS, SUPPORT_GROUP_ATTENDANCE], groupBy: [CENTRE, QUARTER], filter: { from: $from, to: $to }) {
    suppressionThreshold
    rows {
      centre { name }
      quarter
      values { metric value suppressed }
    }
    totals { metric value suppressed }
  }
}
`,
};

export const CENTRES_EXAMPLE: WorkbenchExample = {
  __typename: 'WorkbenchExample',
  id: 'centres',
  title: 'Centres of the network',
  description: 'Every centre with its kind and town.',
  document: `query NetworkCentres {
  centres(first: 20) {
    totalCount
    nodes { name kind }
  }
}
`,
};

export function examplesMock(examples: WorkbenchExample[] = [SUPPORT_GROUPS_EXAMPLE, CENTRES_EXAMPLE]): MockLink.MockedResponse {
  return { request: { query: WorkbenchExamplesQuery }, result: { data: { workbenchExamples: examples } } };
}

export function savedQuery(overrides: Partial<SavedQueryFields> & Pick<SavedQueryFields, 'id'>): SavedQueryFields {
  return {
    __typename: 'SavedQuery',
    title: `Query ${overrides.id}`,
    description: null,
    document: 'query { centres(first: 5) { nodes { name } } }',
    variables: null,
    shared: false,
    ownerName: 'Irina Petrova',
    mine: true,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function savedQueriesMock(nodes: SavedQueryFields[], { filter = { mine: true }, first = SAVED_QUERIES_PAGE_SIZE }: { filter?: SavedQueryFilter | null; first?: number } = {}): MockLink.MockedResponse {
  return {
    request: { query: SavedQueriesQuery, variables: { first, ...(filter ? { filter } : {}) } },
    result: {
      data: {
        savedQueries: {
          __typename: 'SavedQueryConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes,
        },
      },
    },
  };
}

export function savedQueryMock(id: string, saved: SavedQueryFields | null): MockLink.MockedResponse {
  return saved
    ? { request: { query: SavedQueryQuery, variables: { id } }, result: { data: { savedQuery: saved } } }
    : { request: { query: SavedQueryQuery, variables: { id } }, result: { data: { savedQuery: null }, errors: [{ message: 'There is no such saved query.', extensions: { code: 'NOT_FOUND' } }] } };
}

/** Running `document` as typed in the editor: the API's answer (data, errors or both). */
export function runMock(document: string, result: { data?: unknown; errors?: unknown[] }, variables: Record<string, unknown> = {}): MockLink.MockedResponse {
  return { request: { query: parse(document), variables }, result: { data: null, ...result } as MockLink.MockedResponse['result'] };
}

export function saveQueryMock(input: SaveQueryInput, saved: SavedQueryFields): MockLink.MockedResponse {
  return { request: { query: SaveQueryMutation, variables: { input } }, result: { data: { saveQuery: { __typename: 'SaveQueryPayload', savedQuery: saved } } } };
}

export function updateSavedQueryMock(input: SaveQueryInput & { id: string; version: number }, outcome: SavedQueryFields | { code: string; currentVersion?: number }): MockLink.MockedResponse {
  const request = { query: UpdateSavedQueryMutation, variables: { input } };
  if ('code' in outcome) {
    return { request, result: { data: null, errors: [{ message: 'The saved query changed meanwhile.', extensions: { code: outcome.code, currentVersion: outcome.currentVersion } }] } };
  }
  return { request, result: { data: { updateSavedQuery: { __typename: 'UpdateSavedQueryPayload', savedQuery: outcome } } } };
}

export function deleteSavedQueryMock(id: string): MockLink.MockedResponse {
  return { request: { query: DeleteSavedQueryMutation, variables: { input: { id } } }, result: { data: { deleteSavedQuery: { __typename: 'DeleteSavedQueryPayload', id } } } };
}
