import type { MockLink } from '@apollo/client/testing';
import type { ClubTypeFilter, ClubTypeQuery, ClubTypesQuery as ClubTypesResult } from '../../gql/graphql';
import { CLUB_TYPES_PAGE_SIZE, ClubTypeQuery as ClubTypeDocument, ClubTypesQuery } from './club-types-documents';

/** Test data: the club catalogue as the API returns it in English. */
export type ClubTypeRow = ClubTypesResult['clubTypes']['nodes'][number];
export type ClubTypeDetail = ClubTypeQuery['clubType'];
type Club = ClubTypeDetail['clubs'][number];

export function text(en: string, ru = `${en} (ru)`, kk = `${en} (kk)`) {
  return { __typename: 'LocalisedText' as const, kk, ru, en };
}

export function clubTypeRow(overrides: Partial<ClubTypeRow> & Pick<ClubTypeRow, 'id' | 'name'>): ClubTypeRow {
  return { __typename: 'ClubType', code: overrides.id, description: null, closedOn: null, ...overrides };
}

export function clubTypesMock(nodes: ClubTypeRow[], { filter, totalCount = nodes.length }: { filter?: ClubTypeFilter; totalCount?: number } = {}): MockLink.MockedResponse {
  return {
    request: { query: ClubTypesQuery, variables: { first: CLUB_TYPES_PAGE_SIZE, ...(filter ? { filter } : {}) } },
    result: { data: { clubTypes: { __typename: 'ClubTypeConnection', totalCount, nodes } } },
  };
}

export function club(overrides: Partial<Club> & Pick<Club, 'id'> & { centreId: string; centreName: string }): Club {
  const { centreId, centreName, ...rest } = overrides;
  return {
    __typename: 'Club',
    status: 'ACTIVE',
    startedOn: '2026-02-02',
    closedOn: null,
    leaderName: null,
    centre: { __typename: 'Centre', id: centreId, name: centreName },
    ...rest,
  };
}

export const DOMBRA: ClubTypeDetail = {
  __typename: 'ClubType',
  id: 'ct-dombra',
  code: 'dombra',
  name: 'Dombra',
  description: 'Learn to play the dombra: kuis, accompanying songs, playing in an ensemble.',
  closedOn: null,
  names: text('Dombra', 'Домбра', 'Домбыра'),
  descriptions: text('Learn to play the dombra: kuis, accompanying songs, playing in an ensemble.', 'Клуб игры на домбре.', 'Домбыра тартуды үйренетін клуб.'),
  clubs: [
    club({ id: 'club-1', centreId: 'c-0', centreName: 'Youth Resource Centre of Karaganda region', leaderName: 'Yerzhan Abenov' }),
    club({ id: 'club-2', centreId: 'c-3', centreName: 'Temirtau', status: 'PLANNED', startedOn: null }),
    club({ id: 'club-3', centreId: 'c-4', centreName: 'Balkhash', status: 'CLOSED', closedOn: '2026-03-01' }),
  ],
};

export function clubTypeMock(type: ClubTypeDetail): MockLink.MockedResponse {
  return { request: { query: ClubTypeDocument, variables: { id: type.id } }, result: { data: { clubType: type } } };
}

/** The API refusing a request with a GraphQL error that carries `extensions`. */
export function refusal(code: string, extensions: Record<string, unknown> = {}) {
  return { data: null, errors: [{ message: 'A message the UI must not depend on', extensions: { code, ...extensions } }] };
}
