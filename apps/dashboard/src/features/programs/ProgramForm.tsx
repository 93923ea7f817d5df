import { EDUCATION_LEVELS, PROGRAM_KINDS, YOUTH_AGE } from '@mrc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, Field } from '../../app/ui/Field';
import { FormActions } from '../../app/ui/FormActions';
import { FormError } from '../../app/ui/FormError';
import { LocalisedTextFields } from '../../app/ui/LocalisedTextFields';
import { useFormSubmit } from '../../app/ui/use-form-submit';
import type { EducationLevel, ProgramKind } from '../../gql/graphql';
import { CodeField } from '../catalogue/CodeField';
import { catalogueRefusalProblems } from '../catalogue/form-problems';
import { isProgramField, MAX_DURATION_WEEKS, needsAgeReason, validateProgram, type ProgramValues } from './program-form';
import { MentorsField, PartnersField } from './ProgramMembersFields';

interface ProgramFormProps {
  initial: ProgramValues;
  submitLabel: string;
  submittingLabel: string;
  /** What could not be done ("The program could not be created."). */
  failedTitle: string;
  cancelTo: string;
  /** Sends the values; a rejection is a refusal, shown at the fields it concerns. */
  onSubmit: (values: ProgramValues) => Promise<void>;
}

/** Every field of a program, for creating one and for changing it. */
export function ProgramForm({ initial, submitLabel, submittingLabel, failedTitle, cancelTo, onSubmit }: ProgramFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ProgramValues>(initial);
  const form = useFormSubmit({
    validate: () => validateProgram(values, t),
    send: () => onSubmit(values),
    refusalProblems: (error) => catalogueRefusalProblems(error, t),
    isShown: isProgramField,
  });
  const { problems } = form;
  const set = (next: Partial<ProgramValues>) => setValues({ ...values, ...next });
  const askReason = needsAgeReason(values);

  return (
    <>
      {form.failure ? <FormError title={failedTitle} {...form.failure} /> : null}
      <form className="form form-wide" noValidate onSubmit={form.onSubmit} aria-busy={form.sending}>
        <LocalisedTextFields
          name="names"
          legend={t('catalogue.form.names')}
          hint={t('catalogue.form.namesHint')}
          values={values.names}
          problems={problems}
          onChange={(names) => set({ names })}
        />
        <Field label={t('programs.form.kind')} error={problems['kind']}>
          {(control) => (
            <select {...control} name="kind" value={values.kind} onChange={(event) => set({ kind: event.target.value as ProgramKind })}>
              {PROGRAM_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`enums.programKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <LocalisedTextFields
          name="descriptions"
          legend={t('catalogue.form.descriptions')}
          hint={t('programs.form.descriptionsHint')}
          values={values.descriptions}
          problems={problems}
          rows={3}
          onChange={(descriptions) => set({ descriptions })}
        />

        <fieldset className="field-group">
          <legend>{t('programs.form.eligibility')}</legend>
          <p className="field-hint">{t('programs.form.agesHint', { min: YOUTH_AGE.min, max: YOUTH_AGE.max })}</p>
          <div className="form-row">
            <Field label={t('programs.form.minAge')} error={problems['minAge']}>
              {(control) => (
                <input
                  {...control}
                  name="minAge"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={120}
                  value={values.minAge}
                  onChange={(event) => set({ minAge: event.target.value })}
                />
              )}
            </Field>
            <Field label={t('programs.form.maxAge')} error={problems['maxAge']}>
              {(control) => (
                <input
                  {...control}
                  name="maxAge"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={120}
                  value={values.maxAge}
                  onChange={(event) => set({ maxAge: event.target.value })}
                />
              )}
            </Field>
          </div>
          {/* Asked only for a range outside 14–35; it follows the age fields, where the keyboard goes next. */}
          {askReason ? (
            <LocalisedTextFields
              name="ageExceptionReason"
              legend={t('programs.form.ageExceptionReason')}
              hint={t('programs.form.ageExceptionReasonHint', { min: YOUTH_AGE.min, max: YOUTH_AGE.max })}
              values={values.ageExceptionReason}
              problems={problems}
              rows={3}
              onChange={(ageExceptionReason) => set({ ageExceptionReason })}
            />
          ) : null}
          <Field label={t('programs.form.minEducation')} error={problems['minEducation']}>
            {(control) => (
              <select
                {...control}
                name="minEducation"
                value={values.minEducation}
                onChange={(event) => set({ minEducation: event.target.value as EducationLevel })}
              >
                {EDUCATION_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`enums.educationLevel.${level}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <CheckboxField
            name="ruralOnly"
            label={t('programs.form.ruralOnly')}
            hint={t('programs.form.ruralOnlyHint')}
            error={problems['ruralOnly']}
            checked={values.ruralOnly}
            onChange={(ruralOnly) => set({ ruralOnly })}
          />
          <CheckboxField
            name="anonymous"
            label={t('programs.form.anonymous')}
            hint={t('programs.form.anonymousHint')}
            error={problems['anonymous']}
            checked={values.anonymous}
            onChange={(anonymous) => set({ anonymous })}
          />
        </fieldset>

        <Field label={t('programs.form.durationWeeks')} hint={t('programs.form.durationWeeksHint', { max: MAX_DURATION_WEEKS })} error={problems['durationWeeks']}>
          {(control) => (
            <input
              {...control}
              name="durationWeeks"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_DURATION_WEEKS}
              value={values.durationWeeks}
              onChange={(event) => set({ durationWeeks: event.target.value })}
            />
          )}
        </Field>
        <PartnersField rows={values.partners} problems={problems} onChange={(partners) => set({ partners })} />
        <MentorsField rows={values.mentors} problems={problems} onChange={(mentors) => set({ mentors })} />
        <CodeField hint={t('programs.form.codeHint')} value={values.code} error={problems['code']} onChange={(code) => set({ code })} />
        <FormActions sending={form.sending} submitLabel={submitLabel} sendingLabel={submittingLabel} cancelTo={cancelTo} />
      </form>
    </>
  );
}
