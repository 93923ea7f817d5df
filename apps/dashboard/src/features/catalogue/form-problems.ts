import type { TFunction } from 'i18next';
import { failureCode } from '../../app/apollo/error-code';
import { fieldErrors } from '../../app/apollo/error-details';
import type { FieldProblems } from '../../app/ui/field-problems';

/**
 * The field problems in a refusal of a catalogue form: BAD_USER_INPUT's `extensions.fields`, and a
 * taken code (CONFLICT) at the code field in the UI's language, since the server's words for it are English.
 */
export function catalogueRefusalProblems(error: unknown, t: TFunction): FieldProblems {
  const problems: FieldProblems = fieldErrors(error);
  if (failureCode(error) === 'CONFLICT' && problems['code']) problems['code'] = t('catalogue.form.codeTaken');
  return problems;
}

/** A stable key, as the API accepts it: 2–63 lower-case letters, digits or dashes. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
