import { graphql } from '../../gql';

/**
 * The catalogue holds a handful of club types (seven planned): one page of the API's largest size
 * shows them all, and the page says so if that ever stops being true. Where each type runs is on its
 * own page: asking it for every row here would nest a network-wide list in a list, which the API's
 * query cost limit refuses.
 */
export const CLUB_TYPES_PAGE_SIZE = 100;

export const ClubTypesQuery = graphql(`
  query ClubTypes($first: Int!, $filter: ClubTypeFilter) {
    clubTypes(first: $first, filter: $filter) {
      totalCount
      nodes {
        id
        code
        name
        description
        closedOn
      }
    }
  }
`);

/** What the page and its edit form need; mutations answer with it so the cache stays whole. */
export const ClubTypeDetailFields = graphql(`
  fragment ClubTypeDetailFields on ClubType {
    id
    code
    name
    description
    closedOn
    names {
      kk
      ru
      en
    }
    descriptions {
      kk
      ru
      en
    }
  }
`);

/** One type and every club of it, closed ones too: the page shows each with its status. */
export const ClubTypeQuery = graphql(`
  query ClubType($id: ID!) {
    clubType(id: $id) {
      ...ClubTypeDetailFields
      clubs(includeClosed: true) {
        id
        status
        startedOn
        closedOn
        leaderName
        centre {
          id
          name
        }
      }
    }
  }
`);

export const CreateClubTypeMutation = graphql(`
  mutation CreateClubType($input: CreateClubTypeInput!) {
    createClubType(input: $input) {
      clubType {
        ...ClubTypeDetailFields
      }
    }
  }
`);

export const UpdateClubTypeMutation = graphql(`
  mutation UpdateClubType($input: UpdateClubTypeInput!) {
    updateClubType(input: $input) {
      clubType {
        ...ClubTypeDetailFields
      }
    }
  }
`);

export const CloseClubTypeMutation = graphql(`
  mutation CloseClubType($input: CloseRecordInput!) {
    closeClubType(input: $input) {
      clubType {
        ...ClubTypeDetailFields
      }
    }
  }
`);

export const ReopenClubTypeMutation = graphql(`
  mutation ReopenClubType($input: ReopenRecordInput!) {
    reopenClubType(input: $input) {
      clubType {
        ...ClubTypeDetailFields
      }
    }
  }
`);
