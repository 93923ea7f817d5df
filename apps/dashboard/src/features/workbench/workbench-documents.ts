import { graphql } from '../../gql';
import type { SaveQueryInput as SaveQueryInputType, SavedQueryFieldsFragment, SavedQueryFilter as SavedQueryFilterType, WorkbenchExamplesQuery as WorkbenchExamplesData } from '../../gql/graphql';

/** The workbench's own operations: the example library and saved queries. */

export const SAVED_QUERIES_PAGE_SIZE = 25;

export type SavedQueryFields = SavedQueryFieldsFragment;
export type WorkbenchExample = WorkbenchExamplesData['workbenchExamples'][number];
export type SavedQueryFilter = SavedQueryFilterType;
export type SaveQueryInput = SaveQueryInputType;

export const SavedQueryFieldsFragmentDoc = graphql(`
  fragment SavedQueryFields on SavedQuery {
    id
    title
    description
    document
    variables
    shared
    ownerName
    mine
    createdAt
    updatedAt
    version
  }
`);

export const WorkbenchExamplesQuery = graphql(`
  query WorkbenchExamples {
    workbenchExamples {
      id
      title
      description
      document
    }
  }
`);

export const SavedQueriesQuery = graphql(`
  query SavedQueries($first: Int!, $after: String, $filter: SavedQueryFilter) {
    savedQueries(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...SavedQueryFields
      }
    }
  }
`);

/** One saved query by id: the person's own or a shared one (NOT_FOUND otherwise). */
export const SavedQueryQuery = graphql(`
  query SavedQuery($id: ID!) {
    savedQuery(id: $id) {
      ...SavedQueryFields
    }
  }
`);

export const SaveQueryMutation = graphql(`
  mutation SaveQuery($input: SaveQueryInput!) {
    saveQuery(input: $input) {
      savedQuery {
        ...SavedQueryFields
      }
    }
  }
`);

export const UpdateSavedQueryMutation = graphql(`
  mutation UpdateSavedQuery($input: UpdateSavedQueryInput!) {
    updateSavedQuery(input: $input) {
      savedQuery {
        ...SavedQueryFields
      }
    }
  }
`);

export const DeleteSavedQueryMutation = graphql(`
  mutation DeleteSavedQuery($input: DeleteSavedQueryInput!) {
    deleteSavedQuery(input: $input) {
      id
    }
  }
`);
