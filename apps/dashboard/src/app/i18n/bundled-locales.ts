import type { Language } from '@mrc/domain';
import en from './locales/en.json';
import kk from './locales/kk.json';
import ru from './locales/ru.json';
import type { LocaleMessages } from './locale-backend';

/**
 * All three languages in one object, for the tests and the check that the files agree. The app never
 * imports this module: it downloads only the language it speaks (locale-backend.ts).
 */
export const bundledLocales: Record<Language, LocaleMessages> = { kk, ru, en };
