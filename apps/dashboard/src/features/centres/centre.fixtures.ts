import type { MockLink } from '@apollo/client/testing';
import type {
  CentreClubFieldsFragment,
  CentreEquipmentFieldsFragment,
  CentrePageQuery as CentrePageData,
  CentreProgramRunFieldsFragment,
  CentreSpaceFieldsFragment,
} from '../../gql/graphql';
import { CentreEditQuery, CentreNameQuery, CentrePageQuery } from './centre-documents';

/** Test data: Temirtau (c-3, the demo coordinator's centre) as the centre page receives it in English. */
export type CentrePageCentre = NonNullable<CentrePageData['centre']>;

const localised = (kk: string | null, ru: string | null, en: string | null) => ({ __typename: 'LocalisedText' as const, kk, ru, en });

export function space(overrides: Partial<CentreSpaceFieldsFragment> & Pick<CentreSpaceFieldsFragment, 'id'>): CentreSpaceFieldsFragment {
  return {
    __typename: 'Space',
    kind: 'COWORKING',
    name: 'Coworking',
    names: localised('Коворкинг', 'Коворкинг', 'Coworking'),
    capacity: 20,
    closedOn: null,
    centre: { __typename: 'Centre', id: 'c-3' },
    ...overrides,
  };
}

export function equipmentItem(
  overrides: Partial<CentreEquipmentFieldsFragment> & Pick<CentreEquipmentFieldsFragment, 'id'>,
): CentreEquipmentFieldsFragment {
  return {
    __typename: 'EquipmentItem',
    kind: 'CAMERA',
    name: 'Camera',
    names: localised('Камера', 'Камера', 'Camera'),
    quantity: 2,
    closedOn: null,
    centre: { __typename: 'Centre', id: 'c-3' },
    ...overrides,
  };
}

export function club(overrides: Partial<CentreClubFieldsFragment> & Pick<CentreClubFieldsFragment, 'id'>): CentreClubFieldsFragment {
  return {
    __typename: 'Club',
    status: 'ACTIVE',
    leaderName: 'Irina Kim',
    schedule: 'Wed 18:00–19:30',
    schedules: localised('Сәрсенбі 18:00–19:30', 'Ср 18:00–19:30', 'Wed 18:00–19:30'),
    startedOn: '2026-09-09',
    closedOn: null,
    type: { __typename: 'ClubType', id: 'type-oratory', name: 'Public speaking' },
    centre: { __typename: 'Centre', id: 'c-3' },
    ...overrides,
  };
}

export function programRun(
  overrides: Partial<CentreProgramRunFieldsFragment> & Pick<CentreProgramRunFieldsFragment, 'id'>,
): CentreProgramRunFieldsFragment {
  return {
    __typename: 'ProgramRun',
    startsOn: '2026-09-15',
    endsOn: null,
    closedOn: null,
    status: 'RUNNING',
    program: { __typename: 'Program', id: 'p-business', name: 'Business club' },
    ...overrides,
  };
}

export const TEMIRTAU: CentrePageCentre = {
  __typename: 'Centre',
  id: 'c-3',
  code: 'temirtau',
  kind: 'CITY',
  name: 'Temirtau',
  names: localised('Теміртау қаласы', 'г. Темиртау', 'Temirtau'),
  town: 'Temirtau',
  towns: localised('Теміртау', 'Темиртау', 'Temirtau'),
  latitude: 50.0549,
  longitude: 72.9646,
  openedOn: '2019-11-15',
  closedOn: null,
  phone: '+7 7213 98 31 16',
  email: 'temirtau@mrc-karaganda.kz',
  address: '12 Metallurgov Avenue',
  addresses: localised('Металлургтер даңғылы, 12', 'просп. Металлургов, 12', '12 Metallurgov Avenue'),
  parent: { __typename: 'Centre', id: 'c-0', name: 'Youth Resource Centre of Karaganda region' },
  children: [],
  spaces: [
    space({ id: 's-1', name: 'Coworking zone', capacity: 30 }),
    space({ id: 's-2', kind: 'PODCAST_STUDIO', name: 'Podcast studio', capacity: 4, closedOn: '2026-10-01' }),
  ],
  equipment: [equipmentItem({ id: 'e-1', name: 'Mirrorless camera', quantity: 3 })],
  clubs: [
    club({ id: 'club-dombra', type: { __typename: 'ClubType', id: 'type-dombra', name: 'Dombra' }, leaderName: 'Bakhytzhan Nurpeisov' }),
    club({ id: 'club-oratory' }),
    club({
      id: 'club-old',
      status: 'CLOSED',
      closedOn: '2026-06-30',
      type: { __typename: 'ClubType', id: 'type-debate', name: 'Debate' },
      leaderName: null,
      schedule: null,
      schedules: localised(null, null, null),
    }),
  ],
  programRuns: [programRun({ id: 'run-1' }), programRun({ id: 'run-2', startsOn: '2026-03-02', endsOn: '2026-04-03', status: 'FINISHED', program: { __typename: 'Program', id: 'p-soa', name: 'School of Analytics' } })],
};

/** Balkhash (c-4): another coordinator's centre, with one club. */
export const BALKHASH_CENTRE: CentrePageCentre = {
  ...TEMIRTAU,
  id: 'c-4',
  code: 'balkhash',
  name: 'Balkhash',
  names: localised('Балқаш қаласы', 'г. Балхаш', 'Balkhash'),
  town: 'Balkhash',
  towns: localised('Балқаш', 'Балхаш', 'Balkhash'),
  phone: null,
  email: null,
  address: null,
  addresses: localised(null, null, null),
  spaces: [space({ id: 's-b1', centre: { __typename: 'Centre', id: 'c-4' } })],
  equipment: [],
  clubs: [club({ id: 'club-b1', centre: { __typename: 'Centre', id: 'c-4' }, type: { __typename: 'ClubType', id: 'type-dombra', name: 'Dombra' } })],
  programRuns: [],
};

export function centrePageMock(centre: CentrePageCentre | null = TEMIRTAU, id = centre?.id ?? 'c-3'): MockLink.MockedResponse {
  return { request: { query: CentrePageQuery, variables: { id } }, result: { data: { centre } } };
}

export function centrePageErrorMock(id: string, code: string): MockLink.MockedResponse {
  return {
    request: { query: CentrePageQuery, variables: { id } },
    result: { data: { centre: null }, errors: [{ message: 'Not for people', path: ['centre'], extensions: { code } }] },
  };
}

export function centreEditMock(centre: CentrePageCentre = TEMIRTAU): MockLink.MockedResponse {
  const { spaces: _s, equipment: _e, clubs: _c, programRuns: _r, ...detail } = centre;
  return { request: { query: CentreEditQuery, variables: { id: centre.id } }, result: { data: { centre: detail } } };
}

export function centreNameMock(centre: Pick<CentrePageCentre, 'id' | 'name'> & { closedOn?: string | null } = TEMIRTAU): MockLink.MockedResponse {
  return {
    request: { query: CentreNameQuery, variables: { id: centre.id } },
    result: { data: { centre: { __typename: 'Centre', id: centre.id, name: centre.name, closedOn: centre.closedOn ?? null } } },
  };
}
