import { LANGUAGES, MIN_PASSWORD_LENGTH, ROLES, type Language, type Role } from '@mrc/domain';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/ui/Field';
import type { FieldProblems } from '../../app/ui/field-problems';
import { CentreSelect } from '../centres/CentreSelect';
import { needsCentre, type UserDetailsValues } from './user-form';

interface UserDetailsFieldsProps {
  values: UserDetailsValues;
  problems: FieldProblems;
  onChange: (values: UserDetailsValues) => void;
}

/** Name, role, centre (asked only of a coordinator) and language: shared by the create and edit forms. */
export function UserDetailsFields({ values, problems, onChange }: UserDetailsFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('users.form.displayName')} error={problems['displayName']}>
        {(control) => (
          <input
            {...control}
            name="displayName"
            autoComplete="off"
            value={values.displayName}
            onChange={(event) => onChange({ ...values, displayName: event.target.value })}
          />
        )}
      </Field>
      <Field label={t('users.form.role')} hint={t('users.form.roleHint')} error={problems['role']}>
        {(control) => (
          <select
            {...control}
            name="role"
            value={values.role}
            onChange={(event) => onChange({ ...values, role: event.target.value as Role })}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {needsCentre(values.role) ? (
        <CentreSelect
          name="centreId"
          label={t('users.form.centre')}
          hint={t('users.form.centreHint')}
          emptyOption={t('users.form.chooseCentre')}
          value={values.centreId}
          error={problems['centreId']}
          onChange={(centreId) => onChange({ ...values, centreId })}
        />
      ) : null}
      <LanguageField
        label={t('users.form.language')}
        value={values.preferredLanguage}
        error={problems['preferredLanguage']}
        onChange={(preferredLanguage) => onChange({ ...values, preferredLanguage })}
      />
    </>
  );
}

/** One of the three languages, each named in itself as in the header's switch. */
export function LanguageField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: Language;
  error?: string | undefined;
  onChange: (language: Language) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field label={label} error={error}>
      {(control) => (
        <select {...control} name="preferredLanguage" value={value} onChange={(event) => onChange(event.target.value as Language)}>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface NewPasswordFieldsProps {
  password: string;
  confirmation: string;
  problems: FieldProblems;
  onPassword: (password: string) => void;
  onConfirmation: (confirmation: string) => void;
}

/** A new password typed twice: the administrator's reset and one's own change both ask it this way. */
export function NewPasswordFields({ password, confirmation, problems, onPassword, onConfirmation }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        label={t('users.password.newPassword')}
        hint={t('users.form.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        error={problems['newPassword']}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            name="newPassword"
            autoComplete="new-password"
            value={password}
            onChange={(event) => onPassword(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('users.password.confirmation')} error={problems['confirmation']}>
        {(control) => (
          <input
            {...control}
            type="password"
            name="confirmation"
            autoComplete="new-password"
            value={confirmation}
            onChange={(event) => onConfirmation(event.target.value)}
          />
        )}
      </Field>
    </>
  );
}
