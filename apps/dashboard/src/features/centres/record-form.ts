import type { TFunction } from 'i18next';
import type { FieldProblems } from '../../app/ui/field-problems';
import { hasText, type LocalisedValues } from '../../app/ui/localised-text';

// What the network's forms (centre, space, equipment, club) check alike: names and typed numbers.

/** Problems of a name that must be given in at least one language. */
export function requireName(values: LocalisedValues, field: string, t: TFunction): FieldProblems {
  return hasText(values) ? {} : { [field]: t('centre.form.nameRequired') };
}

/**
 * A whole number typed into a field, or the problem with it. `min` and `max` mirror the API's limits
 * so that the person hears at once; the API checks again.
 */
export function parseWholeNumber(
  text: string,
  { min, max }: { min: number; max: number },
  t: TFunction,
): { value: number; problem?: undefined } | { value?: undefined; problem: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: t('form.required') };
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(value) || value < min || value > max) {
    return { problem: t('centre.form.wholeNumber', { min, max }) };
  }
  return { value };
}

/** A text field's value for the API: trimmed, null when empty (which clears it). */
export function optionalText(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}
