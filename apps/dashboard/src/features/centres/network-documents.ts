import { graphql } from '../../gql';

/**
 * The whole network for the network page and its map: each centre with where it is and what runs
 * there. `clubs` lists the open clubs only (the API's default) and `programRuns` the runs not
 * cancelled; the page counts them. Names come in all three languages so that the search finds a
 * centre by any of its names, as the API's own search does.
 *
 * A national network is thousands of centres and the API gives at most 100 a page, so the page asks
 * for the next one with `after` until there is none; the cache appends them (appendPages) to a list
 * of its own, named by `@connection`, apart from the pickers' own list (NetworkCentresQuery).
 */
export const NetworkOverviewQuery = graphql(`
  query NetworkOverview($first: Int!, $after: String) {
    centres(first: $first, after: $after) @connection(key: "networkOverview") {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        name
        names {
          kk
          ru
          en
        }
        town
        towns {
          kk
          ru
          en
        }
        latitude
        longitude
        openedOn
        closedOn
        parent {
          id
        }
        clubs {
          id
        }
        programRuns {
          id
          status
        }
      }
    }
  }
`);

/** The API's page limit: the fewest requests for the whole network. */
export const NETWORK_OVERVIEW_PAGE_SIZE = 100;
