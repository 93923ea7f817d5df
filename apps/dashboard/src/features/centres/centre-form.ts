import type { CentreKind } from '@mrc/domain';
import type { TFunction } from 'i18next';
import type { CentreDetailFieldsFragment, UpdateCentreInput } from '../../gql/graphql';
import type { FieldProblems } from '../../app/ui/field-problems';
import { localisedInput, localisedValues, type LocalisedValues } from '../../app/ui/localised-text';
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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateContacts(values: CentreContactValues, t: TFunction): FieldProblems {
  const problems: FieldProblems = {};
  if (values.email.trim() !== '' && !EMAIL.test(values.email.trim())) problems['email'] = t('form.emailInvalid');
  return problems;
}

export function validateCentre(values: CentreValues, t: TFunction): FieldProblems {
  const problems: FieldProblems = { ...requireName(values.names, 'names', t), ...validateContacts(values, t) };
  if (values.code.trim() === '') problems['code'] = t('form.required');
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
  return {
    id,
    phone: optionalText(values.phone),
    email: optionalText(values.email),
    address: localisedInput(values.address),
  };
}

/** What an administrator sends: every field. The regional centre keeps having no parent. */
export function centreInput(id: string, values: CentreValues): UpdateCentreInput {
  return {
    ...contactsInput(id, values),
    names: localisedInput(values.names),
    towns: localisedInput(values.towns),
    kind: values.kind,
    code: values.code.trim(),
    ...(values.parentId ? { parentId: values.parentId } : {}),
    latitude: coordinate(values.latitude),
    longitude: coordinate(values.longitude),
    openedOn: values.openedOn === '' ? null : values.openedOn,
  };
}
