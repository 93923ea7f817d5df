import { graphql } from '../../gql';

/**
 * The whole network for the network page and its map: each centre with where it is and what runs
 * there. `clubs` lists the open clubs only (the API's default) and `programRuns` the runs not
 * cancelled; the page counts them. Names come in all three languages so that the search finds a
 * centre by any of its names, as the API's own search does. 100 is the API's page limit, far above
 * the region's 15 centres.
 */
export const NetworkOverviewQuery = graphql(`
  query NetworkOverview($first: Int!) {
    centres(first: $first) {
      totalCount
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

export const NETWORK_OVERVIEW_PAGE_SIZE = 100;
