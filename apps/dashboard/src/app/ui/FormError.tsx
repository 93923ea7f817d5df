import { useTranslation } from 'react-i18next';
import { failureCode } from '../apollo/error-code';

interface FormErrorProps {
  /** What could not be done ("The user could not be created."). */
  title: string;
  error: unknown;
  /** True when the problems are shown at their fields: the summary then points there. */
  atFields: boolean;
}

/** A form's refusal in plain words, above its fields, branching on the error code. */
export function FormError({ title, error, atFields }: FormErrorProps) {
  const { t } = useTranslation();
  const code = failureCode(error);
  return (
    <div className="error-state" role="alert" data-error-code={code}>
      <p className="error-state-title">{title}</p>
      <p>{atFields ? t('form.checkFields') : t(`errors.${code}`)}</p>
    </div>
  );
}
