import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { useTranslation } from 'react-i18next';
import { extensionNumber, extensionString, fieldErrors } from '../../app/apollo/error-details';

export type AnalyticsLimit = 'ROWS' | 'STATEMENT_TIMEOUT' | 'COST';

const LIMITS: ReadonlySet<string> = new Set<AnalyticsLimit>(['ROWS', 'STATEMENT_TIMEOUT', 'COST']);

/** The limit a refused question hit (`extensions.limit`), if it was one. */
export function limitOf(error: unknown): AnalyticsLimit | undefined {
  const limit = extensionString(error, 'limit');
  return limit !== undefined && LIMITS.has(limit) ? (limit as AnalyticsLimit) : undefined;
}

/** The first error's message as the API wrote it (its own advice when it named no field). */
export function apiMessage(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.message;
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: Array<{ message?: unknown }> };
      const message = body.errors?.[0]?.message;
      return typeof message === 'string' ? message : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * A question the API would not answer as asked (BAD_USER_INPUT), said beside the controls: which
 * limit it hit, in plain words with its numbers, and the API's advice on narrowing it (per field
 * when it gave one, in the caller's language; else its message).
 */
export function AnalyticsProblem({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const limit = limitOf(error);
  const number = (name: string, scale = 1) => {
    const value = extensionNumber(error, name);
    return value === undefined ? '?' : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(value / scale);
  };
  const fields = Object.values(fieldErrors(error));
  const hints = fields.length > 0 ? fields : [apiMessage(error)].filter((message): message is string => Boolean(message));

  let explanation: string;
  if (limit === 'ROWS') {
    explanation = t('analytics.problem.rows', { rows: number('rows'), maxRows: number('maxRows') });
  } else if (limit === 'STATEMENT_TIMEOUT') {
    explanation = t('analytics.problem.timeout', { seconds: number('timeoutMs', 1000) });
  } else if (limit === 'COST') {
    explanation = t('analytics.problem.cost', { cost: number('cost'), maxCost: number('maxCost') });
  } else {
    explanation = t('analytics.problem.input');
  }

  return (
    <div className="error-state analytics-problem" role="alert" data-testid="analytics-problem" data-limit={limit ?? 'NONE'}>
      <p className="error-state-title">{t(`analytics.problem.title.${limit ?? 'INPUT'}`)}</p>
      <p>{explanation}</p>
      {hints.length > 0 ? (
        <>
          <p className="analytics-problem-hint-title">{t('analytics.problem.hint')}</p>
          <ul>
            {hints.map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
