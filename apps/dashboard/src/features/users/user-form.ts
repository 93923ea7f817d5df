import { MIN_PASSWORD_LENGTH, type Language, type Role } from '@mrc/domain';
import type { TFunction } from 'i18next';
import { failureCode } from '../../app/apollo/error-code';
import { fieldErrors } from '../../app/apollo/error-details';
import type { FieldProblems } from '../../app/ui/field-problems';

/**
 * The password's length is checked here only to answer at once; the API decides (it also refuses
 * common and guessable passwords) and its message is shown at the field.
 */
export { MIN_PASSWORD_LENGTH };

export interface UserDetailsValues {
  displayName: string;
  role: Role;
  /** '' when no centre is chosen; only a coordinator has one. */
  centreId: string;
  preferredLanguage: Language;
}

export interface NewUserValues extends UserDetailsValues {
  email: string;
  password: string;
}

export function needsCentre(role: Role): boolean {
  return role === 'DISTRICT_COORDINATOR';
}

export function validateUserDetails(values: UserDetailsValues, t: TFunction): FieldProblems {
  const problems: FieldProblems = {};
  if (values.displayName.trim() === '') problems['displayName'] = t('form.required');
  if (needsCentre(values.role) && values.centreId === '') problems['centreId'] = t('users.form.centreRequired');
  return problems;
}

export function validateNewUser(values: NewUserValues, t: TFunction): FieldProblems {
  const problems: FieldProblems = {};
  const email = values.email.trim();
  if (email === '') problems['email'] = t('form.required');
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems['email'] = t('form.emailInvalid');
  Object.assign(problems, validateUserDetails(values, t));
  const password = validatePassword(values.password, t);
  if (password) problems['password'] = password;
  return problems;
}

export function validatePassword(password: string, t: TFunction): string | undefined {
  if (password === '') return t('form.required');
  if (password.length < MIN_PASSWORD_LENGTH) return t('form.passwordTooShort', { count: MIN_PASSWORD_LENGTH });
  return undefined;
}

/** The new password and its confirmation, as the reset and change forms ask for them. */
export function validatePasswordPair(password: string, confirmation: string, t: TFunction): FieldProblems {
  const problems: FieldProblems = {};
  const problem = validatePassword(password, t);
  if (problem) problems['newPassword'] = problem;
  else if (password !== confirmation) problems['confirmation'] = t('form.passwordMismatch');
  return problems;
}

/**
 * The field problems in a refusal: BAD_USER_INPUT's `extensions.fields`, and a duplicate email
 * (CONFLICT) at the email field.
 */
export function serverProblems(error: unknown, t: TFunction, { conflictField }: { conflictField?: string } = {}): FieldProblems {
  const problems: FieldProblems = fieldErrors(error);
  // Branch on the code: the server's words for a conflict are not in the UI's language.
  if (conflictField && failureCode(error) === 'CONFLICT') problems[conflictField] = t('users.form.emailTaken');
  return problems;
}
