import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { Field } from '../../app/ui/Field';
import { inFields } from '../../app/ui/field-problems';
import { FormActions } from '../../app/ui/FormActions';
import { FormError } from '../../app/ui/FormError';
import { EMPTY_LOCALISED, localisedInput, localisedValues, type LocalisedValues } from '../../app/ui/localised-text';
import { LocalisedTextFields } from '../../app/ui/LocalisedTextFields';
import { Notice } from '../../app/ui/Notice';
import { RecordState } from '../../app/ui/RecordState';
import { useFormSubmit } from '../../app/ui/use-form-submit';
import { canAddAtCentre, canEditAtCentre } from '../auth/permissions';
import { NotAllowed } from '../auth/RequirePermission';
import { useSession } from '../auth/session-context';
import { CentreBreadcrumb, type CentrePageNotice } from './CentreBreadcrumb';
import { CloseRecordPanel } from './CloseRecordPanel';
import { EQUIPMENT, SPACES, type Facility, type FacilityInput, type FacilityType } from './facility-types';
import { parseWholeNumber, requireName } from './record-form';
import './network.css';

/** The API's limits on a space's capacity and on how many of an item a centre has. */
const AMOUNT = { min: 1, max: 10_000 };

interface FacilityValues<Kind extends string> {
  kind: Kind;
  names: LocalisedValues;
  amount: string;
}

/**
 * What a centre lends: a new space or item (`/centres/:centreId/spaces/new`, `…/equipment/new`), or
 * one to change and close or write off (`…/spaces/:facilityId`, `…/equipment/:facilityId`).
 */
export default function FacilityFormPage({ facility }: { facility: 'space' | 'equipment' }) {
  // Keyed by type: each reads and writes through hooks of its own, so a switch mounts the page afresh
  // rather than calling another type's hooks in the same component.
  return facility === 'space' ? <FacilityPage key={facility} type={SPACES} /> : <FacilityPage key={facility} type={EQUIPMENT} />;
}

function FacilityPage<Kind extends string>({ type }: { type: FacilityType<Kind> }) {
  const { facilityId } = useParams();
  return facilityId ? <EditFacility type={type} id={facilityId} /> : <NewFacility type={type} />;
}

function NewFacility<Kind extends string>({ type }: { type: FacilityType<Kind> }) {
  const { t } = useTranslation();
  const { centreId = '' } = useParams();
  const { ability } = useSession();
  const navigate = useNavigate();
  const { create } = type.useWrites(centreId);
  useDocumentTitle(t(`centre.${type.section}.newTitle`));
  if (!canAddAtCentre(ability, type.subject, centreId)) return <NotAllowed />;

  const centrePath = `/centres/${encodeURIComponent(centreId)}`;
  return (
    <>
      <CentreBreadcrumb centreId={centreId} />
      <h1>{t(`centre.${type.section}.newTitle`)}</h1>
      <FacilityForm
        type={type}
        initial={{ kind: type.newKind, names: EMPTY_LOCALISED, amount: '' }}
        submitLabel={t(`centre.${type.section}.create`)}
        failedTitle={t(`centre.${type.section}.createFailed`)}
        cancelTo={centrePath}
        onSave={async (input) => {
          const name = await create(input);
          if (name === undefined) return;
          const notice: CentrePageNotice = { added: type.notice, name };
          await navigate(centrePath, { state: notice });
        }}
      />
    </>
  );
}

function EditFacility<Kind extends string>({ type, id }: { type: FacilityType<Kind>; id: string }) {
  const { t } = useTranslation();
  const { centreId = '' } = useParams();
  const { ability } = useSession();
  const { facility, error, loading, refetch } = type.useFacility(id);
  useDocumentTitle(facility?.name ?? t(`centre.${type.section}.editTitle`));

  if (facility && !canEditAtCentre(ability, type.subject, facility.centreId)) return <NotAllowed />;

  return (
    <>
      <CentreBreadcrumb centreId={facility?.centreId ?? centreId} />
      <h1>{facility?.name ?? t(`centre.${type.section}.editTitle`)}</h1>
      <RecordState
        record={facility}
        error={error}
        loading={loading}
        refetch={refetch}
        failedTitle={t(`centre.${type.section}.loadFailed`)}
        loadingLabel={t(`centre.${type.section}.loading`)}
        loadingTestId={`${type.notice}-loading`}
        notFoundTitle={t(`centre.${type.section}.notFound`)}
        notFoundHint={t('centre.recordNotFoundHint')}
      >
        {(found) => <FacilitySections type={type} facility={found} />}
      </RecordState>
    </>
  );
}

function FacilitySections<Kind extends string>({ type, facility }: { type: FacilityType<Kind>; facility: Facility<Kind> }) {
  const { t } = useTranslation();
  const { update, close, reopen } = type.useWrites(facility.centreId);
  return (
    <>
      <FacilityForm
        type={type}
        initial={{ kind: facility.kind, names: localisedValues(facility.names), amount: String(facility.amount) }}
        submitLabel={t('form.save')}
        failedTitle={t('centre.saveFailed')}
        savedNotice={t('form.saved')}
        onSave={(input) => update(facility.id, input)}
      />
      <CloseRecordPanel
        heading={t(`centre.${type.section}.closingHeading`)}
        closedOn={facility.closedOn}
        texts={{
          close: t(`centre.${type.section}.close`),
          question: t(`centre.${type.section}.closeQuestion`),
          reopen: t(`centre.${type.section}.reopen`),
          closedOn: (date) => t(`centre.${type.section}.closedOn`, { date }),
        }}
        onClose={(closedOn) => close(facility.id, closedOn)}
        onReopen={() => reopen(facility.id)}
      />
    </>
  );
}

interface FacilityFormProps<Kind extends string> {
  type: FacilityType<Kind>;
  initial: FacilityValues<Kind>;
  submitLabel: string;
  failedTitle: string;
  /** Said once the changes are saved; a new one's form goes back to the centre instead. */
  savedNotice?: string;
  cancelTo?: string;
  /** Sends the values; throws what the API refused. */
  onSave: (input: FacilityInput<Kind>) => Promise<unknown>;
}

function FacilityForm<Kind extends string>({ type, initial, submitLabel, failedTitle, savedNotice, cancelTo, onSave }: FacilityFormProps<Kind>) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FacilityValues<Kind>>(initial);
  const amount = parseWholeNumber(values.amount, AMOUNT, t);
  const form = useFormSubmit({
    validate: () => ({ ...requireName(values.names, 'names', t), [type.amountField]: amount.problem }),
    send: async () => {
      if (amount.value !== undefined) await onSave({ kind: values.kind, names: localisedInput(values.names), amount: amount.value });
    },
    isShown: inFields(['kind', 'names', type.amountField]),
  });

  const { problems } = form;
  return (
    <>
      {savedNotice && form.sent ? <Notice>{savedNotice}</Notice> : null}
      {form.failure ? <FormError title={failedTitle} {...form.failure} /> : null}
      <form className="form" noValidate onSubmit={form.onSubmit} aria-busy={form.sending}>
        <Field label={t(`centre.${type.section}.column.kind`)} error={problems['kind']}>
          {(control) => (
            <select {...control} name="kind" value={values.kind} onChange={(event) => setValues({ ...values, kind: event.target.value as Kind })}>
              {type.kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {type.kindName(kind, t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <LocalisedTextFields
          name="names"
          legend={t('centre.form.names')}
          hint={t('centre.form.namesHint')}
          values={values.names}
          problems={problems}
          onChange={(names) => setValues({ ...values, names })}
        />
        <Field label={type.amountLabel(t)} hint={type.amountHint(t)} error={problems[type.amountField]}>
          {(control) => (
            <input
              {...control}
              name={type.amountField}
              inputMode="numeric"
              value={values.amount}
              onChange={(event) => setValues({ ...values, amount: event.target.value })}
            />
          )}
        </Field>
        <FormActions sending={form.sending} submitLabel={submitLabel} cancelTo={cancelTo} />
      </form>
    </>
  );
}
