import { isLanguage, LANGUAGES } from '@mrc/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage } from '../i18n/i18n';

/**
 * Each language is named in itself (Қазақша, Русский, English), so a person who landed in a
 * language they do not read can still find theirs.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={currentLanguage(i18n)}
        onChange={(event) => {
          const chosen = event.target.value;
          if (isLanguage(chosen)) void chooseLanguage(i18n, chosen);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
