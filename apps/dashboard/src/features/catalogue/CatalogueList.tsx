import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../app/ui/ErrorState';
import { ListSkeleton } from '../../app/ui/ListSkeleton';
import { localIsoDate } from '../centres/centre-network';
import { CatalogueFilters } from './CatalogueFilters';
import type { CatalogueSearch } from './catalogue-filters';

interface CatalogueListProps<Row extends { id: string }> {
  /** Where the list's texts are (`title`, `create`, `filtersLabel`, `errorTitle`, `emptyTitle`, `count`, …). */
  texts: 'catalogue.clubTypes' | 'programs';
  /** The list's address: "Clear the filters" goes back to it. */
  path: string;
  /** The form for a new record, offered to those who may change the catalogue. */
  newPath: string;
  canEdit: boolean;
  search: CatalogueSearch;
  onSearch: (change: Partial<CatalogueSearch>) => void;
  /** Some filter is set: an empty list then says that nothing matches. */
  filtered: boolean;
  /** The list's own filters, shown between the search and "show retired". */
  children?: ReactNode;
  /** The list as last loaded; it stays on screen, marked busy, while other filters load. */
  connection: { totalCount: number; nodes: readonly Row[] } | undefined;
  error: unknown;
  busy: boolean;
  refetch: () => Promise<unknown>;
  loadingTestId: string;
  columns: readonly string[];
  renderRow: (row: Row, today: string) => ReactNode;
}

/**
 * A section of the catalogue (club types, programs): its heading and "new" link, its filters, which
 * live in the URL, and its table, with the loading, error and empty states between.
 */
export function CatalogueList<Row extends { id: string }>(props: CatalogueListProps<Row>) {
  const { texts, path, newPath, canEdit, search, onSearch, filtered, children, connection, error, busy, refetch, loadingTestId, columns, renderRow } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const [params] = useSearchParams();

  let body;
  if (error && !connection) {
    body = (
      <ErrorState
        title={t(`${texts}.errorTitle`)}
        error={error}
        onRetry={() => {
          refetch().catch(() => undefined);
        }}
      />
    );
  } else if (!connection) {
    body = <ListSkeleton label={t(`${texts}.loading`)} testId={loadingTestId} />;
  } else if (connection.nodes.length === 0) {
    body = filtered ? (
      <div className="empty-state">
        <p className="empty-state-title">{t(`${texts}.emptyFilteredTitle`)}</p>
        <p>
          <Link to={path}>{t('catalogue.clearFilters')}</Link>
        </p>
      </div>
    ) : (
      <div className="empty-state">
        <p className="empty-state-title">{t(`${texts}.emptyTitle`)}</p>
        <p>{canEdit ? t(`${texts}.emptyHintAdmin`) : t(`${texts}.emptyHint`)}</p>
      </div>
    );
  } else {
    const today = localIsoDate();
    body = (
      <div aria-busy={busy}>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t(`${texts}.count`, { count: connection.totalCount })}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{connection.nodes.map((row) => renderRow(row, today))}</tbody>
          </table>
        </div>
        {connection.totalCount > connection.nodes.length ? (
          <p>{t('catalogue.partial', { shown: connection.nodes.length, count: connection.totalCount })}</p>
        ) : null}
      </div>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <div className="page-head">
        <h2 id={headingId}>{t(`${texts}.title`)}</h2>
        {canEdit ? (
          <Link className="button-link" to={newPath}>
            {t(`${texts}.create`)}
          </Link>
        ) : null}
      </div>
      <CatalogueFilters
        // Keyed by the URL, so the typed search follows Back and Forward.
        key={params.toString()}
        label={t(`${texts}.filtersLabel`)}
        searchLabel={t('catalogue.filter.search')}
        q={search.q}
        retired={search.retired}
        onSearch={(q) => onSearch({ q })}
        onRetired={(retired) => onSearch({ retired })}
      >
        {children}
      </CatalogueFilters>
      {body}
    </section>
  );
}
