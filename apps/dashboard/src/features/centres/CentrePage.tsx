import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { formatLongDate } from '../../app/i18n/format-date';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { Notice } from '../../app/ui/Notice';
import type { CentrePageQuery as CentrePageData } from '../../gql/graphql';
import { canAddAtCentre, canEditAtCentre, canEditCentre, canManageCentres, type CentreRecordType } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { ClubStatusChip } from '../clubs/ClubStatusChip';
import type { CentrePageNotice } from './CentreBreadcrumb';
import { CentrePageQuery } from './centre-documents';
import { CentreState } from './CentreState';
import { CentreStatusNote } from './NetworkPage';
import { ClosedChip, ProgramRunStatusChip, StatusChip } from './StatusChip';
import './network.css';

type CentreDetail = NonNullable<CentrePageData['centre']>;

/** One centre: where it is, how to reach it, and what it has and runs. */
export default function CentrePage() {
  const { t } = useTranslation();
  const { centreId = '' } = useParams();
  const notice = useLocation().state as CentrePageNotice | null;
  const { data, previousData, error, loading, refetch } = useQuery(CentrePageQuery, { variables: { id: centreId } });
  // While a list is asked again after a change (see forget-records.ts), the page stays as it was.
  const centre = (data ?? (previousData?.centre?.id === centreId ? previousData : undefined))?.centre;
  useDocumentTitle(centre?.name ?? t('centre.title'));

  return (
    <>
      <p className="breadcrumb">
        <Link to="/centres">{t('centre.backToNetwork')}</Link>
      </p>
      {centre ? null : <h1>{t('centre.title')}</h1>}
      {notice?.added ? <Notice>{t(`centre.notice.${notice.added}`, { name: notice.name })}</Notice> : null}
      <CentreState centre={centre} error={error} loading={loading} refetch={refetch}>
        {(found) => <CentreSections centre={found} />}
      </CentreState>
    </>
  );
}

function CentreSections({ centre }: { centre: CentreDetail }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const centrePath = `/centres/${encodeURIComponent(centre.id)}`;
  const editLabel = canEditCentre(ability, centre.id, 'names')
    ? t('centre.edit.link')
    : canEditCentre(ability, centre.id, 'phone')
      ? t('centre.edit.contactsLink')
      : null;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="centre-kind">{t(`centreKind.${centre.kind}`)}</p>
          <h1>{centre.name}</h1>
          <p className="page-intro">
            {centre.town ?? t('centres.noTown')}
            <CentreStatusNote centre={centre} />
          </p>
        </div>
        {editLabel ? (
          <Link className="button-link" to={`/centres/${encodeURIComponent(centre.id)}/edit`}>
            {editLabel}
          </Link>
        ) : null}
      </div>

      <section className="panel" aria-labelledby="centre-about">
        <h2 id="centre-about">{t('centre.about.heading')}</h2>
        <dl className="facts">
          <dt>{t('centre.about.kind')}</dt>
          <dd>{t(`centreKind.${centre.kind}`)}</dd>
          <dt>{t('centre.about.town')}</dt>
          <dd>{centre.town ?? <span className="muted">{t('centres.noTown')}</span>}</dd>
          <dt>{t('centre.about.parent')}</dt>
          <dd>
            {centre.parent ? (
              <Link to={`/centres/${encodeURIComponent(centre.parent.id)}`}>{centre.parent.name}</Link>
            ) : (
              <span className="muted">{t('centre.about.noParent')}</span>
            )}
          </dd>
          <dt>{t('centre.about.openedOn')}</dt>
          <dd>{centre.openedOn ? formatLongDate(centre.openedOn, t) : <span className="muted">{t('centre.about.unknown')}</span>}</dd>
          {centre.closedOn ? (
            <>
              <dt>{t('centre.about.closedOn')}</dt>
              <dd>{formatLongDate(centre.closedOn, t)}</dd>
            </>
          ) : null}
        </dl>
        {centre.children.length > 0 ? (
          <>
            <h3 id="centre-children">{t('centre.about.children', { count: centre.children.length })}</h3>
            <ul className="link-list" aria-labelledby="centre-children">
              {centre.children.map((child) => (
                <li key={child.id}>
                  <Link to={`/centres/${encodeURIComponent(child.id)}`}>{child.name}</Link>
                  {child.closedOn ? <span className="muted"> · {t('centres.closedOn', { date: formatLongDate(child.closedOn, t) })}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="centre-contacts">
        <h2 id="centre-contacts">{t('centre.contacts.heading')}</h2>
        <dl className="facts">
          <dt>{t('centre.contacts.phone')}</dt>
          <dd>{centre.phone ? <a href={`tel:${centre.phone.replace(/[^+\d]/g, '')}`}>{centre.phone}</a> : <NotGiven />}</dd>
          <dt>{t('centre.contacts.email')}</dt>
          <dd>{centre.email ? <a href={`mailto:${centre.email}`}>{centre.email}</a> : <NotGiven />}</dd>
          <dt>{t('centre.contacts.address')}</dt>
          <dd>{centre.address ?? <NotGiven />}</dd>
        </dl>
      </section>

      <RecordSection
        id="centre-spaces"
        heading={t('centre.spaces.heading')}
        centre={centre}
        type="Space"
        addPath="spaces/new"
        addLabel={t('centre.spaces.add')}
        emptyText={t('centre.spaces.empty')}
        count={centre.spaces.length}
        columns={[t('centre.spaces.column.name'), t('centre.spaces.column.kind'), t('centre.spaces.column.capacity'), t('centre.column.status')]}
      >
        {centre.spaces.map((space) => (
          <RecordRow
            key={space.id}
            testId="space-row"
            name={space.name}
            editPath={`${centrePath}/spaces/${encodeURIComponent(space.id)}`}
            canEdit={canEditAtCentre(ability, 'Space', centre.id)}
            cells={[
              t(`enums.spaceKind.${space.kind}`),
              <span key="capacity" className="numeric">{t('centre.spaces.people', { count: space.capacity })}</span>,
              space.closedOn ? <ClosedChip closedOn={space.closedOn} text={(date) => t('centre.closedSince', { date })} /> : <OpenChip />,
            ]}
          />
        ))}
      </RecordSection>

      <RecordSection
        id="centre-equipment"
        heading={t('centre.equipment.heading')}
        centre={centre}
        type="Equipment"
        addPath="equipment/new"
        addLabel={t('centre.equipment.add')}
        emptyText={t('centre.equipment.empty')}
        count={centre.equipment.length}
        columns={[t('centre.equipment.column.name'), t('centre.equipment.column.kind'), t('centre.equipment.column.quantity'), t('centre.column.status')]}
      >
        {centre.equipment.map((item) => (
          <RecordRow
            key={item.id}
            testId="equipment-row"
            name={item.name}
            editPath={`${centrePath}/equipment/${encodeURIComponent(item.id)}`}
            canEdit={canEditAtCentre(ability, 'Equipment', centre.id)}
            cells={[
              t(`enums.equipmentKind.${item.kind}`),
              <span key="quantity" className="numeric">{item.quantity}</span>,
              item.closedOn ? <ClosedChip closedOn={item.closedOn} text={(date) => t('centre.writtenOffSince', { date })} /> : <OpenChip />,
            ]}
          />
        ))}
      </RecordSection>

      <RecordSection
        id="centre-clubs"
        heading={t('centre.clubs.heading')}
        centre={centre}
        type="Club"
        addPath="clubs/new"
        addLabel={t('centre.clubs.add')}
        emptyText={t('centre.clubs.empty')}
        count={centre.clubs.length}
        columns={[
          t('centre.clubs.column.type'),
          t('centre.column.status'),
          t('centre.clubs.column.leader'),
          t('centre.clubs.column.schedule'),
          t('centre.clubs.column.startedOn'),
        ]}
      >
        {centre.clubs.map((club) => (
          <RecordRow
            key={club.id}
            testId="club-row"
            name={club.type.name}
            editPath={`${centrePath}/clubs/${encodeURIComponent(club.id)}`}
            canEdit={canEditAtCentre(ability, 'Club', centre.id)}
            cells={[
              <ClubStatusChip key="status" status={club.status} />,
              club.leaderName ?? <NotGiven key="leader" text={t('centre.clubs.noLeader')} />,
              club.schedule ?? <NotGiven key="schedule" />,
              club.startedOn ? formatLongDate(club.startedOn, t) : <NotGiven key="started" text={t('centre.clubs.notStarted')} />,
            ]}
          />
        ))}
      </RecordSection>

      <section className="panel" aria-labelledby="centre-runs">
        <h2 id="centre-runs">{t('centre.runs.heading')}</h2>
        {centre.programRuns.length === 0 ? (
          <div className="empty-state">
            <p className="empty-state-title">{t('centre.runs.empty')}</p>
            <p>{t('centre.runs.emptyHint')}</p>
          </div>
        ) : (
          <div className="table-scroll">
            <table className="data-table" aria-labelledby="centre-runs">
              <thead>
                <tr>
                  <th scope="col">{t('centre.runs.column.program')}</th>
                  <th scope="col">{t('centre.runs.column.dates')}</th>
                  <th scope="col">{t('centre.column.status')}</th>
                </tr>
              </thead>
              <tbody>
                {centre.programRuns.map((run) => (
                  <tr key={run.id} data-testid="run-row">
                    <th scope="row">{run.program.name}</th>
                    <td>
                      {run.endsOn
                        ? t('centre.runs.dates', { from: formatLongDate(run.startsOn, t), to: formatLongDate(run.endsOn, t) })
                        : t('centre.runs.ongoing', { from: formatLongDate(run.startsOn, t) })}
                    </td>
                    <td>
                      <ProgramRunStatusChip status={run.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canManageCentres(ability) ? (
        <p className="panel">
          <Link to={`/audit?${new URLSearchParams({ centre: centre.id }).toString()}`}>{t('centre.auditLink')}</Link>
        </p>
      ) : null}
    </>
  );
}

function NotGiven({ text }: { text?: string }) {
  const { t } = useTranslation();
  return <span className="muted">{text ?? t('centre.notGiven')}</span>;
}

function OpenChip() {
  const { t } = useTranslation();
  return <StatusChip icon="●" tone="positive" label={t('centre.inUse')} />;
}

interface RecordSectionProps {
  id: string;
  heading: string;
  centre: CentreDetail;
  type: CentreRecordType;
  /** Relative to the centre's page. */
  addPath: string;
  addLabel: string;
  emptyText: string;
  count: number;
  /** The column headers, the name's first; an unnamed one for the Edit links follows. */
  columns: string[];
  children: ReactNode;
}

/**
 * A list of what the centre has (spaces, equipment, clubs), with "Add" and per-row "Edit" for those
 * the policy lets change this centre: administrators, and the centre's own coordinator.
 */
function RecordSection({ id, heading, centre, type, addPath, addLabel, emptyText, count, columns, children }: RecordSectionProps) {
  const { t } = useTranslation();
  const { ability } = useSession();
  // A closed centre takes nothing new (the API refuses); its records can still be corrected.
  const canAdd = canAddAtCentre(ability, type, centre.id) && !centre.closedOn;
  const addLink = canAdd ? (
    <Link className="button-link" to={`/centres/${encodeURIComponent(centre.id)}/${addPath}`}>
      {addLabel}
    </Link>
  ) : null;
  return (
    <section className="panel" aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{heading}</h2>
        {count > 0 ? addLink : null}
      </div>
      {count === 0 ? (
        <div className="empty-state">
          <p className="empty-state-title">{emptyText}</p>
          {canAdd ? addLink : <p>{t('centre.emptyReadOnly')}</p>}
        </div>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby={id}>
            <thead>
              <tr>
                {columns.map((column, index) => (
                  <th key={index} scope="col">
                    {column}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('centre.column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RecordRow({
  testId,
  name,
  cells,
  editPath,
  canEdit,
}: {
  testId: string;
  name: string;
  cells: ReactNode[];
  editPath: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  return (
    <tr data-testid={testId}>
      <th scope="row">{name}</th>
      {cells.map((cell, index) => (
        <td key={index}>{cell}</td>
      ))}
      <td>
        {canEdit ? (
          // The visible "Edit" is the start of the name, which says which row it edits.
          <Link to={editPath} aria-label={t('centre.editNamed', { name })}>
            {t('centre.editRecord')}
          </Link>
        ) : null}
      </td>
    </tr>
  );
}
