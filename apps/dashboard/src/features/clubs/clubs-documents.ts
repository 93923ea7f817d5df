import { graphql } from '../../gql';

/**
 * The current catalogue, for the club form's type select. 100 is the API's page limit; the region
 * plans seven types.
 */
export const ClubFormClubTypesQuery = graphql(`
  query ClubFormClubTypes($first: Int!) {
    clubTypes(first: $first) {
      totalCount
      nodes {
        id
        name
      }
    }
  }
`);

export const CLUB_TYPES_PAGE_SIZE = 100;

export const ClubEditQuery = graphql(`
  query ClubEdit($id: ID!) {
    club(id: $id) {
      ...CentreClubFields
    }
  }
`);

export const CreateClubMutation = graphql(`
  mutation CreateClub($input: CreateClubInput!) {
    createClub(input: $input) {
      club {
        ...CentreClubFields
      }
    }
  }
`);

export const UpdateClubMutation = graphql(`
  mutation UpdateClub($input: UpdateClubInput!) {
    updateClub(input: $input) {
      club {
        ...CentreClubFields
      }
    }
  }
`);

export const CloseClubMutation = graphql(`
  mutation CloseClub($input: CloseRecordInput!) {
    closeClub(input: $input) {
      club {
        ...CentreClubFields
      }
    }
  }
`);

export const ReopenClubMutation = graphql(`
  mutation ReopenClub($input: ReopenRecordInput!) {
    reopenClub(input: $input) {
      club {
        ...CentreClubFields
      }
    }
  }
`);

/** The centre's open clubs, so that the form can say which types already run there. */
export const ClubFormCentreClubsQuery = graphql(`
  query ClubFormCentreClubs($id: ID!) {
    centre(id: $id) {
      id
      name
      closedOn
      clubs {
        id
        type {
          id
        }
      }
    }
  }
`);
