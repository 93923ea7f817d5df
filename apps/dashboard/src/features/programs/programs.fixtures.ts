import type { MockLink } from '@apollo/client/testing';
import type { ProgramFilter, ProgramQuery, ProgramRunFieldsFragment, ProgramsQuery as ProgramsResult } from '../../gql/graphql';
import { text } from '../catalogue/catalogue.fixtures';
import { PROGRAMS_PAGE_SIZE, ProgramQuery as ProgramDocument, ProgramsQuery } from './programs-documents';

/** Test data: programs as the API returns them in English. */
export type ProgramRow = ProgramsResult['programs']['nodes'][number];
export type ProgramDetail = ProgramQuery['program'];

export function programRow(overrides: Partial<ProgramRow> & Pick<ProgramRow, 'id' | 'name'>): ProgramRow {
  return {
    __typename: 'Program',
    kind: 'TRAINING',
    minAge: 14,
    maxAge: 35,
    minEducation: 'NONE',
    ruralOnly: false,
    anonymous: false,
    durationWeeks: null,
    closedOn: null,
    ...overrides,
  };
}

export function programsMock(nodes: ProgramRow[], { filter, totalCount = nodes.length }: { filter?: ProgramFilter; totalCount?: number } = {}): MockLink.MockedResponse {
  return {
    request: { query: ProgramsQuery, variables: { first: PROGRAMS_PAGE_SIZE, ...(filter ? { filter } : {}) } },
    result: { data: { programs: { __typename: 'ProgramConnection', totalCount, nodes } } },
  };
}

export function run(overrides: Partial<ProgramRunFieldsFragment> & Pick<ProgramRunFieldsFragment, 'id'> & { centreId: string; centreName: string }): ProgramRunFieldsFragment {
  const { centreId, centreName, ...rest } = overrides;
  return {
    __typename: 'ProgramRun',
    startsOn: '2026-03-02',
    endsOn: '2026-04-05',
    closedOn: null,
    status: 'RUNNING',
    centre: { __typename: 'Centre', id: centreId, name: centreName },
    ...rest,
  };
}

/** A support group for relatives: an age range outside 14–35 with its reason, anonymous, five weeks. */
export const RELATIVES_GROUP: ProgramDetail = {
  __typename: 'Program',
  id: 'p-relatives',
  code: 'relatives-group',
  kind: 'SUPPORT_GROUP',
  name: 'Relatives support group',
  description: 'Weekly meetings for the families of young people.',
  closedOn: null,
  minAge: 18,
  maxAge: 80,
  ageExceptionReason: 'Relatives of any adult age',
  minEducation: 'NONE',
  ruralOnly: false,
  anonymous: true,
  durationWeeks: 5,
  names: text('Relatives support group'),
  descriptions: text('Weekly meetings for the families of young people.'),
  ageExceptionReasons: text('Relatives of any adult age'),
  partners: [{ __typename: 'ProgramPartner', name: 'Atameken chamber of entrepreneurs', names: text('Atameken chamber of entrepreneurs') }],
  mentors: [{ __typename: 'Mentor', fullName: 'Saule Nurlanovna', expertise: 'Family psychology', expertises: text('Family psychology') }],
  runs: [
    run({ id: 'r-temirtau', centreId: 'c-3', centreName: 'Temirtau', status: 'PLANNED', startsOn: '2026-11-02', endsOn: '2026-12-06' }),
    run({ id: 'r-balkhash', centreId: 'c-4', centreName: 'Balkhash' }),
    run({ id: 'r-saran', centreId: 'c-5', centreName: 'Saran', status: 'CANCELLED', closedOn: '2026-02-20', startsOn: '2026-02-02', endsOn: '2026-03-08' }),
  ],
};

export function programMock(program: ProgramDetail): MockLink.MockedResponse {
  return { request: { query: ProgramDocument, variables: { id: program.id } }, result: { data: { program } } };
}
