import { useApolloClient, useQuery } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import { QueryEditor } from './QueryEditor';
import { runQuery, type RunOutcome } from './run-query';
import { SavedQueryActions, type Opened } from './SavedQueryActions';
import { SavedQueryQuery, WorkbenchExamplesQuery, type SavedQueryFields } from './workbench-documents';
import { readWorkbenchSource, type WorkbenchSource } from './workbench-link';
import { WorkbenchLibrary } from './WorkbenchLibrary';
import { WorkbenchResults, type RunResult } from './WorkbenchResults';
import '../analytics/analytics.css';
import '../centres/network.css';
import '../reports/reports.css';
import './workbench.css';

/** The API's own explorer (GraphiQL with the schema's documentation), served beside it. */
export const EXPLORER_URL = '/graphql';

interface EditorContent {
  /** The source in the editor (`example:<id>`, `saved:<id>`, …): a new one in the address replaces it. */
  key: string | null;
  query: string;
  variables: string;
  opened: Opened;
}

type Resolved = { state: 'ready'; content: EditorContent } | { state: 'loading' } | { state: 'missing'; error: unknown };

function sourceKey(source: WorkbenchSource): string {
  switch (source.kind) {
    case 'example':
    case 'saved':
      return `${source.kind}:${source.id}`;
    case 'text':
      return `text:${source.query}\u0000${source.variables}`;
    case 'none':
      return 'none';
  }
}

function welcomeQuery(t: TFunction): string {
  return `# ${t('workbench.editor.welcome1')}
# ${t('workbench.editor.welcome2')}
query Centres {
  centres(first: 10) {
    totalCount
    nodes {
      name
      kind
      town
    }
  }
}
`;
}

/** A saved query the address names: from the cache when it was just saved or listed, else from the API. */
function useSavedQuery(id: string | null): { saved: SavedQueryFields | null; loading: boolean; error: unknown } {
  const { data, loading, error } = useQuery(SavedQueryQuery, { variables: { id: id ?? '' }, skip: !id });
  return { saved: data?.savedQuery ?? null, loading, error };
}

/**
 * The analysts' workbench: the example library and saved queries on the left; a query and its
 * variables in editors with the schema's completion; Run through the app's own client; the answer
 * as a table to download as CSV or XLSX; and saving, sharing and deleting their queries. What opens
 * comes from the address: `?example=<id>`, `?saved=<id>` or `?query=…&variables=…`.
 */
export default function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('workbench.title'));
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const source = readWorkbenchSource(params);
  const key = sourceKey(source);
  const examples = useQuery(WorkbenchExamplesQuery, { skip: source.kind !== 'example' });
  const savedLookup = useSavedQuery(source.kind === 'saved' ? source.id : null);
  const hintId = useId();

  let resolved: Resolved;
  if (source.kind === 'example') {
    const example = examples.data?.workbenchExamples.find((entry) => entry.id === source.id);
    if (example) resolved = { state: 'ready', content: { key, query: example.document, variables: '', opened: { kind: 'example', title: example.title } } };
    else if (examples.data || examples.error) resolved = { state: 'missing', error: examples.error };
    else resolved = { state: 'loading' };
  } else if (source.kind === 'saved') {
    const saved = savedLookup.saved;
    if (saved) resolved = { state: 'ready', content: { key, query: saved.document, variables: saved.variables ?? '', opened: { kind: 'saved', saved } } };
    else if (savedLookup.loading) resolved = { state: 'loading' };
    else resolved = { state: 'missing', error: savedLookup.error };
  } else if (source.kind === 'text') {
    resolved = { state: 'ready', content: { key, query: source.query, variables: source.variables, opened: { kind: 'new' } } };
  } else {
    resolved = { state: 'ready', content: { key, query: welcomeQuery(t), variables: '', opened: { kind: 'new' } } };
  }

  const [content, setContent] = useState<EditorContent>({ key: null, query: '', variables: '', opened: { kind: 'new' } });
  const [outcome, setOutcome] = useState<RunResult | null>(null);
  const [invalid, setInvalid] = useState<Extract<RunOutcome, { kind: 'invalid' }> | null>(null);
  const [running, setRunning] = useState(false);
  // The source last seen ready in the address. Another one (a library item, a link) replaces the
  // editors and the last answer, unless the editors already hold it: after "Save as" the address
  // follows the editors, not the other way round.
  const [seenKey, setSeenKey] = useState<string | null>(null);
  if (resolved.state === 'ready' && resolved.content.key !== seenKey) {
    setSeenKey(resolved.content.key);
    if (resolved.content.key !== content.key) {
      setContent(resolved.content);
      setOutcome(null);
      setInvalid(null);
    }
  }

  // A deleted query leaves the cache once the address no longer names it (the lists ask again
  // anyway); forgotten sooner, the page would ask the API for it once more and be told it is gone.
  const deleted = useRef<string | null>(null);
  useEffect(() => {
    const id = deleted.current;
    if (id === null || key === `saved:${id}`) return;
    deleted.current = null;
    client.cache.evict({ id: client.cache.identify({ __typename: 'SavedQuery', id }) });
    client.cache.gc();
  }, [client, key]);

  const run = async () => {
    setRunning(true);
    setInvalid(null);
    const started = performance.now();
    const ran = await runQuery(client, content.query, content.variables);
    setRunning(false);
    if (ran.kind === 'invalid') {
      setInvalid(ran);
      return;
    }
    setOutcome({ data: ran.data, errors: ran.errors, query: content.query, variables: ran.variables, durationMs: performance.now() - started });
  };

  const openedSaved = (saved: SavedQueryFields) => {
    const savedKey = `saved:${saved.id}`;
    // The editors keep what they hold (and the answer stays): only the address and the title follow.
    setContent({ ...content, key: savedKey, opened: { kind: 'saved', saved } });
    setParams({ saved: saved.id }, { replace: content.key === savedKey });
  };

  const heading =
    content.opened.kind === 'example'
      ? t('workbench.editor.example', { title: content.opened.title })
      : content.opened.kind === 'saved'
        ? content.opened.saved.title
        : t('workbench.editor.newQuery');

  return (
    <>
      <div className="page-head">
        <h1>{t('workbench.title')}</h1>
        <a href={EXPLORER_URL} target="_blank" rel="noopener noreferrer" className="button-like">
          {t('workbench.explorer')}
        </a>
      </div>
      <p className="page-intro">{t('workbench.intro')}</p>
      <div className="workbench">
        <WorkbenchLibrary openedKey={content.key} />
        <div className="workbench-main">
          {resolved.state === 'missing' ? (
            resolved.error ? (
              <ErrorState title={source.kind === 'saved' ? t('workbench.editor.savedMissing') : t('workbench.editor.exampleMissing')} error={resolved.error} />
            ) : (
              <div className="error-state" role="alert" data-testid="source-missing">
                <p className="error-state-title">{source.kind === 'saved' ? t('workbench.editor.savedMissing') : t('workbench.editor.exampleMissing')}</p>
                <p>{source.kind === 'saved' ? t('workbench.editor.savedMissingHint') : t('workbench.editor.exampleMissingHint')}</p>
              </div>
            )
          ) : null}
          <section aria-labelledby="editor-heading" className="workbench-editor" aria-busy={resolved.state === 'loading'}>
            <h2 id="editor-heading" data-testid="editor-heading">
              {heading}
            </h2>
            {content.opened.kind === 'saved' ? (
              <p className="field-hint" data-testid="saved-owner">
                {content.opened.saved.mine ? t('workbench.saved.yours') : t('workbench.saved.by', { name: content.opened.saved.ownerName })}
                {content.opened.saved.shared ? ` · ${t('workbench.saved.sharedMark')}` : ''}
                {content.opened.saved.description ? ` · ${content.opened.saved.description}` : ''}
              </p>
            ) : null}
            <p id={hintId} className="field-hint">
              {t('workbench.editor.hint')}
            </p>
            <p className="editor-label" aria-hidden="true">
              {t('workbench.editor.query')}
            </p>
            <QueryEditor
              value={content.query}
              onChange={(query) => setContent((current) => ({ ...current, query }))}
              language="graphql"
              label={t('workbench.editor.query')}
              describedBy={hintId}
              onRun={() => void run()}
              testId="query-editor"
            />
            <p className="editor-label" aria-hidden="true">
              {t('workbench.editor.variables')}
            </p>
            <QueryEditor
              value={content.variables}
              onChange={(variables) => setContent((current) => ({ ...current, variables }))}
              language="json"
              label={t('workbench.editor.variables')}
              onRun={() => void run()}
              testId="variables-editor"
            />
            {invalid ? (
              <div className="error-state" role="alert" data-testid="run-invalid">
                <p className="error-state-title">{t(invalid.where === 'query' ? 'workbench.editor.queryInvalid' : 'workbench.editor.variablesInvalid')}</p>
                <p>
                  {t(`workbench.editor.problem.${invalid.problem}`)}
                  {invalid.detail ? ` ${invalid.detail}` : ''}
                </p>
              </div>
            ) : null}
            <div className="form-actions workbench-run">
              <button type="button" onClick={() => void run()} disabled={running}>
                {running ? t('workbench.editor.running') : t('workbench.editor.run')}
              </button>
            </div>
            <SavedQueryActions
              opened={content.opened}
              query={content.query}
              variables={content.variables}
              onSaved={openedSaved}
              onDeleted={(id) => {
                setContent({ ...content, key: 'none', opened: { kind: 'new' } });
                setParams({});
                deleted.current = id;
              }}
            />
          </section>
          {outcome ? <WorkbenchResults result={outcome} language={i18n.language} /> : null}
        </div>
      </div>
    </>
  );
}
