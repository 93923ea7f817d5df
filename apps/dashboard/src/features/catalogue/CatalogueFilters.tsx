import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, Field } from '../../app/ui/Field';

interface CatalogueFiltersProps {
  /** Names the search landmark ("Filter the programs"). */
  label: string;
  searchLabel: string;
  q: string;
  retired: boolean;
  onSearch: (q: string) => void;
  onRetired: (retired: boolean) => void;
  /** More filters, between the search and "show retired" (the programs' kind and rural filters). */
  children?: ReactNode;
}

/**
 * A catalogue list's filters. Choices apply at once; the search applies on Enter or the button, so the
 * list does not reload at every keystroke. Render it with `key` set to the URL's query, so the typed
 * text follows Back and Forward.
 */
export function CatalogueFilters({ label, searchLabel, q, retired, onSearch, onRetired, children }: CatalogueFiltersProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(q);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(text);
  };
  return (
    <form className="filters" role="search" aria-label={label} onSubmit={submit}>
      <div className="filters-search">
        <Field label={searchLabel}>
          {(control) => <input {...control} type="search" value={text} onChange={(event) => setText(event.target.value)} />}
        </Field>
        <button type="submit">{t('catalogue.filter.apply')}</button>
      </div>
      {children}
      <CheckboxField label={t('catalogue.filter.showRetired')} checked={retired} onChange={onRetired} />
    </form>
  );
}
