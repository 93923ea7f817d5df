import { useTranslation } from 'react-i18next';
import type { FieldProblems } from '../../app/ui/field-problems';
import { LocalisedTextFields } from '../../app/ui/LocalisedTextFields';
import type { ClubTypeValues } from './club-type-form';
import { CodeField } from './CodeField';

interface ClubTypeFieldsProps {
  values: ClubTypeValues;
  problems: FieldProblems;
  onChange: (values: ClubTypeValues) => void;
}

/** Code, names and descriptions in three languages: shared by the new and edit forms. */
export function ClubTypeFields({ values, problems, onChange }: ClubTypeFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <LocalisedTextFields
        name="names"
        legend={t('catalogue.form.names')}
        hint={t('catalogue.form.namesHint')}
        values={values.names}
        problems={problems}
        onChange={(names) => onChange({ ...values, names })}
      />
      <LocalisedTextFields
        name="descriptions"
        legend={t('catalogue.form.descriptions')}
        hint={t('catalogue.clubTypes.form.descriptionsHint')}
        values={values.descriptions}
        problems={problems}
        rows={3}
        onChange={(descriptions) => onChange({ ...values, descriptions })}
      />
      <CodeField hint={t('catalogue.clubTypes.form.codeHint')} value={values.code} error={problems['code']} onChange={(code) => onChange({ ...values, code })} />
    </>
  );
}

/** The field paths this form shows an error at; anything else is told in the summary. */
export function isClubTypeField(key: string): boolean {
  return key === 'code' || /^(names|descriptions)(\.(kk|ru|en))?$/.test(key);
}
