import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { Field } from '../../app/ui/Field';
import { inFields } from '../../app/ui/field-problems';
import { FormActions } from '../../app/ui/FormActions';
import { FormError } from '../../app/ui/FormError';
import { LocalisedTextFields } from '../../app/ui/LocalisedTextFields';
import { Notice } from '../../app/ui/Notice';
import { useFormSubmit } from '../../app/ui/use-form-submit';
import type { CentreDetailFieldsFragment } from '../../gql/graphql';
import { canEditCentre, canManageCentres } from '../auth/permissions';
import { NotAllowed } from '../auth/RequirePermission';
import { useSession } from '../auth/session-context';
import { CentreBreadcrumb } from './CentreBreadcrumb';
import { CentreEditQuery, CloseCentreMutation, ReopenCentreMutation, UpdateCentreMutation } from './centre-documents';
import { CentreState } from './CentreState';
import { centreInput, centreValues, contactsInput, validateCentre, validateContacts, type CentreValues } from './centre-form';
import { CentreSelect } from './CentreSelect';
import { CloseRecordPanel } from './CloseRecordPanel';
import { forgetCentreLists } from './forget-records';
import './network.css';

/** The kinds a centre under the regional one may have; only the root is REGIONAL. */
const DISTRICT_KINDS = ['CITY', 'CITY_DISTRICT', 'RURAL_DISTRICT'] as const;

/**
 * Changing a centre. An administrator changes everything (its names in the three languages, its place
 * in the network, its coordinates) and may close or reopen it; the centre's own coordinator keeps its
 * contacts up to date. Anyone else is told they may not.
 */
export default function CentreEditPage() {
  const { t } = useTranslation();
  const { centreId = '' } = useParams();
  const { ability } = useSession();
  const { data, error, loading, refetch } = useQuery(CentreEditQuery, { variables: { id: centreId } });
  const centre = data?.centre;
  useDocumentTitle(centre ? t('centre.edit.titleOf', { name: centre.name }) : t('centre.edit.title'));

  if (!canEditCentre(ability, centreId)) return <NotAllowed />;

  return (
    <>
      <CentreBreadcrumb centreId={centreId} />
      <h1>{centre ? t('centre.edit.titleOf', { name: centre.name }) : t('centre.edit.title')}</h1>
      <CentreState centre={centre} error={error} loading={loading} refetch={refetch}>
        {(found) => <CentreEditSections centre={found} />}
      </CentreState>
    </>
  );
}

function CentreEditSections({ centre }: { centre: CentreDetailFieldsFragment }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const wholeCentre = canEditCentre(ability, centre.id, 'names');
  const [closeCentre] = useMutation(CloseCentreMutation, { update: forgetCentreLists });
  const [reopenCentre] = useMutation(ReopenCentreMutation, { update: forgetCentreLists });
  return (
    <>
      <p className="page-intro">{wholeCentre ? t('centre.edit.intro') : t('centre.edit.contactsIntro')}</p>
      <CentreForm centre={centre} wholeCentre={wholeCentre} />
      {/* The regional centre is the root of the network: it cannot close. */}
      {canManageCentres(ability) && centre.parent ? (
        <CloseRecordPanel
          heading={t('centre.edit.closingHeading')}
          closedOn={centre.closedOn ?? null}
          texts={{
            close: t('centre.edit.close'),
            question: t('centre.edit.closeQuestion'),
            reopen: t('centre.edit.reopen'),
            closedOn: (date) => t('centre.edit.closedOn', { date }),
          }}
          onClose={(closedOn) => closeCentre({ variables: { input: { id: centre.id, closedOn } } })}
          onReopen={() => reopenCentre({ variables: { input: { id: centre.id } } })}
        />
      ) : null}
    </>
  );
}

/** The inputs each form has fields for; problems with others are listed in its error summary. */
const CONTACT_FIELDS = ['phone', 'email', 'address'];
const CENTRE_FIELDS = [...CONTACT_FIELDS, 'names', 'towns', 'kind', 'code', 'parentId', 'latitude', 'longitude', 'openedOn'];

function CentreForm({ centre, wholeCentre }: { centre: CentreDetailFieldsFragment; wholeCentre: boolean }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<CentreValues>(() => centreValues(centre));
  const [updateCentre] = useMutation(UpdateCentreMutation, { update: forgetCentreLists });
  const form = useFormSubmit({
    validate: () => (wholeCentre ? validateCentre(values, t) : validateContacts(values, t)),
    send: async () => {
      await updateCentre({ variables: { input: wholeCentre ? centreInput(centre.id, values) : contactsInput(centre.id, values) } });
    },
    isShown: inFields(wholeCentre ? CENTRE_FIELDS : CONTACT_FIELDS),
  });
  const { problems } = form;
  const isRoot = !centre.parent;

  const text = (field: keyof CentreValues, label: string, options: { hint?: string; type?: string; inputMode?: 'decimal' } = {}) => (
    <Field label={label} hint={options.hint} error={problems[field]}>
      {(control) => (
        <input
          {...control}
          name={field}
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          autoComplete="off"
          value={values[field] as string}
          onChange={(event) => setValues({ ...values, [field]: event.target.value })}
        />
      )}
    </Field>
  );

  return (
    <section className="panel" aria-labelledby="centre-form-heading">
      <h2 id="centre-form-heading">{wholeCentre ? t('centre.edit.detailsHeading') : t('centre.contacts.heading')}</h2>
      {form.failure ? <FormError title={t('centre.edit.saveFailed')} {...form.failure} /> : null}
      {form.sent ? <Notice>{t('form.saved')}</Notice> : null}
      <form className="form" noValidate onSubmit={form.onSubmit} aria-busy={form.sending}>
        {wholeCentre ? (
          <>
            <LocalisedTextFields
              name="names"
              legend={t('centre.form.names')}
              hint={t('centre.form.namesHint')}
              values={values.names}
              problems={problems}
              onChange={(names) => setValues({ ...values, names })}
            />
            <LocalisedTextFields
              name="towns"
              legend={t('centre.form.towns')}
              values={values.towns}
              problems={problems}
              onChange={(towns) => setValues({ ...values, towns })}
            />
            {isRoot ? null : (
              <Field label={t('centre.about.kind')} error={problems['kind']}>
                {(control) => (
                  <select
                    {...control}
                    name="kind"
                    value={values.kind}
                    onChange={(event) => setValues({ ...values, kind: event.target.value as CentreValues['kind'] })}
                  >
                    {DISTRICT_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`centreKind.${kind}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            {text('code', t('centre.form.code'), { hint: t('centre.form.codeHint') })}
            {isRoot ? null : (
              <CentreSelect
                name="parentId"
                label={t('centre.about.parent')}
                hint={t('centre.form.parentHint')}
                emptyOption={t('centre.form.chooseParent')}
                value={values.parentId}
                error={problems['parentId']}
                onChange={(parentId) => setValues({ ...values, parentId })}
              />
            )}
            <div className="field-row">
              {text('latitude', t('centre.form.latitude'), { hint: t('centre.form.latitudeHint'), inputMode: 'decimal' })}
              {text('longitude', t('centre.form.longitude'), { hint: t('centre.form.longitudeHint'), inputMode: 'decimal' })}
            </div>
            {text('openedOn', t('centre.about.openedOn'), { type: 'date' })}
          </>
        ) : null}
        {text('phone', t('centre.contacts.phone'), { type: 'tel', hint: t('centre.form.phoneHint') })}
        {text('email', t('centre.contacts.email'), { type: 'email' })}
        <LocalisedTextFields
          name="address"
          legend={t('centre.contacts.address')}
          values={values.address}
          problems={problems}
          rows={2}
          onChange={(address) => setValues({ ...values, address })}
        />
        <FormActions sending={form.sending} submitLabel={t('form.save')} />
      </form>
    </section>
  );
}
