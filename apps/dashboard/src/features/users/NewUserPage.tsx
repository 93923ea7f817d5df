import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { toApiLanguage } from '../../app/i18n/api-language';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { Field } from '../../app/ui/Field';
import { FormActions } from '../../app/ui/FormActions';
import { FormError } from '../../app/ui/FormError';
import { useFormSubmit } from '../../app/ui/use-form-submit';
import { forgetUserLists } from './forget-lists';
import { MIN_PASSWORD_LENGTH, needsCentre, serverProblems, validateNewUser, type NewUserValues } from './user-form';
import { UserDetailsFields } from './UserFields';
import { CreateUserMutation } from './users-documents';
import type { UsersPageNotice } from './UsersPage';

const EMPTY: NewUserValues = {
  email: '',
  displayName: '',
  role: 'DISTRICT_COORDINATOR',
  centreId: '',
  preferredLanguage: 'ru',
  password: '',
};

export default function NewUserPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.new.title'));
  const navigate = useNavigate();
  const [values, setValues] = useState<NewUserValues>(EMPTY);
  const [createUser] = useMutation(CreateUserMutation, { update: forgetUserLists });
  const form = useFormSubmit({
    validate: () => validateNewUser(values, t),
    send: async () => {
      const { data } = await createUser({
        variables: {
          input: {
            email: values.email.trim(),
            displayName: values.displayName.trim(),
            role: values.role,
            ...(needsCentre(values.role) ? { centreId: values.centreId } : {}),
            preferredLanguage: toApiLanguage(values.preferredLanguage),
            password: values.password,
          },
        },
      });
      if (!data) return;
      const notice: UsersPageNotice = { created: data.createUser.user.displayName };
      await navigate('/users', { state: notice });
    },
    refusalProblems: (error) => serverProblems(error, t, { conflictField: 'email' }),
  });
  const { problems } = form;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/users">{t('users.backToList')}</Link>
      </p>
      <h1>{t('users.new.title')}</h1>
      <p className="page-intro">{t('users.new.intro')}</p>
      {form.failure ? <FormError title={t('users.new.failed')} {...form.failure} /> : null}
      <form className="form" noValidate onSubmit={form.onSubmit} aria-busy={form.sending}>
        <Field label={t('users.form.email')} hint={t('users.form.emailHint')} error={problems['email']}>
          {(control) => (
            <input
              {...control}
              type="email"
              name="email"
              autoComplete="off"
              spellCheck={false}
              value={values.email}
              onChange={(event) => setValues({ ...values, email: event.target.value })}
            />
          )}
        </Field>
        <UserDetailsFields values={values} problems={problems} onChange={(details) => setValues({ ...values, ...details })} />
        <Field
          label={t('users.form.password')}
          hint={t('users.form.passwordHint', { count: MIN_PASSWORD_LENGTH })}
          error={problems['password']}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              name="password"
              autoComplete="new-password"
              value={values.password}
              onChange={(event) => setValues({ ...values, password: event.target.value })}
            />
          )}
        </Field>
        <FormActions sending={form.sending} submitLabel={t('users.new.submit')} sendingLabel={t('users.new.submitting')} cancelTo="/users" />
      </form>
    </>
  );
}
