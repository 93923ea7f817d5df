import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { ROLES } from '@mrc/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useLoadMore } from '../../app/apollo/use-load-more';
import { formatDateTime } from '../../app/i18n/format-date';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import { ListSkeleton } from '../../app/ui/ListSkeleton';
import { Field } from '../../app/ui/Field';
import type { UserListFieldsFragment } from '../../gql/graphql';
import { CentreSelect } from '../centres/CentreSelect';
import { StatusBadge } from './StatusBadge';
import { hasUserFilters, readUserFilters, toUserFilter, writeUserFilters, type UserFilterState } from './user-filters';
import { USERS_PAGE_SIZE, UsersQuery } from './users-documents';

/** What the page shows after a user was created (router state, set by NewUserPage). */
export interface UsersPageNotice {
  created?: string;
}

export default function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  const [params, setParams] = useSearchParams();
  const filters = readUserFilters(params);
  const filter = toUserFilter(filters);
  const notice = (useLocation().state as UsersPageNotice | null)?.created;

  const { data, previousData, error, refetch, fetchMore, networkStatus } = useQuery(UsersQuery, {
    variables: { first: USERS_PAGE_SIZE, ...(filter ? { filter } : {}) },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.users;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;

  const applyFilters = (next: UserFilterState) => setParams(writeUserFilters(next));

  const { loadMore, loadMoreError: moreError } = useLoadMore(connection?.pageInfo.endCursor, fetchMore);

  let body;
  if (error && !connection) {
    body = (
      <ErrorState
        title={t('users.errorTitle')}
        error={error}
        onRetry={() => {
          refetch().catch(() => undefined);
        }}
      />
    );
  } else if (!connection) {
    body = <ListSkeleton label={t('users.loading')} testId="users-loading" />;
  } else if (connection.nodes.length === 0) {
    body = hasUserFilters(filters) ? (
      <div className="empty-state">
        <p className="empty-state-title">{t('users.emptyFilteredTitle')}</p>
        <p>
          <Link to="/users">{t('users.clearFilters')}</Link>
        </p>
      </div>
    ) : (
      <div className="empty-state">
        <p className="empty-state-title">{t('users.emptyTitle')}</p>
        <p>{t('users.emptyHint')}</p>
      </div>
    );
  } else {
    body = (
      <div aria-busy={networkStatus !== NetworkStatus.ready}>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('users.count', { count: connection.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.column.name')}</th>
                <th scope="col">{t('users.column.email')}</th>
                <th scope="col">{t('users.column.role')}</th>
                <th scope="col">{t('users.column.centre')}</th>
                <th scope="col">{t('users.column.status')}</th>
                <th scope="col">{t('users.column.lastSignIn')}</th>
              </tr>
            </thead>
            <tbody>
              {connection.nodes.map((user) => (
                <UserRow key={user.id} user={user} />
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">{t('users.shown', { shown: connection.nodes.length, count: connection.totalCount })}</p>
        {moreError ? <ErrorState title={t('users.moreErrorTitle')} error={moreError} /> : null}
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
      <div className="page-head">
        <div>
          <h1>{t('users.title')}</h1>
          <p className="page-intro">{t('users.intro')}</p>
        </div>
        <Link className="button-link" to="/users/new">
          {t('users.create')}
        </Link>
      </div>
      {notice ? (
        <p className="notice" role="status">
          {t('users.created', { name: notice })}
        </p>
      ) : null}
      <UserFilters key={params.toString()} filters={filters} onChange={applyFilters} />
      {body}
    </>
  );
}

function UserFilters({ filters, onChange }: { filters: UserFilterState; onChange: (next: UserFilterState) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange({ ...filters, q });
  };
  return (
    <form className="filters" role="search" aria-label={t('users.filtersLabel')} onSubmit={submit}>
      <Field label={t('users.filter.role')}>
        {(control) => (
          <select {...control} value={filters.role} onChange={(event) => onChange({ ...filters, role: event.target.value as UserFilterState['role'] })}>
            <option value="">{t('users.filter.anyRole')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CentreSelect
        label={t('users.filter.centre')}
        emptyOption={t('users.filter.anyCentre')}
        value={filters.centre}
        // "With the centres under it" stays ticked from one region to the next: an administrator compares them.
        onChange={(centre) => onChange({ ...filters, centre })}
        includeBelow={{ checked: filters.below, onChange: (below) => onChange({ ...filters, below }) }}
      />
      <Field label={t('users.filter.status')}>
        {(control) => (
          <select
            {...control}
            value={filters.status}
            onChange={(event) => onChange({ ...filters, status: event.target.value as UserFilterState['status'] })}
          >
            <option value="">{t('users.filter.anyStatus')}</option>
            <option value="active">{t('users.status.active')}</option>
            <option value="inactive">{t('users.status.inactive')}</option>
          </select>
        )}
      </Field>
      <div className="filters-search">
        <Field label={t('users.filter.search')}>
          {(control) => <input {...control} type="search" value={q} onChange={(event) => setQ(event.target.value)} />}
        </Field>
        <button type="submit">{t('users.filter.apply')}</button>
      </div>
    </form>
  );
}

function UserRow({ user }: { user: UserListFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <tr data-testid="user-row">
      <th scope="row">
        <Link to={`/users/${encodeURIComponent(user.id)}`}>{user.displayName}</Link>
      </th>
      <td>{user.email}</td>
      <td>{t(`role.${user.role}`)}</td>
      <td>{user.centre?.name ?? <span className="muted">{t('users.noCentre')}</span>}</td>
      <td>
        <StatusBadge active={user.active} />
      </td>
      <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt, t) : <span className="muted">{t('users.neverSignedIn')}</span>}</td>
    </tr>
  );
}
