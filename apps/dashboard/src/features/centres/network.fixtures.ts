import type { MockLink } from '@apollo/client/testing';
import type { NetworkOverviewQuery as NetworkOverviewData } from '../../gql/graphql';
import { centrePage, centrePageVariables } from './centres.fixtures';
import { NETWORK_OVERVIEW_PAGE_SIZE, NetworkOverviewQuery } from './network-documents';
import type { OverviewCentre } from './network-filters';

/** Test data: the Karaganda network as the network page receives it in English (seed order). */
const DISTRICTS: ReadonlyArray<[string, OverviewCentre['kind'], string, number, number]> = [
  ['Kazybek Bi district', 'CITY_DISTRICT', 'Karaganda', 49.781, 73.135],
  ['Alikhan Bokeikhan district', 'CITY_DISTRICT', 'Karaganda', 49.83, 73.08],
  ['Temirtau', 'CITY', 'Temirtau', 50.0549, 72.9646],
  ['Balkhash', 'CITY', 'Balkhash', 46.8481, 74.995],
  ['Saran', 'CITY', 'Saran', 49.79, 72.845],
  ['Shakhtinsk', 'CITY', 'Shakhtinsk', 49.71, 72.587],
  ['Priozersk', 'CITY', 'Priozersk', 46.031, 73.702],
  ['Abay district', 'RURAL_DISTRICT', 'Abay', 49.631, 72.859],
  ['Aktogay district', 'RURAL_DISTRICT', 'Aktogay', 48.17, 75.97],
  ['Bukhar-Zhyrau district', 'RURAL_DISTRICT', 'Botakara', 50.055, 73.719],
  ['Karkaraly district', 'RURAL_DISTRICT', 'Karkaraly', 49.409, 75.474],
  ['Nura district', 'RURAL_DISTRICT', 'Kiyevka', 50.262, 71.556],
  ['Osakarov district', 'RURAL_DISTRICT', 'Osakarovka', 50.563, 72.569],
  ['Shet district', 'RURAL_DISTRICT', 'Aksu-Ayuly', 48.77, 73.68],
];

/** `count` open clubs, with ids unique to the centre. */
export function clubIds(centreId: string, count: number): OverviewCentre['clubs'] {
  return Array.from({ length: count }, (_, index) => ({ __typename: 'Club' as const, id: `${centreId}-club-${index}` }));
}

export function overviewCentre(overrides: Partial<OverviewCentre> & Pick<OverviewCentre, 'id' | 'name'>): OverviewCentre {
  return {
    __typename: 'Centre',
    kind: 'CITY',
    names: { __typename: 'LocalisedText', kk: null, ru: null, en: overrides.name },
    town: null,
    towns: { __typename: 'LocalisedText', kk: null, ru: null, en: null },
    latitude: null,
    longitude: null,
    openedOn: null,
    closedOn: null,
    parent: null,
    clubs: [],
    programRuns: [],
    ...overrides,
  };
}

export const REGIONAL = overviewCentre({
  id: 'c-0',
  kind: 'REGIONAL',
  name: 'Youth Resource Centre of Karaganda region',
  names: { __typename: 'LocalisedText', kk: 'Қарағанды облысының Жастар ресурстық орталығы', ru: 'Молодежный ресурсный центр Карагандинской области', en: 'Youth Resource Centre of Karaganda region' },
  town: 'Karaganda',
  latitude: 49.8047,
  longitude: 73.1094,
  clubs: clubIds('c-0', 7),
  programRuns: [
    { __typename: 'ProgramRun', id: 'run-1', status: 'RUNNING' },
    { __typename: 'ProgramRun', id: 'run-2', status: 'RUNNING' },
    { __typename: 'ProgramRun', id: 'run-3', status: 'FINISHED' },
  ],
});

export const NETWORK: OverviewCentre[] = [
  REGIONAL,
  ...DISTRICTS.map(([name, kind, town, latitude, longitude], index) =>
    overviewCentre({
      id: `c-${index + 1}`,
      name,
      kind,
      town,
      latitude,
      longitude,
      parent: { __typename: 'Centre', id: REGIONAL.id },
      // Temirtau (c-3) runs three clubs, Balkhash (c-4) two; the rest one or none.
      clubs: clubIds(`c-${index + 1}`, index === 2 ? 3 : index === 3 ? 2 : index % 2),
      ...(name === 'Balkhash'
        ? {
            // As the seed has it, so the search can find it by its Kazakh and Russian names.
            names: { __typename: 'LocalisedText' as const, kk: 'Балқаш қаласы', ru: 'г. Балхаш', en: 'Balkhash' },
            towns: { __typename: 'LocalisedText' as const, kk: 'Балқаш', ru: 'Балхаш', en: 'Balkhash' },
          }
        : {}),
    }),
  ),
];

const request = { query: NetworkOverviewQuery, variables: { first: NETWORK_OVERVIEW_PAGE_SIZE } };

/** The variables the page asks for page `page` (0 = the first) with. */
function pageVariables(page: number): { first: number; after?: string } {
  return centrePageVariables(NETWORK_OVERVIEW_PAGE_SIZE, page);
}

/** Page `page` of `network` as the API answers it, 100 centres a page. */
export function overviewResult(network: OverviewCentre[], page = 0): { data: NetworkOverviewData } {
  return { data: { centres: centrePage(network, NETWORK_OVERVIEW_PAGE_SIZE, page) } };
}

/** The first page of `nodes`: the whole network while it has at most 100 centres. */
export function overviewMock(nodes: OverviewCentre[] = NETWORK): MockLink.MockedResponse {
  return { request, result: overviewResult(nodes) };
}

/** Page `page` of `network`, asked for with the cursor that ends the page before it. */
export function overviewPageMock(network: OverviewCentre[], page: number): MockLink.MockedResponse {
  return { request: { query: NetworkOverviewQuery, variables: pageVariables(page) }, result: overviewResult(network, page) };
}

/** Every page of `network`, in the order the page asks for them. */
export function overviewPageMocks(network: OverviewCentre[]): MockLink.MockedResponse[] {
  const pages = Math.max(1, Math.ceil(network.length / NETWORK_OVERVIEW_PAGE_SIZE));
  return Array.from({ length: pages }, (_, page) => overviewPageMock(network, page));
}

/** Page `page` (the first unless said) failing with `code`. */
export function overviewErrorMock(code: string, page = 0): MockLink.MockedResponse {
  return {
    request: { query: NetworkOverviewQuery, variables: pageVariables(page) },
    result: { data: null, errors: [{ message: 'A message the UI must not depend on', extensions: { code } }] },
  };
}

/**
 * Answers any NetworkOverview request with the first page of `nodes`, noting the variables of each
 * request in `requests`, so a test can count them.
 */
export function recordingOverviewMock(nodes: OverviewCentre[]): { mock: MockLink.MockedResponse; requests: unknown[] } {
  const requests: unknown[] = [];
  const mock: MockLink.MockedResponse = {
    request: {
      query: NetworkOverviewQuery,
      variables: (variables) => {
        requests.push(variables);
        return true;
      },
    },
    result: overviewResult(nodes),
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
  return { mock, requests };
}

/**
 * A national network in the API's order (by name): `regions` regional centres, each with
 * `districtsPer` district centres under it. "District …" sorts before "Youth Resource Centre …", so
 * districts fill the first page and their regional centres arrive on a later one.
 */
export function nationalNetwork(regions: number, districtsPer: number): OverviewCentre[] {
  const heads = Array.from({ length: regions }, (_, r) =>
    overviewCentre({ id: `r-${r + 1}`, kind: 'REGIONAL', name: `Youth Resource Centre of Region ${r + 1}` }),
  );
  const districts = heads.flatMap((head, r) =>
    Array.from({ length: districtsPer }, (_, d) =>
      overviewCentre({
        id: `r-${r + 1}-d-${d + 1}`,
        kind: 'RURAL_DISTRICT',
        name: `District ${r + 1}.${String(d + 1).padStart(2, '0')}`,
        parent: { __typename: 'Centre', id: head.id },
      }),
    ),
  );
  return [...districts, ...heads];
}
