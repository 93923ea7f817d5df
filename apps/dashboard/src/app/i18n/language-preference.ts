import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@mrc/domain';

/** Where the chosen UI language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'mrc.language';

type ReadableStorage = Pick<Storage, 'getItem'>;
type WritableStorage = Pick<Storage, 'setItem'>;

/**
 * The language to start in: the one the person chose before, else the first of the browser's
 * preferred languages that we speak (`kk-KZ` counts as `kk`), else Russian, which every user reads.
 */
export function initialLanguage(
  storage: ReadableStorage | undefined,
  browserLanguages: readonly string[],
): Language {
  const remembered = readRemembered(storage);
  if (remembered) return remembered;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

export function rememberLanguage(storage: WritableStorage | undefined, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage can be disabled or full (private windows, strict settings); the choice then lasts
    // for this visit only, which is better than breaking the switch.
  }
}

function readRemembered(storage: ReadableStorage | undefined): Language | undefined {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Set when the person picks a language with the switch. The language itself is remembered on every
 * change (see createI18n), including the browser's guess at the first visit; only this flag tells a
 * choice from a guess, so signing in can apply the account's language without overruling a choice.
 */
export const LANGUAGE_CHOSEN_KEY = 'mrc.languageChosen';

export function rememberLanguageChosen(storage: WritableStorage | undefined): void {
  try {
    storage?.setItem(LANGUAGE_CHOSEN_KEY, 'true');
  } catch {
    // As in rememberLanguage: without storage the choice lasts for this visit.
  }
}

export function hasChosenLanguage(storage: ReadableStorage | undefined): boolean {
  try {
    return storage?.getItem(LANGUAGE_CHOSEN_KEY) === 'true';
  } catch {
    return false;
  }
}
