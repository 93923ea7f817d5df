import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/ui/Field';
import { inFields } from '../../app/ui/field-problems';
import { FormActions } from '../../app/ui/FormActions';
import { FormError } from '../../app/ui/FormError';
import { LocalisedTextFields } from '../../app/ui/LocalisedTextFields';
import { Notice } from '../../app/ui/Notice';
import { useFormSubmit } from '../../app/ui/use-form-submit';
import { centreRefusalProblems, validateCentre, validateContacts, type CentreValues } from './centre-form';
import { CentreSelect } from './CentreSelect';

/** The kinds a centre under the regional one may have; only the root is REGIONAL. */
const DISTRICT_KINDS = ['CITY', 'CITY_DISTRICT', 'RURAL_DISTRICT'] as const;

/** The inputs each form has fields for; problems with others are listed in its error summary. */
const CONTACT_FIELDS = ['phone', 'email', 'address'];
const CENTRE_FIELDS = [...CONTACT_FIELDS, 'names', 'towns', 'kind', 'code', 'parentId', 'latitude', 'longitude', 'openedOn'];

interface CentreFormProps {
  initial: CentreValues;
  /** Every field (an administrator), or the contacts only (the centre's own coordinator). */
  wholeCentre: boolean;
  /** The regional centre: the root of the network, with no kind to choose and no parent. */
  isRoot: boolean;
  submitLabel: string;
  /** What the button says while sending; "Saving…" unless given. */
  sendingLabel?: string;
  failedTitle: string;
  /** Said once the changes are saved; a new centre's form goes to the centre instead. */
  savedNotice?: string;
  cancelTo?: string;
  /** Sends the values; throws what the API refused. */
  onSave: (values: CentreValues) => Promise<unknown>;
}

/**
 * A centre's details, for a new centre and for changing one: its names in the three languages, its
 * place in the network, its coordinates and contacts. Problems show at their fields; a taken code too.
 */
export function CentreForm({ initial, wholeCentre, isRoot, submitLabel, sendingLabel, failedTitle, savedNotice, cancelTo, onSave }: CentreFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<CentreValues>(initial);
  const form = useFormSubmit({
    validate: () => (wholeCentre ? validateCentre(values, t, { isRoot }) : validateContacts(values, t)),
    send: () => onSave(values),
    refusalProblems: (error) => centreRefusalProblems(error, t),
    isShown: inFields(wholeCentre ? CENTRE_FIELDS : CONTACT_FIELDS),
  });
  const { problems } = form;

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
      {form.failure ? <FormError title={failedTitle} {...form.failure} /> : null}
      {savedNotice && form.sent ? <Notice>{savedNotice}</Notice> : null}
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
        <FormActions sending={form.sending} submitLabel={submitLabel} sendingLabel={sendingLabel} cancelTo={cancelTo} />
      </form>
    </section>
  );
}
