import { useTranslation } from 'react-i18next';
import { Field } from '../../app/ui/Field';

interface CodeFieldProps {
  /** What the code is for in this record ("Reports and imports refer to the type by it."). */
  hint: string;
  value: string;
  error: string | undefined;
  onChange: (code: string) => void;
}

/** A catalogue record's stable key (see CODE_PATTERN): typed as is, never corrected or suggested. */
export function CodeField({ hint, value, error, onChange }: CodeFieldProps) {
  const { t } = useTranslation();
  return (
    <Field label={t('catalogue.form.code')} hint={hint} error={error}>
      {(control) => (
        <input {...control} name="code" autoComplete="off" spellCheck={false} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}
