import { LANGUAGES } from '@mrc/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, fieldNotes } from './Field';
import type { FieldProblems } from './field-problems';
import type { LocalisedValues } from './localised-text';

interface LocalisedTextFieldsProps {
  /** The input field's name in the API (`names`, `schedules`, `partners.2`): problems are looked up by it. */
  name: string;
  /** What the three fields hold ("Name", "Schedule"); the group is announced by it. */
  legend: string;
  hint?: string | undefined;
  values: LocalisedValues;
  problems: FieldProblems;
  onChange: (values: LocalisedValues) => void;
  /** A textarea of this many rows rather than a one-line input (an address, a description). */
  rows?: number;
  /** Focus the first language's control on mount (a row just added to a list). */
  autoFocus?: boolean;
}

/**
 * One text in Kazakh, Russian and English, as the network and the catalogue keep their names: a group
 * with a legend, its hint and error, and a labelled control per language. A control is named
 * "Name — Қазақша" for a screen reader and shows only the language, which the legend above already
 * explains. A problem with the whole text (`names`: none filled in) shows under the legend and is read
 * with each control; a problem with one language (`names.kk`) shows at that language's control. Each
 * control is marked with its language, so spelling checks and screen readers use the right one.
 */
export function LocalisedTextFields({ name, legend, hint, values, problems, onChange, rows, autoFocus = false }: LocalisedTextFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const group = fieldNotes(id, hint, problems[name]);
  return (
    <fieldset
      className={group.errorId ? 'field-group localised-fields field-invalid' : 'field-group localised-fields'}
      aria-describedby={[group.errorId, group.hintId].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {group.hint}
      {group.error}
      {LANGUAGES.map((language, index) => (
        <Field
          key={language}
          label={
            <>
              <span className="visually-hidden">{legend} —</span> <span lang={language}>{t(`language.${language}`)}</span>
            </>
          }
          error={problems[`${name}.${language}`]}
          groupErrorId={group.errorId}
        >
          {(control) => {
            const props = {
              ...control,
              name: `${name}.${language}`,
              lang: language,
              autoFocus: autoFocus && index === 0,
              value: values[language],
              onChange: (event: { target: { value: string } }) => onChange({ ...values, [language]: event.target.value }),
            };
            return rows ? <textarea {...props} rows={rows} /> : <input {...props} autoComplete="off" />;
          }}
        </Field>
      ))}
    </fieldset>
  );
}
