import { useTranslation } from 'react-i18next';
import { formatLongDate } from '../../app/i18n/format-date';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import { centreStatus, groupByParent, localIsoDate, type CentreGroup, type NetworkCentre } from './centre-network';
import { useNetworkCentres } from './use-network-centres';

export default function CentresPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('centres.title'));
  const { connection, loading, error, retry } = useNetworkCentres();

  let body;
  if (error) {
    body = (
      <ErrorState
        title={t('centres.errorTitle')}
        error={error}
        onRetry={retry}
      />
    );
  } else if (!connection) {
    body = <CentresSkeleton />;
  } else if (connection.nodes.length === 0) {
    body = (
      <div className="empty-state">
        <p className="empty-state-title">{t('centres.emptyTitle')}</p>
        <p>{t('centres.emptyHint')}</p>
      </div>
    );
  } else {
    body = (
      <div aria-busy={loading}>
        {groupByParent(connection.nodes).map((group) => (
          <CentreGroupSection key={group.head.id} group={group} />
        ))}
        {connection.totalCount > connection.nodes.length ? (
          <p>{t('centres.partial', { shown: connection.nodes.length, count: connection.totalCount })}</p>
        ) : null}
      </div>
    );
  }

  return (
    <>
      <h1>{t('centres.title')}</h1>
      <p className="page-intro">{t('centres.intro')}</p>
      {body}
    </>
  );
}

function CentreGroupSection({ group }: { group: CentreGroup }) {
  const { t } = useTranslation();
  const { head, members } = group;
  const headingId = `centre-${head.id}`;
  return (
    <section className="centre-group" aria-labelledby={headingId}>
      <div className="centre-head" data-testid={head.parent ? 'parent-centre' : 'regional-centre'}>
        <p className="centre-kind">{t(`centreKind.${head.kind}`)}</p>
        <h2 id={headingId}>{head.name}</h2>
        <p className="centre-town">{head.town ?? t('centres.noTown')}</p>
        <CentreStatusNote centre={head} />
      </div>
      {members.length > 0 ? (
        <table className="centre-table">
          <caption>{t('centres.childCount', { count: members.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('centres.column.name')}</th>
              <th scope="col">{t('centres.column.kind')}</th>
              <th scope="col">{t('centres.column.town')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((centre) => (
              <CentreRow key={centre.id} centre={centre} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function CentreRow({ centre }: { centre: NetworkCentre }) {
  const { t } = useTranslation();
  return (
    <tr data-testid="centre-row">
      <th scope="row">
        {centre.name}
        <CentreStatusNote centre={centre} />
      </th>
      <td>{t(`centreKind.${centre.kind}`)}</td>
      <td>{centre.town ?? <span className="muted">{t('centres.noTown')}</span>}</td>
    </tr>
  );
}

function CentreStatusNote({ centre }: { centre: NetworkCentre }) {
  const { t } = useTranslation();
  const status = centreStatus(centre, localIsoDate());
  if (!status) return null;
  const text =
    status.state === 'closed'
      ? t('centres.closedOn', { date: formatLongDate(status.since, t) })
      : t('centres.opensOn', { date: formatLongDate(status.opensOn, t) });
  return <span className="status-note">{text}</span>;
}

function CentresSkeleton() {
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
