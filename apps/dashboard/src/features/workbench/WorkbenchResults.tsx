import { useTranslation } from 'react-i18next';
import { ExportButtons } from './ExportButtons';
import { resultTable, type ResultCell } from './results-table';
import type { RunError } from './run-query';

export interface RunResult {
  data: unknown;
  errors: RunError[];
  /** What was run: the downloads ask the API for the same. */
  query: string;
  variables: Record<string, unknown>;
  durationMs: number;
}

/**
 * What the API answered: its errors with their codes, the first list in the data as a table (with
 * withheld figures in words), downloads of the same query as CSV and XLSX, and the raw JSON.
 */
export function WorkbenchResults({ result, language }: { result: RunResult; language: string }) {
  const { t } = useTranslation();
  const table = result.data ? resultTable(result.data) : null;
  const number = new Intl.NumberFormat(language);

  const cell = (value: ResultCell | undefined) => {
    if (!value) return '';
    if (value.kind === 'withheld') {
      return (
        <span className="withheld" data-testid="withheld">
          <span aria-hidden="true">⊘ </span>
          {t('analytics.withheld')}
          <span className="withheld-reason"> ({t('workbench.results.withheldReason')})</span>
        </span>
      );
    }
    if (value.value === null) return <span className="muted">–</span>;
    if (typeof value.value === 'number') return number.format(value.value);
    return String(value.value);
  };

  return (
    <section aria-labelledby="results-heading" className="workbench-results" data-testid="workbench-results">
      <div className="section-head">
        <h2 id="results-heading">{t('workbench.results.heading')}</h2>
        <p className="field-hint">{t('workbench.results.took', { ms: Math.round(result.durationMs) })}</p>
      </div>

      {result.errors.length > 0 ? (
        <div className="error-state" role="alert" data-testid="run-errors">
          <p className="error-state-title">{t('workbench.results.errors', { count: result.errors.length })}</p>
          <ul>
            {result.errors.map((error, index) => (
              <li key={index} data-code={error.code ?? undefined}>
                {error.code ? <code className="error-code">{error.code}</code> : null} {error.message}
                {error.location ? <span className="muted"> {t('workbench.results.at', { location: error.location })}</span> : null}
                {error.path ? <span className="muted"> {t('workbench.results.path', { path: error.path })}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {table ? (
        <>
          <p className="field-hint" data-testid="results-summary">
            {t('workbench.results.rows', { count: table.rows.length, path: table.path })}
          </p>
          <div className="table-scroll workbench-table-scroll">
            <table className="data-table workbench-table" data-testid="results-table">
              <caption className="visually-hidden">{t('workbench.results.caption', { path: table.path })}</caption>
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, index) => (
                  <tr key={index} data-testid="result-row">
                    {table.columns.map((column) => (
                      <td key={column}>{cell(row[column])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {table.totals ? (
                <tfoot>
                  <tr data-testid="result-totals">
                    {table.columns.map((column, index) => (
                      <td key={column}>{table.totals?.[column] ? cell(table.totals[column]) : index === 0 ? <strong>{t('analytics.table.total')}</strong> : ''}</td>
                    ))}
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        </>
      ) : result.data ? (
        <p className="field-hint">{t('workbench.results.noList')}</p>
      ) : null}

      {result.data ? (
        <>
          <h3>{t('workbench.results.downloads')}</h3>
          <ExportButtons query={result.query} variables={result.variables} />
          <details className="workbench-json">
            <summary>{t('workbench.results.json')}</summary>
            <pre className="code-block" tabIndex={0}>
              <code>{JSON.stringify(result.data, null, 2)}</code>
            </pre>
          </details>
        </>
      ) : null}
    </section>
  );
}
