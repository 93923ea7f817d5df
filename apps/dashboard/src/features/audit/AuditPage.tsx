import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLoadMore } from '../../app/apollo/use-load-more';
import { formatDateTime } from '../../app/i18n/format-date';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import { Field } from '../../app/ui/Field';
import { ListSkeleton } from '../../app/ui/ListSkeleton';
import type { AuditEntriesQuery as AuditEntriesResult } from '../../gql/graphql';
import { CentreSelect } from '../centres/CentreSelect';
import { useNetworkCentres } from '../centres/use-network-centres';
import { AUDIT_ACTORS_LIMIT, AUDIT_PAGE_SIZE, AuditActorsQuery, AuditEntriesQuery } from './audit-documents';
import {
  hasAuditFilters,
  isBackwardRange,
  readAuditFilters,
  toAuditFilter,
  writeAuditFilters,
  type AuditFilterState,
} from './audit-filters';
import { actionLabel, ENTITY_TYPES, entityTypeLabel, fieldLabel, formatChangeValue } from './audit-format';

type AuditEntry = AuditEntriesResult['auditEntries']['nodes'][number];

/** Who changed what and when, newest first; the filters live in the URL so a view can be shared. */
export default function AuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('audit.title'));
  const [params, setParams] = useSearchParams();
  const filters = readAuditFilters(params);
  const filter = toAuditFilter(filters);

  const { data, previousData, error, refetch, fetchMore, networkStatus } = useQuery(AuditEntriesQuery, {
    variables: { first: AUDIT_PAGE_SIZE, ...(filter ? { filter } : {}) },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.auditEntries;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;

  const { loadMore, loadMoreError: moreError } = useLoadMore(connection?.pageInfo.endCursor, fetchMore);

  let body;
  if (error && !connection) {
    body = (
      <ErrorState
        title={t('audit.errorTitle')}
        error={error}
        onRetry={() => {
          refetch().catch(() => undefined);
        }}
      />
    );
  } else if (!connection) {
    body = <ListSkeleton label={t('audit.loading')} testId="audit-loading" />;
  } else if (connection.nodes.length === 0) {
    body = (
      <div className="empty-state">
        <p className="empty-state-title">{hasAuditFilters(filters) ? t('audit.emptyFilteredTitle') : t('audit.emptyTitle')}</p>
        <p>
          {hasAuditFilters(filters) ? <Link to="/audit">{t('audit.clearFilters')}</Link> : t('audit.emptyHint')}
        </p>
      </div>
    );
  } else {
    body = (
      <div aria-busy={networkStatus !== NetworkStatus.ready}>
        <AuditTable entries={connection.nodes} totalCount={connection.totalCount} />
        <p className="muted">{t('audit.shown', { shown: connection.nodes.length, count: connection.totalCount })}</p>
        {moreError ? <ErrorState title={t('audit.moreErrorTitle')} error={moreError} /> : null}
        {connection.pageInfo.hasNextPage ? (
          <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? t('list.loadingMore') : t('list.loadMore')}
          </button>
        ) : null}
      </div>
    );
  }

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="page-intro">{t('audit.intro')}</p>
      <AuditFilters filters={filters} onChange={(next) => setParams(writeAuditFilters(next))} />
      {body}
    </>
  );
}

function AuditFilters({ filters, onChange }: { filters: AuditFilterState; onChange: (next: AuditFilterState) => void }) {
  const { t } = useTranslation();
  const actors = useQuery(AuditActorsQuery, { variables: { first: AUDIT_ACTORS_LIMIT } });
  const people = actors.data?.users.nodes ?? [];
  const knownPerson = filters.user === '' || people.some((person) => person.id === filters.user);
  const knownType = filters.entityType === '' || (ENTITY_TYPES as readonly string[]).includes(filters.entityType);
  return (
    <form className="filters" role="search" aria-label={t('audit.filtersLabel')} onSubmit={(event) => event.preventDefault()}>
      <Field label={t('audit.filter.user')} error={actors.error ? t('audit.filter.usersFailed') : undefined}>
        {(control) => (
          <select {...control} value={filters.user} onChange={(event) => onChange({ ...filters, user: event.target.value })}>
            <option value="">{actors.data ? t('audit.filter.anyUser') : t('audit.filter.usersLoading')}</option>
            {!knownPerson ? <option value={filters.user}>{t('audit.filter.unknownUser')}</option> : null}
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName} ({person.email})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('audit.filter.entityType')}>
        {(control) => (
          <select
            {...control}
            value={filters.entityType}
            onChange={(event) => onChange({ ...filters, entityType: event.target.value })}
          >
            <option value="">{t('audit.filter.anyEntity')}</option>
            {!knownType ? <option value={filters.entityType}>{filters.entityType}</option> : null}
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {entityTypeLabel(type, t)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CentreSelect
        label={t('audit.filter.centre')}
        emptyOption={t('audit.filter.anyCentre')}
        value={filters.centre}
        // "With the centres under it" stays ticked from one region to the next: an administrator compares them.
        onChange={(centre) => onChange({ ...filters, centre })}
        includeBelow={{ checked: filters.below, onChange: (below) => onChange({ ...filters, below }) }}
      />
      <Field label={t('audit.filter.from')}>
        {(control) => (
          <input {...control} type="date" value={filters.from} onChange={(event) => onChange({ ...filters, from: event.target.value })} />
        )}
      </Field>
      <Field label={t('audit.filter.to')} error={isBackwardRange(filters) ? t('audit.filter.backwardRange') : undefined}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(event) => onChange({ ...filters, to: event.target.value })}
          />
        )}
      </Field>
      {filters.entityId ? (
        <p className="filter-chip">
          {t('audit.filter.onlyRecord', { id: filters.entityId })}{' '}
          <button type="button" className="button-secondary" onClick={() => onChange({ ...filters, entityId: '' })}>
            {t('audit.filter.allRecords')}
          </button>
        </p>
      ) : null}
      {hasAuditFilters(filters) ? (
        <p className="filters-clear">
          <Link to="/audit">{t('audit.clearFilters')}</Link>
        </p>
      ) : null}
    </form>
  );
}

function AuditTable({ entries, totalCount }: { entries: readonly AuditEntry[]; totalCount: number }) {
  const { t } = useTranslation();
  const { connection } = useNetworkCentres();
  const centreName = (id: string) => connection?.nodes.find((centre) => centre.id === id)?.name;
  return (
    <div className="table-scroll">
      <table className="data-table audit-table">
        <caption>{t('audit.count', { count: totalCount })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.column.when')}</th>
            <th scope="col">{t('audit.column.who')}</th>
            <th scope="col">{t('audit.column.action')}</th>
            <th scope="col">{t('audit.column.entity')}</th>
            <th scope="col">{t('audit.column.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-row">
              <td>
                <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, t)}</time>
              </td>
              <td>
                {entry.actor ? (
                  <>
                    {entry.actor.displayName}
                    <span className="cell-note">{entry.actor.email}</span>
                  </>
                ) : (
                  <span className="muted">{t('audit.system')}</span>
                )}
              </td>
              <th scope="row">
                {actionLabel(entry.action, t)}
                <span className="cell-note code">{entry.action}</span>
              </th>
              <td>
                <EntityCell entry={entry} />
              </td>
              <td>
                {entry.changes.length === 0 ? (
                  <span className="muted">{t('audit.noChanges')}</span>
                ) : (
                  <ul className="changes">
                    {entry.changes.map((change) => (
                      <li key={change.field}>
                        <span className="change-field">{fieldLabel(change.field, t)}:</span>{' '}
                        <span className="change-before">{formatChangeValue(change.field, change.before, t, centreName)}</span>{' '}
                        <span aria-hidden="true">→</span>
                        <span className="visually-hidden">{t('audit.changedTo')}</span>{' '}
                        <span className="change-after">{formatChangeValue(change.field, change.after, t, centreName)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EntityCell({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <>
      {entityTypeLabel(entry.entityType, t)}
      {entry.entityType === 'User' && entry.entityId ? (
        <span className="cell-note">
          <Link to={`/users/${encodeURIComponent(entry.entityId)}`}>{t('audit.openUser')}</Link>
        </span>
      ) : entry.entityId ? (
        <span className="cell-note code" title={entry.entityId}>
          {entry.entityId.slice(0, 8)}
        </span>
      ) : null}
      {entry.centre ? <span className="cell-note">{entry.centre.name}</span> : null}
    </>
  );
}
