import type { TFunction } from 'i18next';
import type { ClubTypeDetailFieldsFragment, CreateClubTypeInput } from '../../gql/graphql';
import type { FieldProblems } from '../../app/ui/field-problems';
import { EMPTY_LOCALISED, hasText, localisedInput, localisedValues, type LocalisedValues } from '../../app/ui/localised-text';
import { CODE_PATTERN } from './form-problems';

export interface ClubTypeValues {
  code: string;
  names: LocalisedValues;
  descriptions: LocalisedValues;
}

export const EMPTY_CLUB_TYPE: ClubTypeValues = { code: '', names: EMPTY_LOCALISED, descriptions: EMPTY_LOCALISED };

export function clubTypeValues(type: ClubTypeDetailFieldsFragment): ClubTypeValues {
  return { code: type.code, names: localisedValues(type.names), descriptions: localisedValues(type.descriptions) };
}

/** What can be told before asking the server: the API checks the same and more. */
export function validateClubType(values: ClubTypeValues, t: TFunction): FieldProblems {
  const problems: FieldProblems = {};
  const code = values.code.trim();
  if (code === '') problems['code'] = t('form.required');
  else if (!CODE_PATTERN.test(code)) problems['code'] = t('catalogue.form.codeInvalid');
  if (!hasText(values.names)) problems['names'] = t('catalogue.form.nameRequired');
  return problems;
}

/** The input for both createClubType and updateClubType; a blank description clears it. */
export function clubTypeInput(values: ClubTypeValues): CreateClubTypeInput {
  return {
    code: values.code.trim(),
    names: localisedInput(values.names),
    descriptions: hasText(values.descriptions) ? localisedInput(values.descriptions) : null,
  };
}
