import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLoadMore } from '../../app/apollo/use-load-more';
import { formatDateTime } from '../../app/i18n/format-date';
import { ErrorState } from '../../app/ui/ErrorState';
import { ListSkeleton } from '../../app/ui/ListSkeleton';
import { SAVED_QUERIES_PAGE_SIZE, SavedQueriesQuery, WorkbenchExamplesQuery, type SavedQueryFilter } from './workbench-documents';

type Shelf = 'mine' | 'shared';

/**
 * The left column: the ready examples for the common questions, and saved queries (the person's
 * own, and those colleagues shared), searchable. Each opens in the editor through the address.
 */
export function WorkbenchLibrary({ openedKey }: { openedKey: string | null }) {
  const { t } = useTranslation();
  return (
    <aside className="workbench-library" aria-label={t('workbench.library.label')}>
      <ExampleList openedKey={openedKey} />
      <SavedList openedKey={openedKey} />
    </aside>
  );
}

function ExampleList({ openedKey }: { openedKey: string | null }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(WorkbenchExamplesQuery);
  let body;
  if (error && !data) {
    body = (
      <ErrorState
        title={t('workbench.library.examplesFailed')}
        error={error}
        onRetry={() => {
          refetch().catch(() => undefined);
        }}
      />
    );
  } else if (!data) {
    body = <ListSkeleton label={t('workbench.library.loading')} testId="examples-loading" />;
  } else {
    body = (
      <ul className="library-list" data-testid="example-list">
        {data.workbenchExamples.map((example) => (
          <li key={example.id}>
            <Link to={`?example=${encodeURIComponent(example.id)}`} aria-current={openedKey === `example:${example.id}` ? 'true' : undefined} className="library-item">
              <span className="library-item-title">{example.title}</span>
              <span className="library-item-note">{example.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section aria-labelledby="examples-heading">
      <h2 id="examples-heading">{t('workbench.library.examples')}</h2>
      {body}
    </section>
  );
}

function SavedList({ openedKey }: { openedKey: string | null }) {
  const { t } = useTranslation();
  const [shelf, setShelf] = useState<Shelf>('mine');
  const [search, setSearch] = useState('');
  const [searchDraft, setSearchDraft] = useState('');
  const filter: SavedQueryFilter = shelf === 'mine' ? { mine: true } : { shared: true };
  if (search) filter.search = search;
  const { data, previousData, error, refetch, fetchMore, networkStatus } = useQuery(SavedQueriesQuery, {
    variables: { first: SAVED_QUERIES_PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
    // Colleagues share and change queries meanwhile.
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.savedQueries;
  const { loadMore, loadMoreError } = useLoadMore(connection?.pageInfo.endCursor, fetchMore);

  const submitSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearch(searchDraft.trim());
  };

  let body;
  if (error && !connection) {
    body = (
      <ErrorState
        title={t('workbench.library.savedFailed')}
        error={error}
        onRetry={() => {
          refetch().catch(() => undefined);
        }}
      />
    );
  } else if (!connection) {
    body = <ListSkeleton label={t('workbench.library.loading')} testId="saved-loading" />;
  } else if (connection.nodes.length === 0) {
    body = (
      <p className="empty-state" data-testid="saved-empty">
        {search ? t('workbench.library.noneFound') : shelf === 'mine' ? t('workbench.library.noneMine') : t('workbench.library.noneShared')}
      </p>
    );
  } else {
    body = (
      <>
        <ul className="library-list" data-testid="saved-list">
          {connection.nodes.map((saved) => (
            <li key={saved.id}>
              <Link to={`?saved=${encodeURIComponent(saved.id)}`} aria-current={openedKey === `saved:${saved.id}` ? 'true' : undefined} className="library-item" data-testid="saved-item">
                <span className="library-item-title">{saved.title}</span>
                <span className="library-item-note">
                  {saved.mine ? null : `${saved.ownerName} · `}
                  {saved.shared ? `${t('workbench.saved.sharedMark')} · ` : null}
                  {formatDateTime(saved.updatedAt, t)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        {connection.pageInfo.hasNextPage ? (
          <button type="button" className="button-secondary" disabled={networkStatus === NetworkStatus.fetchMore} onClick={() => void loadMore()}>
            {networkStatus === NetworkStatus.fetchMore ? t('list.loadingMore') : t('list.loadMore')}
          </button>
        ) : null}
        {loadMoreError ? <ErrorState title={t('workbench.library.savedFailed')} error={loadMoreError} /> : null}
      </>
    );
  }

  return (
    <section aria-labelledby="saved-heading">
      <h2 id="saved-heading">{t('workbench.library.saved')}</h2>
      <div className="shelf-switch" role="group" aria-label={t('workbench.library.whose')}>
        {(['mine', 'shared'] as const).map((option) => (
          <button key={option} type="button" className={shelf === option ? undefined : 'button-secondary'} aria-pressed={shelf === option} onClick={() => setShelf(option)}>
            {t(`workbench.library.${option}`)}
          </button>
        ))}
      </div>
      <form className="library-search" role="search" onSubmit={submitSearch}>
        <label htmlFor="saved-search">{t('workbench.library.search')}</label>
        <div className="library-search-line">
          <input id="saved-search" type="search" value={searchDraft} onChange={(event) => setSearchDraft(event.target.value)} />
          <button type="submit" className="button-secondary">
            {t('workbench.library.find')}
          </button>
        </div>
      </form>
      {body}
    </section>
  );
}
