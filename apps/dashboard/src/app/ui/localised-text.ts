import { LANGUAGES, type Language, type LocalisedText } from '@mrc/domain';
import type { LocalisedTextInput } from '../../gql/graphql';

/** A text being edited in the three languages; '' where nothing is written yet. */
export type LocalisedValues = Record<Language, string>;

export const EMPTY_LOCALISED: LocalisedValues = { kk: '', ru: '', en: '' };

/** The editable form of a stored text (missing languages become ''). */
export function localisedValues(text: LocalisedText | null | undefined): LocalisedValues {
  return { kk: text?.kk ?? '', ru: text?.ru ?? '', en: text?.en ?? '' };
}

/** Whether the text is written in at least one language. */
export function hasText(values: LocalisedValues): boolean {
  return LANGUAGES.some((language) => values[language].trim() !== '');
}

/** The text in the first language it is written in (Kazakh, Russian, English); '' when in none. */
export function anyText(values: LocalisedValues): string {
  return values.kk.trim() || values.ru.trim() || values.en.trim();
}

/** What the API takes: trimmed texts, null for a language left blank (the API treats it as missing). */
export function localisedInput(values: LocalisedValues): LocalisedTextInput {
  const text = (value: string) => value.trim() || null;
  return { kk: text(values.kk), ru: text(values.ru), en: text(values.en) };
}
