import { graphql } from '../../gql';

export const AUDIT_PAGE_SIZE = 25;

/** Newest first (the API's order); "load more" asks again with `after` and the cache appends. */
export const AuditEntriesQuery = graphql(`
  query AuditEntries($first: Int!, $after: String, $filter: AuditEntryFilter) {
    auditEntries(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        occurredAt
        action
        entityType
        entityId
        requestId
        actor {
          id
          displayName
          email
        }
        centre {
          id
          name
        }
        changes {
          field
          before
          after
        }
      }
    }
  }
`);

/** Everyone who may appear as "who" in the filter; a regional network has a few dozen accounts. */
export const AUDIT_ACTORS_LIMIT = 100;

export const AuditActorsQuery = graphql(`
  query AuditActors($first: Int!) {
    users(first: $first) {
      totalCount
      nodes {
        id
        displayName
        email
      }
    }
  }
`);
