import type { MockLink } from '@apollo/client/testing';
import type { NetworkCentresQuery } from '../../gql/graphql';
import type { NetworkCentre } from './centre-network';
import { NETWORK_PAGE_SIZE, NetworkCentresQuery as NetworkCentresDocument } from './centres-query';

/** Test data: the Karaganda network as the API returns it in English (seed order). */
const DISTRICTS: ReadonlyArray<[string, NetworkCentre['kind'], string]> = [
  ['Kazybek Bi district', 'CITY_DISTRICT', 'Karaganda'],
  ['Alikhan Bokeikhan district', 'CITY_DISTRICT', 'Karaganda'],
  ['Temirtau', 'CITY', 'Temirtau'],
  ['Balkhash', 'CITY', 'Balkhash'],
  ['Saran', 'CITY', 'Saran'],
  ['Shakhtinsk', 'CITY', 'Shakhtinsk'],
  ['Priozersk', 'CITY', 'Priozersk'],
  ['Abay district', 'RURAL_DISTRICT', 'Abay'],
  ['Aktogay district', 'RURAL_DISTRICT', 'Aktogay'],
  ['Bukhar-Zhyrau district', 'RURAL_DISTRICT', 'Botakara'],
  ['Karkaraly district', 'RURAL_DISTRICT', 'Karkaraly'],
  ['Nura district', 'RURAL_DISTRICT', 'Kiyevka'],
  ['Osakarov district', 'RURAL_DISTRICT', 'Osakarovka'],
  ['Shet district', 'RURAL_DISTRICT', 'Aksu-Ayuly'],
];

export function centre(overrides: Partial<NetworkCentre> & Pick<NetworkCentre, 'id' | 'name'>): NetworkCentre {
  return {
    __typename: 'Centre',
    kind: 'CITY',
    town: null,
    openedOn: null,
    closedOn: null,
    parent: null,
    ...overrides,
  };
}

export const REGIONAL_CENTRE = centre({
  id: 'c-0',
  kind: 'REGIONAL',
  name: 'Youth Resource Centre of Karaganda region',
  town: 'Karaganda',
});

export const KARAGANDA_NETWORK: NetworkCentre[] = [
  REGIONAL_CENTRE,
  ...DISTRICTS.map(([name, kind, town], index) =>
    centre({ id: `c-${index + 1}`, name, kind, town, parent: { __typename: 'Centre', id: REGIONAL_CENTRE.id } }),
  ),
];

export function networkResult(nodes: NetworkCentre[], totalCount = nodes.length): { data: NetworkCentresQuery } {
  return { data: { centres: { __typename: 'CentreConnection', totalCount, nodes } } };
}

const request = { query: NetworkCentresDocument, variables: { first: NETWORK_PAGE_SIZE } };

export function networkMock(nodes: NetworkCentre[] = KARAGANDA_NETWORK): MockLink.MockedResponse {
  return { request, result: networkResult(nodes) };
}

/** The API refusing the query with a GraphQL error that carries `extensions.code`. */
export function networkErrorMock(code: string): MockLink.MockedResponse {
  return {
    request,
    result: {
      data: null,
      errors: [{ message: 'A message the UI must not depend on', extensions: { code } }],
    },
  };
}
