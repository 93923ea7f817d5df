import { CENTRE_KINDS } from '@mrc/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatLongDate } from '../../app/i18n/format-date';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import { Field } from '../../app/ui/Field';
import { canAddCentres } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { centreStatus, localIsoDate, type CentreGroup } from './centre-network';
import {
  centreActivity,
  filterNetworkGroups,
  hasNetworkFilters,
  readNetworkFilters,
  writeNetworkFilters,
  type NetworkFilterState,
  type NetworkView,
  type OverviewCentre,
} from './network-filters';
import { NetworkMap } from './NetworkMap';
import { useNetworkOverview } from './use-network-overview';
import './network.css';

/**
 * The network: the regional centre and the centres under it, as a list grouped by parent or as a map,
 * with what runs at each. Filters and the view live in the URL, so any view of it can be shared.
 */
export default function NetworkPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('centres.title'));
  const [params, setParams] = useSearchParams();
  const filters = readNetworkFilters(params);
  const { connection, loading, error, retry, complete, moreError, retryMore } = useNetworkOverview();
  const { ability } = useSession();
  const apply = (next: NetworkFilterState) => setParams(writeNetworkFilters(next));

  let body;
  if (error && !connection) {
    body = <ErrorState title={t('centres.errorTitle')} error={error} onRetry={retry} />;
  } else if (!connection) {
    body = <NetworkSkeleton />;
  } else if (connection.nodes.length === 0) {
    body = (
      <div className="empty-state">
        <p className="empty-state-title">{t('centres.emptyTitle')}</p>
        <p>{t('centres.emptyHint')}</p>
      </div>
    );
  } else {
    const { groups, matching } = filterNetworkGroups(connection.nodes, filters, localIsoDate());
    // Until every page is here, "nothing matches" might not be true: say how far the loading got instead.
    body =
      matching.length === 0 && complete ? (
        <div className="empty-state">
          <p className="empty-state-title">{t('network.emptyFilteredTitle')}</p>
          <p>{t('network.emptyFilteredHint')}</p>
          <p>
            <Link to={filters.view === 'map' ? '/centres?view=map' : '/centres'}>{t('network.clearFilters')}</Link>
          </p>
        </div>
      ) : (
        <div aria-busy={loading || (!complete && !moreError)}>
          <p className="muted" role="status">
            {complete
              ? t('network.shown', { shown: matching.length, count: connection.nodes.length })
              : t(moreError ? 'network.loadedPart' : 'network.loadingRest', {
                  loaded: connection.nodes.length,
                  count: connection.totalCount,
                })}
          </p>
          {moreError ? <ErrorState title={t('network.moreErrorTitle')} error={moreError} onRetry={retryMore} /> : null}
          {matching.length === 0 ? null : filters.view === 'map' ? (
            <NetworkMap centres={matching} />
          ) : (
            groups.map((group) => <CentreGroupSection key={group.head.id} group={group} />)
          )}
        </div>
      );
  }

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('centres.title')}</h1>
          <p className="page-intro">{t('centres.intro')}</p>
        </div>
        {canAddCentres(ability) ? (
          <Link className="button-link" to="/centres/new">
            {t('network.add')}
          </Link>
        ) : null}
      </div>
      <NetworkFilters key={params.toString()} filters={filters} onChange={apply} />
      <ViewSwitch view={filters.view} onChange={(view) => apply({ ...filters, view })} />
      {body}
    </>
  );
}

function NetworkFilters({ filters, onChange }: { filters: NetworkFilterState; onChange: (next: NetworkFilterState) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange({ ...filters, q });
  };
  return (
    <form className="filters" role="search" aria-label={t('network.filtersLabel')} onSubmit={submit}>
      <Field label={t('network.filter.kind')}>
        {(control) => (
          <select
            {...control}
            value={filters.kind}
            onChange={(event) => onChange({ ...filters, kind: event.target.value as NetworkFilterState['kind'] })}
          >
            <option value="">{t('network.filter.anyKind')}</option>
            {CENTRE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`centreKind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="filters-search">
        <Field label={t('network.filter.search')}>
          {(control) => <input {...control} type="search" value={q} onChange={(event) => setQ(event.target.value)} />}
        </Field>
        <button type="submit">{t('network.filter.apply')}</button>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={filters.showClosed}
          onChange={(event) => onChange({ ...filters, showClosed: event.target.checked })}
        />
        {t('network.filter.showClosed')}
      </label>
      {hasNetworkFilters(filters) ? (
        <p className="filters-clear">
          <Link to={filters.view === 'map' ? '/centres?view=map' : '/centres'}>{t('network.clearFilters')}</Link>
        </p>
      ) : null}
    </form>
  );
}

/** List or map: two buttons that say which one is showing (aria-pressed), not a colour. */
function ViewSwitch({ view, onChange }: { view: NetworkView; onChange: (view: NetworkView) => void }) {
  const { t } = useTranslation();
  return (
    <div className="view-switch" role="group" aria-label={t('network.view.label')}>
      {(['list', 'map'] as const).map((option) => (
        <button
          key={option}
          type="button"
          className={view === option ? undefined : 'button-secondary'}
          aria-pressed={view === option}
          onClick={() => onChange(option)}
        >
          {t(`network.view.${option}`)}
        </button>
      ))}
    </div>
  );
}

function CentreGroupSection({ group }: { group: CentreGroup<OverviewCentre> }) {
  const { t } = useTranslation();
  const { head, members } = group;
  const headingId = `centre-${head.id}`;
  const activity = centreActivity(head);
  return (
    <section className="centre-group" aria-labelledby={headingId}>
      <div className="centre-head" data-testid={head.parent ? 'parent-centre' : 'regional-centre'}>
        <p className="centre-kind">{t(`centreKind.${head.kind}`)}</p>
        <h2 id={headingId}>
          <Link to={`/centres/${encodeURIComponent(head.id)}`}>{head.name}</Link>
        </h2>
        <p className="centre-town">{head.town ?? t('centres.noTown')}</p>
        <CentreStatusNote centre={head} />
        <p className="centre-activity">
          {t('network.openClubs', { count: activity.openClubs })} · {t('network.runningPrograms', { count: activity.runningPrograms })}
        </p>
      </div>
      {members.length > 0 ? (
        <div className="table-scroll">
          <table className="centre-table">
            <caption>{t('centres.childCount', { count: members.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('centres.column.name')}</th>
                <th scope="col">{t('centres.column.kind')}</th>
                <th scope="col">{t('centres.column.town')}</th>
                <th scope="col" className="numeric">
                  {t('network.column.openClubs')}
                </th>
                <th scope="col" className="numeric">
                  {t('network.column.runningPrograms')}
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((centre) => (
                <CentreRow key={centre.id} centre={centre} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function CentreRow({ centre }: { centre: OverviewCentre }) {
  const { t } = useTranslation();
  const activity = centreActivity(centre);
  return (
    <tr data-testid="centre-row">
      <th scope="row">
        <Link to={`/centres/${encodeURIComponent(centre.id)}`}>{centre.name}</Link>
        <CentreStatusNote centre={centre} />
      </th>
      <td>{t(`centreKind.${centre.kind}`)}</td>
      <td>{centre.town ?? <span className="muted">{t('centres.noTown')}</span>}</td>
      <td className="numeric" data-testid="open-clubs">
        {activity.openClubs}
      </td>
      <td className="numeric">{activity.runningPrograms}</td>
    </tr>
  );
}

export function CentreStatusNote({ centre }: { centre: Pick<OverviewCentre, 'openedOn' | 'closedOn'> }) {
  const { t } = useTranslation();
  const status = centreStatus(centre, localIsoDate());
  if (!status) return null;
  const text =
    status.state === 'closed'
      ? t('centres.closedOn', { date: formatLongDate(status.since, t) })
      : t('centres.opensOn', { date: formatLongDate(status.opensOn, t) });
  return <span className="status-note">{text}</span>;
}

function NetworkSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="centres-skeleton" role="status" data-testid="centres-loading">
      <span className="visually-hidden">{t('centres.loading')}</span>
      <div className="skeleton skeleton-heading" aria-hidden="true" />
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className="skeleton skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}
