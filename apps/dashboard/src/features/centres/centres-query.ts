import { graphql } from '../../gql';

/**
 * The whole network in one page, in the server's order. `name` and `town` come back in the language
 * the client sends as Accept-Language; the Apollo client clears its cache when the language changes.
 * 100 is the API's page limit and well above the region's 15 centres.
 */
export const NetworkCentresQuery = graphql(`
  query NetworkCentres($first: Int!) {
    centres(first: $first) {
      totalCount
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

export const NETWORK_PAGE_SIZE = 100;
