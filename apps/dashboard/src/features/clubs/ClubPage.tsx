import { useMutation, useQuery } from '@apollo/client/react';
import { OPEN_CLUB_STATUSES } from '@mrc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { failureCode } from '../../app/apollo/error-code';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { Field } from '../../app/ui/Field';
import { inFields } from '../../app/ui/field-problems';
import { FormActions } from '../../app/ui/FormActions';
import { FormError } from '../../app/ui/FormError';
import { LocalisedTextFields } from '../../app/ui/LocalisedTextFields';
import { Notice } from '../../app/ui/Notice';
import { RecordState } from '../../app/ui/RecordState';
import { useFormSubmit } from '../../app/ui/use-form-submit';
import type { CentreClubFieldsFragment } from '../../gql/graphql';
import { canAddAtCentre, canEditAtCentre } from '../auth/permissions';
import { NotAllowed } from '../auth/RequirePermission';
import { useSession } from '../auth/session-context';
import { CentreBreadcrumb, type CentrePageNotice } from '../centres/CentreBreadcrumb';
import { CloseRecordPanel } from '../centres/CloseRecordPanel';
import { forgetClubLists } from '../centres/forget-records';
import { clubValues, createClubInput, NEW_CLUB, updateClubInput, validateClub, type ClubValues, type OpenClubStatus } from './club-form';
import {
  CLUB_TYPES_PAGE_SIZE,
  ClubEditQuery,
  ClubFormCentreClubsQuery,
  ClubFormClubTypesQuery,
  CloseClubMutation,
  CreateClubMutation,
  ReopenClubMutation,
  UpdateClubMutation,
} from './clubs-documents';
import { ClubStatusChip } from './ClubStatusChip';
import '../centres/network.css';

/**
 * A club at a centre: starting one (`/centres/:centreId/clubs/new`), or changing, closing and reopening
 * one (`…/clubs/:clubId`). Administrators do this anywhere, a coordinator at their own centre.
 */
export default function ClubPage() {
  const { clubId } = useParams();
  return clubId ? <EditClub clubId={clubId} /> : <NewClub />;
}

function NewClub() {
  const { t } = useTranslation();
  const { centreId = '' } = useParams();
  const { ability } = useSession();
  const navigate = useNavigate();
  useDocumentTitle(t('clubs.newTitle'));
  const [createClub] = useMutation(CreateClubMutation);
  if (!canAddAtCentre(ability, 'Club', centreId)) return <NotAllowed />;

  return (
    <>
      <CentreBreadcrumb centreId={centreId} />
      <h1>{t('clubs.newTitle')}</h1>
      <p className="page-intro">{t('clubs.newIntro')}</p>
      <ClubForm
        centreId={centreId}
        initial={NEW_CLUB}
        isNew
        submitLabel={t('clubs.create')}
        failedTitle={t('clubs.createFailed')}
        cancelTo={`/centres/${encodeURIComponent(centreId)}`}
        onSave={async (values) => {
          const { data } = await createClub({
            variables: { input: createClubInput(centreId, values) },
            // The centre's lists gain a row: drop them so the pages showing them ask again.
            update: (cache) => forgetClubLists(cache, centreId, values.clubTypeId),
          });
          if (!data) return;
          const notice: CentrePageNotice = { added: 'club', name: data.createClub.club.type.name };
          await navigate(`/centres/${encodeURIComponent(centreId)}`, { state: notice });
        }}
      />
    </>
  );
}

function EditClub({ clubId }: { clubId: string }) {
  const { t } = useTranslation();
  const { centreId = '' } = useParams();
  const { ability } = useSession();
  const { data, error, loading, refetch } = useQuery(ClubEditQuery, { variables: { id: clubId } });
  const club = data?.club;
  useDocumentTitle(club?.type.name ?? t('clubs.editTitle'));

  if (club && !canEditAtCentre(ability, 'Club', club.centre.id)) return <NotAllowed />;

  return (
    <>
      <CentreBreadcrumb centreId={club?.centre.id ?? centreId} />
      <div className="page-head">
        <h1>{club?.type.name ?? t('clubs.editTitle')}</h1>
        {club ? <ClubStatusChip status={club.status} /> : null}
      </div>
      <RecordState
        record={club}
        error={error}
        loading={loading}
        refetch={refetch}
        failedTitle={t('clubs.loadFailed')}
        loadingLabel={t('clubs.loading')}
        loadingTestId="club-loading"
        notFoundTitle={t('clubs.notFound')}
        notFoundHint={t('centre.recordNotFoundHint')}
      >
        {(found) => <ClubSections club={found} />}
      </RecordState>
    </>
  );
}

function ClubSections({ club }: { club: CentreClubFieldsFragment }) {
  const { t } = useTranslation();
  // Said here rather than by the form: saving a new status or first meeting starts the form again (its key).
  const [saved, setSaved] = useState(false);
  const forget = { update: (cache: Parameters<typeof forgetClubLists>[0]) => forgetClubLists(cache, club.centre.id, club.type.id) };
  const [updateClub] = useMutation(UpdateClubMutation);
  const [closeClub] = useMutation(CloseClubMutation, forget);
  const [reopenClub] = useMutation(ReopenClubMutation, forget);
  const closed = club.closedOn !== null && club.closedOn !== undefined;
  return (
    <>
      {saved ? <Notice>{t('form.saved')}</Notice> : null}
      <section className="panel" aria-labelledby="club-details-heading">
        <h2 id="club-details-heading">{t('clubs.detailsHeading')}</h2>
        {closed ? <p className="muted">{t('clubs.closedNote')}</p> : null}
        <ClubForm
          // A reopened club comes back ACTIVE or PLANNED: start the form again from what the API says.
          key={`${club.status}-${club.startedOn ?? ''}`}
          centreId={club.centre.id}
          initial={clubValues(club)}
          isNew={false}
          closed={closed}
          submitLabel={t('form.save')}
          failedTitle={t('centre.saveFailed')}
          onSave={async (values) => {
            setSaved(false);
            await updateClub({ variables: { input: updateClubInput(club.id, values, { closed }) } });
            setSaved(true);
          }}
        />
      </section>
      <CloseRecordPanel
        heading={t('clubs.closingHeading')}
        closedOn={club.closedOn ?? null}
        texts={{
          close: t('clubs.close'),
          question: t('clubs.closeQuestion'),
          reopen: t('clubs.reopen'),
          closedOn: (date) => t('clubs.closedOn', { date }),
        }}
        onClose={(closedOn) => closeClub({ variables: { input: { id: club.id, closedOn } } })}
        onReopen={() => reopenClub({ variables: { input: { id: club.id } } })}
      />
    </>
  );
}

/** The inputs the form has fields for; problems with others are listed in its error summary. */
const CLUB_FIELDS = ['clubTypeId', 'status', 'startedOn', 'leaderName', 'schedules'];
const CLOSED_CLUB_FIELDS = ['leaderName', 'schedules'];

interface ClubFormProps {
  centreId: string;
  initial: ClubValues;
  isNew: boolean;
  /** A closed club: its status and first meeting wait until it is reopened. */
  closed?: boolean;
  submitLabel: string;
  failedTitle: string;
  cancelTo?: string;
  /** Sends the values; throws what the API refused. */
  onSave: (values: ClubValues) => Promise<void>;
}

function ClubForm({ centreId, initial, isNew, closed = false, submitLabel, failedTitle, cancelTo, onSave }: ClubFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ClubValues>(initial);
  const form = useFormSubmit({
    validate: () => (closed ? {} : validateClub(values, t, { isNew })),
    send: () => onSave(values),
    isShown: inFields(closed ? CLOSED_CLUB_FIELDS : CLUB_FIELDS),
  });

  const { problems } = form;
  return (
    <>
      {form.failure ? <FormError title={failedTitle} {...form.failure} /> : null}
      <form className="form" noValidate onSubmit={form.onSubmit} aria-busy={form.sending}>
        {isNew ? (
          <ClubTypeSelect
            centreId={centreId}
            value={values.clubTypeId}
            error={problems['clubTypeId']}
            onChange={(clubTypeId) => setValues({ ...values, clubTypeId })}
          />
        ) : null}
        {closed ? null : (
          <>
            <Field label={t('clubs.form.status')} hint={t('clubs.form.statusHint')} error={problems['status']}>
              {(control) => (
                <select
                  {...control}
                  name="status"
                  value={values.status}
                  onChange={(event) => setValues({ ...values, status: event.target.value as OpenClubStatus })}
                >
                  {OPEN_CLUB_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`enums.clubStatus.${status}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('clubs.form.startedOn')} hint={t('clubs.form.startedOnHint')} error={problems['startedOn']}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  name="startedOn"
                  value={values.startedOn}
                  onChange={(event) => setValues({ ...values, startedOn: event.target.value })}
                />
              )}
            </Field>
          </>
        )}
        <Field label={t('clubs.form.leader')} hint={t('clubs.form.leaderHint')} error={problems['leaderName']}>
          {(control) => (
            <input
              {...control}
              name="leaderName"
              autoComplete="off"
              value={values.leaderName}
              onChange={(event) => setValues({ ...values, leaderName: event.target.value })}
            />
          )}
        </Field>
        <LocalisedTextFields
          name="schedules"
          legend={t('clubs.form.schedule')}
          hint={t('clubs.form.scheduleHint')}
          values={values.schedules}
          problems={problems}
          onChange={(schedules) => setValues({ ...values, schedules })}
        />
        <FormActions sending={form.sending} submitLabel={submitLabel} cancelTo={cancelTo} />
      </form>
    </>
  );
}

/**
 * The catalogue's current types. Those already running at the centre are marked and cannot be
 * chosen: the API allows one open club of a type per centre (and would refuse with CONFLICT).
 */
function ClubTypeSelect({
  centreId,
  value,
  error,
  onChange,
}: {
  centreId: string;
  value: string;
  error: string | undefined;
  onChange: (clubTypeId: string) => void;
}) {
  const { t } = useTranslation();
  const types = useQuery(ClubFormClubTypesQuery, { variables: { first: CLUB_TYPES_PAGE_SIZE } });
  const centre = useQuery(ClubFormCentreClubsQuery, { variables: { id: centreId } });
  const running = new Set(centre.data?.centre?.clubs.map((club) => club.type.id) ?? []);
  const nodes = types.data?.clubTypes.nodes ?? [];
  const problem = error ?? (types.error ? `${t('clubs.form.typesFailed')} ${t(`errors.${failureCode(types.error)}`)}` : undefined);
  return (
    <div className="centre-select">
      <Field label={t('clubs.form.type')} hint={t('clubs.form.typeHint')} error={problem}>
        {(control) => (
          <select {...control} name="clubTypeId" value={value} aria-busy={types.loading} onChange={(event) => onChange(event.target.value)}>
            <option value="">{types.data ? t('clubs.form.chooseType') : t('clubs.form.typesLoading')}</option>
            {nodes.map((type) => (
              <option key={type.id} value={type.id} disabled={running.has(type.id)}>
                {running.has(type.id) ? t('clubs.form.typeRunning', { name: type.name }) : type.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {types.error ? (
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            types.refetch().catch(() => undefined);
          }}
        >
          {t('clubs.form.typesRetry')}
        </button>
      ) : null}
      {types.data && nodes.length === 0 ? <p className="field-hint">{t('clubs.form.noTypes')}</p> : null}
    </div>
  );
}

