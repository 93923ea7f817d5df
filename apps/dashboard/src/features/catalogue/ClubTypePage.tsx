import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { failureCode } from '../../app/apollo/error-code';
import { formatLongDate } from '../../app/i18n/format-date';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { FormActions } from '../../app/ui/FormActions';
import { FormError } from '../../app/ui/FormError';
import { Notice } from '../../app/ui/Notice';
import { RecordState } from '../../app/ui/RecordState';
import { useFormSubmit } from '../../app/ui/use-form-submit';
import type { ClubTypeQuery as ClubTypeResult } from '../../gql/graphql';
import { useSession } from '../auth/session-context';
import { localIsoDate } from '../centres/centre-network';
import { ClubStatusChip } from '../clubs/ClubStatusChip';
import { canEditClubTypes } from './catalogue-permissions';
import { CataloguePlace } from './CataloguePlace';
import { clubTypeInput, clubTypeValues, validateClubType, type ClubTypeValues } from './club-type-form';
import { ClubTypeFields, isClubTypeField } from './ClubTypeFields';
import { ClubTypeQuery, CloseClubTypeMutation, ReopenClubTypeMutation, UpdateClubTypeMutation } from './club-types-documents';
import { extensionNumber } from './error-extensions';
import { catalogueRefusalProblems } from './form-problems';
import { forgetCatalogueLists } from './forget-catalogue';
import { isMissing } from './missing-record';
import { recordNotice } from './record-notice';
import { RetiredChip } from './RetiredChip';
import './catalogue.css';

type ClubType = ClubTypeResult['clubType'];
type Club = ClubType['clubs'][number];

/** One club type: what it is, where it runs, and for administrators its texts and its place in the catalogue. */
export default function ClubTypePage() {
  const { t } = useTranslation();
  const { clubTypeId = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(ClubTypeQuery, { variables: { id: clubTypeId } });
  const clubType = data?.clubType;
  useDocumentTitle(clubType?.name ?? t('catalogue.clubTypes.detail.title'));

  return (
    <>
      <p className="breadcrumb">
        <Link to="/catalogue">{t('catalogue.backToClubTypes')}</Link>
      </p>
      {clubType ? null : <h1>{t('catalogue.clubTypes.detail.title')}</h1>}
      <RecordState
        record={clubType}
        error={error}
        loading={loading}
        refetch={refetch}
        failedTitle={t('catalogue.clubTypes.detail.errorTitle')}
        loadingLabel={t('catalogue.clubTypes.detail.loading')}
        loadingTestId="club-type-loading"
        isMissing={isMissing}
        notFoundTitle={t('catalogue.clubTypes.detail.notFoundTitle')}
        notFoundHint={<Link to="/catalogue">{t('catalogue.clubTypes.detail.notFoundHint')}</Link>}
      >
        {(found) => <ClubTypeSections clubType={found} />}
      </RecordState>
    </>
  );
}

function ClubTypeSections({ clubType }: { clubType: ClubType }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const { created } = recordNotice(useLocation().state);
  const today = localIsoDate();
  return (
    <>
      <div className="page-head">
        <div>
          <p className="centre-kind">{t('catalogue.clubTypes.detail.kind')}</p>
          <h1>{clubType.name}</h1>
        </div>
        <RetiredChip closedOn={clubType.closedOn} today={today} />
      </div>
      {created ? <Notice>{t('catalogue.clubTypes.created', { name: created })}</Notice> : null}
      {clubType.description ? (
        <p className="description">{clubType.description}</p>
      ) : (
        <p className="muted">{t('catalogue.noDescription')}</p>
      )}
      <WhereItRuns clubs={clubType.clubs} />
      {canEditClubTypes(ability) ? (
        <>
          <ClubTypeEditForm key={clubType.id} clubType={clubType} />
          <ClubTypePlace clubType={clubType} today={today} />
        </>
      ) : null}
    </>
  );
}

function WhereItRuns({ clubs }: { clubs: readonly Club[] }) {
  const { t } = useTranslation();
  const open = clubs.filter((club) => club.status !== 'CLOSED').length;
  return (
    <section className="panel" aria-labelledby="where-it-runs-heading">
      <h2 id="where-it-runs-heading">{t('catalogue.clubTypes.detail.whereHeading')}</h2>
      {clubs.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state-title">{t('catalogue.clubTypes.detail.nowhereTitle')}</p>
          <p>{t('catalogue.clubTypes.detail.nowhereHint')}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('catalogue.clubTypes.detail.openCount', { count: open })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogue.clubTypes.detail.column.centre')}</th>
                <th scope="col">{t('catalogue.clubTypes.detail.column.status')}</th>
                <th scope="col">{t('catalogue.clubTypes.detail.column.leader')}</th>
                <th scope="col">{t('catalogue.clubTypes.detail.column.since')}</th>
              </tr>
            </thead>
            <tbody>
              {clubs.map((club) => (
                <tr key={club.id} data-testid="club-row">
                  <th scope="row">
                    <Link to={`/centres/${encodeURIComponent(club.centre.id)}`}>{club.centre.name}</Link>
                  </th>
                  <td>
                    <ClubStatusChip status={club.status} />
                  </td>
                  <td>{club.leaderName ?? <span className="muted">{t('catalogue.clubTypes.detail.noLeader')}</span>}</td>
                  <td>
                    {club.status === 'CLOSED' && club.closedOn
                      ? t('catalogue.clubTypes.detail.closedOn', { date: formatLongDate(club.closedOn, t) })
                      : club.startedOn
                        ? formatLongDate(club.startedOn, t)
                        : <span className="muted">{t('catalogue.clubTypes.detail.notStarted')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ClubTypeEditForm({ clubType }: { clubType: ClubType }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ClubTypeValues>(() => clubTypeValues(clubType));
  const [update] = useMutation(UpdateClubTypeMutation, { update: forgetCatalogueLists });
  const form = useFormSubmit({
    validate: () => validateClubType(values, t),
    send: () => update({ variables: { input: { id: clubType.id, ...clubTypeInput(values) } } }),
    refusalProblems: (error) => catalogueRefusalProblems(error, t),
    isShown: isClubTypeField,
  });

  return (
    <section className="panel" aria-labelledby="club-type-edit-heading">
      <h2 id="club-type-edit-heading">{t('catalogue.clubTypes.detail.editHeading')}</h2>
      {form.failure ? <FormError title={t('catalogue.saveFailed')} {...form.failure} /> : null}
      {form.sent ? <Notice>{t('form.saved')}</Notice> : null}
      <form className="form form-wide" noValidate onSubmit={form.onSubmit} aria-busy={form.sending}>
        <ClubTypeFields values={values} problems={form.problems} onChange={setValues} />
        <FormActions sending={form.sending} submitLabel={t('form.save')} />
      </form>
    </section>
  );
}

function ClubTypePlace({ clubType, today }: { clubType: ClubType; today: string }) {
  const { t } = useTranslation();
  const [close] = useMutation(CloseClubTypeMutation, { update: forgetCatalogueLists });
  const [reopen] = useMutation(ReopenClubTypeMutation, { update: forgetCatalogueLists });
  const variables = { input: { id: clubType.id } };
  const openClubs = clubType.clubs.filter((club) => club.status !== 'CLOSED').length;
  return (
    <CataloguePlace
      texts="catalogue.clubTypes.detail"
      record={clubType}
      today={today}
      retire={() => close({ variables })}
      restore={() => reopen({ variables })}
      // The API refuses to retire a type whose clubs still run; the page lists them under "Where it runs".
      retireRefusal={(error) =>
        failureCode(error) === 'CONFLICT'
          ? {
              title: t('catalogue.clubTypes.detail.retireFailed'),
              explanation: t('catalogue.clubTypes.detail.stillRunning', { count: extensionNumber(error, 'openClubs') ?? openClubs }),
            }
          : undefined
      }
    />
  );
}
