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

/**
 * A network of `districts` district centres under the regional centre, in the API's order (the
 * regional centre first, then by name): more than 99 districts fill more than one page.
 */
export function nationalCentres(districts: number): NetworkCentre[] {
  return [
    REGIONAL_CENTRE,
    ...Array.from({ length: districts }, (_, index) =>
      centre({
        id: `d-${index + 1}`,
        kind: 'RURAL_DISTRICT',
        name: `District ${String(index + 1).padStart(3, '0')}`,
        parent: { __typename: 'Centre', id: REGIONAL_CENTRE.id },
      }),
    ),
  ];
}

/** The opaque cursor the API would give the centre at `index` of the whole list. */
function cursorAt(index: number): string {
  return `cursor-${index}`;
}

/** The variables a list of `pageSize` a page asks for page `page` (0 = the first) with. */
export function centrePageVariables(pageSize: number, page: number): { first: number; after?: string } {
  return page === 0 ? { first: pageSize } : { first: pageSize, after: cursorAt(page * pageSize - 1) };
}

/** Page `page` of `centres` as the API answers `centres(first: pageSize, after:)`. */
export function centrePage<T>(centres: T[], pageSize: number, page: number) {
  const start = page * pageSize;
  const nodes = centres.slice(start, start + pageSize);
  return {
    __typename: 'CentreConnection' as const,
    totalCount: centres.length,
    pageInfo: {
      __typename: 'PageInfo' as const,
      hasNextPage: start + nodes.length < centres.length,
      endCursor: nodes.length > 0 ? cursorAt(start + nodes.length - 1) : null,
    },
    nodes,
  };
}

/** The variables a picker asks for page `page` (0 = the first) with. */
export function networkPageVariables(page: number): { first: number; after?: string } {
  return centrePageVariables(NETWORK_PAGE_SIZE, page);
}

/** Page `page` of `network` as the API answers it, 100 centres a page. */
export function networkResult(network: NetworkCentre[], page = 0): { data: NetworkCentresQuery } {
  return { data: { centres: centrePage(network, NETWORK_PAGE_SIZE, page) } };
}

/** The first page of `nodes`: the whole network while it has at most 100 centres. */
export function networkMock(nodes: NetworkCentre[] = KARAGANDA_NETWORK): MockLink.MockedResponse {
  return networkPageMock(nodes, 0);
}

/** Page `page` of `network`, asked for with the cursor that ends the page before it. */
export function networkPageMock(network: NetworkCentre[], page: number, delay?: number): MockLink.MockedResponse {
  return {
    request: { query: NetworkCentresDocument, variables: networkPageVariables(page) },
    result: networkResult(network, page),
    ...(delay === undefined ? {} : { delay }),
  };
}

/** Every page of `network`, in the order the pickers ask for them. */
export function networkPageMocks(network: NetworkCentre[]): MockLink.MockedResponse[] {
  const pages = Math.max(1, Math.ceil(network.length / NETWORK_PAGE_SIZE));
  return Array.from({ length: pages }, (_, page) => networkPageMock(network, page));
}

/** The API refusing page `page` (the first unless said) with a GraphQL error that carries `extensions.code`. */
export function networkErrorMock(code: string, page = 0): MockLink.MockedResponse {
  return {
    request: { query: NetworkCentresDocument, variables: networkPageVariables(page) },
    result: {
      data: null,
      errors: [{ message: 'A message the UI must not depend on', extensions: { code } }],
    },
  };
}
