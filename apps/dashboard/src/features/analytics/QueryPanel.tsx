import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { workbenchLink } from '../workbench/workbench-link';

/**
 * "The query it ran": the exact document and variables the page sent, to copy into any GraphQL
 * client or to open in the workbench and take further (another dimension, a filter, more fields).
 */
export function QueryPanel({ query, variables }: { query: string; variables: Record<string, unknown> }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'query' | 'variables' | 'failed' | null>(null);
  const variablesText = JSON.stringify(variables, null, 2);

  const copy = async (what: 'query' | 'variables') => {
    try {
      await navigator.clipboard.writeText(what === 'query' ? query : variablesText);
      setCopied(what);
    } catch {
      // No clipboard (an insecure origin, a refused permission): the text is there to select by hand.
      setCopied('failed');
    }
  };

  return (
    <section aria-labelledby="query-panel-heading" className="query-panel">
      <div className="section-head">
        <h2 id="query-panel-heading">{t('analytics.queryPanel.heading')}</h2>
        <Link to={workbenchLink({ query, variables })} className="button-like">
          {t('analytics.queryPanel.openInWorkbench')}
        </Link>
      </div>
      <p className="field-hint">{t('analytics.queryPanel.hint')}</p>
      <div className="query-panel-parts">
        <div>
          <h3 id="query-text-heading">{t('analytics.queryPanel.query')}</h3>
          <pre className="code-block" aria-labelledby="query-text-heading" tabIndex={0}>
            <code data-testid="query-text">{query}</code>
          </pre>
          <button type="button" className="button-secondary" onClick={() => void copy('query')}>
            {t('analytics.queryPanel.copyQuery')}
          </button>
        </div>
        <div>
          <h3 id="query-variables-heading">{t('analytics.queryPanel.variables')}</h3>
          <pre className="code-block" aria-labelledby="query-variables-heading" tabIndex={0}>
            <code data-testid="query-variables">{variablesText}</code>
          </pre>
          <button type="button" className="button-secondary" onClick={() => void copy('variables')}>
            {t('analytics.queryPanel.copyVariables')}
          </button>
        </div>
      </div>
      <p role="status" className="field-hint">
        {copied === 'query' ? t('analytics.queryPanel.copiedQuery') : copied === 'variables' ? t('analytics.queryPanel.copiedVariables') : copied === 'failed' ? t('analytics.queryPanel.copyFailed') : null}
      </p>
    </section>
  );
}
