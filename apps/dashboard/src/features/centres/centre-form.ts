import type { CentreKind } from '@mrc/domain';
import type { TFunction } from 'i18next';
import { failureCode } from '../../app/apollo/error-code';
import { fieldErrors } from '../../app/apollo/error-details';
import type { CentreDetailFieldsFragment, CreateCentreInput, UpdateCentreInput } from '../../gql/graphql';
import type { FieldProblems } from '../../app/ui/field-problems';
import { EMPTY_LOCALISED, localisedInput, localisedValues, type LocalisedValues } from '../../app/ui/localised-text';
import { optionalText, requireName } from './record-form';

/** The centre's contacts: all its own coordinator may change. */
export interface CentreContactValues {
  phone: string;
  email: string;
  address: LocalisedValues;
}

/** Everything an administrator may change. */
export interface CentreValues extends CentreContactValues {
  names: LocalisedValues;
  towns: LocalisedValues;
  kind: CentreKind;
  code: string;
  /** '' for the regional centre, which has no parent. */
  parentId: string;
  latitude: string;
  longitude: string;
  openedOn: string;
}

export function centreValues(centre: CentreDetailFieldsFragment): CentreValues {
  return {
    names: localisedValues(centre.names),
    towns: localisedValues(centre.towns),
    kind: centre.kind,
    code: centre.code,
    parentId: centre.parent?.id ?? '',
    latitude: centre.latitude == null ? '' : String(centre.latitude),
    longitude: centre.longitude == null ? '' : String(centre.longitude),
    openedOn: centre.openedOn ?? '',
    phone: centre.phone ?? '',
    email: centre.email ?? '',
    address: localisedValues(centre.addresses),
  };
}

/** A new centre's empty form, under the given parent (the regional centre, as a rule). */
export function newCentreValues(parentId: string): CentreValues {
  return {
    names: EMPTY_LOCALISED,
    towns: EMPTY_LOCALISED,
    kind: 'CITY',
    code: '',
    parentId,
    latitude: '',
    longitude: '',
    openedOn: '',
    phone: '',
    email: '',
    address: EMPTY_LOCALISED,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateContacts(values: CentreContactValues, t: TFunction): FieldProblems {
  const problems: FieldProblems = {};
  if (values.email.trim() !== '' && !EMAIL.test(values.email.trim())) problems['email'] = t('form.emailInvalid');
  return problems;
}

/** Every field's checks; a centre other than the regional one (`isRoot`) needs a parent. */
export function validateCentre(values: CentreValues, t: TFunction, { isRoot = false }: { isRoot?: boolean } = {}): FieldProblems {
  const problems: FieldProblems = { ...requireName(values.names, 'names', t), ...validateContacts(values, t) };
  if (values.code.trim() === '') problems['code'] = t('form.required');
  if (!isRoot && values.parentId === '') problems['parentId'] = t('form.required');
  const latitude = values.latitude.trim();
  const longitude = values.longitude.trim();
  // The API needs both or neither: a centre is on the map at a point, or not on it.
  if ((latitude === '') !== (longitude === '')) {
    problems[latitude === '' ? 'latitude' : 'longitude'] = t('centre.form.coordinatesTogether');
  }
  if (latitude !== '' && !inRange(latitude, 90)) problems['latitude'] = t('centre.form.latitudeRange');
  if (longitude !== '' && !inRange(longitude, 180)) problems['longitude'] = t('centre.form.longitudeRange');
  return problems;
}

function inRange(text: string, limit: number): boolean {
  const value = Number(text.replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && Math.abs(value) <= limit;
}

function coordinate(text: string): number | null {
  return text.trim() === '' ? null : Number(text.trim().replace(',', '.'));
}

/** What a coordinator sends: the contacts only (any other field is refused as FORBIDDEN). */
export function contactsInput(id: string, values: CentreContactValues): UpdateCentreInput {
  return { id, ...contactFields(values) };
}

/** What an administrator sends: every field. The regional centre keeps having no parent. */
export function centreInput(id: string, values: CentreValues): UpdateCentreInput {
  return {
    ...contactsInput(id, values),
    ...detailsInput(values),
    ...(values.parentId ? { parentId: values.parentId } : {}),
  };
}

/** A new centre: every field, under its parent (the API makes no second regional centre). */
export function newCentreInput(values: CentreValues): CreateCentreInput {
  return { ...contactFields(values), ...detailsInput(values), parentId: values.parentId };
}

function contactFields(values: CentreContactValues) {
  return {
    phone: optionalText(values.phone),
    email: optionalText(values.email),
    address: localisedInput(values.address),
  };
}

function detailsInput(values: CentreValues) {
  return {
    names: localisedInput(values.names),
    towns: localisedInput(values.towns),
    kind: values.kind,
    code: values.code.trim(),
    latitude: coordinate(values.latitude),
    longitude: coordinate(values.longitude),
    openedOn: values.openedOn === '' ? null : values.openedOn,
  };
}

/**
 * The field problems in a refusal of a centre form: BAD_USER_INPUT's `extensions.fields`, and a taken
 * code (CONFLICT) at the code field in the UI's language, since the server's words for it are English.
 */
export function centreRefusalProblems(error: unknown, t: TFunction): FieldProblems {
  const problems: FieldProblems = fieldErrors(error);
  if (failureCode(error) === 'CONFLICT' && problems['code']) problems['code'] = t('centre.form.codeTaken');
  return problems;
}
