import { useTranslation } from 'react-i18next';
import { failureCode } from '../apollo/error-code';

interface FormErrorProps {
  /** What could not be done ("The user could not be created."). */
  title: string;
  error: unknown;
  /** True when some problems are shown at their fields: the summary then points there. */
  atFields?: boolean;
  /**
   * What the API said about inputs the form has no field for (the centre a space belongs to closed
   * meanwhile): read out here, since no field can show it.
   */
  elsewhere?: readonly string[];
  /** The refusal in the form's own words, where its code's general explanation would not help. */
  explanation?: string;
}

/** A form's refusal in plain words, above its fields, branching on the error code. */
export function FormError({ title, error, atFields = false, elsewhere = [], explanation }: FormErrorProps) {
  const { t } = useTranslation();
  const code = failureCode(error);
  return (
    <div className="error-state" role="alert" data-error-code={code}>
      <p className="error-state-title">{title}</p>
      {elsewhere.length > 0 ? (
        <ul>
          {elsewhere.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {atFields ? <p>{t('form.checkFields')}</p> : elsewhere.length === 0 ? <p>{explanation ?? t(`errors.${code}`)}</p> : null}
    </div>
  );
}
