import { useTranslation } from 'react-i18next';
import { failureCode, isRetryable } from '../apollo/error-code';

interface ErrorStateProps {
  /** What could not be done, in the page's words ("The centres could not be loaded."). */
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** An error in plain words: what failed, what the person can do, and a retry when it can help. */
export function ErrorState({ title, error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  const code = failureCode(error);
  return (
    <div className="error-state" role="alert" data-error-code={code}>
      <p className="error-state-title">{title}</p>
      <p>{t(`errors.${code}`)}</p>
      {onRetry && isRetryable(code) ? (
        <button type="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      ) : null}
    </div>
  );
}
