import type { MockLink } from '@apollo/client/testing';
import type {
  AdvanceRolloutInput,
  RolloutItemFieldsFragment,
  RolloutItemQuery as RolloutItemData,
  RolloutMatrixQuery as RolloutMatrixData,
  RolloutProgressQuery as RolloutProgressData,
  UpdateRolloutItemInput,
} from '../../gql/graphql';
import {
  AdvanceRolloutMutation,
  RolloutItemQuery,
  RolloutMatrixQuery,
  RolloutProgressQuery,
  ROLLOUT_PAGE_SIZE,
  UpdateRolloutItemMutation,
} from './rollout-documents';
import type { MatrixItem } from './rollout-matrix';

/** Test data: three club types planned for three districts; Temirtau (c-3) is the coordinator's (session.fixtures). */
export const CENTRES = {
  balkhash: { __typename: 'Centre' as const, id: 'c-4', name: 'Balkhash' },
  saran: { __typename: 'Centre' as const, id: 'c-5', name: 'Saran' },
  temirtau: { __typename: 'Centre' as const, id: 'c-3', name: 'Temirtau' },
};

export const TYPES = {
  dombra: { __typename: 'ClubType' as const, id: 't-dombra', name: 'Dombra' },
  oratory: { __typename: 'ClubType' as const, id: 't-oratory', name: 'Public speaking' },
  singing: { __typename: 'ClubType' as const, id: 't-singing', name: 'Singing' },
};

type Centre = (typeof CENTRES)[keyof typeof CENTRES];
type ClubType = (typeof TYPES)[keyof typeof TYPES];

/** An item as the matrix lists it; PLANNED with nothing met unless told otherwise. */
export function matrixItem(centre: Centre, clubType: ClubType, overrides: Partial<MatrixItem> = {}): MatrixItem {
  return {
    __typename: 'RolloutItem',
    id: `ri-${centre.id}-${clubType.id}`,
    status: 'PLANNED',
    gates: [],
    plannedOn: '2027-03-01',
    launchedOn: null,
    late: false,
    version: 1,
    editable: true,
    allowedActions: [],
    statusReason: null,
    responsibleName: 'Дана Ахметова',
    centre,
    clubType,
    ...overrides,
  };
}

/**
 * The matrix in the API's order (district, then type): Balkhash runs dombra and is late with public
 * speaking; Saran has no singing on its plan and paused dombra; Temirtau is preparing dombra with
 * three gates met and has cancelled singing.
 */
export function karagandaItems(): MatrixItem[] {
  const { balkhash, saran, temirtau } = CENTRES;
  const { dombra, oratory, singing } = TYPES;
  return [
    matrixItem(balkhash, dombra, { status: 'ACTIVE', gates: ['SPACE_READY', 'LEADER_ASSIGNED', 'EQUIPMENT_IN_PLACE', 'FIRST_MEETING_HELD'], launchedOn: '2026-07-10', plannedOn: '2026-07-06' }),
    matrixItem(balkhash, oratory, { status: 'PREPARING', gates: ['SPACE_READY'], plannedOn: '2026-08-17', late: true }),
    matrixItem(balkhash, singing),
    matrixItem(saran, dombra, { status: 'PAUSED', gates: ['SPACE_READY', 'LEADER_ASSIGNED'], statusReason: 'The leader moved away.' }),
    matrixItem(saran, oratory, { status: 'PREPARING', gates: [], plannedOn: '2026-10-24', late: true }),
    matrixItem(temirtau, dombra, { status: 'PREPARING', gates: ['SPACE_READY', 'LEADER_ASSIGNED', 'EQUIPMENT_IN_PLACE'], plannedOn: '2027-01-15' }),
    matrixItem(temirtau, oratory, { status: 'LAUNCHED', gates: ['SPACE_READY', 'LEADER_ASSIGNED', 'EQUIPMENT_IN_PLACE', 'FIRST_MEETING_HELD'], launchedOn: '2026-11-02' }),
    matrixItem(temirtau, singing, { status: 'CANCELLED', editable: false, statusReason: 'No room for a choir.' }),
  ];
}

export function matrixResult(items: MatrixItem[], { hasNextPage = false, endCursor = null as string | null } = {}): { data: RolloutMatrixData } {
  return {
    data: {
      rolloutItems: {
        __typename: 'RolloutItemConnection',
        totalCount: items.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
        nodes: items,
      },
    },
  };
}

export function matrixMock(items: MatrixItem[] = karagandaItems(), options: { maxUsageCount?: number } = {}): MockLink.MockedResponse {
  return { request: { query: RolloutMatrixQuery, variables: { first: ROLLOUT_PAGE_SIZE } }, result: matrixResult(items), ...options };
}

type Progress = RolloutProgressData['rolloutProgress'];

function totals(planned: number, launched: number, late = 0, active = 0) {
  return { __typename: 'RolloutTotals' as const, planned, launched, active, late, share: planned === 0 ? null : launched / planned };
}

/** The progress of the matrix above, with a plan running from June 2026 to March 2027. */
export function progress(overrides: Partial<Progress> = {}): Progress {
  return {
    __typename: 'RolloutProgress',
    network: totals(7, 2, 2, 1),
    byClubType: [
      { __typename: 'ClubTypeRollout', clubType: TYPES.dombra, totals: totals(3, 1, 0, 1), firstLaunchOn: '2026-05-20', launchesSoFar: 2, forecastOn: '2027-05-04' },
      { __typename: 'ClubTypeRollout', clubType: TYPES.oratory, totals: totals(3, 1, 2), firstLaunchOn: '2026-06-01', launchesSoFar: 1, forecastOn: '2028-02-10' },
      { __typename: 'ClubTypeRollout', clubType: TYPES.singing, totals: totals(1, 0), firstLaunchOn: null, launchesSoFar: 0, forecastOn: null },
    ],
    timeline: [
      { __typename: 'RolloutMonth', month: '2026-06', planned: 0, launched: 0 },
      { __typename: 'RolloutMonth', month: '2026-07', planned: 1, launched: 1 },
      { __typename: 'RolloutMonth', month: '2026-08', planned: 2, launched: 1 },
      { __typename: 'RolloutMonth', month: '2026-10', planned: 3, launched: 1 },
      { __typename: 'RolloutMonth', month: '2026-11', planned: 3, launched: 2 },
      { __typename: 'RolloutMonth', month: '2027-01', planned: 4, launched: 2 },
      { __typename: 'RolloutMonth', month: '2027-03', planned: 7, launched: 2 },
    ],
    forecastOn: null,
    forecastMethod: 'Linear pace per club type: district launches so far divided by the days since the type first launched.',
    ...overrides,
  };
}

export function progressMock(value: Progress = progress(), options: { maxUsageCount?: number } = {}): MockLink.MockedResponse {
  return { request: { query: RolloutProgressQuery, variables: {} }, result: { data: { rolloutProgress: value } }, ...options };
}

type DetailItem = RolloutItemData['rolloutItem'];

/** An item as its panel shows it: the matrix's fields, its notes and its history. */
export function detailItem(item: MatrixItem, overrides: Partial<DetailItem> = {}): DetailItem {
  return {
    ...item,
    notes: null,
    updatedAt: '2026-11-20T06:30:00.000Z',
    history: [
      { __typename: 'RolloutChange', action: 'PLAN', actorName: null, at: '2026-05-01T05:00:00.000Z', field: 'plannedOn', from: null, to: item.plannedOn, reason: null },
    ],
    ...overrides,
  };
}

export function itemMock(item: DetailItem): MockLink.MockedResponse {
  return { request: { query: RolloutItemQuery, variables: { id: item.id } }, result: { data: { rolloutItem: item } } };
}

/** What a mutation answers: the item as it is now, or a refusal with `extensions`. */
type Answer = RolloutItemFieldsFragment | { code: string; extensions?: Record<string, unknown> };

function answer(field: 'advanceRollout' | 'updateRolloutItem', given: Answer) {
  if ('code' in given) {
    return { data: null, errors: [{ message: 'Not for people', extensions: { code: given.code, ...given.extensions } }] };
  }
  return { data: { [field]: { __typename: 'RolloutItemPayload', rolloutItem: given } } };
}

export function advanceMock(input: AdvanceRolloutInput, given: Answer): MockLink.MockedResponse {
  return { request: { query: AdvanceRolloutMutation, variables: { input } }, result: answer('advanceRollout', given) };
}

export function updateMock(input: UpdateRolloutItemInput, given: Answer): MockLink.MockedResponse {
  return { request: { query: UpdateRolloutItemMutation, variables: { input } }, result: answer('updateRolloutItem', given) };
}

/** The item's fields as a mutation or a live change sends them (the centre and type by id only). */
export function asChanged(item: DetailItem): RolloutItemFieldsFragment {
  return { ...item, centre: { __typename: 'Centre', id: item.centre.id }, clubType: { __typename: 'ClubType', id: item.clubType.id } };
}
