import { graphql } from '../../gql';

/**
 * What a matrix cell shows, and what decides which steps are offered. The centre and the club type
 * come by id only: a live change arrives in whatever language the socket speaks, and must not
 * overwrite the names the page fetched in the UI language.
 */
export const RolloutCellFields = graphql(`
  fragment RolloutCellFields on RolloutItem {
    id
    status
    gates
    plannedOn
    launchedOn
    late
    version
    editable
    allowedActions
    statusReason
    responsibleName
    centre {
      id
    }
    clubType {
      id
    }
  }
`);

/** One real change, as the item's history lists it. */
export const RolloutChangeFields = graphql(`
  fragment RolloutChangeFields on RolloutChange {
    action
    actorName
    at
    field
    from
    to
    reason
  }
`);

/** Everything the item's panel shows; the mutations and the live updates answer with it. */
export const RolloutItemFields = graphql(`
  fragment RolloutItemFields on RolloutItem {
    ...RolloutCellFields
    notes
    updatedAt
    history {
      ...RolloutChangeFields
    }
  }
`);

/** The matrix: every item (98 for Karaganda fit one page of 100), in the API's order (district, then club type). */
export const RolloutMatrixQuery = graphql(`
  query RolloutMatrix($first: Int!, $after: String) {
    rolloutItems(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...RolloutCellFields
        centre {
          id
          name
        }
        clubType {
          id
          name
        }
      }
    }
  }
`);

export const ROLLOUT_PAGE_SIZE = 100;

export const RolloutTotalsFields = graphql(`
  fragment RolloutTotalsFields on RolloutTotals {
    planned
    launched
    active
    late
    share
  }
`);

/** How far the rollout is: per club type with its forecast, for the network, and month by month. */
export const RolloutProgressQuery = graphql(`
  query RolloutProgress {
    rolloutProgress {
      network {
        ...RolloutTotalsFields
      }
      byClubType {
        clubType {
          id
          name
        }
        totals {
          ...RolloutTotalsFields
        }
        firstLaunchOn
        launchesSoFar
        forecastOn
      }
      timeline {
        month
        planned
        launched
      }
      forecastOn
      forecastMethod
    }
  }
`);

export const RolloutItemQuery = graphql(`
  query RolloutItem($id: ID!) {
    rolloutItem(id: $id) {
      ...RolloutItemFields
      centre {
        id
        name
      }
      clubType {
        id
        name
      }
    }
  }
`);

export const UpdateRolloutItemMutation = graphql(`
  mutation UpdateRolloutItem($input: UpdateRolloutItemInput!) {
    updateRolloutItem(input: $input) {
      rolloutItem {
        ...RolloutItemFields
      }
    }
  }
`);

export const AdvanceRolloutMutation = graphql(`
  mutation AdvanceRollout($input: AdvanceRolloutInput!) {
    advanceRollout(input: $input) {
      rolloutItem {
        ...RolloutItemFields
      }
    }
  }
`);

/** Tells the page when any item changes, wherever the change was made. */
export const RolloutItemChangedSubscription = graphql(`
  subscription RolloutItemChanged {
    rolloutItemChanged {
      ...RolloutItemFields
    }
  }
`);
