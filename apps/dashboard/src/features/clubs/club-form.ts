import { OPEN_CLUB_STATUSES, type ClubStatus } from '@mrc/domain';
import type { TFunction } from 'i18next';
import type { CentreClubFieldsFragment, CreateClubInput, UpdateClubInput } from '../../gql/graphql';
import type { FieldProblems } from '../../app/ui/field-problems';
import { EMPTY_LOCALISED, hasText, localisedInput, localisedValues, type LocalisedValues } from '../../app/ui/localised-text';
import { optionalText } from '../centres/record-form';

/** The statuses a form may set; CLOSED comes only from closing the club. */
export type OpenClubStatus = (typeof OPEN_CLUB_STATUSES)[number];

export interface ClubValues {
  /** '' until a type is chosen; fixed once the club exists. */
  clubTypeId: string;
  status: OpenClubStatus;
  leaderName: string;
  schedules: LocalisedValues;
  /** `YYYY-MM-DD`, or '' while the club has not met. */
  startedOn: string;
}

export const NEW_CLUB: ClubValues = { clubTypeId: '', status: 'PLANNED', leaderName: '', schedules: EMPTY_LOCALISED, startedOn: '' };

export function clubValues(club: CentreClubFieldsFragment): ClubValues {
  return {
    clubTypeId: club.type.id,
    status: isOpenStatus(club.status) ? club.status : 'PLANNED',
    leaderName: club.leaderName ?? '',
    schedules: localisedValues(club.schedules),
    startedOn: club.startedOn ?? '',
  };
}

export function isOpenStatus(status: ClubStatus): status is OpenClubStatus {
  return (OPEN_CLUB_STATUSES as readonly ClubStatus[]).includes(status);
}

/**
 * What can be said before asking the API: a type must be chosen, and a club that meets (or paused
 * after meeting) has a first meeting day. The API checks this and more (not in the future, not before
 * the centre opened) and its answer is shown at the same fields.
 */
export function validateClub(values: ClubValues, t: TFunction, { isNew }: { isNew: boolean }): FieldProblems {
  const problems: FieldProblems = {};
  if (isNew && values.clubTypeId === '') problems['clubTypeId'] = t('clubs.form.typeRequired');
  if (values.status !== 'PLANNED' && values.startedOn === '') problems['startedOn'] = t('clubs.form.startedOnRequired');
  return problems;
}

export function createClubInput(centreId: string, values: ClubValues): CreateClubInput {
  return {
    centreId,
    clubTypeId: values.clubTypeId,
    status: values.status,
    leaderName: optionalText(values.leaderName),
    schedules: hasText(values.schedules) ? localisedInput(values.schedules) : null,
    startedOn: values.startedOn === '' ? null : values.startedOn,
  };
}

/** A closed club keeps its status and first meeting until it is reopened (the API refuses them). */
export function updateClubInput(id: string, values: ClubValues, { closed }: { closed: boolean }): UpdateClubInput {
  return {
    id,
    leaderName: optionalText(values.leaderName),
    schedules: hasText(values.schedules) ? localisedInput(values.schedules) : null,
    ...(closed ? {} : { status: values.status, startedOn: values.startedOn === '' ? null : values.startedOn }),
  };
}
