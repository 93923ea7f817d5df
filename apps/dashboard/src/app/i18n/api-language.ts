import { isLanguage, type Language } from '@mrc/domain';
import type { Language as ApiLanguage } from '../../gql/graphql';

/** The API's Language enum (KK, RU, EN) for one of the UI's languages (kk, ru, en). */
export function toApiLanguage(language: Language): ApiLanguage {
  switch (language) {
    case 'kk':
      return 'KK';
    case 'ru':
      return 'RU';
    case 'en':
      return 'EN';
  }
}

export function fromApiLanguage(language: ApiLanguage): Language {
  const lower = language.toLowerCase();
  return isLanguage(lower) ? lower : 'ru';
}
