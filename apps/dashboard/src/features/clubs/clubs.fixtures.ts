import type { MockLink } from '@apollo/client/testing';
import type { CentreClubFieldsFragment } from '../../gql/graphql';
import { CLUB_TYPES_PAGE_SIZE, ClubEditQuery, ClubFormCentreClubsQuery, ClubFormClubTypesQuery } from './clubs-documents';

/** Test data: the regional catalogue as the club form receives it in English. */
export const CLUB_TYPES = [
  { __typename: 'ClubType' as const, id: 'type-debate', name: 'Debate' },
  { __typename: 'ClubType' as const, id: 'type-dombra', name: 'Dombra' },
  { __typename: 'ClubType' as const, id: 'type-oratory', name: 'Public speaking' },
];

export function clubTypesMock(nodes = CLUB_TYPES): MockLink.MockedResponse {
  return {
    request: { query: ClubFormClubTypesQuery, variables: { first: CLUB_TYPES_PAGE_SIZE } },
    result: { data: { clubTypes: { __typename: 'ClubTypeConnection', totalCount: nodes.length, nodes } } },
  };
}

/** The centre's open clubs, by type, for the form to mark the types that run there already. */
export function centreClubsMock(centreId: string, name: string, runningTypeIds: string[]): MockLink.MockedResponse {
  return {
    request: { query: ClubFormCentreClubsQuery, variables: { id: centreId } },
    result: {
      data: {
        centre: {
          __typename: 'Centre',
          id: centreId,
          name,
          closedOn: null,
          clubs: runningTypeIds.map((typeId) => ({
            __typename: 'Club',
            id: `${centreId}-${typeId}`,
            type: { __typename: 'ClubType', id: typeId },
          })),
        },
      },
    },
  };
}

export function clubEditMock(club: CentreClubFieldsFragment): MockLink.MockedResponse {
  return { request: { query: ClubEditQuery, variables: { id: club.id } }, result: { data: { club } } };
}
