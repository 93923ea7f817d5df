import type { MockLink } from '@apollo/client/testing';
import type { OverviewKpisQuery as OverviewKpisResult } from '../../gql/graphql';
import { monthStart, OverviewKpisQuery } from './overview-kpis';

export interface OverviewFigures {
  allCentres: number;
  openCentres: number;
  activeClubs: number;
  clubsStartedThisMonth: number;
  runningPrograms: number;
}

/** Karaganda's network: 15 centres, one of them closed. */
export const KARAGANDA_FIGURES: OverviewFigures = {
  allCentres: 15,
  openCentres: 14,
  activeClubs: 1234,
  clubsStartedThisMonth: 3,
  runningPrograms: 21,
};

const request = () => ({ query: OverviewKpisQuery, variables: { monthStart: monthStart(new Date()) } });

function result(figures: OverviewFigures): { data: OverviewKpisResult } {
  return {
    data: {
      allCentres: { __typename: 'CentreConnection', totalCount: figures.allCentres },
      openCentres: { __typename: 'CentreConnection', totalCount: figures.openCentres },
      activeClubs: { __typename: 'ClubConnection', totalCount: figures.activeClubs },
      clubsStartedThisMonth: { __typename: 'ClubConnection', totalCount: figures.clubsStartedThisMonth },
      runningPrograms: { __typename: 'ProgramRunConnection', totalCount: figures.runningPrograms },
    },
  };
}

export function overviewMock(figures: Partial<OverviewFigures> = {}): MockLink.MockedResponse {
  return { request: request(), result: result({ ...KARAGANDA_FIGURES, ...figures }) };
}

/** The API refusing the query with a GraphQL error that carries `extensions.code`. */
export function overviewErrorMock(code: string): MockLink.MockedResponse {
  return {
    request: request(),
    result: { data: null, errors: [{ message: 'A message the UI must not depend on', extensions: { code } }] },
  };
}
