import { graphql } from '../../gql';

/**
 * The whole network for the centre pickers, in the server's order (the regional centre first).
 * `name` and `town` come back in the language the client sends as Accept-Language; the Apollo
 * client clears its cache when the language changes.
 *
 * A national network is thousands of centres and the API gives at most 100 a page, so
 * useNetworkCentres asks for the next page with `after` until there is none (useEveryPage); the
 * cache appends them (appendPages) to a list of its own, named by `@connection`, apart from the
 * network page's list and from the overview's counts.
 */
export const NetworkCentresQuery = graphql(`
  query NetworkCentres($first: Int!, $after: String) {
    centres(first: $first, after: $after) @connection(key: "networkCentres") {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        name
        town
        openedOn
        closedOn
        parent {
          id
        }
      }
    }
  }
`);

/** The API's page limit: the fewest requests for the whole network. */
export const NETWORK_PAGE_SIZE = 100;
